/** Builders for model tests: valid records with only the fields a test cares about given. */
import type { CoachingSession } from '../../src/model/types.js';

export const STAMP = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

/** A huddle observation by coach `sup` of learner `tl` on `day`. */
export function session(day: string, fields: Partial<CoachingSession> = {}): CoachingSession {
  return {
    id: `s-${day}-${fields.learnerId ?? 'tl'}`,
    kind: 'huddle-observation',
    direction: 'down',
    coachId: 'sup',
    learnerId: 'tl',
    anonymous: false,
    day,
    ratings: {},
    wentWell: '',
    evenBetter: '',
    focus: '',
    ...STAMP,
    ...fields,
  };
}

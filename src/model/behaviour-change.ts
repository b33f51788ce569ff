/**
 * "Which behaviours are improving?" - each behaviour of the huddle checklist, rated when the
 * team leaders' huddles were observed by their coaches or peers, in this period against the one
 * before, judged against the noise of its ratings as every impact figure is (see `changeOf`).
 */
import type { Day } from './dates.js';
import { changeOf, type Change, type Figure } from './impact.js';
import { MAX_RATING } from './observation.js';
import type { CoachingSession } from './types.js';

/** The least ratings of a behaviour in a period before its share means anything. */
export const MINIMUM_BEHAVIOUR_RATINGS = 3;

export interface BehaviourChange {
  behaviourId: string;
  /** Mean rating as a share of "consistently" (0..1) in the period; null below the minimum. */
  now: Figure;
  before: Figure;
  /** Undefined when either period has too little data. */
  change: Change | undefined;
}

interface Period {
  from: Day;
  to: Day;
}

/** The mean of ratings (0..1 of the best) with how many and how widely they spread. */
function ratingFigure(ratings: readonly number[]): Figure {
  const shares = ratings.map((r) => r / MAX_RATING);
  const mean = shares.reduce((a, x) => a + x, 0) / Math.max(1, shares.length);
  const spread = shares.length >= 2 ? Math.sqrt(shares.reduce((a, x) => a + (x - mean) ** 2, 0) / (shares.length - 1)) : undefined;
  return {
    value: shares.length >= MINIMUM_BEHAVIOUR_RATINGS ? mean : null,
    basis: shares.length,
    ...(spread === undefined ? {} : { spread }),
  };
}

/**
 * Every behaviour rated in either period in huddle observations of `leaders` (by a coach or a
 * peer: the team's own up-notes have their pulse, and kata and coaching-the-coach rate other
 * behaviours). Improving first, then worse, then unchanged, then those with too little data.
 */
export function behaviourChanges(sessions: readonly CoachingSession[], leaders: ReadonlySet<string>, period: Period, previous: Period): BehaviourChange[] {
  const ratings = new Map<string, { now: number[]; before: number[] }>();
  for (const s of sessions) {
    if (s.deletedAt || s.kind !== 'huddle-observation' || s.direction === 'up' || !leaders.has(s.learnerId)) continue;
    const when = s.day >= period.from && s.day <= period.to ? 'now' : s.day >= previous.from && s.day <= previous.to ? 'before' : undefined;
    if (!when) continue;
    for (const [behaviourId, rating] of Object.entries(s.ratings)) {
      const entry = ratings.get(behaviourId) ?? { now: [], before: [] };
      entry[when].push(rating);
      ratings.set(behaviourId, entry);
    }
  }
  const order = (c: BehaviourChange) => (c.change === 'better' ? 0 : c.change === 'worse' ? 1 : c.change === 'same' ? 2 : 3);
  return [...ratings]
    .map(([behaviourId, { now, before }]) => {
      const figures = { now: ratingFigure(now), before: ratingFigure(before) };
      return { behaviourId, ...figures, change: changeOf(figures.now, figures.before, 'share') };
    })
    .sort((a, b) => order(a) - order(b) || (b.now.value ?? -1) - (a.now.value ?? -1));
}

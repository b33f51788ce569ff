/**
 * The default cascade from the board tree (DOMAIN.md): the leader of each board coaches the
 * leaders of the boards directly below it - a supervisor observes each team leader's huddle
 * weekly, a manager coaches each supervisor every two weeks.
 */
import { leaderOf } from './org.js';
import type { CoachingDirection, CoachingKind, CoachingPair, Draft, Person, Unit } from './types.js';

/** Down when the coach leads a higher tier than the learner, up when lower, else peer. */
export function coachingDirection(coachTier: number, learnerTier: number): CoachingDirection {
  return coachTier > learnerTier ? 'down' : coachTier < learnerTier ? 'up' : 'peer';
}

/** What a coach does with a learner who leads a board of `learnerTier`, and how often. */
export function defaultPairFor(learnerTier: number): { kind: CoachingKind; cadenceDays: number } {
  return learnerTier === 1 ? { kind: 'huddle-observation', cadenceDays: 7 } : { kind: 'coaching-the-coach', cadenceDays: 14 };
}

/** The pairs the board tree implies that do not exist yet (live pairs of the same coach, learner and kind count). */
export function proposeDefaultCascade(units: readonly Unit[], people: readonly Person[], pairs: readonly CoachingPair[]): Draft<CoachingPair>[] {
  const live = units.filter((u) => !u.deletedAt);
  const exists = new Set(pairs.filter((p) => !p.deletedAt).map((p) => `${p.coachId}>${p.learnerId}>${p.kind}`));
  const proposed: Draft<CoachingPair>[] = [];
  for (const child of live) {
    const parent = live.find((u) => u.id === child.parentId);
    const coach = parent && leaderOf(people, parent.id);
    const learner = leaderOf(people, child.id);
    if (!coach || !learner || coach.id === learner.id) continue;
    const { kind, cadenceDays } = defaultPairFor(child.tier);
    if (exists.has(`${coach.id}>${learner.id}>${kind}`)) continue;
    proposed.push({ coachId: coach.id, learnerId: learner.id, kind, direction: 'down', cadenceDays });
  }
  return proposed;
}

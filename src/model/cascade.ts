/**
 * The cascade as a whole: who coaches whom, the state of every pair, and where it is broken -
 * a coach nobody coaches, a team leader never observed, follow-ups not kept.
 */
import type { Day } from './dates.js';
import { followUpsKept, pairStatus, type PairStatus } from './cadence.js';
import type { CoachingPair, CoachingSession, Person, Unit } from './types.js';

export interface CascadePair {
  pair: CoachingPair;
  status: PairStatus;
}

export interface CascadePerson {
  person: Person;
  tier: number;
  /** Pairs where this person coaches. */
  gives: CascadePair[];
  /** Pairs where this person is coached. */
  receives: CascadePair[];
  /** Follow-ups agreed with this person that were not kept (share null when none were due). */
  followUps: { due: number; kept: number };
}

export type CascadeGap =
  | { kind: 'coach-not-coached'; person: Person }
  | { kind: 'leader-never-observed'; person: Person }
  | { kind: 'follow-ups-not-kept'; person: Person; missed: number };

export interface Cascade {
  people: CascadePerson[];
  gaps: CascadeGap[];
}

export function buildCascade(
  people: readonly Person[],
  units: readonly Unit[],
  pairs: readonly CoachingPair[],
  sessions: readonly CoachingSession[],
  today: Day,
): Cascade {
  const tierOf = new Map(units.map((u) => [u.id, u.tier]));
  const topTier = Math.max(0, ...units.filter((u) => !u.deletedAt).map((u) => u.tier));
  const livePairs = pairs.filter((p) => !p.deletedAt);
  const statuses = livePairs.map((pair) => ({ pair, status: pairStatus(pair, sessions, today) }));
  const involved = new Set(livePairs.flatMap((p) => [p.coachId, p.learnerId]));
  const shown = people.filter((p) => !p.deletedAt && (p.role === 'leader' || involved.has(p.id)));

  const cascadePeople = shown.map((person) => {
    const own = sessions.filter((s) => s.learnerId === person.id);
    const { due, kept } = followUpsKept(own, today);
    return {
      person,
      tier: tierOf.get(person.unitId) ?? 1,
      gives: statuses.filter((s) => s.pair.coachId === person.id),
      receives: statuses.filter((s) => s.pair.learnerId === person.id),
      followUps: { due, kept },
    };
  });

  const gaps: CascadeGap[] = [];
  for (const entry of cascadePeople) {
    const { person } = entry;
    // Whoever coaches should be coached too, except at the top of the organisation.
    if (entry.gives.length > 0 && entry.tier < topTier && entry.receives.every((r) => r.status.state === 'never')) {
      gaps.push({ kind: 'coach-not-coached', person });
    }
    const observed = entry.receives.some((r) => r.pair.kind === 'huddle-observation' && r.status.state !== 'never');
    if (person.role === 'leader' && entry.tier === 1 && !observed) gaps.push({ kind: 'leader-never-observed', person });
    const missed = entry.followUps.due - entry.followUps.kept;
    if (missed > 0 && missed / entry.followUps.due >= 0.5) gaps.push({ kind: 'follow-ups-not-kept', person, missed });
  }
  cascadePeople.sort((a, b) => b.tier - a.tier || a.person.name.localeCompare(b.person.name));
  return { people: cascadePeople, gaps };
}

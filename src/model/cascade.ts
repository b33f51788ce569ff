/**
 * The cascade as a whole: who coaches whom, the state of every pair, and where it is broken -
 * a coach nobody coaches, a team leader never observed, follow-ups not kept.
 */
import type { Day } from './dates.js';
import { followUpsKept, groupSessionsByPair, pairStatus, type PairStatus, type SessionFacts, type SessionsByPair } from './cadence.js';
import type { CoachingPair, Person, Unit } from './types.js';

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
  sessions: readonly SessionFacts[],
  today: Day,
  grouped: SessionsByPair = groupSessionsByPair(sessions),
): Cascade {
  const tierOf = new Map(units.map((u) => [u.id, u.tier]));
  const topTier = Math.max(0, ...units.filter((u) => !u.deletedAt).map((u) => u.tier));
  const livePairs = pairs.filter((p) => !p.deletedAt);
  const statuses = livePairs.map((pair) => ({ pair, status: pairStatus(pair, grouped.of(pair), today) }));
  const involved = new Set(livePairs.flatMap((p) => [p.coachId, p.learnerId]));
  const shown = people.filter((p) => !p.deletedAt && (p.role === 'leader' || involved.has(p.id)));
  const byPerson = <T>(items: readonly T[], id: (item: T) => string | undefined) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const key = id(item);
      if (key === undefined) continue;
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
    return map;
  };
  const sessionsOfLearner = byPerson(sessions, (s) => s.learnerId);
  const gives = byPerson(statuses, (s) => s.pair.coachId);
  const receives = byPerson(statuses, (s) => s.pair.learnerId);

  const cascadePeople = shown.map((person) => {
    const { due, kept } = followUpsKept(sessionsOfLearner.get(person.id) ?? [], today);
    return {
      person,
      tier: tierOf.get(person.unitId) ?? 1,
      gives: gives.get(person.id) ?? [],
      receives: receives.get(person.id) ?? [],
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

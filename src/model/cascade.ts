/**
 * The cascade as a whole: who coaches whom, the state of every pair, and where it is broken -
 * a coach nobody coaches, a team leader never observed, follow-ups not kept.
 */
import type { Day } from './dates.js';
import { coachingPairKey, followUpsKept, groupSessionsByPair, pairStatus, type PairStatus, type SessionFacts, type SessionsByPair } from './cadence.js';
import type { CoachingPair, Person, Unit } from './types.js';
import { groupBy } from './group-by.js';

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
  const livePairs = pairs.filter((p) => !p.deletedAt);
  const statuses = livePairs.map((pair) => ({ pair, status: pairStatus(pair, grouped, today) }));
  const sessionsOfLearner = groupBy(sessions, (s) => s.learnerId);
  return assemble(people, units, livePairs, statuses, (person) => followUpsOf(sessionsOfLearner.get(person.id) ?? [], today));
}

/** What changed among the conversations since a cascade was built: the pairs and learners they belong to. */
export interface ConversationsChanged {
  /** `sessionPairKey` of each changed conversation, before and after the change. */
  pairKeys: ReadonlySet<string>;
  learners: ReadonlySet<string>;
}

/**
 * The cascade after conversations were recorded, changed or retired - people, boards and pairs
 * as they were: the pairs and learners those conversations belong to are worked out again, the
 * rest taken from `previous`. The cascade `buildCascade` would build from everything.
 */
export function cascadeAfterConversations(
  previous: Cascade,
  people: readonly Person[],
  units: readonly Unit[],
  pairs: readonly CoachingPair[],
  sessions: readonly SessionFacts[],
  today: Day,
  changed: ConversationsChanged,
  grouped: SessionsByPair = groupSessionsByPair(sessions),
): Cascade {
  const statusBefore = new Map(previous.people.flatMap((entry) => entry.gives).map((given) => [given.pair.id, given.status]));
  const followUpsBefore = new Map(previous.people.map((entry) => [entry.person.id, entry.followUps]));
  const livePairs = pairs.filter((p) => !p.deletedAt);
  const statuses = livePairs.map((pair) => {
    const before = statusBefore.get(pair.id);
    return { pair, status: before && !changed.pairKeys.has(coachingPairKey(pair)) ? before : pairStatus(pair, grouped, today) };
  });
  const sessionsOfLearner = groupBy(
    sessions.filter((s) => changed.learners.has(s.learnerId)),
    (s) => s.learnerId,
  );
  return assemble(people, units, livePairs, statuses, (person) => {
    const before = followUpsBefore.get(person.id);
    return before && !changed.learners.has(person.id) ? before : followUpsOf(sessionsOfLearner.get(person.id) ?? [], today);
  });
}

function followUpsOf(sessions: readonly SessionFacts[], today: Day): CascadePerson['followUps'] {
  const { due, kept } = followUpsKept(sessions, today);
  return { due, kept };
}

/** The cascade from each live pair's state and each person's follow-ups: who is shown, on which tier, the gaps. */
function assemble(
  people: readonly Person[],
  units: readonly Unit[],
  livePairs: readonly CoachingPair[],
  statuses: readonly CascadePair[],
  followUps: (person: Person) => CascadePerson['followUps'],
): Cascade {
  const tierOf = new Map(units.map((u) => [u.id, u.tier]));
  const topTier = Math.max(0, ...units.filter((u) => !u.deletedAt).map((u) => u.tier));
  const involved = new Set(livePairs.flatMap((p) => [p.coachId, p.learnerId]));
  const shown = people.filter((p) => !p.deletedAt && (p.role === 'leader' || involved.has(p.id)));
  const gives = groupBy(statuses, (s) => s.pair.coachId);
  const receives = groupBy(statuses, (s) => s.pair.learnerId);

  const cascadePeople = shown.map((person) => ({
    person,
    tier: tierOf.get(person.unitId) ?? 1,
    gives: gives.get(person.id) ?? [],
    receives: receives.get(person.id) ?? [],
    followUps: followUps(person),
  }));

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

/**
 * Is the coaching cascade healthy? Per pair: when was the last conversation, is the next
 * one due or overdue, how often was the cadence kept, and were follow-ups kept.
 */
import { addDays, dayOfInstant, daysBetween, type Day } from './dates.js';
import type { CadencePeriod, CoachingPair, CoachingSession, Draft } from './types.js';
import { groupBy } from './group-by.js';

export type PairState = 'on-track' | 'due' | 'overdue' | 'never';

export interface PairStatus {
  state: PairState;
  lastDay?: Day;
  nextDue?: Day;
  /** Days past the end of the grace period; 0 unless overdue. */
  daysOverdue: number;
}

/**
 * What the cadence and follow-up figures read of a conversation: who, which kind, which day and
 * which follow-up - never its words, so a device may keep them with its figures.
 */
export type SessionFacts = Pick<CoachingSession, 'id' | 'kind' | 'coachId' | 'learnerId' | 'anonymous' | 'day' | 'followUpDate' | 'deletedAt'>;

/** A conversation's facts alone (see SessionFacts). */
export function sessionFacts(session: SessionFacts): SessionFacts {
  const { id, kind, coachId, learnerId, anonymous, day, followUpDate, deletedAt } = session;
  return {
    id,
    kind,
    learnerId,
    anonymous,
    day,
    ...(coachId !== undefined ? { coachId } : {}),
    ...(followUpDate !== undefined ? { followUpDate } : {}),
    ...(deletedAt !== undefined ? { deletedAt } : {}),
  };
}

/** Sessions that count for a pair: same coach, learner and kind, not deleted. */
export function sessionsOfPair<S extends SessionFacts>(pair: CoachingPair, sessions: readonly S[]): S[] {
  return sessions.filter((s) => !s.deletedAt && s.coachId === pair.coachId && s.learnerId === pair.learnerId && s.kind === pair.kind);
}

const pairKey = (coachId: string | undefined, learnerId: string, kind: string) => `${coachId ?? ''}|${learnerId}|${kind}`;

/** Which pair's conversations a conversation counts for: the same key as its pair's (`coachingPairKey`). */
export const sessionPairKey = (session: SessionFacts): string => pairKey(session.coachId, session.learnerId, session.kind);

/** The key of a pair's conversations (see `sessionPairKey`). */
export const coachingPairKey = (pair: Pick<CoachingPair, 'coachId' | 'learnerId' | 'kind'>): string => pairKey(pair.coachId, pair.learnerId, pair.kind);

/** Sessions by pair: `of(pair)` returns what `sessionsOfPair` would. */
export interface SessionsByPair<S extends SessionFacts = SessionFacts> {
  of(pair: CoachingPair): S[];
}

/**
 * Sessions grouped by pair, built once, so that a whole cascade does not scan every
 * session for every pair. `of(pair)` returns what `sessionsOfPair` would.
 */
export function groupSessionsByPair<S extends SessionFacts>(sessions: readonly S[]): SessionsByPair<S> {
  const groups = groupBy(sessions, (s) => (s.deletedAt ? undefined : sessionPairKey(s)));
  return { of: (pair) => groups.get(coachingPairKey(pair)) ?? [] };
}

/**
 * A pair's conversations, from any list of conversations or from them grouped by pair - which
 * are its own already: a cascade of 6,000 pairs filtering each pair's list again spent a fifth
 * of its time there.
 */
function ownSessions(pair: CoachingPair, sessions: readonly SessionFacts[] | SessionsByPair): readonly SessionFacts[] {
  return 'of' in sessions ? sessions.of(pair) : sessionsOfPair(pair, sessions);
}

/**
 * Days after the due day a pair counts as "due" before it turns "overdue": a fifth of the
 * cadence, at least one day (weekly -> 1 day, fortnightly -> 2, monthly -> 6).
 */
export function graceDays(cadenceDays: number): number {
  return Math.max(1, Math.floor(cadenceDays / 5));
}

/** The day a pair began: its cadence is judged from here on. */
export function pairBegan(pair: Pick<CoachingPair, 'since' | 'createdAt'>): Day {
  return pair.since ?? dayOfInstant(pair.createdAt);
}

/**
 * Where a pair stands today: on track until one cadence after its last conversation, then due
 * for a grace period, then overdue. A pair with no conversation yet is on track until one cadence
 * after it began (a pair set up this week is not "never observed"), then 'never'.
 */
export function pairStatus(pair: CoachingPair, sessions: readonly SessionFacts[] | SessionsByPair, today: Day): PairStatus {
  const days = ownSessions(pair, sessions)
    .map((s) => s.day)
    .filter((day) => day <= today)
    .sort();
  const lastDay = days.at(-1);
  if (lastDay === undefined) {
    const firstDue = addDays(pairBegan(pair), pair.cadenceDays);
    return daysBetween(firstDue, today) < 0 ? { state: 'on-track', nextDue: firstDue, daysOverdue: 0 } : { state: 'never', daysOverdue: 0 };
  }
  const nextDue = addDays(lastDay, pair.cadenceDays);
  const late = daysBetween(nextDue, today);
  if (late < 0) return { state: 'on-track', lastDay, nextDue, daysOverdue: 0 };
  const grace = graceDays(pair.cadenceDays);
  if (late <= grace) return { state: 'due', lastDay, nextDue, daysOverdue: 0 };
  return { state: 'overdue', lastDay, nextDue, daysOverdue: late - grace };
}

/** Every cadence the pair has had, oldest first, each from its day (the first from the day the pair began). */
export function cadencePeriods(pair: CoachingPair): CadencePeriod[] {
  return [...(pair.earlierCadences ?? []), { from: pair.cadenceFrom ?? pairBegan(pair), days: pair.cadenceDays }];
}

/**
 * A pair as saved: a new pair begins today unless told otherwise; a changed cadence applies from
 * today, and the one before is kept with its day, so the windows already past keep the cadence
 * they had. Two changes on one day leave one: the first applied to no day.
 */
export function pairSaved(draft: Draft<CoachingPair>, before: CoachingPair | undefined, today: Day): Draft<CoachingPair> {
  if (!before) return { ...draft, since: draft.since ?? today };
  const kept = { ...draft, since: draft.since ?? pairBegan(before) };
  if (before.cadenceDays === draft.cadenceDays) {
    return {
      ...kept,
      ...(before.cadenceFrom ? { cadenceFrom: before.cadenceFrom } : {}),
      ...(before.earlierCadences ? { earlierCadences: before.earlierCadences } : {}),
    };
  }
  const current = cadencePeriods(before).at(-1)!;
  const earlier = before.earlierCadences ?? [];
  return { ...kept, cadenceFrom: today, earlierCadences: current.from >= today ? earlier : [...earlier, current] };
}

/**
 * Share of cadence windows in [from, to] that held at least one session, counted only from the
 * day the pair began, each under the cadence it had then. Within each cadence's days, windows
 * are whole cadence lengths counted back from its last day; a stretch shorter than one cadence
 * has no windows, and when there are none at all the answer is null (too little time to judge).
 */
export function cadenceAdherence(pair: CoachingPair, sessions: readonly SessionFacts[] | SessionsByPair, from: Day, to: Day): number | null {
  const days = ownSessions(pair, sessions).map((s) => s.day);
  const periods = cadencePeriods(pair);
  let windows = 0;
  let kept = 0;
  periods.forEach((period, i) => {
    const next = periods[i + 1];
    const start = period.from > from ? period.from : from;
    const end = next && addDays(next.from, -1) < to ? addDays(next.from, -1) : to;
    const count = start > end ? 0 : Math.floor((daysBetween(start, end) + 1) / period.days);
    for (let w = 0; w < count; w++) {
      const windowEnd = addDays(end, -w * period.days);
      const windowStart = addDays(windowEnd, -period.days + 1);
      if (days.some((day) => day >= windowStart && day <= windowEnd)) kept++;
    }
    windows += count;
  });
  return windows === 0 ? null : kept / windows;
}

/**
 * Mean adherence over the pairs whose learner is on a tier, per tier; null for a tier whose
 * pairs all had too little time to judge. `grouped`: the sessions already grouped, when the
 * caller has them (the cascade groups 45,000 conversations once for all its figures).
 */
export function adherenceByTier(
  pairs: readonly CoachingPair[],
  sessions: readonly SessionFacts[],
  tierOfPerson: (personId: string) => number | undefined,
  from: Day,
  to: Day,
  grouped: SessionsByPair = groupSessionsByPair(sessions),
): Map<number, number | null> {
  return meanAdherenceByTier(pairs, tierOfPerson, pairAdherences(pairs, grouped, from, to));
}

/** Each live pair's adherence in [from, to] (`cadenceAdherence`), by pair id. */
export function pairAdherences(pairs: readonly CoachingPair[], grouped: SessionsByPair, from: Day, to: Day): Map<string, number | null> {
  const adherences = new Map<string, number | null>();
  for (const pair of pairs) if (!pair.deletedAt) adherences.set(pair.id, cadenceAdherence(pair, grouped, from, to));
  return adherences;
}

/** The mean of the live pairs' adherences per tier of their learner, in the order of `pairs`; null for a tier with none to judge. */
export function meanAdherenceByTier(
  pairs: readonly CoachingPair[],
  tierOfPerson: (personId: string) => number | undefined,
  adherences: ReadonlyMap<string, number | null>,
): Map<number, number | null> {
  const byTier = new Map<number, number[]>();
  for (const pair of pairs) {
    if (pair.deletedAt) continue;
    const tier = tierOfPerson(pair.learnerId);
    if (tier === undefined) continue;
    const list = byTier.get(tier) ?? [];
    const adherence = adherences.get(pair.id) ?? null;
    if (adherence !== null) list.push(adherence);
    byTier.set(tier, list);
  }
  const result = new Map<number, number | null>();
  for (const [tier, list] of [...byTier].sort((a, b) => a[0] - b[0])) {
    result.set(tier, list.length === 0 ? null : list.reduce((sum, x) => sum + x, 0) / list.length);
  }
  return result;
}

export interface FollowUpFigures {
  /** Follow-ups agreed whose day (plus grace) has passed by `today`. */
  due: number;
  /** Of those, the ones the same coach kept: another conversation with the same learner in time. */
  kept: number;
  /** kept / due, or null when nothing was due. */
  share: number | null;
}

/** Days after the agreed follow-up day a follow-up still counts as kept. */
export const FOLLOW_UP_GRACE_DAYS = 2;

/**
 * A follow-up belongs to the coach who agreed it: it is kept when that coach had another
 * conversation with the same learner after the first one and no later than two days after the
 * agreed day. A peer's or another coach's conversation does not keep it, and an anonymous note
 * owes none (nobody could keep it).
 */
export function followUpsKept(sessions: readonly SessionFacts[], today: Day): FollowUpFigures {
  const live = sessions.filter((s) => !s.deletedAt);
  // The days of each coach's conversations with each learner, in order: a follow-up is kept
  // when the first of them after its conversation is no later than its deadline.
  // (By learner, then coach: no key is built per conversation.)
  const daysOf = new Map<string, Map<string, Day[]>>();
  for (const s of live) {
    if (!s.coachId) continue;
    let ofLearner = daysOf.get(s.learnerId);
    if (!ofLearner) daysOf.set(s.learnerId, (ofLearner = new Map()));
    const days = ofLearner.get(s.coachId);
    if (days) days.push(s.day);
    else ofLearner.set(s.coachId, [s.day]);
  }
  for (const ofLearner of daysOf.values()) for (const days of ofLearner.values()) days.sort();
  let due = 0;
  let kept = 0;
  for (const session of live) {
    if (!session.followUpDate || session.anonymous || !session.coachId) continue;
    const deadline = addDays(session.followUpDate, FOLLOW_UP_GRACE_DAYS);
    if (deadline >= today) continue;
    due++;
    const next = firstAfter(daysOf.get(session.learnerId)!.get(session.coachId)!, session.day);
    if (next !== undefined && next <= deadline) kept++;
  }
  return { due, kept, share: due === 0 ? null : kept / due };
}

/** The first day in `days` (in order) later than `day`. */
function firstAfter(days: readonly Day[], day: Day): Day | undefined {
  let [low, high] = [0, days.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (days[middle]! > day) high = middle;
    else low = middle + 1;
  }
  return days[low];
}

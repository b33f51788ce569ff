/**
 * Is the coaching cascade healthy? Per pair: when was the last conversation, is the next
 * one due or overdue, how often was the cadence kept, and were follow-ups kept.
 */
import { addDays, daysBetween, type Day } from './dates.js';
import type { CoachingPair, CoachingSession } from './types.js';

export type PairState = 'on-track' | 'due' | 'overdue' | 'never';

export interface PairStatus {
  state: PairState;
  lastDay?: Day;
  nextDue?: Day;
  /** Days past the end of the grace period; 0 unless overdue. */
  daysOverdue: number;
}

/** Sessions that count for a pair: same coach, learner and kind, not deleted. */
export function sessionsOfPair(pair: CoachingPair, sessions: readonly CoachingSession[]): CoachingSession[] {
  return sessions.filter((s) => !s.deletedAt && s.coachId === pair.coachId && s.learnerId === pair.learnerId && s.kind === pair.kind);
}

const pairKey = (coachId: string | undefined, learnerId: string, kind: string) => `${coachId ?? ''}|${learnerId}|${kind}`;

/**
 * Sessions grouped by pair, built once, so that a whole cascade does not scan every
 * session for every pair. `of(pair)` returns what `sessionsOfPair` would.
 */
export function groupSessionsByPair(sessions: readonly CoachingSession[]): { of(pair: CoachingPair): CoachingSession[] } {
  const groups = new Map<string, CoachingSession[]>();
  for (const s of sessions) {
    if (s.deletedAt) continue;
    const key = pairKey(s.coachId, s.learnerId, s.kind);
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return { of: (pair) => groups.get(pairKey(pair.coachId, pair.learnerId, pair.kind)) ?? [] };
}

/**
 * Days after the due day a pair counts as "due" before it turns "overdue": a fifth of the
 * cadence, at least one day (weekly -> 1 day, fortnightly -> 2, monthly -> 6).
 */
export function graceDays(cadenceDays: number): number {
  return Math.max(1, Math.floor(cadenceDays / 5));
}

export function pairStatus(pair: CoachingPair, sessions: readonly CoachingSession[], today: Day): PairStatus {
  const days = sessionsOfPair(pair, sessions)
    .map((s) => s.day)
    .filter((day) => day <= today)
    .sort();
  const lastDay = days.at(-1);
  if (lastDay === undefined) return { state: 'never', daysOverdue: 0 };
  const nextDue = addDays(lastDay, pair.cadenceDays);
  const late = daysBetween(nextDue, today);
  if (late < 0) return { state: 'on-track', lastDay, nextDue, daysOverdue: 0 };
  const grace = graceDays(pair.cadenceDays);
  if (late <= grace) return { state: 'due', lastDay, nextDue, daysOverdue: 0 };
  return { state: 'overdue', lastDay, nextDue, daysOverdue: late - grace };
}

/**
 * Share of cadence windows in [from, to] that held at least one session. Windows are whole
 * cadence lengths counted back from `to`; a period shorter than one cadence has no windows
 * and gives null (too little time to judge).
 */
export function cadenceAdherence(pair: CoachingPair, sessions: readonly CoachingSession[], from: Day, to: Day): number | null {
  const windows = Math.floor((daysBetween(from, to) + 1) / pair.cadenceDays);
  if (windows === 0) return null;
  const days = sessionsOfPair(pair, sessions).map((s) => s.day);
  let kept = 0;
  for (let i = 0; i < windows; i++) {
    const end = addDays(to, -i * pair.cadenceDays);
    const start = addDays(end, -pair.cadenceDays + 1);
    if (days.some((day) => day >= start && day <= end)) kept++;
  }
  return kept / windows;
}

/**
 * Mean adherence over the pairs whose learner is on a tier, per tier; null for a tier whose
 * pairs all had too little time to judge.
 */
export function adherenceByTier(
  pairs: readonly CoachingPair[],
  sessions: readonly CoachingSession[],
  tierOfPerson: (personId: string) => number | undefined,
  from: Day,
  to: Day,
): Map<number, number | null> {
  const byTier = new Map<number, number[]>();
  const grouped = groupSessionsByPair(sessions);
  for (const pair of pairs) {
    if (pair.deletedAt) continue;
    const tier = tierOfPerson(pair.learnerId);
    if (tier === undefined) continue;
    const list = byTier.get(tier) ?? [];
    const adherence = cadenceAdherence(pair, grouped.of(pair), from, to);
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
  /** Sessions whose follow-up day (plus grace) has passed by `today`. */
  due: number;
  /** Of those, the ones followed by another session with the same learner in time. */
  kept: number;
  /** kept / due, or null when nothing was due. */
  share: number | null;
}

/**
 * A follow-up is kept when the same learner had another session after the first one and no
 * later than two days after the agreed follow-up day.
 */
export function followUpsKept(sessions: readonly CoachingSession[], today: Day): FollowUpFigures {
  const live = sessions.filter((s) => !s.deletedAt);
  let due = 0;
  let kept = 0;
  for (const session of live) {
    if (!session.followUpDate) continue;
    const deadline = addDays(session.followUpDate, 2);
    if (deadline >= today) continue;
    due++;
    const followed = live.some((s) => s.id !== session.id && s.learnerId === session.learnerId && s.day > session.day && s.day <= deadline);
    if (followed) kept++;
  }
  return { due, kept, share: due === 0 ? null : kept / due };
}

/**
 * Coaching rules: gentle checks on kata answers, and follow-through - the open focus of a
 * learner, the follow-ups a coach owes, and the thread of conversations.
 */
import { addDays, daysBetween, type Day } from './dates.js';
import type { CoachingDirection, CoachingSession, KataQuestion } from './types.js';

export type KataHint = 'target-needs-number' | 'actual-needs-data' | 'obstacle-is-lack' | 'step-is-solution';

/**
 * Advice on kata answers (it never blocks saving): a target condition is measurable; an
 * actual condition is data, not opinion; "lack of X" is not an obstacle; "we need to..."
 * jumps to a solution instead of an experiment.
 */
export function kataHints(answers: Partial<Record<KataQuestion, string>>): Partial<Record<KataQuestion, KataHint>> {
  const hints: Partial<Record<KataQuestion, KataHint>> = {};
  const has = (q: KataQuestion) => (answers[q] ?? '').trim().length > 0;
  const text = (q: KataQuestion) => (answers[q] ?? '').trim().toLowerCase();
  if (has('targetCondition') && !/\d/.test(text('targetCondition'))) hints.targetCondition = 'target-needs-number';
  if (has('actualCondition') && !/\d/.test(text('actualCondition'))) hints.actualCondition = 'actual-needs-data';
  if (/^(a |the )?(lack|lacking|no |not enough|missing)\b/.test(text('obstacle'))) hints.obstacle = 'obstacle-is-lack';
  if (/^we (need|have|should|must) to\b/.test(text('nextStep'))) hints.nextStep = 'step-is-solution';
  return hints;
}

const live = (sessions: readonly CoachingSession[]) => sessions.filter((s) => !s.deletedAt);
const byDay = (a: CoachingSession, b: CoachingSession) => a.day.localeCompare(b.day) || a.createdAt.localeCompare(b.createdAt);

/** A learner's sessions, newest first. */
export function historyOf(sessions: readonly CoachingSession[], learnerId: string): CoachingSession[] {
  return live(sessions)
    .filter((s) => s.learnerId === learnerId)
    .sort(byDay)
    .reverse();
}

/** Who coaches whom, which way: the relationship a conversation belongs to. Anonymous notes belong to none. */
export interface Relationship {
  coachId: string;
  learnerId: string;
  direction: CoachingDirection;
}

/** The conversations of one relationship, newest first. */
export function conversationsOf(sessions: readonly CoachingSession[], relationship: Relationship): CoachingSession[] {
  return historyOf(sessions, relationship.learnerId).filter(
    (s) => !s.anonymous && s.coachId === relationship.coachId && s.direction === relationship.direction,
  );
}

/**
 * What the learner is working on now: the focus and follow-up day agreed in their latest
 * conversation with a coach above them. A peer's advice or a note from their team is heard, but
 * it does not replace the focus agreed with their coach.
 */
export function openFocus(sessions: readonly CoachingSession[], learnerId: string): { focus: string; followUpDate?: Day; sessionId: string } | undefined {
  const latest = historyOf(sessions, learnerId).find((s) => s.direction === 'down' && !s.anonymous && s.focus.trim() !== '');
  return latest ? { focus: latest.focus, sessionId: latest.id, ...(latest.followUpDate ? { followUpDate: latest.followUpDate } : {}) } : undefined;
}

export interface FollowUp {
  session: CoachingSession;
  /** Days past the follow-up day; 0 when due today. */
  daysLate: number;
}

/**
 * Follow-ups a coach owes: their conversations whose follow-up day has come, with no later
 * conversation of theirs with the same learner yet (someone else's does not settle it). Most
 * overdue first.
 */
export function followUpsOwed(sessions: readonly CoachingSession[], coachId: string, today: Day): FollowUp[] {
  const mine = live(sessions).filter((s) => !s.anonymous && s.coachId === coachId);
  return mine
    .filter((s) => s.followUpDate !== undefined && s.followUpDate <= today)
    .filter((s) => !mine.some((later) => later.learnerId === s.learnerId && later.day > s.day))
    .map((session) => ({ session, daysLate: daysBetween(session.followUpDate!, today) }))
    .sort((a, b) => b.daysLate - a.daysLate);
}

/** The conversation thread ending at `sessionId`, oldest first, following `previousSessionId`. */
export function threadOf(sessions: readonly CoachingSession[], sessionId: string): CoachingSession[] {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const thread: CoachingSession[] = [];
  for (let s = byId.get(sessionId); s && !thread.includes(s); s = s.previousSessionId ? byId.get(s.previousSessionId) : undefined) thread.unshift(s);
  return thread;
}

/** The default follow-up: one cadence later, or a week. */
export function defaultFollowUp(day: Day, cadenceDays = 7): Day {
  return addDays(day, cadenceDays);
}

/** Rules about escalations: which are still open, and how long they have waited. */
import { addDays, dayOfInstant, daysBetween, type Day } from './dates.js';
import type { Escalation } from './types.js';

/** Resolved is the only closed state: a returned escalation is back with the sender to act on. */
export function isEscalationOpen(escalation: Escalation): boolean {
  return !escalation.deletedAt && escalation.state !== 'resolved';
}

/** Days since it was sent (or, once resolved, how long it took). */
export function escalationAgeDays(escalation: Escalation, today: Day): number {
  const end = escalation.state === 'resolved' ? dayOfInstant(escalation.stateChangedAt) : today;
  return Math.max(0, daysBetween(dayOfInstant(escalation.createdAt), end));
}

/** Escalations a board sent that it should still see: open, accepted or returned. */
export function sentAndOpen(escalations: readonly Escalation[], unitId: string): Escalation[] {
  return escalations.filter((e) => e.fromUnitId === unitId && isEscalationOpen(e));
}

/** Escalations a board received from its children that are still waiting on it. */
export function receivedAndOpen(escalations: readonly Escalation[], unitId: string): Escalation[] {
  return escalations.filter((e) => e.toUnitId === unitId && (e.state === 'open' || e.state === 'accepted') && !e.deletedAt);
}

/**
 * Does the sending board still show this escalation? Until it is resolved, and for a day
 * after, so the team sees the answer before it leaves the board.
 */
export function shownToSender(escalation: Escalation, today: Day): boolean {
  if (escalation.deletedAt) return false;
  return escalation.state !== 'resolved' || dayOfInstant(escalation.stateChangedAt) >= addDays(today, -1);
}

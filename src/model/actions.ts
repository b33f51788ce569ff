/** Rules about actions: overdue, unassigned, age, and what a board still shows. */
import { addDays, dayOfInstant, daysBetween, type Day } from './dates.js';
import type { Action } from './types.js';

const isLive = (action: Action) => !action.deletedAt;

/** Not done, and its due day has passed. An action due today is not overdue yet. */
export function isOverdue(action: Action, today: Day): boolean {
  return isLive(action) && action.status !== 'done' && action.due !== undefined && action.due < today;
}

export function isUnassigned(action: Action): boolean {
  return isLive(action) && action.status !== 'done' && action.ownerId === undefined;
}

/** Whole days since the action was raised. */
export function actionAgeDays(action: Action, today: Day): number {
  return Math.max(0, daysBetween(dayOfInstant(action.createdAt), today));
}

/** Days past due, 0 when not overdue. */
export function daysOverdue(action: Action, today: Day): number {
  return isOverdue(action, today) && action.due ? daysBetween(action.due, today) : 0;
}

/**
 * What the board shows today: everything not done, plus what was done today or yesterday
 * (done items drop off after a day but stay in history).
 */
export function isOnBoard(action: Action, today: Day): boolean {
  if (!isLive(action)) return false;
  if (action.status !== 'done') return true;
  return action.doneAt !== undefined && dayOfInstant(action.doneAt) >= addDays(today, -1);
}

const STATUS_ORDER = { blocked: 0, open: 1, doing: 2, done: 3 } as const;

/**
 * The order a leader reads a list in: overdue first (most overdue on top), then unassigned,
 * then by status and due day; done last.
 */
export function boardOrder(actions: readonly Action[], today: Day): Action[] {
  const rank = (a: Action) => (a.status === 'done' ? 3 : isOverdue(a, today) ? 0 : isUnassigned(a) ? 1 : 2);
  return [...actions].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      daysOverdue(b, today) - daysOverdue(a, today) ||
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.createdAt.localeCompare(b.createdAt),
  );
}

export function overdueActions(actions: readonly Action[], today: Day): Action[] {
  return actions.filter((action) => isOverdue(action, today));
}

/** Rules about actions: overdue, unassigned, age, and what a board still shows. */
import { addDays, dayOfInstant, daysBetween, startOfDayMs, type Day } from './dates.js';
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
  return onBoardOn(today)(action);
}

/**
 * `isOnBoard` for one day, for a whole list: the start of yesterday is worked out once, and a
 * done action compared by its instant (a board's history holds hundreds of done actions, each
 * checked on every render of a wall's list).
 */
export function onBoardOn(today: Day): (action: Action) => boolean {
  const sinceMs = startOfDayMs(addDays(today, -1));
  return (action) => isLive(action) && (action.status !== 'done' || (action.doneAt !== undefined && Date.parse(action.doneAt) >= sinceMs));
}

const STATUS_ORDER = { blocked: 0, open: 1, doing: 2, done: 3 } as const;

/**
 * The order a leader reads a list in: overdue first (most overdue on top), then unassigned,
 * then by status and due day; done last. Each action's keys are worked out once, not on every
 * comparison: a wall re-sorts its list on every tap.
 */
export function boardOrder(actions: readonly Action[], today: Day): Action[] {
  const keyed = actions.map((action) => ({
    action,
    rank: action.status === 'done' ? 3 : isOverdue(action, today) ? 0 : isUnassigned(action) ? 1 : 2,
    overdue: daysOverdue(action, today),
    due: action.due ?? '9999',
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.overdue - a.overdue ||
      STATUS_ORDER[a.action.status] - STATUS_ORDER[b.action.status] ||
      a.due.localeCompare(b.due) ||
      a.action.createdAt.localeCompare(b.action.createdAt),
  );
  return keyed.map((k) => k.action);
}

export function overdueActions(actions: readonly Action[], today: Day): Action[] {
  return actions.filter((action) => isOverdue(action, today));
}

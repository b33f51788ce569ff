/**
 * This device's pseudonym for the answers it gives this week: random, kept in the browser's
 * local storage and new each ISO week, so that a threshold can count people rather than answers
 * (see model/feedback.ts) while nothing links an answer to a person, or to the same device's
 * answers of another week. A shared screen gives none: one device there is many people.
 */
import { weekStart, type Day } from '../../model/dates.js';
import { newId } from '../../store/ids.js';

const KEY = 'huddle-elements:respondent';

/** The pseudonym for `today`'s week; undefined when the browser keeps nothing (then the answer counts as one person). */
export function weeklyRespondent(today: Day): string | undefined {
  const week = weekStart(today);
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { week?: unknown; id?: unknown } | null;
    if (kept?.week === week && typeof kept.id === 'string') return kept.id;
    const id = newId();
    localStorage.setItem(KEY, JSON.stringify({ week, id }));
    return id;
  } catch {
    return undefined;
  }
}

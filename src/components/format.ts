/** Dates and numbers in the reader's locale, shared by every element. */
import { daysBetween, type Day } from '../model/index.js';

export function formatDay(day: Day, locale: string | undefined, options: Intl.DateTimeFormatOptions): string {
  // Noon avoids a day shifting when the locale's zone is far from UTC.
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${day}T12:00:00`));
}

/** "today", "tomorrow", "in 3 days", "2 days ago" in the locale's words. */
export function relativeDay(day: Day, today: Day, locale: string | undefined): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(daysBetween(today, day), 'day');
}

export function formatNumber(value: number, locale: string | undefined): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

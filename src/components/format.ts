/** Dates and numbers in the reader's locale, shared by every element. */
import { msg, str } from '@lit/localize';
import { daysBetween, type Day } from '../model/index.js';

/**
 * One formatter per locale and options, kept: building an Intl formatter costs far more than
 * using one, and a board formats hundreds of day labels and figures on every render.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.PluralRules | Intl.NumberFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date|${locale ?? ''}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function formatDay(day: Day, locale: string | undefined, options: Intl.DateTimeFormatOptions): string {
  // Noon avoids a day shifting when the locale's zone is far from UTC.
  return dateFormat(locale, options).format(new Date(`${day}T12:00:00`));
}

/**
 * The date formats a board's first screen shows - its header's clock and date, its KPI
 * calendars' days, month and days to record - named once, so that `prepareBoardFormats`
 * builds the very formatters the board then asks for.
 */
export const BOARD_DATE_FORMATS = {
  clock: { hour: 'numeric', minute: '2-digit' },
  weekdayDate: { weekday: 'long', day: 'numeric', month: 'long' },
  date: { day: 'numeric', month: 'long' },
  month: { month: 'long', year: 'numeric' },
  shortDate: { weekday: 'short', day: 'numeric', month: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** The time of day of `instant` as a wall's clock shows it ("07:35", "7:35 AM"): redrawn every few seconds, for months. */
export function formatClock(instant: Date, locale: string | undefined): string {
  return dateFormat(locale, BOARD_DATE_FORMATS.clock).format(instant);
}

/**
 * Builds the formatters a board's first screen uses, one per task, while its records are still
 * being read: the locale's first date formatter costs a phone-speed CPU ~40 ms, and inside the
 * board's first render it made that one long task longer. Returns a function that stops what
 * is not built yet (the board was removed).
 */
export function prepareBoardFormats(locale: string | undefined): () => void {
  const steps = [...Object.values(BOARD_DATE_FORMATS).map((options) => () => dateFormat(locale, options)), () => formatNumber(0, locale)];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const next = () => {
    steps.shift()?.();
    timer = steps.length > 0 ? setTimeout(next) : undefined;
  };
  timer = setTimeout(next);
  return () => clearTimeout(timer);
}

/** "today", "tomorrow", "in 3 days", "2 days ago" in the locale's words. */
export function relativeDay(day: Day, today: Day, locale: string | undefined): string {
  const format = cached(`relative|${locale ?? ''}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  return format.format(daysBetween(today, day), 'day');
}

/** "1 day overdue" or "3 days overdue": the locale's plural rule picks the words. */
export function daysOverdueText(days: number, locale: string | undefined): string {
  const rules = cached(`plural|${locale ?? ''}`, () => new Intl.PluralRules(locale));
  return rules.select(days) === 'one' ? msg(str`${days} day overdue`) : msg(str`${days} days overdue`);
}

export function formatNumber(value: number, locale: string | undefined): string {
  return cached(`number|${locale ?? ''}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/** A time of day written `HH:MM` as the locale writes it ("07:35", "7:35 AM"). */
export function formatTimeOfDay(time: string, locale: string | undefined): string {
  const [hours, minutes] = time.split(':').map(Number);
  return formatClock(new Date(2000, 0, 1, hours ?? 0, minutes ?? 0), locale);
}

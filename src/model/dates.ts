/**
 * Calendar days as `YYYY-MM-DD` strings in the board's local time.
 *
 * A huddle board thinks in days, not instants: "yesterday's safety result", "due tomorrow".
 * Arithmetic is done on UTC midnights so that daylight-saving changes never shift a day.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type Day = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `value` is a real calendar day written as `YYYY-MM-DD` (no 2026-02-30). */
export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string') return false;
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Each day parsed and written once: a cascade or a year of results does day arithmetic on the
 * same few thousand days hundreds of thousands of times. Cleared when full, so it stays small.
 */
const utcOfDay = new Map<Day, number>();
const dayOfUtc = new Map<number, Day>();
const REMEMBERED_DAYS = 20_000;

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= REMEMBERED_DAYS) memo.clear();
  memo.set(key, value);
  return value;
}

function toUtc(day: Day): number {
  const known = utcOfDay.get(day);
  if (known !== undefined) return known;
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  return remember(utcOfDay, day, Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function fromUtc(ms: number): Day {
  return dayOfUtc.get(ms) ?? remember(dayOfUtc, ms, new Date(ms).toISOString().slice(0, 10));
}

/** The local calendar day of an instant (defaults to now). */
export function localDay(at: Date = new Date()): Day {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function addDays(day: Day, days: number): Day {
  return fromUtc(toUtc(day) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

/** The month of a day, `YYYY-MM`. */
export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

/** Every day of a month given as `YYYY-MM`, in order. */
export function daysOfMonth(month: string): Day[] {
  const first = `${month}-01`;
  if (!isDay(first)) throw new RangeError(`not a month: ${month}`);
  const days: Day[] = [];
  for (let day = first; monthOf(day) === month; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The Monday that starts the ISO week containing `day`. */
export function weekStart(day: Day): Day {
  const weekday = new Date(toUtc(day)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Day of an ISO timestamp in local time. */
export function dayOfInstant(iso: string): Day {
  return localDay(new Date(iso));
}

/** The instant (ms) at which `day` begins on this device's clock: an instant is on `day` or later when it is not before. */
export function startOfDayMs(day: Day): number {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year!, month! - 1, date!).getTime();
}

/** The Friday of the work week containing `day`, or the Sunday once Friday has passed. */
export function endOfWorkWeek(day: Day): Day {
  const friday = addDays(weekStart(day), 4);
  return friday >= day ? friday : addDays(weekStart(day), 6);
}

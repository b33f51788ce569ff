/**
 * Where a running huddle is: which agenda part, how long it has run, whether it overran; and
 * whether it started on time. Derived from the stored huddle and the clock alone, so a
 * reload mid-huddle resumes exactly where it was.
 */
import { clockAt } from './calendar.js';
import { AGENDA_PARTS, type AgendaPart, type Huddle } from './types.js';

/** Default time boxes in seconds: 5 minutes reflect, 3 plan, 2 improve (a 10-minute huddle). */
export const DEFAULT_TIME_BOXES: Record<AgendaPart, number> = { reflect: 300, plan: 180, improve: 120 };

export interface HuddleProgress {
  ended: boolean;
  /** The part running now (undefined once ended). */
  part?: AgendaPart;
  /** Seconds spent in the running part so far. */
  partElapsed: number;
  /** Seconds the running part is past its time box; 0 when inside it. */
  overrun: number;
  /** Seconds since the huddle started (or its whole length once ended). */
  totalElapsed: number;
}

/** A part is finished once it has recorded time; parts run in agenda order. */
function finishedParts(huddle: Huddle): number {
  const firstOpen = AGENDA_PARTS.findIndex((part) => huddle.partSeconds[part] === 0);
  return firstOpen === -1 ? AGENDA_PARTS.length : firstOpen;
}

export function huddleProgress(huddle: Huddle, nowMs: number, timeBoxes: Record<AgendaPart, number> = DEFAULT_TIME_BOXES): HuddleProgress {
  const started = Date.parse(huddle.startedAt);
  if (huddle.endedAt) {
    return { ended: true, partElapsed: 0, overrun: 0, totalElapsed: Math.round((Date.parse(huddle.endedAt) - started) / 1000) };
  }
  const totalElapsed = Math.max(0, Math.floor((nowMs - started) / 1000));
  const index = Math.min(finishedParts(huddle), AGENDA_PARTS.length - 1);
  const part = AGENDA_PARTS[index]!;
  const before = AGENDA_PARTS.slice(0, index).reduce((sum, p) => sum + huddle.partSeconds[p], 0);
  const partElapsed = Math.max(0, totalElapsed - before);
  return { ended: false, part, partElapsed, overrun: Math.max(0, partElapsed - timeBoxes[part]), totalElapsed };
}

/**
 * The part times after closing the running part now (at least one second, so a part that
 * was skipped at once still counts as done).
 */
export function closeRunningPart(huddle: Huddle, nowMs: number): Record<AgendaPart, number> {
  const progress = huddleProgress(huddle, nowMs);
  if (progress.ended || !progress.part) return huddle.partSeconds;
  return { ...huddle.partSeconds, [progress.part]: Math.max(1, progress.partElapsed) };
}

/** Today's huddle of a board: the latest one started today, if any. */
export function huddleOfDay(huddles: readonly Huddle[], day: string): Huddle | undefined {
  return huddles
    .filter((h) => h.day === day && !h.deletedAt)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .at(-1);
}

/** A huddle that starts within this many minutes of its board's huddle time is on time. */
export const ON_TIME_MINUTES = 5;

/** Minutes after midnight of an instant, on the site's clock (the screen's own without a time zone). */
export function minutesOfDay(iso: string, timeZone?: string): number {
  if (timeZone) return clockAt(iso, timeZone).minutes;
  const at = new Date(iso);
  return at.getHours() * 60 + at.getMinutes();
}

/** Minutes after midnight of a time of day written `HH:MM`. */
export function minutesOfTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * Minutes from `to` to `from` on a 24-hour clock face, between -720 and 719: a huddle due at
 * 23:55 that starts at 00:02 is 7 minutes late, not 1,433 minutes early.
 */
export function minutesBetweenTimes(from: number, to: number): number {
  return ((((from - to + 720) % 1440) + 1440) % 1440) - 720;
}

/** Whole minutes a huddle started after its board's time (negative: before it). */
export function minutesLate(startedAt: string, huddleAt: string, timeZone?: string): number {
  return minutesBetweenTimes(minutesOfDay(startedAt, timeZone), minutesOfTime(huddleAt));
}

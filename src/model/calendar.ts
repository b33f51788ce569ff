/**
 * A board's working calendar and clock: the days it works (a Monday-to-Friday plant, a 24/7
 * ward), the days it is closed (holidays, shutdowns) and its site's time zone. A board without
 * its own takes its parent's; closed days add up down the tree (a plant shutdown closes every
 * team, a team may close a day of its own). Figures count only working days, and "on time"
 * and "today" are read on the site's clock, not the viewer's.
 */
import { addDays, daysBetween, type Day } from './dates.js';
import type { Unit } from './types.js';

/** Every day of the week, 1 = Monday ... 7 = Sunday. */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;
export const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5] as const;

export interface BoardCalendar {
  workingDays: ReadonlySet<number>;
  closedDays: ReadonlySet<Day>;
  /** Absent: the screen's own time zone. */
  timeZone?: string;
}

/** The calendar a board works to, from its own settings and those above it. */
export function calendarOf(unitId: string, units: readonly Pick<Unit, 'id' | 'parentId' | 'workingDays' | 'closedDays' | 'timeZone'>[]): BoardCalendar {
  const byId = new Map(units.map((u) => [u.id, u]));
  let workingDays: readonly number[] | undefined;
  let timeZone: string | undefined;
  const closedDays = new Set<Day>();
  const seen = new Set<string>();
  // Walk up to the top; a cycle in a broken tree stops at the first board met again.
  for (let unit = byId.get(unitId); unit && !seen.has(unit.id); unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    seen.add(unit.id);
    workingDays ??= unit.workingDays;
    timeZone ??= unit.timeZone;
    for (const day of unit.closedDays ?? []) closedDays.add(day);
  }
  return { workingDays: new Set(workingDays ?? EVERY_DAY), closedDays, ...(timeZone ? { timeZone } : {}) };
}

/** The day of the week of a day, 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: Day): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function isWorkingDay(calendar: BoardCalendar, day: Day): boolean {
  return calendar.workingDays.has(isoWeekday(day)) && !calendar.closedDays.has(day);
}

/** The working days in [from, to], oldest first. */
export function workingDaysIn(calendar: BoardCalendar, from: Day, to: Day): Day[] {
  const days: Day[] = [];
  for (let i = 0; i <= daysBetween(from, to); i++) {
    const day = addDays(from, i);
    if (isWorkingDay(calendar, day)) days.push(day);
  }
  return days;
}

/**
 * "Today" for a board: the day on its site's clock when it has a time zone, else the screen's
 * own day (which a kiosk or a test may pin).
 */
export function siteDay(calendar: Pick<BoardCalendar, 'timeZone'>, now: string | Date, screenDay: Day): Day {
  return calendar.timeZone ? clockAt(now, calendar.timeZone).day : screenDay;
}

/** One formatter per time zone: a running agenda reads the clock every second, and building one is costly. */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = clockFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      ...(timeZone ? { timeZone } : {}),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(key, format);
  }
  return format;
}

/** The day and minute of the day an instant falls on in a time zone (the screen's own when none is given). */
export function clockAt(instant: string | Date, timeZone?: string): { day: Day; minutes: number } {
  const parts = clockFormat(timeZone).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

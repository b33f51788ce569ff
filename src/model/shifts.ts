/**
 * Shift huddles: a ward or a three-shift plant holds a huddle per shift (early, late, night),
 * each at its time and run by its shift leader. A board without shifts holds one a day, at its
 * huddle time, run by its leader - which is how every board worked before shifts, so its old
 * huddles (no shift named) keep counting as that one huddle, or as a board's first shift.
 */
import { minutesBetweenTimes, minutesOfTime } from './huddle.js';
import type { Day } from './dates.js';
import type { Huddle, Shift } from './types.js';

/** The board's shifts, in the order of their times. */
export function shiftsOf(unit: { shifts?: readonly Shift[] } | undefined): Shift[] {
  return [...(unit?.shifts ?? [])].sort((a, b) => a.at.localeCompare(b.at));
}

/** The shift a huddle belonged to: the one it names, or the board's first (a huddle from before shifts). */
export function shiftOfHuddle(huddle: Pick<Huddle, 'shiftId'>, shifts: readonly Shift[]): string | undefined {
  return huddle.shiftId ?? shifts[0]?.id;
}

/** The latest huddle of a day - of one shift, on a board with shifts. */
export function huddleOfShift(huddles: readonly Huddle[], day: Day, shiftId: string | undefined, shifts: readonly Shift[]): Huddle | undefined {
  return huddles
    .filter((h) => h.day === day && !h.deletedAt && (shifts.length === 0 || shiftOfHuddle(h, shifts) === shiftId))
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    .at(-1);
}

/** Who ran a huddle, on a board with shifts: its shift's leader (a coach observing it observes them). */
export function shiftLeaderOf(huddle: Pick<Huddle, 'shiftId'>, shifts: readonly Shift[]): string | undefined {
  const shiftId = shiftOfHuddle(huddle, shifts);
  return shifts.find((s) => s.id === shiftId)?.leaderId;
}

/** The shift whose huddle time is nearest to a time of day (on a 24-hour clock face): the one about to start or just started. */
export function nearestShift(shifts: readonly Shift[], minutes: number): Shift | undefined {
  const distance = (shift: Shift) => Math.abs(minutesBetweenTimes(minutes, minutesOfTime(shift.at)));
  return [...shifts].sort((a, b) => distance(a) - distance(b))[0];
}

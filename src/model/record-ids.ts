/**
 * Ids derived from what a record is about, so that two devices recording the same thing
 * offline write the same record and converge on one, instead of leaving two.
 */
import type { Day } from './dates.js';

/** One value per KPI and day. */
export function kpiValueId(kpiId: string, day: Day): string {
  return `${kpiId}:${day}`;
}

/** One attendance state per board, day and person - and shift, on a board with shifts. */
export function attendanceId(unitId: string, day: Day, personId: string, shiftId?: string): string {
  return shiftId ? `${unitId}:${day}:${shiftId}:${personId}` : `${unitId}:${day}:${personId}`;
}

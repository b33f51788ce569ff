/**
 * Letter calendars: each SQDCP letter drawn on a 7 x 7 grid with at least 31 boxes; days
 * fill the boxes in reading order, as on a paper safety cross. `X` is a box, `.` is empty.
 */
import type { KpiCategory } from '../../model/index.js';

const SHAPES: Record<KpiCategory, string[]> = {
  // The safety cross.
  S: ['..XXX..', '..XXX..', 'XXXXXXX', 'XXXXXXX', 'XXXXXXX', '..XXX..', '..XXX..'],
  Q: ['.XXXXX.', 'XX...XX', 'XX...XX', 'XX...XX', 'XX.XXXX', '.XXXXX.', '....XXX'],
  D: ['XXXXX..', 'XX..XXX', 'XX...XX', 'XX...XX', 'XX...XX', 'XX..XXX', 'XXXXX..'],
  C: ['.XXXXXX', 'XXXXXXX', 'XX.....', 'XX.....', 'XX.....', 'XXXXXXX', '.XXXXXX'],
  P: ['XXXXXX.', 'XXXXXXX', 'XX...XX', 'XXXXXXX', 'XXXXXX.', 'XX.....', 'XX.....'],
  // A custom KPI gets a plain month grid.
  custom: ['XXXXXXX', 'XXXXXXX', 'XXXXXXX', 'XXXXXXX', 'XXXXXXX', '.......', '.......'],
};

/** For each of the 49 grid positions, the index of the day it holds (0-based) or null. */
export function shapeSlots(category: KpiCategory, days: number): (number | null)[] {
  let next = 0;
  return SHAPES[category].flatMap((row) => [...row].map((cell) => (cell === 'X' && next < days ? next++ : null)));
}

export const SHAPE_COLUMNS = 7;

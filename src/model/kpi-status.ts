/** A KPI's result for a day against its threshold, and the month's letter calendar. */
import { daysOfMonth, type Day } from './dates.js';
import { KPI_CATEGORIES, type Kpi, type KpiValue } from './types.js';

/** Green met, amber within the band, red missed, none when nothing was recorded. */
export type DayStatus = 'green' | 'amber' | 'red' | 'none';

/** The status of one recorded value (or of no value) against the KPI's target and band. */
export function dayStatus(kpi: Pick<Kpi, 'target' | 'betterWhen' | 'amberBand'>, value: Pick<KpiValue, 'value' | 'met'> | undefined): DayStatus {
  if (!value) return 'none';
  if (value.value === undefined) return value.met === undefined ? 'none' : value.met ? 'green' : 'red';
  // Distance past the target on the bad side; zero or negative means the target is met.
  const shortfall = kpi.betterWhen === 'higher' ? kpi.target - value.value : value.value - kpi.target;
  if (shortfall <= 0) return 'green';
  if (kpi.amberBand !== undefined && shortfall <= kpi.amberBand) return 'amber';
  return 'red';
}

export interface CalendarDay {
  day: Day;
  /** Day of the month, 1-31, the number printed in the box. */
  date: number;
  status: DayStatus;
  value?: number;
  /** A day after today: not "no data", just not yet. */
  future: boolean;
}

/** One box per day of `month` (`YYYY-MM`), coloured by that day's status. */
export function letterCalendar(kpi: Kpi, values: readonly KpiValue[], month: string, today: Day): CalendarDay[] {
  const byDay = new Map<Day, KpiValue>();
  for (const value of values) if (value.kpiId === kpi.id && !value.deletedAt) byDay.set(value.day, value);
  return daysOfMonth(month).map((day) => {
    const value = byDay.get(day);
    const box: CalendarDay = { day, date: Number(day.slice(8)), status: dayStatus(kpi, value), future: day > today };
    if (value?.value !== undefined) box.value = value.value;
    return box;
  });
}

/** Counts of each status over a set of days, e.g. a month, for a "share of green days". */
export function statusCounts(days: readonly Pick<CalendarDay, 'status' | 'future'>[]): Record<DayStatus, number> {
  const counts: Record<DayStatus, number> = { green: 0, amber: 0, red: 0, none: 0 };
  for (const box of days) if (!box.future) counts[box.status]++;
  return counts;
}

/** KPIs in the order a board shows them: Safety, Quality, Delivery, Cost, People, then the board's own; by name within each. */
export function inBoardOrder<T extends Pick<Kpi, 'category' | 'name'>>(kpis: readonly T[]): T[] {
  return [...kpis].sort((a, b) => KPI_CATEGORIES.indexOf(a.category) - KPI_CATEGORIES.indexOf(b.category) || a.name.localeCompare(b.name));
}

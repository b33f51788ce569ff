/** A KPI's trend: actual against target per week or month, each period with its status. */
import { addDays, monthOf, weekStart, type Day } from './dates.js';
import { dayStatus, type DayStatus } from './kpi-status.js';
import type { Kpi, KpiAggregate, KpiValue } from './types.js';

export type TrendPeriod = 'week' | 'month';

export interface TrendPoint {
  /** First day of the period (Monday, or the 1st of the month). */
  start: Day;
  /** The period's numeric values added up as the KPI says (mean, sum or last); null when it has none. */
  actual: number | null;
  /** What `actual` is measured against: the target, or for a sum the daily target times the days counted. */
  target: number;
  /** Status against the target (a sum by its daily mean; the met/missed majority when no numbers). */
  status: DayStatus;
  /** Days with any result in the period. */
  days: number;
}

function periodStart(day: Day, period: TrendPeriod): Day {
  return period === 'week' ? weekStart(day) : `${monthOf(day)}-01`;
}

function previousStart(start: Day, period: TrendPeriod): Day {
  return period === 'week' ? addDays(start, -7) : periodStart(addDays(start, -1), 'month');
}

/** First days of the last `count` periods up to and including the one holding `today`, oldest first. */
export function trendStarts(period: TrendPeriod, count: number, today: Day): Day[] {
  const starts: Day[] = [periodStart(today, period)];
  while (starts.length < count) starts.unshift(previousStart(starts[0]!, period));
  return starts;
}

/** How a KPI's values add up; a KPI that does not say is a rate, averaged. */
export function aggregateOf(kpi: Pick<Kpi, 'aggregate'>): KpiAggregate {
  return kpi.aggregate ?? 'mean';
}

/** The last `count` periods up to and including the one holding `today`, oldest first. */
export function kpiTrend(kpi: Kpi, values: readonly KpiValue[], period: TrendPeriod, count: number, today: Day): TrendPoint[] {
  const starts = trendStarts(period, count, today);
  const buckets = new Map<Day, KpiValue[]>(starts.map((s) => [s, []]));
  for (const value of values) {
    if (value.kpiId !== kpi.id || value.deletedAt || value.day > today) continue;
    buckets.get(periodStart(value.day, period))?.push(value);
  }
  return starts.map((start) => {
    const inPeriod = buckets.get(start)!;
    const numbers = inPeriod
      .filter((v) => v.value !== undefined)
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((v) => v.value!);
    if (numbers.length > 0) {
      const mean = numbers.reduce((a, x) => a + x, 0) / numbers.length;
      const aggregate = aggregateOf(kpi);
      const actual = aggregate === 'sum' ? mean * numbers.length : aggregate === 'last' ? numbers.at(-1)! : mean;
      const target = aggregate === 'sum' ? kpi.target * numbers.length : kpi.target;
      // A sum is on target when its days are on target on average; a level by its latest value.
      return { start, actual, target, status: dayStatus(kpi, { value: aggregate === 'last' ? actual : mean }), days: inPeriod.length };
    }
    const met = inPeriod.filter((v) => v.met === true).length;
    const missed = inPeriod.filter((v) => v.met === false).length;
    const status: DayStatus = met + missed === 0 ? 'none' : met >= missed ? 'green' : 'red';
    return { start, actual: null, target: kpi.target, status, days: inPeriod.length };
  });
}

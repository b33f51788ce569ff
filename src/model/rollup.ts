/**
 * Roll-up: a parent board's KPI marked `rollup` shows, for each day, the worst result among
 * its child boards' KPIs of the same category, each judged against its own target. A red day
 * on one team is a red day for the area: that is what the area leader must see.
 */
import { daysOfMonth, type Day } from './dates.js';
import { dayStatus, type CalendarDay, type DayStatus } from './kpi-status.js';
import type { Kpi, KpiValue, Unit } from './types.js';
import { aggregateOf, kpiTrend, trendStarts, type TrendPeriod, type TrendPoint } from './kpi-trend.js';
import { kpiValueId } from './record-ids.js';

const SEVERITY: Record<DayStatus, number> = { none: 0, green: 1, amber: 2, red: 3 };

/** The worst of several statuses; no data only when nobody recorded anything. */
export function worstStatus(statuses: readonly DayStatus[]): DayStatus {
  return statuses.reduce<DayStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'none');
}

/**
 * The KPIs whose recorded values a rolled-up KPI summarises: the KPIs of its direct child boards
 * with the same category, measure and aggregate (a percentage is never averaged with a count),
 * and where one of those is itself rolled up (a plant over areas), the KPIs under it in turn,
 * down to the boards that record values.
 */
export function rollupSources(parent: Kpi, units: readonly Unit[], kpis: readonly Kpi[]): Kpi[] {
  const found: Kpi[] = [];
  const visited = new Set<string>([parent.id]);
  const expand = (kpi: Kpi) => {
    const children = new Set(units.filter((u) => u.parentId === kpi.unitId && !u.deletedAt).map((u) => u.id));
    const alike = (k: Kpi) => k.category === kpi.category && sameMeasure(k, kpi) && aggregateOf(k) === aggregateOf(kpi);
    for (const child of kpis.filter((k) => children.has(k.unitId) && alike(k) && !k.deletedAt)) {
      if (visited.has(child.id)) continue; // a cycle in a broken tree must not loop
      visited.add(child.id);
      if (child.rollup) expand(child);
      else found.push(child);
    }
  };
  expand(parent);
  return found;
}

/** Measures are the same when written the same, whatever the case and spacing ("%", " % "). */
function sameMeasure(a: Pick<Kpi, 'measure'>, b: Pick<Kpi, 'measure'>): boolean {
  return a.measure.trim().toLowerCase() === b.measure.trim().toLowerCase();
}

export interface RollupDay extends CalendarDay {
  /** How many child KPIs had a result that day, and how many of those were red. */
  reported: number;
  red: number;
}

/** The rolled-up month: one box per day with the worst child status. */
export function rollupCalendar(sources: readonly Kpi[], values: readonly KpiValue[], month: string, today: Day): RollupDay[] {
  const byKpiDay = new Map<string, KpiValue>();
  for (const v of values) if (!v.deletedAt) byKpiDay.set(kpiValueId(v.kpiId, v.day), v);
  return daysOfMonth(month).map((day) => {
    const statuses = sources.map((kpi) => dayStatus(kpi, byKpiDay.get(kpiValueId(kpi.id, day)))).filter((s) => s !== 'none');
    return {
      day,
      date: Number(day.slice(8)),
      status: worstStatus(statuses),
      future: day > today,
      reported: statuses.length,
      red: statuses.filter((s) => s === 'red').length,
    };
  });
}

/**
 * The rolled-up trend: per period, the sources' period values added up as the KPI says - a count
 * summed over the boards, a rate or a level averaged - against the parent's target (for a sum,
 * the sources' targets added up), with the worst of their period statuses.
 */
export function rollupTrend(parent: Kpi, sources: readonly Kpi[], values: readonly KpiValue[], period: TrendPeriod, count: number, today: Day): TrendPoint[] {
  const perSource = sources.map((kpi) => kpiTrend(kpi, values, period, count, today));
  const starts = trendStarts(period, count, today);
  const sum = aggregateOf(parent) === 'sum';
  return starts.map((start, i) => {
    const points = perSource.map((trend) => trend[i]!);
    const reporting = points.filter((p) => p.actual !== null);
    const total = reporting.reduce((a, p) => a + p.actual!, 0);
    return {
      start,
      actual: reporting.length === 0 ? null : sum ? total : total / reporting.length,
      target: sum ? reporting.reduce((a, p) => a + p.target, 0) : parent.target,
      status: worstStatus(points.map((p) => p.status)),
      days: points.reduce((n, p) => n + p.days, 0),
    };
  });
}

/** A KPI's status on one day: its own value's, or for a rolled-up KPI the worst of the boards below. */
function statusOnDay(kpi: Kpi, sources: readonly Kpi[] | undefined, byKpiDay: ReadonlyMap<string, KpiValue>, day: Day): DayStatus {
  if (!sources) return dayStatus(kpi, byKpiDay.get(kpiValueId(kpi.id, day)));
  return worstStatus(sources.map((source) => dayStatus(source, byKpiDay.get(kpiValueId(source.id, day)))).filter((s) => s !== 'none'));
}

/**
 * Each live KPI of a board with its status on `day` - a rolled-up KPI by the boards below it.
 * The one rule behind "KPIs red yesterday" on a board's header and on the overview of boards.
 */
export function boardKpiStatuses(unitId: string, day: Day, units: readonly Unit[], kpis: readonly Kpi[], values: readonly KpiValue[]): Map<string, DayStatus> {
  const byKpiDay = new Map<string, KpiValue>();
  for (const v of values) if (!v.deletedAt && v.day === day) byKpiDay.set(kpiValueId(v.kpiId, v.day), v);
  const own = kpis.filter((k) => k.unitId === unitId && !k.deletedAt);
  return new Map(own.map((kpi) => [kpi.id, statusOnDay(kpi, kpi.rollup ? rollupSources(kpi, units, kpis) : undefined, byKpiDay, day)]));
}

import { expect } from '@open-wc/testing';
import { kpiTrend } from '../../src/model/kpi-trend.js';
import type { Kpi, KpiValue } from '../../src/model/types.js';

const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const kpi: Kpi = { id: 'k', unitId: 'u', name: 'Yield', category: 'Q', measure: '%', target: 95, betterWhen: 'higher', amberBand: 2, ...stamp };
const v = (day: string, fields: Partial<KpiValue>): KpiValue => ({ id: `k:${day}`, kpiId: 'k', day, ...stamp, ...fields });

describe('model: KPI trend', () => {
  const values = [
    v('2026-11-02', { value: 96 }),
    v('2026-11-03', { value: 94 }), // week of 2 Nov: mean 95 -> green
    v('2026-11-09', { value: 90 }), // week of 9 Nov: 90 -> red
    v('2026-11-17', { met: true }),
    v('2026-11-18', { met: false }),
    v('2026-11-19', { met: true }), // met 2 of 3
    v('2026-11-25', { value: 99 }), // after today: ignored
  ];

  it('gives the mean per week with its status, oldest first, empty weeks as no data', () => {
    const points = kpiTrend(kpi, values, 'week', 4, '2026-11-21');
    expect(points).to.deep.equal([
      { start: '2026-10-26', actual: null, target: 95, status: 'none', days: 0 },
      { start: '2026-11-02', actual: 95, target: 95, status: 'green', days: 2 },
      { start: '2026-11-09', actual: 90, target: 95, status: 'red', days: 1 },
      { start: '2026-11-16', actual: null, target: 95, status: 'green', days: 3 },
    ]);
  });

  it('adds a count up over the week against its daily target times the days, and takes a level at its latest day', () => {
    const incidents: Kpi = { ...kpi, measure: 'incidents', target: 1, betterWhen: 'lower', amberBand: 0, aggregate: 'sum' };
    const days = [v('2026-11-17', { value: 2 }), v('2026-11-16', { value: 0 }), v('2026-11-18', { value: 0 })];
    // 2 incidents in 3 days against 1 a day: 2 of 3 allowed, on target.
    expect(kpiTrend(incidents, days, 'week', 1, '2026-11-21')).to.deep.equal([{ start: '2026-11-16', actual: 2, target: 3, status: 'green', days: 3 }]);
    const backlog: Kpi = { ...incidents, measure: 'orders', target: 10, aggregate: 'last' };
    // The backlog is what it was on the last day counted (the 19th: 12), not the mean or the sum.
    expect(kpiTrend(backlog, [...days, v('2026-11-19', { value: 12 })], 'week', 1, '2026-11-21')[0]).to.include({ actual: 12, target: 10, status: 'red' });
  });

  it('groups by month', () => {
    const points = kpiTrend(kpi, [...values, v('2026-10-15', { value: 93.5 })], 'month', 3, '2026-11-21');
    expect(points.map((p) => [p.start, p.status])).to.deep.equal([
      ['2026-09-01', 'none'],
      ['2026-10-01', 'amber'],
      ['2026-11-01', 'amber'],
    ]);
    expect(points[2]!.actual).to.be.closeTo((96 + 94 + 90) / 3, 1e-9);
  });
});

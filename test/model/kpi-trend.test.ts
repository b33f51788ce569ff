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
      { start: '2026-10-26', actual: null, status: 'none', days: 0 },
      { start: '2026-11-02', actual: 95, status: 'green', days: 2 },
      { start: '2026-11-09', actual: 90, status: 'red', days: 1 },
      { start: '2026-11-16', actual: null, status: 'green', days: 3 },
    ]);
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

import { expect } from '@open-wc/testing';
import { dayStatus, letterCalendar, statusCounts } from '../../src/model/kpi-status.js';
import type { Kpi, KpiValue } from '../../src/model/types.js';

const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const quality: Kpi = {
  id: 'k1',
  unitId: 'u1',
  name: 'First pass yield',
  category: 'Q',
  measure: '%',
  target: 95,
  betterWhen: 'higher',
  amberBand: 2,
  ...stamp,
};
const incidents: Kpi = { id: 'k2', unitId: 'u1', name: 'Incidents', category: 'S', measure: 'incidents', target: 0, betterWhen: 'lower', ...stamp };
const value = (kpiId: string, day: string, v: Partial<KpiValue>): KpiValue => ({ id: `${kpiId}:${day}`, kpiId, day, ...stamp, ...v });

describe('model: KPI day status', () => {
  it('is green at or past the target on the good side', () => {
    expect(dayStatus(quality, { value: 95 })).to.equal('green');
    expect(dayStatus(quality, { value: 99.5 })).to.equal('green');
    expect(dayStatus(incidents, { value: 0 })).to.equal('green');
  });

  it('is amber within the band and red beyond it', () => {
    expect(dayStatus(quality, { value: 93 })).to.equal('amber'); // 2 short, band 2
    expect(dayStatus(quality, { value: 92.9 })).to.equal('red');
  });

  it('has no amber when the KPI has no band (lower is better)', () => {
    expect(dayStatus(incidents, { value: 1 })).to.equal('red');
  });

  it('reads a plain met / missed, and no value as no data', () => {
    expect(dayStatus(incidents, { met: true })).to.equal('green');
    expect(dayStatus(incidents, { met: false })).to.equal('red');
    expect(dayStatus(incidents, undefined)).to.equal('none');
  });
});

describe('model: letter calendar', () => {
  const values = [
    value('k1', '2026-11-02', { value: 96 }),
    value('k1', '2026-11-03', { value: 94 }),
    value('k1', '2026-11-04', { value: 80 }),
    value('k2', '2026-11-04', { value: 3 }), // another KPI's value must not leak in
    { ...value('k1', '2026-11-05', { value: 99 }), deletedAt: '2026-11-06T00:00:00.000Z' },
  ];

  it('has one box per day of the month with the day status', () => {
    const boxes = letterCalendar(quality, values, '2026-11', '2026-11-21');
    expect(boxes).to.have.length(30);
    expect(boxes.slice(0, 5).map((b) => b.status)).to.deep.equal(['none', 'green', 'amber', 'red', 'none']);
    expect(boxes[1]).to.include({ day: '2026-11-02', date: 2, value: 96, future: false });
  });

  it('marks days after today as future, and counts only days up to today', () => {
    const boxes = letterCalendar(quality, values, '2026-11', '2026-11-21');
    expect(boxes.filter((b) => b.future)).to.have.length(9);
    expect(statusCounts(boxes)).to.deep.equal({ green: 1, amber: 1, red: 1, none: 18 });
  });
});

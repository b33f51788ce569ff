import { expect } from '@open-wc/testing';
import { boardKpiStatuses, rollupCalendar, rollupSources, rollupTrend, worstStatus } from '../../src/model/rollup.js';
import type { Kpi, KpiValue, Unit } from '../../src/model/types.js';

const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const unit = (id: string, parentId?: string): Unit => ({ id, name: id, tier: parentId ? 1 : 2, ...(parentId ? { parentId } : {}), ...stamp });
const kpi = (id: string, unitId: string, category: Kpi['category'], fields: Partial<Kpi> = {}): Kpi => ({
  id,
  unitId,
  name: id,
  category,
  measure: '%',
  target: 95,
  betterWhen: 'higher',
  amberBand: 2,
  ...stamp,
  ...fields,
});
const value = (kpiId: string, day: string, v: number): KpiValue => ({ id: `${kpiId}:${day}`, kpiId, day, value: v, ...stamp });

describe('model: KPI roll-up', () => {
  const units = [unit('area'), unit('team-a', 'area'), unit('team-b', 'area'), unit('elsewhere')];
  const parent = kpi('area-q', 'area', 'Q', { rollup: true });
  const a = kpi('a-q', 'team-a', 'Q');
  const b = kpi('b-q', 'team-b', 'Q', { target: 90 });
  const kpis = [parent, a, b, kpi('a-s', 'team-a', 'S'), kpi('x-q', 'elsewhere', 'Q')];

  it("a board's KPI statuses on a day: its own by its value, a rolled-up one by the worst board below", () => {
    const own = kpi('area-s', 'area', 'S');
    const values = [value('a-q', '2026-11-20', 80), value('b-q', '2026-11-20', 95), value('area-s', '2026-11-20', 99), value('area-q', '2026-11-20', 99)];
    const statuses = boardKpiStatuses('area', '2026-11-20', units, [...kpis, own], values);
    // The area's own value of a rolled-up KPI does not hide a red team (the overview counted it green).
    expect(Object.fromEntries(statuses)).to.deep.equal({ 'area-q': 'red', 'area-s': 'green' });
    expect(Object.fromEntries(boardKpiStatuses('area', '2026-11-21', units, kpis, values))).to.deep.equal({ 'area-q': 'none' });
    expect(boardKpiStatuses('area', '2026-11-20', units, [{ ...parent, deletedAt: stamp.createdAt }], values).size, 'retired KPIs are not counted').to.equal(0);
  });

  it('takes the same-category KPIs of the direct child boards', () => {
    expect(rollupSources(parent, units, kpis).map((k) => k.id)).to.deep.equal(['a-q', 'b-q']);
  });

  it('orders statuses red > amber > green > no data', () => {
    expect(worstStatus(['green', 'amber', 'green'])).to.equal('amber');
    expect(worstStatus(['green', 'red', 'amber'])).to.equal('red');
    expect(worstStatus([])).to.equal('none');
  });

  it("shows each day's worst child result, each child judged against its own target", () => {
    const values = [
      value('a-q', '2026-11-02', 96),
      value('b-q', '2026-11-02', 91), // both green (b's target is 90)
      value('a-q', '2026-11-03', 94),
      value('b-q', '2026-11-03', 95), // a amber
      value('a-q', '2026-11-04', 80),
      value('b-q', '2026-11-04', 99), // a red
      value('b-q', '2026-11-05', 92), // only b reported: green
    ];
    const days = rollupCalendar(rollupSources(parent, units, kpis), values, '2026-11', '2026-11-21');
    expect(days.slice(0, 6).map((d) => d.status)).to.deep.equal(['none', 'green', 'amber', 'red', 'green', 'none']);
    expect(days[3]).to.include({ reported: 2, red: 1 });
    expect(days[25]!.future).to.equal(true);
  });

  it('reaches through rolled-up KPIs of a middle tier to the boards that record', () => {
    const tree = [...units, unit('plant')];
    tree[0] = { ...tree[0]!, parentId: 'plant' };
    const plant = kpi('plant-q', 'plant', 'Q', { rollup: true });
    expect(rollupSources(plant, tree, [...kpis, plant]).map((k) => k.id)).to.deep.equal(['a-q', 'b-q']);
  });

  it('rolls a trend up as the mean of the sources and the worst status per period', () => {
    const values = [value('a-q', '2026-11-16', 96), value('b-q', '2026-11-17', 85)];
    const [point] = rollupTrend(parent, [a, b], values, 'week', 1, '2026-11-21');
    expect(point).to.deep.equal({ start: '2026-11-16', actual: 90.5, target: 95, status: 'red', days: 2 });
  });

  it('never averages unlike measures: a count or a differently measured KPI is not a source of a percentage', () => {
    const count = kpi('b-q-count', 'team-b', 'Q', { measure: 'defects', aggregate: 'sum', target: 3, betterWhen: 'lower' });
    const minutes = kpi('a-q-min', 'team-a', 'Q', { measure: 'min' });
    expect(rollupSources(parent, units, [...kpis, count, minutes]).map((k) => k.id)).to.deep.equal(['a-q', 'b-q']);
  });

  it('adds a count up over the boards and the days, against the targets added up', () => {
    const areaDefects = kpi('area-d', 'area', 'Q', { measure: 'defects', aggregate: 'sum', target: 3, betterWhen: 'lower', amberBand: 0, rollup: true });
    const teamDefects = ['team-a', 'team-b'].map((u) =>
      kpi(`${u}-d`, u, 'Q', { measure: 'defects', aggregate: 'sum', target: 3, betterWhen: 'lower', amberBand: 0 }),
    );
    const sources = rollupSources(areaDefects, units, [...kpis, areaDefects, ...teamDefects]);
    expect(sources.map((k) => k.id)).to.deep.equal(['team-a-d', 'team-b-d']);
    // Team A: 2 + 1 defects on two days (target 3 a day: 6); team B: 5 on one day (target 3).
    const values = [value('team-a-d', '2026-11-16', 2), value('team-a-d', '2026-11-17', 1), value('team-b-d', '2026-11-18', 5)];
    const [point] = rollupTrend(areaDefects, sources, values, 'week', 1, '2026-11-21');
    expect(point).to.deep.equal({ start: '2026-11-16', actual: 8, target: 9, status: 'red', days: 3 });
  });
});

import { expect } from '@open-wc/testing';
import { addDays, kpiValueId, type Day, type EntityKind, type EntityMap, type KpiValue } from '../../src/model/index.js';
import type { RecordReader } from '../../src/store/contract.js';
import { kpiValuesForCalendar } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';

/** Every day from `first` to `last`. */
function daysFrom(first: Day, last: Day): Day[] {
  const days: Day[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** A reader over records held in memory, as a host store might write one: with ranges of ids, or without. */
function memoryReader(values: readonly KpiValue[], withRanges: boolean): RecordReader {
  const sorted = [...values].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ofKind = <K extends EntityKind>(kind: K) => (kind === 'kpiValues' ? sorted : []) as unknown as EntityMap[K][];
  return {
    all: async (kind) => ofKind(kind),
    by: async (kind, field, value) => ofKind(kind).filter((record) => (record as unknown as Record<string, unknown>)[field] === value),
    get: async (kind, id) => ofKind(kind).find((record) => record.id === id),
    ...(withRanges ? { between: async (kind, low, high) => ofKind(kind).filter((record) => record.id >= low && record.id <= high) } : {}),
  };
}

const value = (kpiId: string, day: Day): KpiValue => ({ id: kpiValueId(kpiId, day), kpiId, day, value: 1 }) as KpiValue;

describe("store: a calendar's values", () => {
  afterEach(deleteTestDatabases);

  it('reads the month a calendar shows and the last week one may record, not the months between (IndexedDB)', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const kpi = await store.createKpi({ unitId: teamA.id, name: 'Scrap', category: 'Q', measure: '%', target: 2, betterWhen: 'lower' });
    for (const day of daysFrom('2026-08-01', '2026-11-30')) await store.recordKpiValue(kpi.id, day, { value: 1 });
    const shown = await store.get(kpiValuesForCalendar(kpi.id, '2026-08', '2026-11-30'));
    expect(shown.map((v) => v.day)).to.deep.equal([...daysFrom('2026-08-01', '2026-08-31'), ...daysFrom('2026-11-24', '2026-11-30')]);
  });

  it('gives the same values from a reader with ranges of ids as from one looking each day up, and none of a KPI whose id sorts inside the range', async () => {
    const days = daysFrom('2026-08-01', '2026-11-30');
    // "kpi-a:2026-08-15x:..." sorts between "kpi-a:2026-08-15" and "kpi-a:2026-08-16".
    const values = [...days.map((day) => value('kpi-a', day)), ...days.map((day) => value('kpi-a:2026-08-15x', day)), value('kpi-b', '2026-08-03')];
    const query = kpiValuesForCalendar('kpi-a', '2026-08', '2026-11-30');
    const ranged = await query.run(memoryReader(values, true));
    const dayByDay = await query.run(memoryReader(values, false));
    expect(ranged.map((v) => v.id)).to.deep.equal(dayByDay.map((v) => v.id));
    expect(ranged).to.have.length(31 + 7);
    expect(ranged.every((v) => v.kpiId === 'kpi-a')).to.equal(true);
  });
});

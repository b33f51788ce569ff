import { expect } from '@open-wc/testing';
import { addDays, type Day } from '../../src/model/index.js';
import { kpiValuesForCalendar } from '../../src/store/queries.js';
import { exportData, importData } from '../../src/store/whole-database.js';
import { KPI_VALUE_MONTHS } from '../../src/store/packed-values.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';

/** The rows IndexedDB itself holds in a store of the device's database. */
function rowsIn(name: string, storeName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const count = open.result.transaction(storeName).objectStore(storeName).count();
      count.onsuccess = () => {
        open.result.close();
        resolve(count.result);
      };
    };
  });
}

describe("store: a KPI's results a row per month", () => {
  afterEach(deleteTestDatabases);

  it('writes a month of results as one row, and gives them back one by one, in order, the one written again as it was last written', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const scrap = await store.createKpi({ unitId: teamA.id, name: 'Scrap', category: 'Q', measure: '%', target: 2, betterWhen: 'lower' });
    const injuries = await store.createKpi({ unitId: teamA.id, name: 'Injuries', category: 'S', measure: 'count', target: 0, betterWhen: 'lower' });
    const days: Day[] = [];
    for (let day: Day = '2026-10-20'; day <= '2026-11-10'; day = addDays(day, 1)) days.push(day);
    for (const day of days) await store.recordKpiValue(scrap.id, day, { value: 1 });
    await store.recordKpiValue(injuries.id, '2026-11-03', { value: 0 });
    await store.recordKpiValue(scrap.id, '2026-11-04', { value: 5 });

    expect(await rowsIn(store.name, KPI_VALUE_MONTHS), "Scrap's October and November, Injuries' November").to.equal(3);
    const november = await store.get(kpiValuesForCalendar(scrap.id, '2026-11', '2026-11-10'));
    expect(november.map((v) => v.day)).to.deep.equal(days.filter((day) => day >= '2026-11-01'));
    expect(november.find((v) => v.day === '2026-11-04')?.value, 'the result written again').to.equal(5);
    const all = (await exportData(store)).data.kpiValues;
    expect(all.map((v) => v.id)).to.deep.equal([...all.map((v) => v.id)].sort());
    expect(all).to.have.length(days.length + 1);
    expect(all.filter((v) => v.kpiId === injuries.id).map((v) => v.day)).to.deep.equal(['2026-11-03']);
  });

  it('a restore leaves the results of the file only, none of those the screen held', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const scrap = await store.createKpi({ unitId: teamA.id, name: 'Scrap', category: 'Q', measure: '%', target: 2, betterWhen: 'lower' });
    await store.recordKpiValue(scrap.id, '2026-11-02', { value: 1 });
    const backup = await exportData(store);
    await store.recordKpiValue(scrap.id, '2026-11-03', { value: 4 });
    await store.recordKpiValue(scrap.id, '2026-10-30', { value: 3 });
    await importData(store, backup);
    expect((await exportData(store)).data.kpiValues.map((v) => v.day)).to.deep.equal(['2026-11-02']);
    expect(await rowsIn(store.name, KPI_VALUE_MONTHS)).to.equal(1);
  });
});

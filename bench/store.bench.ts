/**
 * Store figures in real Chromium IndexedDB, on the demo organisation:
 * - demo load: generate + validate + import the whole organisation;
 * - write-to-notified: from calling createAction until a live query watching that board
 *   delivers the new result (what a tap waits for before it can render);
 * - export and import of the whole database.
 */
import { IdbHuddleStore } from '../src/store/idb-store.js';
import { loadDemoOrganisation } from '../src/demo/index.js';
import { whereEquals } from '../src/store/queries.js';
import { percentile, round } from './stats.js';
import { exportData, importData } from '../src/store/whole-database.js';

export default async function run() {
  const figures: Record<string, unknown>[] = [];
  const store = new IdbHuddleStore({ name: `bench-store-${Date.now()}` });

  let start = performance.now();
  await loadDemoOrganisation(store, { today: '2026-11-21' });
  const exported = await exportData(store);
  const records = Object.values(exported.data).reduce((n, list) => n + list.length, 0);
  figures.push({ bench: 'store', figure: 'demo load (generate, validate, import)', ms: round(performance.now() - start), records });

  const samples: number[] = [];
  let resolveNext: (() => void) | undefined;
  const stop = store.watch(whereEquals('actions', 'unitId', 'unit-line-1'), () => resolveNext?.());
  await new Promise<void>((r) => (resolveNext = r));
  for (let i = 0; i < 200; i++) {
    const notified = new Promise<void>((r) => (resolveNext = r));
    start = performance.now();
    await store.createAction({ unitId: 'unit-line-1', title: `Bench action ${i}` });
    await notified;
    samples.push(performance.now() - start);
  }
  stop();
  figures.push({
    bench: 'store',
    figure: 'createAction to live query notified',
    n: samples.length,
    medianMs: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
  });

  start = performance.now();
  const file = await exportData(store);
  figures.push({ bench: 'store', figure: 'export whole database', ms: round(performance.now() - start), bytes: JSON.stringify(file).length });
  start = performance.now();
  await importData(store, JSON.stringify(file));
  figures.push({ bench: 'store', figure: 'import whole database (validate all, replace)', ms: round(performance.now() - start) });

  store.close();
  indexedDB.deleteDatabase(store.name);
  return figures;
}

/**
 * The coaching cascade of a large organisation: 300 people and 600 coaching pairs with 12 weeks
 * of sessions, then ten times that (3,000 people). Figures: time from inserting
 * <coaching-cascade> (as the kiosk shows it: a page of each tier) until every tier is drawn
 * with its figures - on a new page's store with nothing kept (a first showing after a name was
 * changed, which removes every kept answer: the conversations' facts read from the copy kept
 * beside them, see conversation-facts.ts), on a new day (the day before's figures worked out again for it,
 * `Query.rebase`), after a conversation was recorded (the kept figures brought up to date with
 * it, `Query.apply`), with the figures kept on the device (`Query.remember`), and shown again
 * by a kiosk rotating its views.
 */
import '../src/components/coaching-cascade/coaching-cascade.js';
import { IdbHuddleStore } from '../src/store/idb-store.js';
import { toExportFile } from '../src/model/backup-file.js';
import { DEFAULT_TIERS, ENTITY_KINDS, addDays, type EntityKind, type EntityMap } from '../src/model/index.js';
import { percentile, round } from './stats.js';
import { importData } from '../src/store/whole-database.js';
import { orgSettings } from '../src/store/queries.js';

const TODAY = '2026-11-21';
/** Showings per case: the median of all but the first (this machine is shared; a few are slow). */
const RUNS = 6;
const STAMP = { createdAt: '2026-08-01T08:00:00.000Z', updatedAt: '2026-08-01T08:00:00.000Z' };

function bigOrganisation(scale: number): { [K in EntityKind]: EntityMap[K][] } {
  const data = Object.fromEntries(ENTITY_KINDS.map((k) => [k, []])) as unknown as { [K in EntityKind]: EntityMap[K][] };
  data.org.push({ id: 'org', name: 'Big plant', locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator', ...STAMP });
  data.units.push({ id: 'plant', name: 'Plant', tier: 3, ...STAMP });
  // At scale 1: 10 managers, 40 supervisors (4 each), 250 team leaders (6-7 each): 300 people.
  const [M, S, T] = [10 * scale, 40 * scale, 250 * scale];
  for (let m = 0; m < M; m++) data.people.push({ id: `m${m}`, name: `Manager ${m}`, unitId: 'plant', role: 'leader', ...STAMP });
  for (let s = 0; s < S; s++) {
    data.units.push({ id: `area${s}`, name: `Area ${s}`, tier: 2, parentId: 'plant', ...STAMP });
    data.people.push({ id: `s${s}`, name: `Supervisor ${s}`, unitId: `area${s}`, role: 'leader', ...STAMP });
  }
  for (let t = 0; t < T; t++) {
    data.units.push({ id: `team${t}`, name: `Team ${t}`, tier: 1, parentId: `area${t % S}`, ...STAMP });
    data.people.push({ id: `t${t}`, name: `Team leader ${t}`, unitId: `team${t}`, role: 'leader', ...STAMP });
  }
  const pair = (
    id: string,
    coachId: string,
    learnerId: string,
    kind: EntityMap['coachingPairs']['kind'],
    cadenceDays: number,
    direction: 'down' | 'peer' = 'down',
  ) => data.coachingPairs.push({ id, coachId, learnerId, kind, direction, cadenceDays, ...STAMP });
  for (let s = 0; s < S; s++) pair(`ms${s}`, `m${s % M}`, `s${s}`, 'coaching-the-coach', 14);
  for (let t = 0; t < T; t++) pair(`st${t}`, `s${t % S}`, `t${t}`, 'huddle-observation', 7);
  for (let t = 0; t < T; t++) pair(`pt${t}`, `t${t}`, `t${(t + 1) % T}`, 'kata', 14, 'peer');
  for (let s = 0; s < S; s++) pair(`ps${s}`, `s${s}`, `s${(s + 1) % S}`, 'kata', 28, 'peer');
  for (let m = 0; m < M; m++) pair(`pm${m}`, `m${m}`, `m${(m + 1) % M}`, 'kata', 28, 'peer');
  for (let m = 0; m < M; m++) pair(`mt${m}`, `m${m}`, `t${m * (T / M)}`, 'huddle-observation', 28); // 600 pairs
  for (const p of data.coachingPairs) {
    for (let d = 3 + (p.id.length % 5); d < 84; d += p.cadenceDays + (p.id.charCodeAt(p.id.length - 1) % 3)) {
      const day = addDays(TODAY, -d);
      data.coachingSessions.push({
        id: `${p.id}-${day}`,
        kind: p.kind,
        direction: p.direction,
        coachId: p.coachId,
        learnerId: p.learnerId,
        anonymous: false,
        day,
        ratings: {},
        wentWell: '',
        evenBetter: '',
        focus: 'Focus',
        followUpDate: addDays(day, p.cadenceDays),
        ...STAMP,
      });
    }
  }
  return data;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** Removes every answer kept in the database (the store's `answer:` rows). */
async function forgetKeptAnswers(name: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const tx = db.transaction('meta', 'readwrite');
  tx.objectStore('meta').delete(IDBKeyRange.bound('answer:', 'answer:\uffff'));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** From inserting the cascade until its three tiers and its figures are drawn, and a frame. */
async function timeRender(store: IdbHuddleStore): Promise<number> {
  const el = document.createElement('coaching-cascade');
  Object.assign(el, { store });
  const start = performance.now();
  document.body.append(el);
  await until(
    () => (el.shadowRoot?.querySelectorAll('[part="tier"] button.pair').length ?? 0) > 0 && el.shadowRoot!.querySelectorAll('[part="tier"]').length === 3,
  );
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  const ms = performance.now() - start;
  el.remove();
  return ms;
}

export default async function run() {
  const figures: Record<string, unknown>[] = [];
  for (const scale of [1, 10]) {
    const name = `bench-cascade-${scale}-${Date.now()}`;
    const data = bigOrganisation(scale);
    await importData(new IdbHuddleStore({ name, today: () => TODAY }), toExportFile(data));
    // A new page's store, the database already open (as on a running kiosk): on a new day,
    // after a conversation was just recorded, then with the figures kept on the device.
    const newDays: number[] = [];
    const afterChanges: number[] = [];
    const kepts: number[] = [];
    const onANewPage = async (today: string, times: number[]) => {
      const fresh = new IdbHuddleStore({ name, today: () => today });
      await fresh.get(orgSettings());
      times.push(await timeRender(fresh));
      // The page stays open a while, as a page does: the store keeps the figures when idle.
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
      fresh.close();
    };
    for (let i = 0; i < RUNS; i++) {
      const writer = new IdbHuddleStore({ name, today: () => TODAY });
      const pair = data.coachingPairs[i]!;
      await writer.saveCoachingSession({
        kind: pair.kind,
        direction: pair.direction,
        coachId: pair.coachId,
        learnerId: pair.learnerId,
        anonymous: false,
        day: TODAY,
        ratings: {},
        wentWell: '',
        evenBetter: '',
        focus: 'Focus',
      });
      writer.close();
      await onANewPage(TODAY, afterChanges);
      await onANewPage(TODAY, kepts);
    }
    // A slot keeps one day's figures: the new days last.
    for (let i = 0; i < RUNS; i++) await onANewPage(addDays(TODAY, i + 1), newDays);
    // Nothing kept: the kept figures removed before each showing.
    const nothingKept: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await forgetKeptAnswers(name);
      await onANewPage(TODAY, nothingKept);
    }
    const store = new IdbHuddleStore({ name, today: () => TODAY });
    const agains: number[] = [];
    for (let i = 0; i < RUNS; i++) agains.push(await timeRender(store));
    store.close();
    indexedDB.deleteDatabase(name);
    // The first render also compiles the element's code paths: the median of the rest.
    figures.push({
      bench: 'cascade',
      figure: `render ${data.people.length} people, ${data.coachingPairs.length} pairs, ${data.coachingSessions.length} sessions (a page of each tier)`,
      nothingKeptMedianMs: round(percentile(nothingKept.slice(1), 50)),
      newDayMedianMs: round(percentile(newDays.slice(1), 50)),
      afterAChangeMedianMs: round(percentile(afterChanges.slice(1), 50)),
      keptMedianMs: round(percentile(kepts.slice(1), 50)),
      shownAgainMedianMs: round(percentile(agains, 50)),
    });
  }
  return figures;
}

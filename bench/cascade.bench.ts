/**
 * The coaching cascade of a large organisation: 300 people and 600 coaching pairs with
 * 12 weeks of sessions. Figure: time from inserting <coaching-cascade> until every pair is
 * drawn with its state.
 */
import '../src/components/coaching-cascade/coaching-cascade.js';
import { IdbHuddleStore } from '../src/store/idb-store.js';
import { toExportFile } from '../src/model/backup-file.js';
import { DEFAULT_TIERS, ENTITY_KINDS, addDays, type EntityKind, type EntityMap } from '../src/model/index.js';
import { percentile, round } from './stats.js';
import { importData } from '../src/store/whole-database.js';

const TODAY = '2026-11-21';
const STAMP = { createdAt: '2026-08-01T08:00:00.000Z', updatedAt: '2026-08-01T08:00:00.000Z' };

function bigOrganisation(): { [K in EntityKind]: EntityMap[K][] } {
  const data = Object.fromEntries(ENTITY_KINDS.map((k) => [k, []])) as unknown as { [K in EntityKind]: EntityMap[K][] };
  data.org.push({ id: 'org', name: 'Big plant', locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator', ...STAMP });
  data.units.push({ id: 'plant', name: 'Plant', tier: 3, ...STAMP });
  // 10 managers, 40 supervisors (4 each), 250 team leaders (6-7 each): 300 people.
  for (let m = 0; m < 10; m++) data.people.push({ id: `m${m}`, name: `Manager ${m}`, unitId: 'plant', role: 'leader', ...STAMP });
  for (let s = 0; s < 40; s++) {
    data.units.push({ id: `area${s}`, name: `Area ${s}`, tier: 2, parentId: 'plant', ...STAMP });
    data.people.push({ id: `s${s}`, name: `Supervisor ${s}`, unitId: `area${s}`, role: 'leader', ...STAMP });
  }
  for (let t = 0; t < 250; t++) {
    data.units.push({ id: `team${t}`, name: `Team ${t}`, tier: 1, parentId: `area${t % 40}`, ...STAMP });
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
  for (let s = 0; s < 40; s++) pair(`ms${s}`, `m${s % 10}`, `s${s}`, 'coaching-the-coach', 14);
  for (let t = 0; t < 250; t++) pair(`st${t}`, `s${t % 40}`, `t${t}`, 'huddle-observation', 7);
  for (let t = 0; t < 250; t++) pair(`pt${t}`, `t${t}`, `t${(t + 1) % 250}`, 'kata', 14, 'peer');
  for (let s = 0; s < 40; s++) pair(`ps${s}`, `s${s}`, `s${(s + 1) % 40}`, 'kata', 28, 'peer');
  for (let m = 0; m < 10; m++) pair(`pm${m}`, `m${m}`, `m${(m + 1) % 10}`, 'kata', 28, 'peer');
  for (let m = 0; m < 10; m++) pair(`mt${m}`, `m${m}`, `t${m * 25}`, 'huddle-observation', 28); // 600 pairs
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

export default async function run() {
  const store = new IdbHuddleStore({ name: `bench-cascade-${Date.now()}`, today: () => TODAY });
  const data = bigOrganisation();
  await importData(store, toExportFile(data));
  const pairs = data.coachingPairs.length;
  const renders: number[] = [];
  for (let i = 0; i < 4; i++) {
    const el = document.createElement('coaching-cascade');
    Object.assign(el, { store, peoplePerTier: 300 });
    const start = performance.now();
    document.body.append(el);
    await until(() => (el.shadowRoot?.querySelectorAll('button.pair').length ?? 0) === pairs);
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    renders.push(performance.now() - start);
    el.remove();
  }
  store.close();
  indexedDB.deleteDatabase(store.name);
  // The first mount includes opening the database; the rest are what a rotating kiosk sees.
  return [
    {
      bench: 'cascade',
      figure: `render ${data.people.length} people, ${pairs} pairs, ${data.coachingSessions.length} sessions`,
      firstMs: round(renders[0]!),
      medianLaterMs: round(percentile(renders.slice(1), 50)),
    },
  ];
}

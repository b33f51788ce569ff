/**
 * `npm run bench:wall-sync`: a new wall screen's first sync of the demo organisation - every
 * pull from cursor 0 to the end, through the server's app in this process on PGlite - scoped as
 * walls are now (their board and the boards below it; conversations without their words) against
 * the whole organisation as every device received it before (an admin's token, which still does),
 * measured alternately in one run. Prints records, bytes and time per first sync, and the ratios.
 *
 * Run with tsx (it imports the server's modules).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.js';
import { openDatabase } from '../server/db.js';
import { LiveHub } from '../server/live-hub.js';
import { seedDemo } from '../server/load-records.js';
import { migrate } from '../server/migrations.js';
import { createToken, ensureOrg } from '../server/tokens.js';
import { percentile, round } from './stats.js';

const ORG = 'riverside';
const ROUNDS = 7;

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-wall-'));
const db = await openDatabase({ dataDir });
await migrate(db);
await ensureOrg(db, ORG);
await seedDemo(db, ORG);
const wall = await createToken(db, { org: ORG, role: 'wall', unitId: 'unit-line-1' });
const whole = await createToken(db, { org: ORG, role: 'admin' });
const app = createApp({ db, hub: new LiveHub(), ratePerMinute: 1_000_000, badTokensPerMinute: 1_000_000, trustProxy: true });

/** One first sync: every page from cursor 0. */
async function firstSync(token: string): Promise<{ ms: number; records: number; bytes: number }> {
  const start = performance.now();
  let records = 0;
  let bytes = 0;
  for (let cursor = 0, more = true; more;) {
    const response = await app.request(`/api/sync/pull?cursor=${cursor}`, { headers: { 'X-Forwarded-For': '10.0.0.1', Authorization: `Bearer ${token}` } });
    const text = await response.text();
    const page = JSON.parse(text) as { records: unknown[]; cursor: number; more: boolean };
    records += page.records.length;
    bytes += text.length;
    ({ cursor, more } = page);
  }
  return { ms: performance.now() - start, records, bytes };
}

await firstSync(whole); // warm up
const runs: Record<'wall' | 'whole', { ms: number; records: number; bytes: number }[]> = { wall: [], whole: [] };
for (let i = 0; i < ROUNDS; i++) {
  runs.whole.push(await firstSync(whole));
  runs.wall.push(await firstSync(wall));
}
const median = (name: 'wall' | 'whole') => ({
  ms: round(
    percentile(
      runs[name].map((r) => r.ms),
      50,
    ),
  ),
  records: runs[name][0]!.records,
  kB: round(runs[name][0]!.bytes / 1024),
});
const [scoped, before] = [median('wall'), median('whole')];
console.log(JSON.stringify({ bench: 'wall-sync', case: 'wall, scoped (now)', ...scoped }));
console.log(JSON.stringify({ bench: 'wall-sync', case: 'whole organisation (every device before)', ...before }));
console.log(
  JSON.stringify({
    bench: 'wall-sync',
    case: 'ratio scoped / whole',
    time: round(scoped.ms / before.ms),
    records: round(scoped.records / before.records),
    bytes: round(scoped.kB / before.kB),
  }),
);
await db.close();
rmSync(dataDir, { recursive: true, force: true });

/**
 * `npm run bench:fair`: does one organisation's burst starve another's pulls? Organisation A
 * has 8 devices catching up after an outage, each pushing 500-op batches as fast as answers
 * come back; organisation B has one wall pulling every 100 ms. Prints B's pull latency
 * (p50, p95) alone and during A's burst, and their ratio: what B's screens feel. PGlite (one
 * transaction at a time, the worst case); `-- --postgres` for a PostgreSQL from Debian's
 * packages.
 *
 * Run with tsx (it imports the server's modules to make the tokens quickly).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { createToken } from '../server/tokens.js';
import { HybridClock } from '../src/model/hlc.js';
import type { SyncOp } from '../src/protocol/sync.js';
import { startPostgres, startServer } from '../test/support/sync-server.mjs';
import { percentile, round } from './stats.js';

const DEVICES_A = 8;
const OPS_PER_PUSH = 500;
const BURST_MS = 15_000;

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-fair-'));
const postgres = process.argv.includes('--postgres') ? await startPostgres() : undefined;
const url = postgres?.url;
const db = await openDatabase({ url, dataDir });
await migrate(db);
const tokensA: string[] = [];
for (let i = 0; i < DEVICES_A; i++) tokensA.push(await createToken(db, { org: 'big-burst', role: 'admin', label: `catching up ${i}` }));
const wallB = await createToken(db, { org: 'quiet-site', role: 'coach', label: 'wall' });
await db.close();

const server = await startServer({ ...(url ? { DATABASE_URL: url } : { DATA_DIR: dataDir }), RATE_PER_MINUTE: '1000000' });
const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

/** B's wall: a pull every 100 ms for `ms`; the latency of each. */
async function pullsOfB(ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const start = performance.now();
    const response = await fetch(`${server.url}/api/sync/pull?cursor=0`, { headers: headers(wallB) });
    await response.text();
    latencies.push(performance.now() - start);
    await new Promise((r) => setTimeout(r, 100));
  }
  return latencies;
}

const alone = await pullsOfB(5000);

let stop = false;
let opsPushed = 0;
const burst = tokensA.map(async (token, device) => {
  const clock = new HybridClock(`device${device}`);
  for (let batch = 0; !stop; batch++) {
    const at = new Date().toISOString();
    const ops: SyncOp[] = Array.from({ length: OPS_PER_PUSH }, (_, n) => {
      const id = `a-${device}-${batch}-${n}`;
      return {
        opId: id,
        kind: 'actions',
        id,
        hlc: clock.tick(),
        fields: { unitId: 'unit-x', title: `Caught up ${n}`, status: 'open', createdAt: at, updatedAt: at },
      };
    });
    const response = await fetch(`${server.url}/api/sync/push`, { method: 'POST', headers: headers(token), body: JSON.stringify({ ops }) });
    const answer = await response.text();
    if (!response.ok) throw new Error(`push refused: ${response.status} ${answer}`);
    opsPushed += OPS_PER_PUSH;
  }
});
await new Promise((r) => setTimeout(r, 1000)); // the burst under way
const during = await pullsOfB(BURST_MS);
stop = true;
await Promise.all(burst);
await server.stop();
postgres?.stop();
rmSync(dataDir, { recursive: true, force: true });

const p50Alone = percentile(alone, 50);
const p50During = percentile(during, 50);
console.log(
  JSON.stringify({
    bench: 'fair-share',
    figure: `one organisation's pulls while another pushes ${OPS_PER_PUSH}-op batches from ${DEVICES_A} devices (${url ? 'PostgreSQL' : 'PGlite'})`,
    aloneP50Ms: round(p50Alone),
    aloneP95Ms: round(percentile(alone, 95)),
    duringP50Ms: round(p50During),
    duringP95Ms: round(percentile(during, 95)),
    p50Ratio: round(p50During / p50Alone),
    burstOpsPerSecond: Math.round(opsPushed / ((BURST_MS + 1000) / 1000)),
  }),
);

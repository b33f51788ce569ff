/**
 * `npm run bench:sync`: 200 simulated boards push 50 ops each (one write per request, as taps
 * make them) through one server instance, while another device listens on the live channel
 * and pulls. Prints ops/s and the push-to-visible latency on that other device (p50, p95).
 * Latency runs from the moment a board starts its push to the moment the other device has
 * pulled the record. Storage is PGlite; `-- --postgres` runs a throwaway PostgreSQL from
 * Debian's packages instead, and then also through two instances behind that database (half
 * the boards on each). Then steady-load.ts: 2,000 team walls at a realistic load, not flat out.
 *
 * Run with tsx (it imports the server's modules to make 200 tokens quickly).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { createToken } from '../server/tokens.js';
import { push } from '../server/sync-service.js';
import { HybridClock } from '../src/model/hlc.js';
import type { PullResponse, SyncOp } from '../src/protocol/sync.js';
import { startPostgres, startServer } from '../test/support/sync-server.mjs';
import { percentile, round } from './stats.js';
import { pullOnChange } from './pull-on-change.js';
import { httpCall } from './http-call.js';
import { steadyLoad } from './steady-load.js';

const BOARDS = 200;
const OPS_PER_BOARD = 50;

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-'));
const postgres = process.argv.includes('--postgres') ? await startPostgres() : undefined;
if (process.argv.includes('--postgres') && !postgres) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
const url = postgres?.url;
const env: Record<string, string> = url ? { DATABASE_URL: url } : { DATA_DIR: dataDir };
const database = url ? 'PostgreSQL' : 'PGlite';
type Server = Awaited<ReturnType<typeof startServer>>;
const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

/** Straight into the database: the organisation, 200 boards, a wall token for each and the observer's. */
async function setUp(org: string): Promise<{ observerToken: string; wallTokens: string[] }> {
  const db = await openDatabase({ url, dataDir });
  await migrate(db);
  const observerToken = await createToken(db, { org, role: 'coach', label: 'observer' });
  const at = new Date().toISOString();
  const setupClock = new HybridClock('benchsetup');
  const units: SyncOp[] = Array.from({ length: BOARDS }, (_, i) => ({
    opId: `unit-${i}`,
    kind: 'units',
    id: `board-${i}`,
    hlc: setupClock.tick(),
    fields: { name: `Board ${i}`, tier: 1, createdAt: at, updatedAt: at },
  }));
  await push(db, { org, role: 'admin', commandLine: true }, units);
  const wallTokens: string[] = [];
  for (let i = 0; i < BOARDS; i++) wallTokens.push(await createToken(db, { org, role: 'wall', unitId: `board-${i}` }));
  await db.close();
  return { observerToken, wallTokens };
}

/** The organisation's 200 boards pushing flat out, board i through `servers[i % n]`, the observer on the first. */
async function flatOut({ observerToken, wallTokens }: Awaited<ReturnType<typeof setUp>>, servers: Server[]): Promise<Record<string, unknown>> {
  const server = servers[0]!;
  // The other device has its own connections, as a separate device would.
  const observerAgent = new Agent({ keepAlive: true, maxSockets: 2 });
  const observerGet = async (path: string): Promise<string> => (await httpCall(`${server.url}${path}`, { token: observerToken, agent: observerAgent })).text;

  const cursor = (JSON.parse(await observerGet('/api/sync/pull?cursor=0')) as PullResponse).cursor;

  // The other device: live channel, a pull per "changed" (one at a time), time each record seen.
  const pushedAt = new Map<string, number>();
  const latencies: number[] = [];
  const pushTimes: number[] = [];
  const expected = BOARDS * OPS_PER_BOARD;
  let allSeen: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allSeen = resolve));
  const pullNew = pullOnChange(observerGet, cursor, (records, now) => {
    for (const record of records) {
      const start = pushedAt.get(record.id);
      if (start !== undefined) {
        latencies.push(now - start);
        pushedAt.delete(record.id);
      }
    }
    if (latencies.length >= expected) allSeen();
  });
  const live = new AbortController();
  const stream = await fetch(`${server.url}/api/sync/live`, { headers: headers(observerToken), signal: live.signal });
  void (async () => {
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    for (;;) {
      const { value, done: ended } = await reader.read().catch(() => ({ value: '', done: true }));
      if (ended) return;
      // A pull under way as the server stops (after the figure) ends in a reset: not the bench's failure.
      if (value.includes('event: changed')) void pullNew().catch(() => undefined);
    }
  })();

  // The boards' pushes on kept-alive connections (http-call.ts says why not fetch).
  const boardsAgent = new Agent({ keepAlive: true, maxSockets: BOARDS });

  // 200 boards at once, each sending its 50 writes one after another.
  const started = performance.now();
  await Promise.all(
    wallTokens.map(async (token, board) => {
      const through = servers[board % servers.length]!;
      const clock = new HybridClock(`board${board}`);
      for (let n = 0; n < OPS_PER_BOARD; n++) {
        const id = `action-${board}-${n}`;
        const now = new Date().toISOString();
        const op: SyncOp = {
          opId: id,
          kind: 'actions',
          id,
          hlc: clock.tick(),
          fields: { unitId: `board-${board}`, title: `Action ${n}`, status: 'open', createdAt: now, updatedAt: now },
        };
        const pushStart = performance.now();
        pushedAt.set(id, pushStart);
        const { status, text } = await httpCall(`${through.url}/api/sync/push`, { method: 'POST', token, body: { ops: [op] }, agent: boardsAgent });
        if (status !== 200) throw new Error(`push refused: ${status} ${text}`);
        pushTimes.push(performance.now() - pushStart);
      }
    }),
  );
  const pushSeconds = (performance.now() - started) / 1000;
  const timeout = setTimeout(() => allSeen(), 60_000);
  await done;
  clearTimeout(timeout);
  live.abort();
  boardsAgent.destroy();
  return {
    ops: expected,
    opsPerSecond: Math.round(expected / pushSeconds),
    seenOnOtherDevice: latencies.length,
    visibleP50Ms: round(percentile(latencies, 50)),
    visibleP95Ms: round(percentile(latencies, 95)),
    pushP50Ms: round(percentile(pushTimes, 50)),
    pushP95Ms: round(percentile(pushTimes, 95)),
  };
}

const quick = { ...env, RATE_PER_MINUTE: '100000' };
// Set up before any server starts: a running server holds the embedded database's folder.
const aloneOrg = await setUp('bench');
const sharedOrg = url ? await setUp('bench-two') : undefined;
const one = await startServer(quick);
const alone = await flatOut(aloneOrg, [one]);
console.log(JSON.stringify({ bench: 'sync-server', figure: `${BOARDS} boards x ${OPS_PER_BOARD} ops, one op per push, one instance (${database})`, ...alone }));
if (sharedOrg) {
  // Two instances behind the one database, half the boards on each: the organisation's lock
  // and its change counter are the database's, so both instances' batches take turns at it.
  const two = await startServer(quick);
  const shared = await flatOut(sharedOrg, [one, two]);
  await two.stop();
  console.log(
    JSON.stringify({
      bench: 'sync-server',
      figure: `${BOARDS} boards x ${OPS_PER_BOARD} ops, one op per push, two instances, one database (${database})`,
      ...shared,
    }),
  );
}
await one.stop();

// Then the same database at a realistic load (steady-load.ts).
const steady = await steadyLoad({ url, dataDir }, env);
console.log(
  JSON.stringify({ bench: 'sync-server', figure: `2,000 team walls at work, a write every 20 s each, 100 area walls watching (${database})`, ...steady }),
);
postgres?.stop();
rmSync(dataDir, { recursive: true, force: true });

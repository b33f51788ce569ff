/**
 * `npm run bench:live`: 1,000 wall screens of one organisation holding the live channel on one
 * server instance. Prints the server's resident memory with 0, 250, 500 and 1,000 connections
 * and after they close (is it bounded, is it given back?), and how long a change takes to reach
 * every screen (push to "changed" on each connection: p50, p95, max).
 *
 * `-- --postgres` runs it on a throwaway PostgreSQL from Debian's packages, and then also with
 * two instances behind that one database, 500 screens on each, the changes pushed through the
 * first: every screen of the second hears of them through the database's notifications.
 *
 * Run with tsx (it imports the server's modules to make 1,000 tokens quickly).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { createToken } from '../server/tokens.js';
import { HybridClock } from '../src/model/hlc.js';
import { DEFAULT_TIERS } from '../src/model/index.js';
import type { SyncOp } from '../src/protocol/sync.js';
import { startPostgres, startServer } from '../test/support/sync-server.mjs';
import { percentile, round } from './stats.js';

const SCREENS = 1000;
const CHANGES = 10;
const ORG = 'bench';

const onPostgres = process.argv.includes('--postgres');
const postgres = onPostgres ? await startPostgres() : undefined;
if (onPostgres && !postgres) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-live-'));
const env: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : { DATA_DIR: dataDir };

// A wall token per screen (the live channel allows a few connections per token), straight into the database.
const db = await openDatabase({ url: postgres?.url, dataDir });
await migrate(db);
const tokens: string[] = [];
for (let i = 0; i < SCREENS; i++) tokens.push(await createToken(db, { org: ORG, role: 'wall', unitId: `board-${i % 200}` }));
const writer = await createToken(db, { org: ORG, role: 'admin', label: 'bench writer' });
await db.close();

type Server = Awaited<ReturnType<typeof startServer>>;
const headers = (token: string) => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

/** The server's resident memory, in MB, from its own metrics. */
async function residentMb(server: Server): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const bytes = Number(/^huddle_process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? NaN);
  return round(bytes / 1024 / 1024);
}

interface Screen {
  heard: (since: number) => Promise<number>;
  close: () => void;
}

/** One screen on the live channel: resolves once the server said it is ready. */
async function openScreen(server: Server, token: string): Promise<Screen> {
  const abort = new AbortController();
  const response = await fetch(`${server.url}/api/sync/live`, { headers: headers(token), signal: abort.signal });
  if (!response.ok) throw new Error(`live channel refused: ${response.status} ${await response.text()}`);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let waiting: ((at: number) => void) | undefined;
  let ready = (): void => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) return;
      if (value.includes('event: ready')) ready();
      if (value.includes('event: changed')) waiting?.(performance.now());
    }
  })();
  await isReady;
  return {
    // NaN when the change never arrives (counted as missed, rather than waiting forever).
    heard: (since) =>
      new Promise<number>((resolve) => {
        const timer = setTimeout(() => resolve(NaN), 10_000);
        waiting = (at) => {
          clearTimeout(timer);
          resolve(at - since);
        };
      }),
    close: () => abort.abort(),
  };
}

/**
 * Pushes one change through `through` and times its arrival on every screen. `run` names the
 * bench run: a later run's changes need op ids of their own, or the server counts them as
 * duplicates of the first run's, stores nothing and tells no screen (every change "missed").
 */
async function fanOut(through: Server, screens: Screen[], run: number, n: number): Promise<number[]> {
  const clock = new HybridClock(`benchlive${run}x${n}`);
  const now = new Date().toISOString();
  // A change of the organisation's settings: every screen hears of it (a board's change only its walls).
  const op: SyncOp = {
    opId: `live-${run}-${n}`,
    kind: 'org',
    id: 'org',
    hlc: clock.tick(),
    fields: { name: `Bench ${n}`, locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator', createdAt: now, updatedAt: now },
  };
  const started = performance.now();
  const arrivals = screens.map((screen) => screen.heard(started));
  const response = await fetch(`${through.url}/api/sync/push`, { method: 'POST', headers: headers(writer), body: JSON.stringify({ ops: [op] }) });
  if (!response.ok) throw new Error(`push refused: ${response.status} ${await response.text()}`);
  return Promise.all(arrivals);
}

let runs = 0;

async function run(servers: Server[]): Promise<Record<string, unknown>> {
  const runNumber = ++runs;
  const memory: Record<string, number[]> = { connections0: await Promise.all(servers.map(residentMb)) };
  const screens: Screen[] = [];
  for (const step of [250, 500, 1000]) {
    while (screens.length < step) {
      const batch = tokens.slice(screens.length, Math.min(step, screens.length + 50));
      screens.push(...(await Promise.all(batch.map((token, i) => openScreen(servers[(screens.length + i) % servers.length]!, token)))));
    }
    memory[`connections${step}`] = await Promise.all(servers.map(residentMb));
  }
  const arrivals: number[] = [];
  for (let n = 0; n < CHANGES; n++) arrivals.push(...(await fanOut(servers[0]!, screens, runNumber, n)));
  const latencies = arrivals.filter(Number.isFinite);
  for (const screen of screens) screen.close();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  memory['closed'] = await Promise.all(servers.map(residentMb));
  const perMb = (memory['connections1000']!.reduce((a, b) => a + b, 0) - memory['connections0']!.reduce((a, b) => a + b, 0)) / SCREENS;
  return {
    residentMbPerInstance: memory,
    kbPerConnection: round(perMb * 1024),
    changesMissed: arrivals.length - latencies.length,
    changeToEveryScreenP50Ms: round(percentile(latencies, 50)),
    changeToEveryScreenP95Ms: round(percentile(latencies, 95)),
    changeToEveryScreenMaxMs: round(Math.max(...latencies)),
  };
}

const quiet = { ...env, RATE_PER_MINUTE: '100000', LOG_REQUESTS: '0' };
const one = await startServer(quiet);
const single = await run([one]);
await one.stop();
console.log(JSON.stringify({ bench: 'live-connections', figure: `${SCREENS} screens on one instance (${postgres ? 'PostgreSQL' : 'PGlite'})`, ...single }));

if (postgres) {
  const pair = await Promise.all([startServer(quiet), startServer(quiet)]);
  const both = await run(pair);
  await Promise.all(pair.map((server) => server.stop()));
  console.log(
    JSON.stringify({ bench: 'live-connections', figure: `${SCREENS} screens over two instances on one PostgreSQL, changes pushed through the first`, ...both }),
  );
}
postgres?.stop();
rmSync(dataDir, { recursive: true, force: true });

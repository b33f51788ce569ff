/**
 * The second figure of `npm run bench:sync`: an organisation of 2,000 team boards (10 sites x
 * 10 areas x 20 teams) at work, not flat out. Every team's wall holds the live channel and
 * writes a few times a minute (on average every 20 s, at random: ~100 writes a second in
 * all), and pulls its board's share when the server says it changed; each area's wall (100)
 * does the same for its teams. Prints the writes, how long each push took, and push to
 * visible on the area's wall - another device - (p50, p95, max), with the server's CPU and
 * memory. Every wall starts from the cursor it would hold after its first sync.
 */
import { Agent, request } from 'node:http';
import { httpCall } from './http-call.js';
import { openDatabase } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { push } from '../server/sync-service.js';
import { createToken } from '../server/tokens.js';
import { HybridClock } from '../src/model/hlc.js';
import type { PullResponse, SyncOp } from '../src/protocol/sync.js';
import { startServer } from '../test/support/sync-server.mjs';
import { pullOnChange } from './pull-on-change.js';
import { percentile, round } from './stats.js';

const SITES = 10;
const AREAS_PER_SITE = 10;
const TEAMS_PER_AREA = 20;
const MEAN_SECONDS_BETWEEN_WRITES = 20;
const SECONDS = 60;
const ORG = 'steady';

type Server = Awaited<ReturnType<typeof startServer>>;

interface Board {
  id: string;
  areaIndex: number;
  token: string;
}

/** The boards' tree, straight into the database, with a wall token for every team and area. */
async function setUp(database: { url?: string; dataDir: string }): Promise<{ teams: Board[]; areas: Board[] }> {
  const db = await openDatabase(database);
  await migrate(db);
  const at = new Date().toISOString();
  const clock = new HybridClock('steadysetup');
  const unit = (id: string, name: string, tier: number, parentId?: string): SyncOp => ({
    opId: `unit-${id}`,
    kind: 'units',
    id,
    hlc: clock.tick(),
    fields: { name, tier, ...(parentId ? { parentId } : {}), createdAt: at, updatedAt: at },
  });
  const ops: SyncOp[] = [];
  const teams: Board[] = [];
  const areas: Board[] = [];
  for (let s = 0; s < SITES; s++) {
    ops.push(unit(`site-${s}`, `Site ${s}`, 3));
    for (let a = 0; a < AREAS_PER_SITE; a++) {
      const areaIndex = s * AREAS_PER_SITE + a;
      ops.push(unit(`area-${areaIndex}`, `Area ${areaIndex}`, 2, `site-${s}`));
      areas.push({ id: `area-${areaIndex}`, areaIndex, token: '' });
      for (let t = 0; t < TEAMS_PER_AREA; t++) {
        const id = `team-${areaIndex}-${t}`;
        ops.push(unit(id, `Team ${areaIndex}.${t}`, 1, `area-${areaIndex}`));
        teams.push({ id, areaIndex, token: '' });
      }
    }
  }
  // A token first: making one makes its organisation.
  for (const board of [...teams, ...areas]) board.token = await createToken(db, { org: ORG, role: 'wall', unitId: board.id });
  for (let start = 0; start < ops.length; start += 500) await push(db, { org: ORG, role: 'admin', commandLine: true }, ops.slice(start, start + 500));
  await db.close();
  return { teams, areas };
}

/** Keep-alive HTTP, as a wall's browser holds its connections. */
const agent = new Agent({ keepAlive: true, maxSockets: 512 });
/** A request sent again goes on a new connection: the pool may hold more sockets the server closed. */
const freshConnections = new Agent({ keepAlive: false });

/**
 * A request, sent again (up to three times, on a new connection) when the server closed the
 * kept-alive connection as it was reused - as a browser does; pushes and pulls may be repeated:
 * an op id is applied once. On PGlite the server's thread is busy for long stretches and closes
 * idle connections late, just as the bench reuses them.
 */
async function call(server: Server, token: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await callOnce(server, token, method, path, body, attempt === 1 ? agent : freshConnections);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ECONNRESET' && code !== 'EPIPE') || attempt === 3) throw error;
    }
  }
}

async function callOnce(server: Server, token: string, method: 'GET' | 'POST', path: string, body: unknown, through: Agent): Promise<string> {
  const { status, text } = await httpCall(`${server.url}${path}`, { method, token, body, agent: through });
  if (status !== 200) throw new Error(`${method} ${path}: ${status} ${text}`);
  return text;
}

/** A wall on the live channel that pulls its share whenever the server says it changed. */
async function openWall(server: Server, board: Board, cursor: number, seen: (ids: readonly string[], at: number) => void): Promise<() => void> {
  const pullNew = pullOnChange(
    (path) => call(server, board.token, 'GET', path),
    cursor,
    (records, at) =>
      seen(
        records.map((r) => r.id),
        at,
      ),
  );
  // node:http rather than fetch: 2,100 web streams cost the bench more CPU than the server.
  return new Promise((resolve, reject) => {
    const live = request(`${server.url}/api/sync/live`, { headers: { Authorization: `Bearer ${board.token}` } }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`live channel refused: ${response.statusCode}`));
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        if (text.includes('event: ready')) resolve(() => live.destroy());
        if (text.includes('event: changed')) void pullNew().catch(() => undefined);
      });
      response.on('error', () => undefined);
    });
    live.on('error', reject);
    live.end();
  });
}

async function serverFigures(server: Server): Promise<{ cpuSeconds: number; residentMb: number }> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const sample = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { cpuSeconds: sample('huddle_process_cpu_seconds_total'), residentMb: round(sample('huddle_process_resident_memory_bytes') / 1024 / 1024) };
}

/** Runs the steady load against a new server on `database`; resolves with the figures. */
export async function steadyLoad(database: { url?: string; dataDir: string }, env: Record<string, string>): Promise<Record<string, unknown>> {
  const { teams, areas } = await setUp(database);
  const server = await startServer({ ...env, RATE_PER_MINUTE: '100000' });
  try {
    const startCursor = (JSON.parse(await call(server, teams[0]!.token, 'GET', '/api/sync/pull?cursor=0')) as PullResponse).cursor;
    const writtenAt = new Map<string, number>();
    const visible: number[] = [];
    const pushTimes: number[] = [];
    const onAreaWall = (ids: readonly string[], at: number) => {
      for (const id of ids) {
        const start = writtenAt.get(id);
        if (start === undefined) continue;
        visible.push(at - start);
        writtenAt.delete(id);
      }
    };
    const closers: (() => void)[] = [];
    for (let i = 0; i < teams.length + areas.length; i += 100) {
      const group = [...teams, ...areas].slice(i, i + 100);
      closers.push(
        ...(await Promise.all(group.map((board) => openWall(server, board, startCursor, board.id.startsWith('area-') ? onAreaWall : () => undefined)))),
      );
    }
    const before = await serverFigures(server);
    let writes = 0;
    const until = performance.now() + SECONDS * 1000;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const started = performance.now();
    await Promise.all(
      teams.map(async (board, b) => {
        const clock = new HybridClock(`steady${b}`);
        for (let n = 0; ; n++) {
          const wait = -Math.log(1 - Math.random()) * MEAN_SECONDS_BETWEEN_WRITES * 1000;
          if (performance.now() + wait > until) return;
          await sleep(wait);
          // Half new actions, half a status change of the board's last one.
          const id = `action-${b}-${n - (n % 2)}`;
          const now = new Date().toISOString();
          const fields =
            n % 2 === 0 ? { unitId: board.id, title: `Action ${n}`, status: 'open', createdAt: now, updatedAt: now } : { status: 'doing', updatedAt: now };
          const op: SyncOp = { opId: `steady-${b}-${n}`, kind: 'actions', id, hlc: clock.tick(), fields };
          const pushStart = performance.now();
          writtenAt.set(id, pushStart);
          await call(server, board.token, 'POST', '/api/sync/push', { ops: [op] });
          pushTimes.push(performance.now() - pushStart);
          writes++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const deadline = performance.now() + 15_000;
    while (writtenAt.size > 0 && performance.now() < deadline) await sleep(100);
    const after = await serverFigures(server);
    for (const close of closers) close();
    return {
      screens: teams.length + areas.length,
      writes,
      writesPerSecond: round(writes / seconds),
      notSeenOnAreaWall: writtenAt.size,
      visibleP50Ms: round(percentile(visible, 50)),
      visibleP95Ms: round(percentile(visible, 95)),
      visibleMaxMs: round(Math.max(...visible)),
      pushP50Ms: round(percentile(pushTimes, 50)),
      pushP95Ms: round(percentile(pushTimes, 95)),
      serverCpuShare: round((after.cpuSeconds - before.cpuSeconds) / seconds),
      serverResidentMb: after.residentMb,
    };
  } finally {
    await server.stop();
  }
}

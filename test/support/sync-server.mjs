// Starting the real sync server for end-to-end tests and the bench: its admin commands, the
// server itself (a child process, as `npm run server` runs it), and a throwaway PostgreSQL
// cluster from Debian's packages for the DATABASE_URL variant.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// One process, not tsx's wrapper and its child: each command starts faster, and signals
// (SIGHUP, SIGUSR2) reach the server itself.
export const SERVER = ['--import', 'tsx', 'server/main.ts'];

/** Runs an admin command (`token create ...`, `demo ...`) and returns what it printed. */
export function serverCommand(env, ...args) {
  const result = spawnSync(process.execPath, [...SERVER, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`server ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** Starts the server on a free port; resolves with its address and a stop function. */
export function startServer(env) {
  const child = spawn(process.execPath, SERVER, { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${log}`)), 60_000);
    const onData = (chunk) => {
      log += chunk;
      const match = /huddle sync server on (https?:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          log: () => log,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once('exit', done);
              child.kill('SIGTERM');
              setTimeout(() => child.kill('SIGKILL'), 5000).unref();
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (log += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${log}`));
    });
  });
}

/** A port nothing listens on now (for a server that must know its address before it starts). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Debian's PostgreSQL server programs, newest version installed (15 on Debian 12). */
function postgresBin() {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin') : undefined;
}

/**
 * A throwaway PostgreSQL cluster on loopback, owned by the postgres user (the server refuses
 * to run as root). Undefined when Debian's PostgreSQL is not installed. `keep`: a folder whose
 * cluster is started again if it holds one and left there when stopped (a bench's large data).
 */
export async function startPostgres({ keep } = {}) {
  const PG_BIN = postgresBin();
  if (!PG_BIN) return undefined;
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'huddle-pg-'));
  const existing = keep !== undefined && existsSync(join(dir, 'PG_VERSION'));
  if (keep !== undefined) mkdirSync(dir, { recursive: true });
  const asPostgres = (cmd, args) => {
    const runAs = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const result = spawnSync(runAs[0], runAs[1], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr}${result.stdout}`);
  };
  if (process.getuid?.() === 0) {
    const id = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id, gid);
  }
  const port = await freePort();
  if (!existing) asPostgres(join(PG_BIN, 'initdb'), ['-D', dir, '-A', 'trust', '-U', 'postgres']);
  asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', dir, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', dir, '-m', keep ? 'fast' : 'immediate', 'stop']);
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `suite(label, env, database)` on an embedded PGlite in a fresh folder, then on a
 * throwaway PostgreSQL; a machine without PostgreSQL fails one check that says so.
 * `database` is `{ dataDir }` or `{ databaseUrl }`, for suites that reach into it.
 */
export async function onEachDatabase(check, suite) {
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-pglite-'));
  try {
    await suite('PGlite', { DATA_DIR: dataDir }, { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const postgres = await startPostgres();
  if (!postgres) {
    check('PostgreSQL is installed for the DATABASE_URL tests (apt-get install postgresql)', false);
    return;
  }
  try {
    await suite('PostgreSQL', { DATABASE_URL: postgres.url }, { databaseUrl: postgres.url });
  } finally {
    postgres.stop();
  }
}

/**
 * Runs `suite` once, on PostgreSQL as a real site runs it (PGlite where PostgreSQL is not
 * installed), for browser journeys whose SQL the suites on both databases already cover:
 * running them twice would only double the test run.
 */
export async function onPostgres(suite) {
  const postgres = await startPostgres();
  if (postgres) {
    try {
      await suite('PostgreSQL', { DATABASE_URL: postgres.url }, { databaseUrl: postgres.url });
    } finally {
      postgres.stop();
    }
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'huddle-pglite-'));
  try {
    await suite('PGlite', { DATA_DIR: dataDir }, { dataDir });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The server's storage: one interface over an embedded PGlite (a data folder, no set-up) and
 * a real PostgreSQL (when DATABASE_URL is set). Both run the same SQL and migrations; only
 * how notifications travel differs, and both deliver them to every listener.
 */
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `body` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(body: (sql: Sql) => Promise<T>): Promise<T>;
  /** Calls `handler` for every NOTIFY on `channel`, from this instance or any other. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  /** Connections open, idle, and queries waiting for one (for /metrics). */
  connections(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export async function openDatabase(options: { url?: string; dataDir: string }): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir);
}

/** The embedded database's folder is held by a running server (`owner`, its process id). */
export class DataDirInUse extends Error {
  override readonly name = 'DataDirInUse';
  constructor(
    dataDir: string,
    readonly owner: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by a huddle server (process ${owner}). Stop it first, or make tokens through it: POST /api/tokens with an admin token.`,
    );
  }
}

/**
 * PGlite keeps the database in the process's memory and writes it back to the folder, so two
 * processes on one folder would overwrite each other's changes. A lock file with the owner's
 * pid keeps a second one out (a lock left by a process that died is taken over).
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'huddle-server.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8'));
      if (owner && isAlive(owner)) {
        throw new DataDirInUse(dataDir, owner);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await db.query<T>(text, params)).rows }),
    transaction: (body) =>
      db.transaction((tx) => body({ query: async <T>(text: string, params?: unknown[]) => ({ rows: (await tx.query<T>(text, params)).rows }) })),
    listen: async (channel, handler) => {
      const stop = await db.listen(channel, handler);
      return () => stop();
    },
    // One database in this process; what waits for it waits in the app's queue (see fair-queue.ts).
    connections: () => ({ total: 1, idle: 1, waiting: 0 }),
    close: async () => {
      await db.close();
      unlock();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  // A wall's pull is one query over hundreds of short index reads, whose estimated cost passes
  // the threshold at which PostgreSQL compiles a query first: two seconds of compiling for 150 ms
  // of reading (a site wall's first page). No query here runs long enough to gain from it.
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  // Fail at start, with the reason, rather than on the first request.
  await pool.query('select 1');
  return {
    kind: 'postgres',
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as T[] }),
    transaction: async (body) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await body({ query: async <T>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as T[] }) });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: async (channel, handler) => {
      // LISTEN needs a connection of its own that stays open.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) handler(message.payload ?? '');
      });
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      return () => client.end();
    },
    connections: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

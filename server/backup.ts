/**
 * Whole-server backups, the same on PGlite and PostgreSQL: every table read in one snapshot
 * (one repeatable-read transaction), so a backup taken during a burst of pushes holds each push
 * whole or not at all and the change counters agree with the records. Written as gzip'd JSON
 * lines - a header with the tables' version, a line per row, a closing line with the counts - to
 * a `.partial` file renamed when complete: a file with the backup's name is a whole backup.
 *
 * A restore reads and checks the whole file before it writes anything, then loads it into an
 * empty database in one transaction, at the tables' version it was taken from, and migrates on.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, Sql } from './db.js';
import { appliedVersion, migrate, newerDatabase, SCHEMA_VERSION } from './migrations.js';

const FORMAT = 'huddle-server-backup';
/**
 * What a backup holds, in the order a restore loads it (references first). Sign-ins half-way
 * through the identity provider (`oidc_logins`) last minutes and are not kept.
 */
const TABLES = ['orgs', 'org_seq', 'tokens', 'records', 'applied_ops', 'record_history', 'sign_in_codes'] as const;
type Table = (typeof TABLES)[number];
const FETCH_ROWS = 2000;
const INSERT_ROWS = 500;

/** Thrown when a backup cannot be taken or restored; nothing was changed. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

interface Header {
  format: typeof FORMAT;
  schema: number;
  at: string;
  storage: string;
}
type Line = Header | { table: Table; row: Record<string, unknown> } | { end: true; rows: Record<string, number> };

/** Writes a backup of every organisation to `file`; resolves with the rows per table. */
export async function writeBackup(db: Database, file: string): Promise<Record<string, number>> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const counts: Record<string, number> = {};
  try {
    await db.transaction(async (tx) => {
      // Every table as of one moment: pushes committed after it are in the next backup.
      await tx.query('set transaction isolation level repeatable read');
      await pipeline(Readable.from(lines(tx, db.kind, counts)), createGzip(), createWriteStream(partial));
    });
    await rename(partial, file);
    return counts;
  } catch (error) {
    await rm(partial, { force: true });
    throw new BackupError(`the backup to ${file} failed, nothing was kept: ${(error as Error).message}`, { cause: error });
  }
}

async function* lines(tx: Sql, storage: string, counts: Record<string, number>): AsyncGenerator<string> {
  const header: Header = { format: FORMAT, schema: await appliedVersion(tx), at: new Date().toISOString(), storage };
  yield `${JSON.stringify(header)}\n`;
  for (const table of TABLES) {
    counts[table] = 0;
    // A cursor, so a large table is never held in memory at once.
    await tx.query(`declare backup_rows no scroll cursor for select to_jsonb(t) as row from ${table} t`);
    for (;;) {
      const { rows } = await tx.query<{ row: Record<string, unknown> }>(`fetch ${FETCH_ROWS} from backup_rows`);
      for (const { row } of rows) yield `${JSON.stringify({ table, row })}\n`;
      counts[table] += rows.length;
      if (rows.length < FETCH_ROWS) break;
    }
    await tx.query('close backup_rows');
  }
  yield `${JSON.stringify({ end: true, rows: counts })}\n`;
}

/** Loads a backup into an empty database; resolves with the rows per table. */
export async function restoreBackupFile(db: Database, file: string): Promise<Record<string, number>> {
  const { header, rows } = await readBackup(file);
  if (header.schema > SCHEMA_VERSION) throw new BackupError(newerDatabase(header.schema).message);
  await migrate(db, { upTo: 0 });
  if ((await appliedVersion(db)) > 0 && (await db.query('select 1 from orgs limit 1')).rows.length > 0)
    throw new BackupError('this database already holds organisations: restore into an empty one (a new DATA_DIR, or a new PostgreSQL database)');
  // The tables as they were when the backup was taken, so later migrations (which may change
  // rows, not only add columns) run over the restored rows as over any old database.
  await migrate(db, { upTo: header.schema });
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const table of TABLES) {
      const all = rows.get(table) ?? [];
      counts[table] = all.length;
      if (all.length === 0) continue;
      // The backup's columns only (a column added since takes its default), converted by the
      // table's own types from JSON: timestamps, numbers and jsonb come back as they were.
      const columns = Object.keys(all[0]!)
        .map((name) => `"${name.replace(/"/g, '""')}"`)
        .join(', ');
      for (let start = 0; start < all.length; start += INSERT_ROWS)
        await tx.query(`insert into ${table} (${columns}) select ${columns} from jsonb_populate_recordset(null::${table}, $1::jsonb)`, [
          JSON.stringify(all.slice(start, start + INSERT_ROWS)),
        ]);
    }
  });
  await migrate(db);
  return counts;
}

/** Reads a whole backup and checks it is complete before anything is written. */
async function readBackup(file: string): Promise<{ header: Header; rows: Map<Table, Record<string, unknown>[]> }> {
  let header: Header | undefined;
  let ended: Record<string, number> | undefined;
  const rows = new Map<Table, Record<string, unknown>[]>();
  try {
    const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const text of input) {
      if (!text) continue;
      const line = JSON.parse(text) as Line;
      if (!header) {
        if (!('format' in line) || line.format !== FORMAT) throw new BackupError(`${file} is not a huddle server backup`);
        header = line;
      } else if ('end' in line) ended = line.rows;
      else if ('table' in line && (TABLES as readonly string[]).includes(line.table)) {
        const table = rows.get(line.table) ?? [];
        table.push(line.row);
        rows.set(line.table, table);
      } else throw new BackupError(`${file} holds a line this server does not know`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a backup, nothing was changed: ${(error as Error).message}`, { cause: error });
  }
  if (!header || !ended) throw new BackupError(`${file} is incomplete (it has no closing line): nothing was changed`);
  for (const table of TABLES)
    if ((rows.get(table)?.length ?? 0) !== (ended[table] ?? 0)) throw new BackupError(`${file} is incomplete (table ${table}): nothing was changed`);
  return { header, rows };
}

/** A backup file's name in a backup folder: sortable by time, found again by `keepNewest`. */
export function backupName(dir: string, at = new Date()): string {
  return join(dir, `huddle-backup-${at.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
}

/** Deletes all but the `keep` newest backups in `dir`; resolves with the names deleted. */
export async function keepNewest(dir: string, keep: number): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => /^huddle-backup-.*\.jsonl\.gz$/.test(name)).sort();
  const gone = names.slice(0, Math.max(0, names.length - keep));
  for (const name of gone) await rm(join(dir, name), { force: true });
  return gone;
}

/** Size in bytes, for the command line's report. */
export async function sizeOf(file: string): Promise<string> {
  const bytes = (await stat(file)).size;
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

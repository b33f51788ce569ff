/**
 * The server's tables, as numbered migrations run in order at start (the same on PGlite and
 * PostgreSQL). Those not yet applied run in one transaction under a lock, each with its number
 * recorded: several instances starting at once on one database apply each exactly once, and a
 * migration that fails leaves the database as it was. A database written by a newer server is
 * refused, rather than run by code that does not know its tables.
 */
import type { Database, Sql } from './db.js';
import { repairFutureClocks } from './repair-clocks.js';
import { addDatedColumn, addRecordBoards } from './record-boards.js';

/** SQL statements separated by semicolons, or a step that needs code. */
type Migration = string | ((sql: Sql) => Promise<unknown>);

const MIGRATIONS: Migration[] = [
  // 1: organisations, device tokens (hashed), merged records with a clock per field, the op
  // ids already applied (pushes are idempotent), and each organisation's change counter.
  `
  create table orgs (id text primary key, created_at timestamptz not null default now());
  create table tokens (
    hash text primary key,
    org text not null references orgs (id),
    role text not null,
    unit_id text,
    label text not null default '',
    created_at timestamptz not null default now(),
    expires_at timestamptz,
    revoked_at timestamptz
  );
  create table records (
    org text not null references orgs (id),
    kind text not null,
    id text not null,
    data jsonb not null,
    clocks jsonb not null,
    seq bigint not null,
    primary key (org, kind, id)
  );
  create index records_by_seq on records (org, seq);
  create table applied_ops (org text not null, op_id text not null, primary key (org, op_id));
  create table org_seq (org text primary key references orgs (id), seq bigint not null default 0);
  `,
  // 2: a coach's token may say who the coach is, so a phone opened from a board's QR code
  // fills in the coaching card's coach.
  `
  alter table tokens add column person_id text;
  `,
  // 3: when each op id was recorded, so that old ones can be forgotten (see prune.ts).
  `
  alter table applied_ops add column applied_at timestamptz not null default now();
  create index applied_ops_by_age on applied_ops (applied_at);
  `,
  // 4: stamps from before the server bounded them, repaired (see repair-clocks.ts).
  repairFutureClocks,
  // 5: the audit trail: per record, who changed which fields when - the person the token
  // belongs to, and the device token (its hash) - kept after op ids are forgotten. Anonymous
  // records get no row: nothing may tie them to whoever sent them.
  `
  create table record_history (
    org text not null references orgs (id),
    kind text not null,
    id text not null,
    seq bigint not null,
    at timestamptz not null default now(),
    person_id text,
    token_hash text,
    role text not null,
    fields jsonb not null
  );
  create index record_history_by_record on record_history (org, kind, id, seq);
  `,
  // 6: one-time sign-in codes an admin makes for a person (see sign-in.ts), kept as hashes.
  `
  create table sign_in_codes (
    hash text primary key,
    org text not null references orgs (id),
    person_id text not null,
    role text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz,
    revoked_at timestamptz
  );
  `,
  // 7: sign-ins started at the identity provider and not yet back (see oidc.ts): the PKCE
  // verifier and where to return, by state; kept minutes, on every instance.
  `
  create table oidc_logins (
    state text primary key,
    verifier text not null,
    kiosk_query text not null,
    created_at timestamptz not null default now()
  );
  `,
  // 8: a code's purpose: a device's sign-in, or a tap-in on a shared wall (see sign-in.ts).
  `
  alter table sign_in_codes add column purpose text not null default 'sign-in'
  `,
  // 9: the boards each record belongs to, so that a wall reads its share by index (see record-boards.ts).
  addRecordBoards,
  // 10: the day that dates each record, so that a new screen's first part is read by index (see record-boards.ts).
  addDatedColumn,
];

/** The tables' version this server writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Any number, the same in every instance: the key of the lock migrations run under. */
const MIGRATION_LOCK = 20_260_811;

/** Thrown at start when the database is not one this server can run. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError';
}

/** `upTo`: stop at that version (a restore loads a backup's rows into the tables they came from). */
export async function migrate(db: Database, { upTo = SCHEMA_VERSION }: { upTo?: number } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    // A second instance starting at the same moment waits here until the first has committed,
    // then finds every version applied (creating the table inside the lock: two "create table
    // if not exists" at once collide on PostgreSQL).
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
    const { rows } = await tx.query<{ version: number }>('select version from schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION) throw newerDatabase(newest);
    for (let version = 1; version <= upTo; version++) {
      if (applied.has(version)) continue;
      const step = MIGRATIONS[version - 1]!;
      if (typeof step === 'function') await step(tx);
      else
        for (const statement of step
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean))
          await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    }
  });
}

/** The newest version applied to this database (0: none). */
export async function appliedVersion(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ version: number | null }>('select max(version) as version from schema_migrations');
  return Number(rows[0]?.version ?? 0);
}

export function newerDatabase(version: number): SchemaError {
  return new SchemaError(
    `This database was written by a newer huddle server (tables version ${version}; this server knows up to ${SCHEMA_VERSION}). ` +
      'Nothing was changed. Run the newer server again, or restore a backup taken before the upgrade into a fresh database.',
  );
}

/** For the readiness check: the database answers and its tables are exactly this server's version. */
export async function schemaState(db: Database): Promise<{ ready: true; schema: number } | { ready: false; reason: string }> {
  const version = await appliedVersion(db);
  if (version === SCHEMA_VERSION) return { ready: true, schema: version };
  return {
    ready: false,
    reason: version > SCHEMA_VERSION ? newerDatabase(version).message : `migrations not done: tables at version ${version} of ${SCHEMA_VERSION}`,
  };
}

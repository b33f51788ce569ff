/**
 * The server's tables, as numbered migrations run in order at start (the same on PGlite and
 * PostgreSQL). Each runs in its own transaction with its number recorded, so several
 * instances starting at once apply each one exactly once.
 */
import type { Database, Sql } from './db.js';
import { repairFutureClocks } from './repair-clocks.js';

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
];

export async function migrate(db: Database): Promise<void> {
  await db.query('create table if not exists schema_migrations (version int primary key, applied_at timestamptz not null default now())');
  for (const [index, sql] of MIGRATIONS.entries()) {
    const version = index + 1;
    await db.transaction(async (tx) => {
      // The lock makes a second instance wait here, then see the version as applied.
      await tx.query('lock table schema_migrations in exclusive mode');
      const { rows } = await tx.query('select 1 from schema_migrations where version = $1', [version]);
      if (rows.length > 0) return;
      if (typeof sql === 'function') await sql(tx);
      else
        for (const statement of sql
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean))
          await tx.query(statement);
      await tx.query('insert into schema_migrations (version) values ($1)', [version]);
    });
  }
}

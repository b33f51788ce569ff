/**
 * Device tokens. A token is shown once when created; the server keeps only its SHA-256, so a
 * copy of the database gives nobody a working token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role, type TokenListing, type WhoAmI } from '../src/protocol/sync.js';
import type { Database, Sql } from './db.js';
import { REVOKE_CHANNEL } from './live-hub.js';

export interface Principal extends WhoAmI {
  /** The token's hash: what rate limits and logs name, never the token itself. */
  tokenHash: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const ORG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class TokenError extends Error {
  override readonly name = 'TokenError';
}

export interface NewToken {
  org: string;
  role: Role;
  unitId?: string;
  /** The person a coach's or admin's token belongs to (their id in the organisation). */
  personId?: string;
  label?: string;
  /** Lifetime in seconds; none = until revoked. */
  ttlSeconds?: number;
}

/** Makes the organisation when it is new (no token needed for that). */
export async function ensureOrg(sql: Sql, org: string): Promise<void> {
  if (!ORG_PATTERN.test(org)) throw new TokenError(`--org must be lower-case letters, digits and dashes (got "${org}")`);
  await sql.query('insert into orgs (id) values ($1) on conflict do nothing', [org]);
  await sql.query('insert into org_seq (org) values ($1) on conflict do nothing', [org]);
}

/** Creates a token (and its organisation when new); returns the token text, shown once. */
export async function createToken(sql: Sql, request: NewToken): Promise<string> {
  if (!ROLES.includes(request.role)) throw new TokenError(`--role must be one of ${ROLES.join(', ')} (got "${request.role}")`);
  if ((request.role === 'wall' || request.role === 'pulse') && !request.unitId) {
    throw new TokenError(`a ${request.role} token belongs to one board: add --unit BOARD_ID`);
  }
  await ensureOrg(sql, request.org);
  const token = `he_${randomBytes(24).toString('base64url')}`;
  await sql.query(
    `insert into tokens (hash, org, role, unit_id, label, expires_at, person_id)
     values ($1, $2, $3, $4, $5, case when $6::int is null then null else now() + make_interval(secs => $6::int) end, $7)`,
    [hashToken(token), request.org, request.role, request.unitId ?? null, request.label ?? '', request.ttlSeconds ?? null, request.personId ?? null],
  );
  return token;
}

/** Who a token belongs to, or undefined when it is unknown, revoked or expired. */
export async function lookupToken(db: Database, token: string): Promise<Principal | undefined> {
  const hash = hashToken(token);
  const { rows } = await db.query<{ org: string; role: Role; unit_id: string | null; person_id: string | null }>(
    `select org, role, unit_id, person_id from tokens
     where hash = $1 and revoked_at is null and (expires_at is null or expires_at > now())`,
    [hash],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    org: row.org,
    role: row.role,
    ...(row.unit_id ? { unitId: row.unit_id } : {}),
    ...(row.person_id ? { personId: row.person_id } : {}),
    tokenHash: hash,
  };
}

/** The organisation's device tokens (phone links, short-lived and many, are left out). */
export async function listTokens(db: Sql, org: string): Promise<TokenListing[]> {
  const { rows } = await db.query<{
    hash: string;
    role: string;
    unit_id: string | null;
    person_id: string | null;
    label: string;
    created_at: string | Date;
    expires_at: string | Date | null;
    revoked_at: string | Date | null;
  }>("select hash, role, unit_id, person_id, label, created_at, expires_at, revoked_at from tokens where org = $1 and role <> 'pulse' order by created_at", [
    org,
  ]);
  const time = (value: string | Date | null) => (value === null ? '' : new Date(value).toISOString());
  return rows.map((r) => ({
    id: r.hash.slice(0, 12),
    role: r.role,
    unit: r.unit_id ?? '',
    person: r.person_id ?? '',
    label: r.label,
    created: time(r.created_at),
    expires: time(r.expires_at),
    revoked: time(r.revoked_at),
  }));
}

/**
 * Revokes the token whose hash starts with `id` (as a listing names it) and tells every
 * instance, which drops it from its cache and closes its live connections at once.
 */
export async function revokeToken(db: Sql, org: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{12,64}$/.test(id)) return false;
  const { rows } = await db.query<{ hash: string }>(
    'update tokens set revoked_at = now() where org = $1 and hash like $2 and revoked_at is null returning hash',
    [org, `${id}%`],
  );
  await announceRevoked(db, rows);
  return rows.length > 0;
}

/** Tells every instance (and this one) of tokens just revoked: caches drop them, live streams close. */
async function announceRevoked(sql: Sql, revoked: readonly { hash: string }[]): Promise<void> {
  for (const { hash } of revoked) await sql.query('select pg_notify($1, $2)', [REVOKE_CHANNEL, hash]);
}

/** Phone links of one board that work at once; a new one retires the oldest beyond this. */
export const PHONE_LINKS_PER_BOARD = 5;

/**
 * A phone link for a board: a pulse-only token that expires. A board holds at most
 * PHONE_LINKS_PER_BOARD working links, so minting in a loop cannot pile up tokens (or rate
 * budgets: all of a board's links share one).
 */
export async function createPhoneLink(db: Database, org: string, unitId: string, ttlSeconds: number): Promise<string> {
  return db.transaction(async (sql) => {
    const token = await createToken(sql, { org, role: 'pulse', unitId, label: 'phone link', ttlSeconds });
    const { rows } = await sql.query<{ hash: string }>(
      `update tokens set revoked_at = now() where hash in (
         select hash from tokens where org = $1 and role = 'pulse' and unit_id = $2 and revoked_at is null
         order by created_at desc, hash offset $3)
       returning hash`,
      [org, unitId, PHONE_LINKS_PER_BOARD],
    );
    await announceRevoked(sql, rows);
    return token;
  });
}

/** Deletes phone links that expired or were retired more than a day ago; returns how many. */
export async function purgePhoneLinks(db: Sql): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `with gone as (delete from tokens where role = 'pulse' and (expires_at < now() - interval '1 day' or revoked_at < now() - interval '1 day') returning 1)
     select count(*)::text as n from gone`,
  );
  return Number(rows[0]?.n ?? 0);
}

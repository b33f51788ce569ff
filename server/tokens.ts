/**
 * Device tokens. A token is shown once when created; the server keeps only its SHA-256, so a
 * copy of the database gives nobody a working token.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ROLES, type Role, type WhoAmI } from '../src/sync/protocol.js';
import type { Database, Sql } from './db.js';

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

/** Creates a token (and its organisation when new); returns the token text, shown once. */
export async function createToken(sql: Sql, request: NewToken): Promise<string> {
  if (!ORG_PATTERN.test(request.org)) throw new TokenError(`--org must be lower-case letters, digits and dashes (got "${request.org}")`);
  if (!ROLES.includes(request.role)) throw new TokenError(`--role must be one of ${ROLES.join(', ')} (got "${request.role}")`);
  if ((request.role === 'wall' || request.role === 'pulse') && !request.unitId) {
    throw new TokenError(`a ${request.role} token belongs to one board: add --unit BOARD_ID`);
  }
  const token = `he_${randomBytes(24).toString('base64url')}`;
  await sql.query('insert into orgs (id) values ($1) on conflict do nothing', [request.org]);
  await sql.query('insert into org_seq (org) values ($1) on conflict do nothing', [request.org]);
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

export async function listTokens(db: Database, org: string) {
  const { rows } = await db.query<{ hash: string; role: string; unit_id: string | null; person_id: string | null; label: string; created_at: string; revoked_at: string | null }>(
    'select hash, role, unit_id, person_id, label, created_at, revoked_at from tokens where org = $1 order by created_at',
    [org],
  );
  return rows.map((r) => ({ id: r.hash.slice(0, 12), role: r.role, unit: r.unit_id ?? '', person: r.person_id ?? '', label: r.label, created: r.created_at, revoked: r.revoked_at ?? '' }));
}

/** Revokes the token whose hash starts with `id` (as `token list` prints it). */
export async function revokeToken(db: Database, org: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{12,64}$/.test(id)) return false;
  const { rows } = await db.query('update tokens set revoked_at = now() where org = $1 and hash like $2 and revoked_at is null returning hash', [org, `${id}%`]);
  return rows.length > 0;
}

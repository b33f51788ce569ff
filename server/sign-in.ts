/**
 * Personal sign-in without an identity provider (a small site): an admin makes a one-time code
 * for a person - typed, opened as a link, or scanned as a QR code - that expires and can be
 * revoked. The device that redeems it gets a personal token for that person: what it records is
 * theirs (see authorProblem in the model). Like tokens, only a code's SHA-256 is kept.
 */
import { randomBytes } from 'node:crypto';
import type { Database, Sql } from './db.js';
import { createToken, hashToken, TokenError } from './tokens.js';

/** The roles a person's sign-in may carry: a wall or a phone link belongs to no one. */
export const PERSONAL_ROLES = ['coach', 'admin'] as const;
export type PersonalRole = (typeof PERSONAL_ROLES)[number];

/** A code lasts a day unless the admin says otherwise: long enough to hand over, short enough to go stale. */
export const DEFAULT_SIGN_IN_HOURS = 24;
const MAX_SIGN_IN_HOURS = 24 * 14;

// Crockford's base 32: no I, L, O or U, so a code read aloud or off paper is typed right.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Ten characters (50 bits) as XXXXX-XXXXX. */
function newCode(): string {
  const chars = [...randomBytes(10)].map((byte) => ALPHABET[byte % 32]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** What a person typed, as the code was made: case, spaces and dashes do not matter; O is 0, I and L are 1. */
export function normaliseCode(typed: string): string {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

export interface NewSignInCode {
  org: string;
  personId: string;
  role?: PersonalRole;
  hours?: number;
}

export interface SignInCodeListing {
  id: string;
  person: string;
  role: string;
  created: string;
  expires: string;
  used: string;
  revoked: string;
}

/** Makes a code for a person of the organisation; returns it (shown once) and when it expires. */
export async function createSignInCode(sql: Sql, request: NewSignInCode): Promise<{ code: string; id: string; expires: string }> {
  const role = request.role ?? 'coach';
  if (!PERSONAL_ROLES.includes(role)) throw new TokenError(`role must be one of ${PERSONAL_ROLES.join(', ')} (got "${String(role)}")`);
  const hours = request.hours ?? DEFAULT_SIGN_IN_HOURS;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_SIGN_IN_HOURS)
    throw new TokenError(`hours must be a whole number from 1 to ${MAX_SIGN_IN_HOURS} (got ${hours})`);
  const { rows } = await sql.query('select 1 from records where org = $1 and kind = $2 and id = $3', [request.org, 'people', request.personId]);
  if (rows.length === 0) throw new TokenError(`there is no person "${request.personId}" in ${request.org}: add them in the set-up first`);
  const code = newCode();
  const hash = hashToken(code);
  const { rows: made } = await sql.query<{ expires_at: string | Date }>(
    `insert into sign_in_codes (hash, org, person_id, role, expires_at) values ($1, $2, $3, $4, now() + make_interval(hours => $5::int)) returning expires_at`,
    [hash, request.org, request.personId, role, hours],
  );
  return { code, id: hash.slice(0, 12), expires: new Date(made[0]!.expires_at).toISOString() };
}

/** Why a code cannot be redeemed, in words the person can act on. */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

/**
 * Redeems a code once: marks it used and makes the person's token, in one transaction (two
 * devices redeeming the same code at once get one token between them).
 */
export async function redeemSignInCode(db: Database, typed: string): Promise<{ token: string; org: string; personId: string; role: PersonalRole }> {
  const hash = hashToken(normaliseCode(typed));
  return db.transaction(async (sql) => {
    const { rows } = await sql.query<{ org: string; person_id: string; role: PersonalRole; name: string | null }>(
      `update sign_in_codes c set used_at = now()
       where c.hash = $1 and c.used_at is null and c.revoked_at is null and c.expires_at > now()
       returning c.org, c.person_id, c.role,
         (select r.data->>'name' from records r where r.org = c.org and r.kind = 'people' and r.id = c.person_id) as name`,
      [hash],
    );
    const row = rows[0];
    if (!row) throw new SignInRefused('this sign-in code is unknown, already used, expired or revoked: ask your admin for a new one');
    const label = `${row.name ?? row.person_id} (signed in ${new Date().toISOString().slice(0, 10)})`;
    const token = await createToken(sql, { org: row.org, role: row.role, personId: row.person_id, label });
    return { token, org: row.org, personId: row.person_id, role: row.role };
  });
}

export async function listSignInCodes(sql: Sql, org: string): Promise<SignInCodeListing[]> {
  const { rows } = await sql.query<{
    hash: string;
    person_id: string;
    role: string;
    created_at: string | Date;
    expires_at: string | Date;
    used_at: string | Date | null;
    revoked_at: string | Date | null;
  }>('select hash, person_id, role, created_at, expires_at, used_at, revoked_at from sign_in_codes where org = $1 order by created_at', [org]);
  const time = (value: string | Date | null) => (value === null ? '' : new Date(value).toISOString());
  return rows.map((r) => ({
    id: r.hash.slice(0, 12),
    person: r.person_id,
    role: r.role,
    created: time(r.created_at),
    expires: time(r.expires_at),
    used: time(r.used_at),
    revoked: time(r.revoked_at),
  }));
}

/** Revokes an unused code by the id its listing shows; false when there is none to revoke. */
export async function revokeSignInCode(sql: Sql, org: string, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{12,64}$/.test(id)) return false;
  const { rows } = await sql.query(
    'update sign_in_codes set revoked_at = now() where org = $1 and hash like $2 and used_at is null and revoked_at is null returning 1',
    [org, `${id}%`],
  );
  return rows.length > 0;
}

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
export const PERSONAL_ROLES = ['member', 'coach', 'admin'] as const;
export type PersonalRole = (typeof PERSONAL_ROLES)[number];

/**
 * What a code is for: a device's sign-in (an admin's code, or the identity provider's hand-over),
 * or a tap-in on a shared wall (a code the person's own device makes, which signs in nothing else).
 */
type CodePurpose = 'sign-in' | 'tap-in';

/** A tap-in code lasts minutes: it is made at the wall, for the wall. */
export const TAP_IN_CODE_MINUTES = 10;
/**
 * A tap-in's token outlives the tap-in (the wall signs out after a short idle time) so that what
 * was recorded offline can still be sent as the person; the wall gives it back once sent.
 */
export const TAP_IN_TOKEN_HOURS = 12;

/**
 * The rights a person's sign-in carries when nobody said: the admin flag; a leader, or anyone who
 * coaches someone, coaches; everyone else is a member. Undefined for someone not (or no longer) in
 * the organisation.
 */
export async function personalRoleOf(sql: Sql, org: string, personId: string): Promise<PersonalRole | undefined> {
  const { rows } = await sql.query<{ admin: boolean; leads: boolean; coaches: boolean }>(
    `select coalesce((p.data->>'admin')::boolean, false) as admin, coalesce(p.data->>'role' = 'leader', false) as leads,
       exists (select 1 from records c where c.org = p.org and c.kind = 'coachingPairs' and c.data->>'coachId' = p.id and c.data->>'deletedAt' is null) as coaches
     from records p where p.org = $1 and p.kind = 'people' and p.id = $2 and p.data->>'deletedAt' is null`,
    [org, personId],
  );
  const person = rows[0];
  if (!person) return undefined;
  return person.admin ? 'admin' : person.leads || person.coaches ? 'coach' : 'member';
}

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

/**
 * Makes a code for a person of the organisation; returns it (shown once) and when it expires. The
 * rights are the person's (see personalRoleOf) unless the admin chose others.
 */
export async function createSignInCode(sql: Sql, request: NewSignInCode): Promise<{ code: string; id: string; expires: string; role: PersonalRole }> {
  if (request.role !== undefined && !PERSONAL_ROLES.includes(request.role))
    throw new TokenError(`role must be one of ${PERSONAL_ROLES.join(', ')} (got "${String(request.role)}")`);
  const hours = request.hours ?? DEFAULT_SIGN_IN_HOURS;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_SIGN_IN_HOURS)
    throw new TokenError(`hours must be a whole number from 1 to ${MAX_SIGN_IN_HOURS} (got ${hours})`);
  const own = await personalRoleOf(sql, request.org, request.personId);
  if (!own) throw new TokenError(`there is no person "${request.personId}" in ${request.org}: add them in the set-up first`);
  const role = request.role ?? own;
  const code = newCode();
  const expires = await storeCode(sql, { hash: hashToken(code), org: request.org, personId: request.personId, role, minutes: hours * 60, purpose: 'sign-in' });
  return { code, id: hashToken(code).slice(0, 12), expires, role };
}

/**
 * A person's code to tap in on a shared wall, made on their own signed-in device: eight digits (a
 * wall has a number pad, rarely a keyboard), one use, ten minutes. One at a time: a new code retires
 * the person's unused one. Typed in front of the team, it is worth nothing a minute later.
 */
export async function createTapInCode(sql: Sql, org: string, personId: string, role: PersonalRole): Promise<{ code: string; expires: string }> {
  await sql.query(
    `update sign_in_codes set revoked_at = now() where org = $1 and person_id = $2 and purpose = 'tap-in' and used_at is null and revoked_at is null`,
    [org, personId],
  );
  const digits = [...randomBytes(8)].map((byte) => String(byte % 10)).join('');
  const code = `${digits.slice(0, 4)} ${digits.slice(4)}`;
  const expires = await storeCode(sql, { hash: hashToken(normaliseCode(code)), org, personId, role, minutes: TAP_IN_CODE_MINUTES, purpose: 'tap-in' });
  return { code, expires };
}

async function storeCode(
  sql: Sql,
  code: { hash: string; org: string; personId: string; role: PersonalRole; minutes: number; purpose: CodePurpose },
): Promise<string> {
  const { rows } = await sql.query<{ expires_at: string | Date }>(
    `insert into sign_in_codes (hash, org, person_id, role, expires_at, purpose)
     values ($1, $2, $3, $4, now() + make_interval(mins => $5::int), $6) returning expires_at`,
    [code.hash, code.org, code.personId, code.role, code.minutes, code.purpose],
  );
  return new Date(rows[0]!.expires_at).toISOString();
}

/** Why a code cannot be redeemed, in words the person can act on. */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

export interface SignedIn {
  token: string;
  org: string;
  personId: string;
  role: PersonalRole;
}

/**
 * Redeems a code once: marks it used and makes the person's token, in one transaction (two
 * devices redeeming the same code at once get one token between them). A tap-in code signs in
 * no device: it is only good at a wall.
 */
export async function redeemSignInCode(db: Database, typed: string): Promise<SignedIn> {
  return db.transaction(async (sql) => {
    const row = await useCode(sql, typed, { purposes: ['sign-in'] });
    if (!row) throw new SignInRefused('this sign-in code is unknown, already used, expired or revoked: ask your admin for a new one');
    const label = `${row.name ?? row.person_id} (signed in ${new Date().toISOString().slice(0, 10)})`;
    const token = await createToken(sql, { org: row.org, role: row.role, personId: row.person_id, label });
    return { token, org: row.org, personId: row.person_id, role: row.role };
  });
}

/**
 * A person taps in on a wall with a code of theirs (one their device made, or one from their
 * admin): the wall gets a token of the person for a few hours. It never carries an admin's
 * rights - set-up is done on one's own device, not on a screen the team stands at.
 */
export async function tapIn(db: Database, wall: { org: string; unitId: string }, typed: string): Promise<SignedIn & { expires: string }> {
  return db.transaction(async (sql) => {
    const row = await useCode(sql, typed, { purposes: ['tap-in', 'sign-in'], org: wall.org });
    if (!row) throw new SignInRefused('this code is unknown, already used or expired: make a new one on your phone or tablet (Settings, Tap in on a wall)');
    const role: PersonalRole = row.role === 'admin' ? 'coach' : row.role;
    const label = `${row.name ?? row.person_id} (tapped in on ${wall.unitId} ${new Date().toISOString().slice(0, 16).replace('T', ' ')})`;
    const token = await createToken(sql, { org: row.org, role, personId: row.person_id, label, ttlSeconds: TAP_IN_TOKEN_HOURS * 3600 });
    return { token, org: row.org, personId: row.person_id, role, expires: new Date(Date.now() + TAP_IN_TOKEN_HOURS * 3_600_000).toISOString() };
  });
}

/** Marks a working code used and says whose it is; undefined when there is none to use. */
async function useCode(
  sql: Sql,
  typed: string,
  where: { purposes: readonly CodePurpose[]; org?: string },
): Promise<{ org: string; person_id: string; role: PersonalRole; name: string | null } | undefined> {
  const { rows } = await sql.query<{ org: string; person_id: string; role: PersonalRole; name: string | null }>(
    `update sign_in_codes c set used_at = now()
     where c.hash = $1 and c.used_at is null and c.revoked_at is null and c.expires_at > now()
       and c.purpose = any($2::text[]) and ($3::text is null or c.org = $3)
     returning c.org, c.person_id, c.role,
       (select r.data->>'name' from records r where r.org = c.org and r.kind = 'people' and r.id = c.person_id) as name`,
    [hashToken(normaliseCode(typed)), where.purposes, where.org ?? null],
  );
  return rows[0];
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
  }>(
    "select hash, person_id, role, created_at, expires_at, used_at, revoked_at from sign_in_codes where org = $1 and purpose = 'sign-in' order by created_at",
    [org],
  );
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

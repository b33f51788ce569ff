/**
 * A person's rights over their data, on the server: everything about them as JSON, and erasure
 * (see src/model/personal-data.ts for what it keeps and what it removes). Erasing is pushed like
 * any admin change, stamped by the server's clock, so it reaches every device and wins over every
 * older copy; the person's tokens and unused sign-in codes stop at once.
 */
import { randomUUID } from 'node:crypto';
import { erasePersonWrites, everythingAbout, PERSONAL_KINDS, type PersonalRecords } from '../src/model/personal-data.js';
import type { Database } from './db.js';
import { pushOrganisationWrites } from './organisation-writes.js';
import { revokeToken, TokenError } from './tokens.js';

async function personalRecords(db: Database, org: string): Promise<PersonalRecords> {
  const { rows } = await db.query<{ kind: (typeof PERSONAL_KINDS)[number]; data: never }>(
    'select kind, data from records where org = $1 and kind = any($2::text[])',
    [org, PERSONAL_KINDS],
  );
  return Object.fromEntries(PERSONAL_KINDS.map((kind) => [kind, rows.filter((r) => r.kind === kind).map((r) => r.data)])) as unknown as PersonalRecords;
}

/** Everything about one person of the organisation; refused, naming them, when there is no such person. */
export async function exportPerson(db: Database, org: string, personId: string): Promise<ReturnType<typeof everythingAbout>> {
  const about = everythingAbout(personId, await personalRecords(db, org));
  if (!about.person) throw new TokenError(`there is no person "${personId}" in ${org}`);
  return about;
}

/** Erases a person; returns how many records changed. */
export async function erasePerson(db: Database, org: string, personId: string): Promise<number> {
  const now = new Date().toISOString();
  const writes = erasePersonWrites(personId, await personalRecords(db, org), { now, today: now.slice(0, 10), newId: randomUUID });
  if (writes.length === 0) throw new TokenError(`there is no person "${personId}" in ${org}`);
  const changed = await pushOrganisationWrites(db, org, writes, 'erase');
  const { rows } = await db.query<{ hash: string }>('select hash from tokens where org = $1 and person_id = $2 and revoked_at is null', [org, personId]);
  for (const { hash } of rows) await revokeToken(db, org, hash);
  await db.query('update sign_in_codes set revoked_at = now() where org = $1 and person_id = $2 and used_at is null and revoked_at is null', [org, personId]);
  return changed;
}

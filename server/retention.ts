/**
 * Retention: an organisation that keeps coaching conversations' words only so many months
 * (`coachingWordsKeptMonths`) has older conversations lose them, daily (see the model's
 * retentionWrites: the conversation, its day and its score stay, and so do the figures).
 */
import { randomUUID } from 'node:crypto';
import { localDay, retentionWrites, wordsKeptFrom, type CoachingSession, type OrgSettings } from '../src/model/index.js';
import type { Database } from './db.js';
import { pushOrganisationWrites } from './organisation-writes.js';

/** Removes the words past every organisation's retention; returns how many conversations lost theirs. */
export async function applyRetention(db: Database, today = localDay()): Promise<number> {
  const { rows: orgs } = await db.query<{ org: string; data: OrgSettings }>(
    "select org, data from records where kind = 'org' and data->>'coachingWordsKeptMonths' is not null",
  );
  let changed = 0;
  for (const { org, data } of orgs) {
    const from = wordsKeptFrom(data, today);
    if (!from) continue;
    const { rows } = await db.query<{ data: CoachingSession }>("select data from records where org = $1 and kind = 'coachingSessions' and data->>'day' < $2", [
      org,
      from,
    ]);
    const now = new Date().toISOString();
    const writes = retentionWrites(
      data,
      rows.map((r) => r.data),
      { now, today, newId: randomUUID },
    );
    changed += await pushOrganisationWrites(db, org, writes, 'retention');
  }
  return changed;
}

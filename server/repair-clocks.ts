/**
 * Repairs stamps stored before the server bounded them (migration 4). A device could push
 * any stamp; one far in the future won every later edit of its field, for ever. Each stamp
 * ahead of this server's clock is replaced by a stamp of the server's own, the record gets a
 * new version so every device pulls the repaired stamps, and devices, which no longer trust
 * a stamp beyond their own bound, take them (see IdbReplica). The values stay as they were:
 * an admin can now change or retire them like any other.
 */
import type { HybridClock } from '../src/model/hlc.js';
import type { FieldClocks } from '../src/model/merge.js';
import type { Sql } from './db.js';
import { boundedStamp, serverClock } from './sync-service.js';

/** Repairs every organisation's records; returns how many records were repaired. */
export async function repairFutureClocks(sql: Sql, clock: HybridClock = serverClock): Promise<number> {
  const bound = String(clock.wallNow()).padStart(16, '0');
  // Stamps start with 16 digits of milliseconds, so comparing those as text orders them.
  const { rows } = await sql.query<{ org: string; kind: string; id: string; clocks: FieldClocks }>(
    `select org, kind, id, clocks from records r
     where exists (select 1 from jsonb_each_text(r.clocks) c where substr(c.value, 1, 16) > $1)
     order by org, seq`,
    [bound],
  );
  for (const row of rows) {
    const clocks = Object.fromEntries(Object.entries(row.clocks).map(([field, stamp]) => [field, boundedStamp(stamp, clock)]));
    const { rows: next } = await sql.query<{ seq: string }>('update org_seq set seq = seq + 1 where org = $1 returning seq', [row.org]);
    await sql.query('update records set clocks = $4, seq = $5 where org = $1 and kind = $2 and id = $3', [
      row.org,
      row.kind,
      row.id,
      JSON.stringify(clocks),
      next[0]!.seq,
    ]);
  }
  return rows.length;
}

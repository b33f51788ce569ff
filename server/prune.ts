/**
 * Forgetting old op ids. `applied_ops` makes a retried push count as a duplicate instead of
 * a new write; without pruning it grows by one row per write for ever. Forgetting is safe:
 * an op replayed after its id was forgotten carries the same stamps, and the per-field merge
 * ignores a stamp it already has, so the records do not change - it is only counted as
 * applied again. Keep ids at least as long as a device may stay offline.
 */
import type { Database } from './db.js';

export const DEFAULT_OP_MEMORY_DAYS = 90;

/** Deletes op ids older than `days`; returns how many. */
export async function pruneAppliedOps(db: Database, days: number): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    `with gone as (delete from applied_ops where applied_at < now() - make_interval(days => $1::int) returning 1)
     select count(*)::text as n from gone`,
    [days],
  );
  return Number(rows[0]?.n ?? 0);
}

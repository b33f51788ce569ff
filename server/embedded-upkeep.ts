/**
 * What PostgreSQL's autovacuum does, for the embedded database. PGlite runs no background
 * workers, so its tables are never analysed nor vacuumed by themselves: the planner keeps the
 * statistics of an empty database (and, once records outgrow them, reads a push's few records
 * through the index of their kind, thousands of rows, instead of by key), and a record a push
 * changes gets a new change number (an indexed column), leaving its old version behind as a
 * dead row for ever. This applies
 * autovacuum's default thresholds to the tables' own counts (`pg_stat_user_tables`).
 */
import type { Database } from './db.js';

interface TableStats {
  relname: string;
  n_live_tup: string;
  n_dead_tup: string;
  n_mod_since_analyze: string;
}

/** Analyses the tables changed by more than autovacuum's share, vacuums those with as many dead rows; returns what it did. */
export async function upkeep(db: Database): Promise<string[]> {
  const { rows } = await db.query<TableStats>('select relname, n_live_tup, n_dead_tup, n_mod_since_analyze from pg_stat_user_tables');
  const done: string[] = [];
  for (const table of rows) {
    const live = Number(table.n_live_tup);
    // The table names come from the database's own catalogue, quoted all the same.
    const name = `"${table.relname.replaceAll('"', '""')}"`;
    if (Number(table.n_dead_tup) > 50 + 0.2 * live) {
      await db.query(`vacuum (analyze) ${name}`);
      done.push(`vacuum ${table.relname}`);
    } else if (Number(table.n_mod_since_analyze) > 50 + 0.1 * live) {
      await db.query(`analyze ${name}`);
      done.push(`analyze ${table.relname}`);
    }
  }
  return done;
}

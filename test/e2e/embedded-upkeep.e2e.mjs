// The embedded database (PGlite) runs no autovacuum: the server's upkeep analyses and vacuums
// by autovacuum's thresholds instead (server/embedded-upkeep.ts). Without it the planner keeps
// an empty database's statistics - a push's few records were read through the index of their
// kind, thousands of rows - and changed records' old versions were never reclaimed.
// Runs against the server's own modules on a PGlite data folder, as `npm run server` opens it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { register } from 'tsx/esm/api';
import { checks, sleep } from '../support/checks.mjs';

register();
const { openMigrated } = await import('../../server/serve.ts');
const { ensureOrg } = await import('../../server/tokens.ts');
const { seedDemo } = await import('../../server/load-records.ts');
const { upkeep } = await import('../../server/embedded-upkeep.ts');

console.log('the embedded database is analysed and vacuumed as autovacuum would');
const { check, finish } = checks();
const dataDir = mkdtempSync(join(tmpdir(), 'huddle-upkeep-'));
const db = await openMigrated({ DATA_DIR: dataDir });
/** PGlite publishes its table counts when a statement ends, at most once a second. */
const countsPublished = async () => {
  await sleep(1100);
  await db.query('select 1', []);
};
try {
  await ensureOrg(db, 'riverside');
  const loaded = await seedDemo(db, 'riverside');
  const plan = async () =>
    (await db.query(`explain select id from records where org = 'riverside' and kind = 'actions' and id = 'x'`, [])).rows
      .map((row) => row['QUERY PLAN'])
      .join(' ');
  const before = await plan();
  await countsPublished();
  const first = await upkeep(db);
  check(`after ${loaded} records were loaded, the tables they went into are analysed (${first.join(', ')})`, first.includes('analyze records'));
  const after = await plan();
  check(`and a push's record is then read by its key (before: ${before.slice(0, 70)}…; after: ${after.slice(0, 70)}…)`, /records_pkey/.test(after));

  // A push that changes a record gives it a new change number (an indexed column): its old
  // version stays behind as a dead row until a vacuum reclaims it.
  await db.query(
    `update records set seq = seq + 1000000 where org = 'riverside' and seq in (select seq from records where org = 'riverside' order by seq limit 2000)`,
    [],
  );
  await countsPublished();
  const dead = async () => Number((await db.query(`select n_dead_tup from pg_stat_user_tables where relname = 'records'`, [])).rows[0]?.n_dead_tup ?? -1);
  const deadBefore = await dead();
  const second = await upkeep(db);
  await countsPublished();
  const deadAfter = await dead();
  check(
    `2,000 records changed later, their old versions are vacuumed (${second.join(', ')}; dead rows ${deadBefore} -> ${deadAfter})`,
    second.includes('vacuum records') && deadAfter < deadBefore,
  );

  await countsPublished();
  const third = await upkeep(db);
  check(`with nothing changed since, nothing is done again (${third.join(', ') || 'nothing'})`, third.length === 0);
} finally {
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
}
finish();

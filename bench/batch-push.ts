/**
 * `npm run bench:batch`: a device that comes back after days offline, or a first load, pushes
 * many ops at once. The demo organisation (about 4,900 records) goes through the server's push
 * in pushes of 500 ops (the most a device sends), on PGlite and on PostgreSQL when installed.
 * Prints ops/s per database; pushes of one op (taps) are `npm run bench:sync`'s figure.
 *
 * Run with tsx (it calls the server's push directly, without HTTP, to measure the database work).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { push } from '../server/sync-service.js';
import { ensureOrg } from '../server/tokens.js';
import { generateDemoOrganisation } from '../src/demo/organisation.js';
import { HybridClock } from '../src/model/hlc.js';
import { ENTITY_KINDS, localDay } from '../src/model/index.js';
import { SYNC_LIMITS, type SyncOp } from '../src/protocol/sync.js';
import { startPostgres } from '../test/support/sync-server.mjs';

const ORG = 'bench';

function demoOps(): SyncOp[] {
  const data = generateDemoOrganisation({ today: localDay() });
  const clock = new HybridClock('benchbatch');
  return ENTITY_KINDS.flatMap((kind) =>
    (data[kind] as unknown as Record<string, unknown>[]).map((record) => {
      const { id, ...fields } = record;
      return { opId: `bench-${kind}-${String(id)}`, kind, id: String(id), hlc: clock.tick(), fields };
    }),
  );
}

async function measure(label: string, db: Database): Promise<void> {
  await migrate(db);
  await ensureOrg(db, ORG);
  const ops = demoOps();
  const size = SYNC_LIMITS.opsPerPush;
  const started = performance.now();
  for (let start = 0; start < ops.length; start += size) await push(db, { org: ORG, role: 'admin', commandLine: true }, ops.slice(start, start + size));
  const seconds = (performance.now() - started) / 1000;
  // The same ops again: every one a duplicate (a device retrying after a lost answer).
  const again = performance.now();
  for (let start = 0; start < ops.length; start += size) await push(db, { org: ORG, role: 'admin', commandLine: true }, ops.slice(start, start + size));
  const retrySeconds = (performance.now() - again) / 1000;
  console.log(
    JSON.stringify({
      bench: 'batch-push',
      figure: `the demo organisation in pushes of ${size} ops (${label})`,
      ops: ops.length,
      opsPerSecond: Math.round(ops.length / seconds),
      retriedOpsPerSecond: Math.round(ops.length / retrySeconds),
    }),
  );
}

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-batch-'));
try {
  const pglite = await openDatabase({ dataDir });
  await measure('PGlite', pglite);
  await pglite.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const postgres = await startPostgres();
if (postgres) {
  try {
    const db = await openDatabase({ url: postgres.url, dataDir });
    await measure('PostgreSQL', db);
    await db.close();
  } finally {
    postgres.stop();
  }
} else console.log(JSON.stringify({ bench: 'batch-push', skipped: 'PostgreSQL is not installed (apt-get install postgresql)' }));

/**
 * Whole sets of records into an organisation on the server, as if an admin device had pushed
 * them: every record stamped by the server's own clock, so they win over older edits. The
 * demo organisation (for trying sync, tests and the bench), and a backup file a kiosk
 * downloaded (checked whole first, like an import on a device).
 */
import { randomUUID } from 'node:crypto';
import { generateDemoOrganisation } from '../src/demo/organisation.js';
import { ENTITY_KINDS, localDay } from '../src/model/index.js';
import { parseImport, type ExportFile } from '../src/model/backup-file.js';
import { HybridClock, newNodeId } from '../src/model/hlc.js';
import type { SyncOp } from '../src/protocol/sync.js';
import type { Database } from './db.js';
import { push } from './sync-service.js';

function opsOf(data: ExportFile['data'], opPrefix: string): SyncOp[] {
  const clock = new HybridClock(newNodeId());
  return ENTITY_KINDS.flatMap((kind) =>
    (data[kind] as unknown as Record<string, unknown>[]).map((record) => {
      const { id, ...fields } = record;
      return { opId: `${opPrefix}-${kind}-${String(id)}`, kind, id: String(id), hlc: clock.tick(), fields };
    }),
  );
}

export async function seedDemo(db: Database, org: string, today = localDay()): Promise<number> {
  const ops = opsOf(generateDemoOrganisation({ today }), 'demo');
  for (let start = 0; start < ops.length; start += 1000) await push(db, { org, role: 'admin', commandLine: true }, ops.slice(start, start + 1000));
  return ops.length;
}

/**
 * Restores a backup (the JSON a kiosk's Settings download) into an organisation, all or
 * nothing. Its records replace the server's versions of the same records and reach every
 * device; records the backup does not hold stay (retire them on a device to remove them).
 * A bad file is refused with the import's message naming the record and field.
 */
export async function restoreBackup(db: Database, org: string, fileText: string): Promise<number> {
  const { data } = parseImport(fileText);
  const ops = opsOf(data, `restore-${randomUUID()}`);
  await push(db, { org, role: 'admin', commandLine: true }, ops);
  return ops.length;
}

/**
 * Writes the organisation itself makes, from a rule of the model (erasing a person, retention):
 * pushed like an admin's change but by no device, each stamped by the server's clock so that it
 * wins over every older copy and reaches every device at its next pull.
 */
import { randomUUID } from 'node:crypto';
import type { EntityKind, RecordWrite } from '../src/model/index.js';
import { toWireFields } from '../src/model/merge.js';
import type { SyncOp } from '../src/protocol/sync.js';
import type { Database } from './db.js';
import { push, serverClock } from './sync-service.js';

/** Pushes the writes; returns how many. */
export async function pushOrganisationWrites(db: Database, org: string, writes: readonly RecordWrite[], opPrefix: string): Promise<number> {
  if (writes.length === 0) return 0;
  const ops: SyncOp[] = writes.map((write, i) => {
    const before = (write.before ?? {}) as Record<string, unknown>;
    const after = write.after as unknown as Record<string, unknown>;
    // Every field that changed or went: a field that went travels as null, so it goes everywhere.
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
    return {
      opId: `${opPrefix}-${randomUUID()}-${i}`,
      kind: write.kind as EntityKind,
      id: write.after.id,
      hlc: serverClock.tick(),
      fields: toWireFields(after, fields),
    };
  });
  await push(db, { org, role: 'admin', commandLine: true }, ops);
  return ops.length;
}

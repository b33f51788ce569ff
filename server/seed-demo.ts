/**
 * Loads the generated demo organisation into an organisation on the server, as if an admin
 * device had pushed it: every record stamped by the server's own clock. For trying sync
 * with real data, and for tests and the bench.
 */
import { generateDemoOrganisation } from '../src/demo/organisation.js';
import { ENTITY_KINDS, localDay } from '../src/model/index.js';
import { HybridClock, newNodeId } from '../src/sync/hlc.js';
import type { SyncOp } from '../src/sync/protocol.js';
import type { Database } from './db.js';
import { push } from './sync-service.js';

export async function seedDemo(db: Database, org: string, today = localDay()): Promise<number> {
  const data = generateDemoOrganisation({ today });
  const clock = new HybridClock(newNodeId());
  const ops: SyncOp[] = ENTITY_KINDS.flatMap((kind) =>
    (data[kind] as unknown as Record<string, unknown>[]).map((record) => {
      const { id, ...fields } = record;
      return { opId: `demo-${kind}-${String(id)}`, kind, id: String(id), hlc: clock.tick(), fields };
    }),
  );
  for (let start = 0; start < ops.length; start += 1000) await push(db, { org, role: 'admin' }, ops.slice(start, start + 1000));
  return ops.length;
}

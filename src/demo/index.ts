/** The demo organisation: generated records and loading them into a store. */
import { localDay, type Day } from '../model/index.js';
import type { IdbHuddleStore } from '../store/idb-store.js';
import { toExportFile } from '../model/backup-file.js';
import { importData } from '../store/whole-database.js';
import { DEMO_SEED, generateDemoOrganisation } from './organisation.js';

export { DEMO_SEED, generateDemoOrganisation } from './organisation.js';

/**
 * Replaces the store's data with the demo organisation for `today`. Goes through the same
 * checks as any import, so a generator bug can never save an invalid record.
 */
export async function loadDemoOrganisation(store: IdbHuddleStore, options: { seed?: number; today?: Day } = {}): Promise<void> {
  const seed = options.seed ?? DEMO_SEED;
  const data = generateDemoOrganisation({ seed, today: options.today ?? localDay() });
  await importData(store, toExportFile(data), { demoSeed: seed });
}

/**
 * A first start on an empty database loads the demo organisation, so the first screen a
 * new user sees is a living board. A database with any board in it is never touched.
 */
import { loadDemoOrganisation } from '../src/demo/index.js';
import { allOf } from '../src/store/queries.js';
import type { IdbHuddleStore } from '../src/store/idb-store.js';

export async function loadDemoIfEmpty(store: IdbHuddleStore): Promise<boolean> {
  const units = await store.get(allOf('units', { includeRetired: true }));
  if (units.length > 0) return false;
  await loadDemoOrganisation(store);
  return true;
}

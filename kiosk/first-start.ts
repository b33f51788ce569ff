/**
 * A first start on an empty database asks what to do: try the living demo organisation, or
 * set up the organisation step by step (or, with `first-run=demo`, loads the demo at once).
 * A database with any board in it is never touched.
 */
import { allOf } from '../src/store/queries.js';
import type { IdbHuddleStore } from '../src/store/idb-store.js';

/** Where `<huddle-setup guided>` remembers how far the set-up got. */
export const SETUP_PROGRESS_KEY = 'huddle-setup-progress';

export async function isEmpty(store: IdbHuddleStore): Promise<boolean> {
  return (await store.get(allOf('units', { includeRetired: true }))).length === 0;
}

/** A guided set-up was started and not finished (the page was closed or reloaded midway). */
export function setupInProgress(): boolean {
  try {
    return localStorage.getItem(SETUP_PROGRESS_KEY) !== null;
  } catch {
    return false;
  }
}

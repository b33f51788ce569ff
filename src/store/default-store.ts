/**
 * The store an element uses when nothing provides one, so that `<coaching-card>` dropped
 * alone into a page works. One per page, shared by every element on it.
 */
import { IdbHuddleStore } from './idb-store.js';

let shared: IdbHuddleStore | undefined;

export function getDefaultStore(): IdbHuddleStore {
  // One closed by its last user (a kiosk taken off the page) is replaced, not reopened.
  if (!shared || shared.closed) shared = new IdbHuddleStore();
  return shared;
}

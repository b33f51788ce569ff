/**
 * The store an element uses when nothing provides one, so that `<coaching-card>` dropped
 * alone into a page works. One per page, shared by every element on it.
 */
import { IdbHuddleStore } from './idb-store.js';

let shared: IdbHuddleStore | undefined;

export function getDefaultStore(): IdbHuddleStore {
  shared ??= new IdbHuddleStore();
  return shared;
}

/**
 * The default store as an element reaches it when nothing gives it one: the IndexedDB engine
 * (the store, its schema upgrades, the clock, the write rules) loads on first use. A page
 * whose elements get their store from a `<huddle-provider>` or a host's own store never
 * downloads that code a second time, or at all; `<coaching-card>` dropped alone into a page
 * loads it as it connects. Either way it is the one shared store of `getDefaultStore()`.
 */
import { localDay } from '../model/dates.js';
import type { HuddleStore, Query } from './contract.js';
import { WRITE_INTENTS, type StoreWrites } from './writes.js';

let engine: Promise<typeof import('./default-store.js')> | undefined;
// A failed load (offline before the code was cached) is tried again on the next use. The
// store is asked for each time: one closed by its last user is replaced (see getDefaultStore).
const loaded = (): Promise<HuddleStore> =>
  (engine ??= import('./default-store.js').catch((error: unknown) => {
    engine = undefined;
    throw error;
  })).then((module) => module.getDefaultStore());

type Intent = (...args: unknown[]) => Promise<unknown>;

const reads: Pick<HuddleStore, 'watch' | 'get' | 'today'> = {
  watch<T>(query: Query<T>, onResult: (result: T) => void, onError?: (error: Error) => void): () => void {
    let stopWatching: (() => void) | undefined;
    let stopped = false;
    loaded().then(
      (store) => {
        if (!stopped) stopWatching = store.watch(query, onResult, onError);
      },
      (error: unknown) => {
        // Like the engine's own watch: an error nobody listens for is thrown where a page sees it.
        if (onError) onError(error as Error);
        else
          queueMicrotask(() => {
            throw error;
          });
      },
    );
    return () => {
      stopped = true;
      stopWatching?.();
    };
  },
  get: (query) => loaded().then((store) => store.get(query)),
  // The default store's day is always the device's own (only a kiosk pins it, on its own store).
  today: () => localDay(),
};

let onDemand: HuddleStore | undefined;

/** The shared default store, its engine loaded when first read or written. */
export function defaultStoreOnDemand(): HuddleStore {
  // A plain object with exactly the contract's names: Lit and `await` probe values for
  // names of their own (`_$litDirective$`, `then`), so nothing else may answer.
  onDemand ??= {
    ...reads,
    ...(Object.fromEntries(
      WRITE_INTENTS.map((intent) => [intent, (...args: unknown[]) => loaded().then((store) => (store[intent] as Intent)(...args))]),
    ) as unknown as StoreWrites),
  };
  return onDemand;
}

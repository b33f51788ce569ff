/** Test helpers for the store: isolated databases and waiting for watch results. */
import { IdbHuddleStore, type IdbStoreOptions } from '../../src/store/idb-store.js';
import type { HuddleStore, Query } from '../../src/store/contract.js';

let counter = 0;
const opened: { store: IdbHuddleStore; name: string }[] = [];

/** A store on a database no other test uses; deleted by `deleteTestDatabases`. */
export function freshStore(options: IdbStoreOptions = {}): IdbHuddleStore {
  const name = options.name ?? `test-${Date.now()}-${++counter}`;
  const store = new IdbHuddleStore({ ...options, name });
  opened.push({ store, name });
  return store;
}

/**
 * A new page's store on the same database, once this page's idle work has run: a store keeps a
 * remembered answer (`Query.remember`) when the page is idle, as a page left open would.
 */
export async function storeOnANewPage(options: IdbStoreOptions & { name: string }): Promise<IdbHuddleStore> {
  await idle();
  return freshStore(options);
}

/** The page's idle work so far has run (a store keeps remembered answers then). */
export function idle(): Promise<void> {
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
}

/** Closes and deletes every database `freshStore` created. Use in afterEach. */
export async function deleteTestDatabases(): Promise<void> {
  const all = opened.splice(0);
  for (const { store } of all) store.close();
  await Promise.all(
    [...new Set(all.map((o) => o.name))].map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/**
 * Deletes a database and waits until it is gone. A delete that stays blocked means a connection
 * to it is still open somewhere: that fails, naming it, rather than leaving the delete pending -
 * every later open of that name would wait behind it without a word (the next test file's kiosk
 * stayed at "starting").
 */
export function deleteDatabase(name: string, timeoutMs = 10000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    const timer = setTimeout(
      () => reject(new Error(`the database "${name}" was not deleted within ${timeoutMs} ms: a connection to it is still open`)),
      timeoutMs,
    );
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`the database "${name}" could not be deleted: ${request.error?.message ?? 'unknown error'}`));
    };
  });
}

/**
 * Watches a query and records every result, so a test can wait for the next one.
 * `next()` resolves with the next result not yet consumed.
 */
export function recordResults<T>(store: HuddleStore, query: Query<T>) {
  const results: T[] = [];
  let consumed = 0;
  let wake: (() => void) | undefined;
  const stop = store.watch(query, (result) => {
    results.push(result);
    wake?.();
  });
  return {
    results,
    stop,
    async next(timeoutMs = 2000): Promise<T> {
      while (results.length <= consumed) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no new result for ${query.key} within ${timeoutMs} ms`)), timeoutMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return results[consumed++]!;
    },
  };
}

/** Records in id order, as IndexedDB returns them (conversation facts come in any order). */
export function inIdOrder<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Resolves after pending IndexedDB work and channel messages have had time to arrive. */
export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

/** The error a promise rejects with; fails when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/** A small organisation: a plant, an area and two teams, with a leader and a member. */
export async function seedSmallOrg(store: IdbHuddleStore) {
  const plant = await store.createUnit({ name: 'Plant', tier: 3 });
  const area = await store.createUnit({ name: 'Assembly', tier: 2, parentId: plant.id });
  const teamA = await store.createUnit({ name: 'Line 1', tier: 1, parentId: area.id });
  const teamB = await store.createUnit({ name: 'Line 2', tier: 1, parentId: area.id });
  const leader = await store.createPerson({ name: 'Ana Leader', unitId: teamA.id, role: 'leader' });
  const member = await store.createPerson({ name: 'Ben Member', unitId: teamA.id, role: 'member' });
  return { plant, area, teamA, teamB, leader, member };
}

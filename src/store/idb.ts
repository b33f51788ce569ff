/**
 * IndexedDB as promises: the little the store, the sync replica and the migrations use. It
 * replaces the `idb` package, whose general wrapper every element downloaded (1.3 kB gzip)
 * for these few calls. Requests settle when the browser answers; a transaction's `done`
 * settles when it commits, or rejects with the reason it did not (a full disk is reported
 * at commit time). A failed request aborts its transaction, as IndexedDB does by default.
 */

import type { Cursor, Key, Store } from './idb-store-shape.js';
import { KPI_VALUE_MONTHS, packedValues } from './packed-values.js';

export type { Cursor, Key, Store };

/** The object store that holds a kind: KPI results are packed a row per KPI and month (packed-values.ts). */
const storeOf = (name: string) => (name === 'kpiValues' ? KPI_VALUE_MONTHS : name);

export interface Tx {
  objectStore(name: string): Store;
  /** Resolves when the transaction commits; rejects when it aborts or fails. */
  readonly done: Promise<void>;
  abort(): void;
}

export interface Db {
  transaction(names: string | readonly string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions): Tx;
  /** One-request shortcuts, each in a transaction of its own. */
  get(store: string, key: IDBValidKey): Promise<unknown>;
  getAll(store: string, query?: Key | null, count?: number): Promise<unknown[]>;
  delete(store: string, key: Key): Promise<void>;
  count(store: string): Promise<number>;
  createObjectStore(name: string, options: IDBObjectStoreParameters): Store;
  deleteObjectStore(name: string): void;
  close(): void;
}

export interface OpenCallbacks {
  /** Runs the migrations, inside the version-change transaction. */
  upgrade(db: Db, oldVersion: number, tx: Tx): void;
  /** Another connection (an older version in another tab) does not let the upgrade start. */
  blocked(): void;
  /** Another connection wants to upgrade this database; close ours so that it can. */
  blocking(): void;
  /** The browser closed the connection (storage cleared, disk failure). */
  terminated(): void;
}

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function cursorOf(req: IDBRequest<IDBCursorWithValue | null>): Promise<Cursor | null> {
  return request(req).then(
    (raw) =>
      raw && {
        value: raw.value as unknown,
        update: (value: unknown) => request(raw.update(value)),
        continue: () => {
          raw.continue();
          return cursorOf(req);
        },
      },
  );
}

function wrapStore(raw: IDBObjectStore): Store {
  return {
    get: (key) => request(raw.get(key)),
    getAll: (query, count) => request(raw.getAll(query, count)),
    put: (value) => request(raw.put(value)),
    count: () => request(raw.count()),
    add: (value) => request(raw.add(value)),
    delete: (key) => request(raw.delete(key)),
    clear: () => request(raw.clear()),
    index: (name) => ({ getAll: (query) => request(raw.index(name).getAll(query)) }),
    openCursor: () => cursorOf(raw.openCursor()),
    createIndex: (name, keyPath) => void raw.createIndex(name, keyPath),
  };
}

/**
 * A transaction as the store uses it; `packed`: its `kpiValues` is the view over the rows of a
 * month (not while the migrations run: each works on the layout of its own version).
 */
function wrapTx(raw: IDBTransaction, packed = true): Tx {
  const done = new Promise<void>((resolve, reject) => {
    raw.oncomplete = () => resolve();
    raw.onerror = () => reject(raw.error);
    raw.onabort = () => reject(raw.error ?? new DOMException('The transaction was aborted.', 'AbortError'));
  });
  // Nobody may wait for a transaction that is aborted on purpose; that is not an error to report.
  done.catch(() => undefined);
  let values: Store | undefined;
  const objectStore = (name: string) =>
    packed && name === 'kpiValues' ? (values ??= packedValues(raw.objectStore(KPI_VALUE_MONTHS), request)) : wrapStore(raw.objectStore(name));
  return { objectStore, done, abort: () => raw.abort() };
}

function wrapDb(raw: IDBDatabase): Db {
  const transaction = (names: string | readonly string[], mode?: IDBTransactionMode, options?: IDBTransactionOptions) =>
    wrapTx(raw.transaction([names].flat().map(storeOf), mode, options));
  const store = (name: string, mode?: IDBTransactionMode) => transaction(name, mode).objectStore(name);
  return {
    transaction,
    get: (name, key) => store(name).get(key),
    getAll: (name, query, count) => store(name).getAll(query, count),
    delete: (name, key) => store(name, 'readwrite').delete(key),
    count: (name) => store(name).count(),
    createObjectStore: (name, options) => wrapStore(raw.createObjectStore(name, options)),
    deleteObjectStore: (name) => raw.deleteObjectStore(name),
    close: () => raw.close(),
  };
}

/** Opens (creating or upgrading) a database. */
export function openDatabase(name: string, version: number, callbacks: OpenCallbacks): Promise<Db> {
  const req = indexedDB.open(name, version);
  req.onupgradeneeded = (event) => callbacks.upgrade(wrapDb(req.result), event.oldVersion, wrapTx(req.transaction!, false));
  req.onblocked = () => callbacks.blocked();
  return request(req).then((raw) => {
    raw.onversionchange = () => callbacks.blocking();
    raw.onclose = () => callbacks.terminated();
    return wrapDb(raw);
  });
}

/**
 * Long work inside one transaction, in short tasks: `due` once a step has run `ms`, then
 * `next(answer)` waits for the answer to a request of the step. The work goes on from that
 * answer, which keeps the transaction open, and meanwhile the page draws and answers taps:
 * copying thousands of records into IndexedDB is main-thread work (a wall's first start at
 * phone speed held it 55-105 ms a task at 60 records a step).
 */
export class TaskSteps {
  #began = performance.now();

  /** 10 ms: a step and the page's own work fit well inside a 50 ms task at phone speed. */
  constructor(private readonly ms = 10) {}

  get due(): boolean {
    return performance.now() - this.#began > this.ms;
  }

  async next(answer: Promise<unknown>): Promise<void> {
    await answer;
    this.#began = performance.now();
  }
}

/**
 * `request`, its failure marked as heard: a transaction's work reports its first failure once,
 * where it awaits; the requests aborted with it are not reported again as unhandled.
 */
export function heard<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

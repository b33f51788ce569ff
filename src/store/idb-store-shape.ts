/** An IndexedDB object store as promises (idb.ts): what the store, the replica and the migrations call. */

export type Key = IDBValidKey | IDBKeyRange;

export interface Cursor {
  readonly value: unknown;
  update(value: unknown): Promise<IDBValidKey>;
  /** The next record, or null after the last. */
  continue(): Promise<Cursor | null>;
}

export interface Store {
  get(key: IDBValidKey): Promise<unknown>;
  getAll(query?: Key | null, count?: number): Promise<unknown[]>;
  put(value: unknown): Promise<IDBValidKey>;
  count(): Promise<number>;
  add(value: unknown): Promise<IDBValidKey>;
  delete(key: Key): Promise<void>;
  clear(): Promise<void>;
  index(name: string): { getAll(query?: Key | null): Promise<unknown[]> };
  openCursor(): Promise<Cursor | null>;
  createIndex(name: string, keyPath: string): void;
}

/**
 * The whole database of an IndexedDB store at once: a backup file, a restore, emptying it,
 * and whether it holds the demo. Functions rather than store methods, so that elements,
 * which only read and write records, do not download them.
 */
import { ENTITY_KINDS, type EntityKind, type EntityMap } from '../model/index.js';
import { abortQuietly, readerOf, type IdbHuddleStore } from './idb-store.js';
import type { Tx } from './idb.js';
import { toStorageError } from './errors.js';
import { FIELD_CLOCKS, META, OUTBOX } from './schema-versions.js';
import { parseImport, toExportFile, type ExportFile, type ImportSummary } from '../model/backup-file.js';

/** Every record of every kind, as a file that `importData` restores identically. */
export async function exportData(store: IdbHuddleStore): Promise<ExportFile> {
  try {
    const db = await store.internals().connection();
    const tx = db.transaction([...ENTITY_KINDS], 'readonly');
    const reader = readerOf(tx);
    const data = Object.fromEntries(await Promise.all(ENTITY_KINDS.map(async (kind) => [kind, await reader.all(kind)])));
    await tx.done;
    return toExportFile(data as { [K in EntityKind]: EntityMap[K][] });
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Replaces everything with the contents of an export file (text or parsed JSON). The file
 * is checked whole first: one bad record rejects it with a message naming the record and
 * field, and nothing is changed. An import is a restore, not an edit to sync: the outbox
 * is cleared with the old data.
 */
export async function importData(store: IdbHuddleStore, file: unknown, options: { demoSeed?: number } = {}): Promise<ImportSummary> {
  const parsed = parseImport(file);
  const internals = store.internals();
  let tx: Tx | undefined;
  try {
    const db = await internals.connection();
    tx = db.transaction([...ENTITY_KINDS, OUTBOX, META, FIELD_CLOCKS], 'readwrite');
    const open = tx;
    // Requests are queued without awaiting each: the transaction still commits all or none.
    // Field clocks and sync cursors go too: restored data is older than anything a server
    // holds, and the next pull starts from the beginning.
    const requests: Promise<unknown>[] = [...ENTITY_KINDS, OUTBOX, FIELD_CLOCKS, META].map((kind) => open.objectStore(kind).clear());
    for (const kind of ENTITY_KINDS) {
      const records = open.objectStore(kind);
      for (const record of parsed.data[kind]) requests.push(records.put(record));
    }
    requests.push(open.objectStore(META).put({ key: 'demo', seed: options.demoSeed ?? null }));
    await Promise.all([...requests, open.done]);
  } catch (error) {
    if (tx) await abortQuietly(tx);
    throw toStorageError(error);
  }
  internals.replaced();
  return parsed.summary;
}

/** Empties the database (every record and the outbox). */
export async function clearAll(store: IdbHuddleStore): Promise<void> {
  const empty = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, []])) as unknown as { [K in EntityKind]: EntityMap[K][] };
  await importData(store, toExportFile(empty));
}

/** The seed when the data is the generated demo organisation, else null. */
export async function demoSeed(store: IdbHuddleStore): Promise<number | null> {
  const db = await store.internals().connection();
  const meta = (await db.get(META, 'demo')) as { seed: number | null } | undefined;
  return meta?.seed ?? null;
}

/**
 * The whole database of an IndexedDB store at once: a backup file, a restore, emptying it,
 * and whether it holds the demo. Functions rather than store methods, so that elements,
 * which only read and write records, do not download them.
 */
import { ENTITY_KINDS, type EntityKind, type EntityMap } from '../model/index.js';
import { COPIED_KINDS, copyOf, keepCopy } from './kept-copies.js';
import { abortQuietly, readerOf, type IdbHuddleStore } from './idb-store.js';
import { TaskSteps, heard, type Tx } from './idb.js';
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
  await replaceAll(store, parsed.data, options);
  return parsed.summary;
}

/**
 * Replaces everything with records already checked by `parseImport`, in one transaction: all
 * of them or, if anything fails, none. The writes are issued in short steps (TaskSteps), so
 * thousands of records never hold the main thread in one long task.
 */
export async function replaceAll(store: IdbHuddleStore, data: ExportFile['data'], options: { demoSeed?: number } = {}): Promise<void> {
  const internals = store.internals();
  let tx: Tx | undefined;
  try {
    const db = await internals.connection();
    tx = db.transaction([...ENTITY_KINDS, OUTBOX, META, FIELD_CLOCKS], 'readwrite');
    const open = tx;
    // Field clocks and sync cursors go too: restored data is older than anything a server
    // holds, and the next pull starts from the beginning.
    const writes: Promise<unknown>[] = [];
    for (const kind of [...ENTITY_KINDS, OUTBOX, FIELD_CLOCKS, META]) writes.push(heard(open.objectStore(kind).clear()));
    const steps = new TaskSteps();
    for (const kind of ENTITY_KINDS) {
      const records = open.objectStore(kind);
      for (const record of data[kind]) {
        const write = heard(records.put(record));
        writes.push(write);
        if (steps.due) await steps.next(write);
      }
    }
    const meta = open.objectStore(META);
    writes.push(heard(meta.put({ key: 'demo', seed: options.demoSeed ?? null })));
    // The kinds' marks went with META: their copies are in line with none ('').
    for (const kind of COPIED_KINDS) await keepCopy(meta, kind, copyOf(kind, data[kind]), '', steps);
    await Promise.all([...writes, open.done]);
  } catch (error) {
    if (tx) await abortQuietly(tx);
    throw toStorageError(error);
  }
  internals.replaced();
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

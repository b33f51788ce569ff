/**
 * Copies of the records the cascade reads whole - every person, board and coaching pair, and
 * the facts of every live conversation (the model's SessionFacts: who, which kind, which day,
 * which follow-up, never the words) - kept in a few META rows beside the records and brought in
 * line by every write of one, in that write's own transaction. IndexedDB's cost is per record
 * read: 3,000 people, their boards and 6,000 pairs took ~110 ms as records and ~18 ms as 16 rows
 * a kind; the 45,000 conversations ~0.5 s as records and ~45 ms as packed facts. So a figure
 * over everyone shown with nothing kept (after a name was changed, which removes every kept
 * answer; a new version of the figures) is worked out in a fraction of the time.
 *
 * A kind's copy is spread over rows by a hash of each record's id, so that writing one record
 * rewrites one row, not all of them. A header row per kind names the `written:<kind>` mark (see
 * remembered-answers.ts) the copy is in line with: a write that does not bring it in line (too
 * many records at once, records removed without naming them, a migration) leaves a newer mark,
 * and until the copy is kept again - by the next reading of the kind whole - the records
 * themselves are read (`keptCopy` says which). A new database and a restore start every copy in
 * line. A person's name erased is erased from the copy in the erasure's own transaction.
 */
import type { AnyRecord, CoachingPair, CoachingSession, Person, SessionFacts, Unit } from '../model/index.js';
import { sessionFacts } from '../model/index.js';
import { groupBy } from '../model/group-by.js';
import { TaskSteps, heard, type Store, type Tx } from './idb.js';
import { packFacts, unpackFacts } from './packed-facts.js';
import { DB_VERSION, META } from './schema-versions.js';

/** What each copied kind's copy holds: the records as they are (retired too, as reading them returns them), or the facts of the live conversations. */
export interface CopiedKinds {
  people: Person;
  units: Unit;
  coachingPairs: CoachingPair;
  coachingSessions: SessionFacts;
}
export type CopiedKind = keyof CopiedKinds;

interface Copy<T extends { id: string }> {
  /**
   * Rows of the copy. Each row read costs ~60 us, and a row over 64 kB is kept by Chromium in a
   * file of its own: the 45,000 conversations' facts in 64 rows of ~45 kB; 3,000 people in 16.
   */
  rows: number;
  /** What the copy holds of a record as written; undefined when nothing (a retired conversation). */
  of(record: AnyRecord): T | undefined;
  pack(items: readonly T[]): unknown;
  unpack(packed: unknown): T[];
}

const asTheyAre = <T extends AnyRecord>(rows: number): Copy<T> => ({
  rows,
  of: (record) => record as T,
  pack: (items) => items,
  unpack: (packed) => packed as T[],
});

const COPIES: { [K in CopiedKind]: Copy<CopiedKinds[K]> } = {
  people: asTheyAre<Person>(16),
  units: asTheyAre<Unit>(16),
  coachingPairs: asTheyAre<CoachingPair>(16),
  coachingSessions: {
    rows: 64,
    of: (record) => (record.deletedAt ? undefined : sessionFacts(record as CoachingSession)),
    pack: packFacts,
    unpack: (packed) => unpackFacts(packed as string),
  },
};

export const COPIED_KINDS = Object.keys(COPIES) as CopiedKind[];

export const isCopied = (kind: string): kind is CopiedKind => kind in COPIES;

interface CopyHeader {
  key: string;
  /** A copy kept by another database layout, in another form or over other rows is not read. */
  layout: string;
  /** The `written:<kind>` mark the copy is in line with ('' before any write). */
  mark: string;
}

interface CopyRow {
  key: string;
  packed: unknown;
}

const headerKey = (kind: CopiedKind) => `copy:${kind}`;
const rowKey = (kind: CopiedKind, row: number) => `${headerKey(kind)}:${String(row).padStart(3, '0')}`;
const allRows = (kind: CopiedKind) => IDBKeyRange.bound(rowKey(kind, 0), rowKey(kind, COPIES[kind].rows - 1));
/** Raise when what a copy holds or how it is packed changes: rows kept in another form are not read. */
const COPY_FORM = 1;
const layoutOf = (kind: CopiedKind) => `v${DB_VERSION}/${COPY_FORM}/${COPIES[kind].rows}`;

/** The row a record is kept in: a hash of its id (FNV-1a), the same in every version of the app. */
function rowOf(kind: CopiedKind, id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % COPIES[kind].rows;
}

const inRows = <T extends { id: string }>(kind: CopiedKind, items: readonly T[]) => groupBy(items, (item) => rowOf(kind, item.id));

/**
 * A kind's copy, when it is in line with `mark` (the kind's current mark, read in `tx`, which
 * includes META). Records come in id order, as reading them does; the facts of conversations in
 * no particular order (sorting 45,000 ids would cost as much as reading them; the figures are
 * the same in any order).
 */
export async function keptCopy<K extends CopiedKind>(tx: Tx, kind: K, mark: string): Promise<CopiedKinds[K][] | undefined> {
  const meta = tx.objectStore(META);
  const header = (await meta.get(headerKey(kind))) as CopyHeader | undefined;
  if (header?.layout !== layoutOf(kind) || header.mark !== mark) return undefined;
  const copy = COPIES[kind] as Copy<CopiedKinds[K]>;
  const items = ((await meta.getAll(allRows(kind))) as CopyRow[]).flatMap((row) => copy.unpack(row.packed));
  return kind === 'coachingSessions' ? items : items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Records of a kind one write may bring into its copy. Bringing a copy in line rewrites every row
 * the write touches - a pulled page of 1,000 conversations touches all 64, and as the copy grows a
 * first sync would rewrite it whole with each page (a page of 1,000 conversations took a third longer).
 * A larger write (a page of a first sync, an import) leaves the copy out of line instead; the
 * next reading of the kind whole reads the records and keeps it again.
 */
const IN_LINE_LIMIT = 100;

/**
 * Inside a write's own transaction, after it stored `written` (the records as they are now):
 * each copy of their kinds is brought in line, when it was in line with the kind's mark before
 * the write (`marksBefore`) and the write holds at most IN_LINE_LIMIT of its records, and then
 * named in line with `markAfter`. A copy not brought in line stays out of line.
 */
export async function bringCopiesInLine(
  meta: Store,
  written: readonly { kind: string; after: AnyRecord }[],
  marksBefore: ReadonlyMap<CopiedKind, string>,
  markAfter: string,
): Promise<void> {
  const kinds = [...marksBefore];
  const headers = (await Promise.all(kinds.map(([kind]) => meta.get(headerKey(kind))))) as (CopyHeader | undefined)[];
  const recordsOf = groupBy(written, (change) => change.kind);
  const inLine = kinds
    .filter(([kind, before], i) => headers[i]?.layout === layoutOf(kind) && headers[i]!.mark === before && (recordsOf.get(kind)?.length ?? 0) <= IN_LINE_LIMIT)
    .map(([kind]) => kind);
  // The rows a write touches are read at once, then rewritten in short steps (TaskSteps).
  const touched = inLine.flatMap((kind) => {
    const records = (recordsOf.get(kind) ?? []).map((change) => change.after);
    return [...inRows(kind, records)].map(([row, changed]) => ({ kind, key: rowKey(kind, row), changed }));
  });
  const stored = (await Promise.all(touched.map(({ key }) => meta.get(key)))) as (CopyRow | undefined)[];
  const steps = new TaskSteps();
  const puts: Promise<unknown>[] = [];
  for (const [i, { kind, key, changed }] of touched.entries()) {
    const copy = COPIES[kind] as Copy<{ id: string }>;
    const row = stored[i];
    const items = new Map((row ? copy.unpack(row.packed) : []).map((item) => [item.id, item]));
    for (const record of changed) {
      const item = copy.of(record);
      if (item) items.set(record.id, item);
      else items.delete(record.id);
    }
    const put = heard(meta.put({ key, packed: copy.pack([...items.values()]) } satisfies CopyRow));
    puts.push(put);
    if (steps.due) await steps.next(put);
  }
  for (const kind of inLine) puts.push(heard(meta.put({ key: headerKey(kind), layout: layoutOf(kind), mark: markAfter } satisfies CopyHeader)));
  await Promise.all(puts);
}

/**
 * Keeps `items` - the copy of every record of `kind` (`copyOf`) - as its copy in line with
 * `mark`, replacing any kept before: for a new database (none, ''), a restore, and a copy worked
 * out again from the records. Its rows are packed and handed over in short steps (`steps`, the
 * caller's when it has some): a restore of 45,000 conversations never holds the page in one task.
 */
export async function keepCopy<K extends CopiedKind>(
  meta: Store,
  kind: K,
  items: readonly CopiedKinds[K][],
  mark: string,
  steps = new TaskSteps(),
): Promise<void> {
  const copy = COPIES[kind] as Copy<CopiedKinds[K]>;
  const writes: Promise<unknown>[] = [heard(meta.delete(allRows(kind)))];
  for (const [row, list] of inRows(kind, items)) {
    const put = heard(meta.put({ key: rowKey(kind, row), packed: copy.pack(list) } satisfies CopyRow));
    writes.push(put);
    if (steps.due) await steps.next(put);
  }
  writes.push(heard(meta.put({ key: headerKey(kind), layout: layoutOf(kind), mark } satisfies CopyHeader)));
  await Promise.all(writes);
}

/** A kind's copy, as kept from its records (see `keepCopy`). */
export function copyOf<K extends CopiedKind>(kind: K, records: readonly AnyRecord[]): CopiedKinds[K][] {
  const copy = COPIES[kind] as Copy<CopiedKinds[K]>;
  return records.map((record) => copy.of(record)).filter((item) => item !== undefined);
}

/**
 * Answers kept on the device (see `Query.remember`): a figure over everyone - the cascade of
 * 3,000 people reads 45,000 conversations, a second of IndexedDB reads on a tablet - is read
 * back on the next start as one row, and worked out again only once a record it reads changed.
 *
 * Every transaction that writes records of a kind also puts a new mark in the META row
 * `written:<kind>`, in the same transaction; an answer is kept with the marks of the kinds it
 * read, taken in the transaction it read them in. So a kept answer is used only while none of
 * those kinds was written since - by this tab, another tab, a sync or a restore (which clears
 * META) - and under the database layout it was computed with. A write that commits after the
 * read leaves a newer mark, and the answer is not used again.
 *
 * The marks of the kinds a kept answer may catch up on (JOURNALLED_KINDS) are also numbered, and
 * the ids each transaction wrote are journalled (`journal:<kind>:<number>`, the last
 * JOURNAL_LENGTH transactions of each kind): a query that can `apply` changes gets its kept answer
 * brought up to date from the records written since, instead of reading every record again - the
 * cascade after one conversation was recorded. Other kinds only get a new mark (a tap on a board's
 * action pays no read for a number).
 */
import type { AnyRecord, EntityKind } from '../model/index.js';
import type { RecordChange } from './contract.js';
import { bringCopiesInLine, isCopied, keepCopy, type CopiedKind, type CopiedKinds } from './kept-copies.js';
import type { Db, Store, Tx } from './idb.js';
import { newId } from './ids.js';
import { DB_VERSION, META } from './schema-versions.js';

interface WrittenRow {
  key: string;
  mark: string;
  /** How many transactions wrote this kind (rows kept before numbering have none: 0). */
  seq?: number;
}

interface JournalRow {
  key: string;
  /** The ids one transaction wrote; null when it removed records it did not name. */
  ids: string[] | null;
}

/** A kind's mark and, for a journalled kind, its number. */
interface KindMark {
  mark: string;
  seq?: number;
}

interface AnswerRow {
  key: string;
  /** The query's key when it was kept: the day and anything else it depends on are in it. */
  queryKey: string;
  marks: string;
  /** Each kind's mark when the answer was read (absent on answers kept before numbering). */
  kinds?: Partial<Record<EntityKind, KindMark>>;
  result: unknown;
}

/** The state of the kinds a query reads, taken in the transaction that reads their records. */
export interface WrittenState {
  marks: string;
  kinds: Partial<Record<EntityKind, KindMark>>;
}

/**
 * Kinds whose writes are journalled: those a kept answer with `apply` reads (the cascade's), bar
 * people, whose writes remove every kept answer (QUOTED_KINDS).
 */
const JOURNALLED_KINDS: ReadonlySet<EntityKind> = new Set(['units', 'coachingPairs', 'coachingSessions']);
/** Transactions journalled per kind: enough for a day of a busy board between two looks. */
const JOURNAL_LENGTH = 500;
/** More ids than this in one transaction (a first sync) are not journalled: reading everything is as quick. */
const JOURNALLED_IDS = 2000;

const writtenKey = (kind: EntityKind) => `written:${kind}`;
const journalKey = (kind: EntityKind, seq: number) => `journal:${kind}:${String(seq).padStart(12, '0')}`;
const answerKey = (slot: string) => `answer:${slot}`;

/**
 * Kinds whose records a kept answer may quote: a write of one removes every kept answer in the
 * same transaction, so that a name changed or erased (a person's right to erasure) is nowhere on
 * the device once the write is stored - a new mark alone would leave it in an unused row.
 */
const QUOTED_KINDS: ReadonlySet<EntityKind> = new Set(['people']);

/**
 * Inside a write's own transaction (which must include META): these records were written. The
 * copies kept of their kinds (kept-copies.ts) are brought in line too.
 */
export async function markWritten(tx: Tx, changes: readonly Pick<RecordChange, 'kind' | 'after'>[]): Promise<void> {
  const ids = new Map<EntityKind, Set<string>>();
  for (const { kind, after } of changes) {
    const set = ids.get(kind);
    if (set) set.add(after.id);
    else ids.set(kind, new Set([after.id]));
  }
  const meta = tx.objectStore(META);
  const copied = [...ids.keys()].filter(isCopied);
  const before = new Map<CopiedKind, string>(await Promise.all(copied.map(async (kind) => [kind, await markOf(meta, kind)] as const)));
  const after = await mark(
    tx,
    [...ids].map(([kind, set]) => [kind, set.size > JOURNALLED_IDS ? null : [...set]]),
  );
  if (copied.length > 0) await bringCopiesInLine(meta, changes, before, after);
}

/** Inside a write's own transaction: records of `kinds` were removed or rewritten without naming them. */
export async function markRemoved(tx: Tx, kinds: Iterable<EntityKind>): Promise<void> {
  await mark(
    tx,
    [...new Set(kinds)].map((kind) => [kind, null]),
  );
}

/** Puts a new mark on each written kind; returns it. */
async function mark(tx: Tx, written: readonly (readonly [EntityKind, string[] | null])[]): Promise<string> {
  const meta = tx.objectStore(META);
  const mark = newId();
  const removed = written.some(([kind]) => QUOTED_KINDS.has(kind)) ? meta.delete(IDBKeyRange.bound(answerKey(''), answerKey('\uffff'))) : undefined;
  const journalled = written.filter(([kind]) => JOURNALLED_KINDS.has(kind));
  const rows = (await Promise.all(journalled.map(([kind]) => meta.get(writtenKey(kind))))) as (WrittenRow | undefined)[];
  await Promise.all([
    removed,
    ...written.filter(([kind]) => !JOURNALLED_KINDS.has(kind)).map(([kind]) => meta.put({ key: writtenKey(kind), mark } satisfies WrittenRow)),
    ...journalled.flatMap(([kind, ids], i) => {
      const seq = (rows[i]?.seq ?? 0) + 1;
      return [
        meta.put({ key: writtenKey(kind), mark, seq } satisfies WrittenRow),
        meta.put({ key: journalKey(kind, seq), ids } satisfies JournalRow),
        meta.delete(journalKey(kind, seq - JOURNAL_LENGTH)),
      ];
    }),
  ]);
  return mark;
}

/** A kind's current mark ('' before its first write). */
async function markOf(meta: Store, kind: EntityKind): Promise<string> {
  return ((await meta.get(writtenKey(kind))) as WrittenRow | undefined)?.mark ?? '';
}

/** The marks of `kinds`, read in the transaction that reads their records (it must include META). */
export async function writtenState(tx: Tx, kinds: readonly EntityKind[]): Promise<WrittenState> {
  const meta = tx.objectStore(META);
  const rows = (await Promise.all(kinds.map((kind) => meta.get(writtenKey(kind))))) as (WrittenRow | undefined)[];
  return {
    marks: [`v${DB_VERSION}`, ...rows.map((row, i) => `${kinds[i]}=${row?.mark ?? ''}`)].join('|'),
    // A journalled kind never written is at number 0; a row of before the numbering has none.
    kinds: Object.fromEntries(
      kinds.map((kind, i) => {
        const row = rows[i];
        const seq = row ? row.seq : JOURNALLED_KINDS.has(kind) ? 0 : undefined;
        return [kind, { mark: row?.mark ?? '', ...(seq !== undefined ? { seq } : {}) }];
      }),
    ),
  };
}

/**
 * The answer kept in `slot` for a query whose key `usable` accepts (its own, or another it can
 * rebase, see Query.rebase), with that key: current when no kind it read was written since,
 * else with the records written since (read in `tx`) when the journal still names them all.
 */
export async function keptAnswer(
  tx: Tx,
  slot: string,
  usable: (queryKey: string) => boolean,
  now: WrittenState,
): Promise<{ queryKey: string; result: unknown; writtenSince?: RecordChange[] } | undefined> {
  const row = (await tx.objectStore(META).get(answerKey(slot))) as AnswerRow | undefined;
  // Another database layout (the version leads the marks) is worked out again, whatever was written.
  if (!row || !usable(row.queryKey) || row.marks.split('|')[0] !== now.marks.split('|')[0]) return undefined;
  if (row.marks === now.marks) return { queryKey: row.queryKey, result: row.result };
  const writtenSince = row.kinds && (await recordsWrittenSince(tx, row.kinds, now.kinds));
  return writtenSince ? { queryKey: row.queryKey, result: row.result, writtenSince } : undefined;
}

/** Every record written between two states, as it is now; undefined when the journal cannot say. */
async function recordsWrittenSince(
  tx: Tx,
  then: Partial<Record<EntityKind, KindMark>>,
  now: Partial<Record<EntityKind, KindMark>>,
): Promise<RecordChange[] | undefined> {
  const meta = tx.objectStore(META);
  const changes: RecordChange[] = [];
  for (const [kind, current] of Object.entries(now) as [EntityKind, KindMark][]) {
    const kept = then[kind];
    if (kept?.mark === current.mark) continue;
    // Not journalled, numbered since the answer was kept, or numbered afresh (a restore): read again.
    if (kept?.seq === undefined || current.seq === undefined || kept.seq >= current.seq) return undefined;
    const [first, last] = [kept.seq + 1, current.seq];
    const journal = (await meta.getAll(IDBKeyRange.bound(journalKey(kind, first), journalKey(kind, last)))) as JournalRow[];
    if (journal.length !== last - first + 1 || journal.some((entry) => entry.ids === null)) return undefined;
    const ids = [...new Set(journal.flatMap((entry) => entry.ids ?? []))];
    const store = tx.objectStore(kind);
    const records = (await Promise.all(ids.map((id) => store.get(id)))) as (AnyRecord | undefined)[];
    // A record journalled but gone was removed (only a restore or a scope change removes records).
    if (records.some((record) => record === undefined)) return undefined;
    for (const after of records as AnyRecord[]) changes.push({ kind, after });
  }
  return changes;
}

/**
 * Keeps the copy of a kind (see kept-copies.ts), worked out from its records when `mark` was
 * their mark, as the copy in line with it - unless a record of the kind was written since. Like a
 * kept answer, failing to keep it costs the next reading time only.
 */
export async function keepCopyUnlessWritten<K extends CopiedKind>(db: Db, kind: K, items: readonly CopiedKinds[K][], mark: string): Promise<void> {
  try {
    const tx = db.transaction([META], 'readwrite', { durability: 'relaxed' });
    const meta = tx.objectStore(META);
    if ((await markOf(meta, kind)) === mark) await keepCopy(meta, kind, items, mark);
    await tx.done;
  } catch {
    // See above.
  }
}

/**
 * Keeps an answer in `slot` (replacing the last one: a slot holds one day's answer, not every
 * day's), unless a kind it may quote was written since it was read. Failing to keep it (a full disk) only costs the next start a full read, so it is not
 * reported: nothing the user saved depends on it.
 */
export async function keepAnswer(db: Db, slot: string, queryKey: string, state: WrittenState, result: unknown): Promise<void> {
  try {
    const tx = db.transaction([META], 'readwrite', { durability: 'relaxed' });
    const meta = tx.objectStore(META);
    // A name written since the answer was read (an erasure) must not come back in it.
    const quoted = (Object.entries(state.kinds) as [EntityKind, KindMark][]).filter(([kind]) => QUOTED_KINDS.has(kind));
    const rows = (await Promise.all(quoted.map(([kind]) => meta.get(writtenKey(kind))))) as (WrittenRow | undefined)[];
    if (rows.every((row, i) => (row?.mark ?? '') === quoted[i]![1].mark)) {
      await meta.put({ key: answerKey(slot), queryKey, marks: state.marks, kinds: state.kinds, result } satisfies AnswerRow);
    }
    await tx.done;
  } catch {
    // See above: a missing answer is worked out again.
  }
}

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
 */
import type { EntityKind } from '../model/index.js';
import type { Db, Tx } from './idb.js';
import { newId } from './ids.js';
import { DB_VERSION, META } from './schema-versions.js';

interface WrittenRow {
  key: string;
  mark: string;
}

interface AnswerRow {
  key: string;
  /** The query's key when it was kept: the day and anything else it depends on are in it. */
  queryKey: string;
  marks: string;
  result: unknown;
}

const writtenKey = (kind: EntityKind) => `written:${kind}`;
const answerKey = (slot: string) => `answer:${slot}`;

/**
 * Kinds whose records a kept answer may quote: a write of one removes every kept answer in the
 * same transaction, so that a name changed or erased (a person's right to erasure) is nowhere on
 * the device once the write is stored - a new mark alone would leave it in an unused row.
 */
const QUOTED_KINDS: ReadonlySet<EntityKind> = new Set(['people']);

/** Inside a write's own transaction (which must include META): records of `kinds` changed. */
export async function markWritten(tx: Tx, kinds: Iterable<EntityKind>): Promise<void> {
  const meta = tx.objectStore(META);
  const mark = newId();
  const written = [...new Set(kinds)];
  const removed = written.some((kind) => QUOTED_KINDS.has(kind)) ? meta.delete(IDBKeyRange.bound(answerKey(''), answerKey('\uffff'))) : undefined;
  await Promise.all([...written.map((kind) => meta.put({ key: writtenKey(kind), mark } satisfies WrittenRow)), removed]);
}

/** The marks of `kinds` as one string, read in the transaction that reads their records (it must include META). */
export async function marksOf(tx: Tx, kinds: readonly EntityKind[]): Promise<string> {
  const meta = tx.objectStore(META);
  const rows = (await Promise.all(kinds.map((kind) => meta.get(writtenKey(kind))))) as (WrittenRow | undefined)[];
  return [`v${DB_VERSION}`, ...rows.map((row, i) => `${kinds[i]}=${row?.mark ?? ''}`)].join('|');
}

/** The answer kept in `slot` for this query under these marks, if there is one. */
export async function keptAnswer(tx: Tx, slot: string, queryKey: string, marks: string): Promise<{ result: unknown } | undefined> {
  const row = (await tx.objectStore(META).get(answerKey(slot))) as AnswerRow | undefined;
  return row && row.queryKey === queryKey && row.marks === marks ? { result: row.result } : undefined;
}

/**
 * Keeps an answer in `slot` (replacing the last one: a slot holds one day's answer, not every
 * day's). Failing to keep it (a full disk) only costs the next start a full read, so it is not
 * reported: nothing the user saved depends on it.
 */
export async function keepAnswer(db: Db, slot: string, queryKey: string, marks: string, result: unknown): Promise<void> {
  try {
    const tx = db.transaction([META], 'readwrite', { durability: 'relaxed' });
    await tx.objectStore(META).put({ key: answerKey(slot), queryKey, marks, result } satisfies AnswerRow);
    await tx.done;
  } catch {
    // See above: a missing answer is worked out again.
  }
}

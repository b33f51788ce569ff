/**
 * The facts of every live conversation (the model's SessionFacts: who, which kind, which day,
 * which follow-up - never the words), kept packed in META beside the conversations and brought
 * in line by every write of a conversation, in that write's own transaction. A device's first
 * showing of the cascade - a new page after a name was changed, a new version of the figures, a
 * first sync - reads them in a few milliseconds, where reading the 45,000 conversations of a
 * 3,000-person cascade took ~0.5 s.
 *
 * The facts are spread over BUCKETS rows by a hash of each conversation's id, so that recording
 * one rewrites one small row, not all of them. A header row names the `written:coachingSessions`
 * mark (see remembered-answers.ts) they are in line with: a write that cannot bring them in line
 * (records removed without naming them, a migration) leaves a newer mark, and until they are kept
 * again (`keptFactsFor` says so) they are read from the conversations themselves. A new database
 * and a restore start them in line.
 */
import type { CoachingSession, SessionFacts } from '../model/index.js';
import { sessionFacts } from '../model/index.js';
import type { Store, Tx } from './idb.js';
import { packFacts, unpackFacts } from './packed-facts.js';
import { DB_VERSION, META } from './schema-versions.js';

/**
 * ~700 conversations a row at 45,000: a recorded conversation rewrites ~45 kB, not 2.8 MB - under
 * the 64 kB above which Chromium keeps a value in a file of its own - and a small organisation's
 * facts are not read as hundreds of tiny rows (each row read costs ~60 us).
 */
const BUCKETS = 64;
/** Facts kept by another database layout or another bucketing are not read. */
const LAYOUT = `v${DB_VERSION}/${BUCKETS}`;
const HEADER = 'facts:coachingSessions';
const bucketKey = (bucket: number) => `${HEADER}:${String(bucket).padStart(3, '0')}`;
const allBuckets = () => IDBKeyRange.bound(bucketKey(0), bucketKey(BUCKETS - 1));

interface FactsHeader {
  key: typeof HEADER;
  layout: string;
  /** The `written:coachingSessions` mark the facts are in line with ('' before any write). */
  mark: string;
}

interface FactsBucket {
  key: string;
  packed: string;
}

/** The row a conversation's facts are kept in: a hash of its id (FNV-1a), stable across versions of the app. */
function bucketOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

function inBuckets<T extends { id: string }>(items: readonly T[]): Map<number, T[]> {
  const buckets = new Map<number, T[]>();
  for (const item of items) {
    const bucket = bucketOf(item.id);
    const list = buckets.get(bucket);
    if (list) list.push(item);
    else buckets.set(bucket, [item]);
  }
  return buckets;
}

/**
 * The facts kept, when they are in line with `mark` (the conversations' current mark, read in
 * `tx`, which includes META), in no particular order: sorting 45,000 ids would cost as much as
 * reading them (the figures are the same in any order).
 */
export async function keptFactsFor(tx: Tx, mark: string): Promise<SessionFacts[] | undefined> {
  const meta = tx.objectStore(META);
  const header = (await meta.get(HEADER)) as FactsHeader | undefined;
  if (header?.layout !== LAYOUT || header.mark !== mark) return undefined;
  const buckets = (await meta.getAll(allBuckets())) as FactsBucket[];
  return buckets.flatMap((bucket) => unpackFacts(bucket.packed));
}

/**
 * Inside a write's own transaction, after it stored `written` (the conversations as they are
 * now): their facts are brought in line, when they were in line with `markBefore`, and then
 * named in line with `markAfter`. Facts not in line stay so (read again, then kept).
 */
export async function bringFactsInLine(meta: Store, written: readonly CoachingSession[], markBefore: string, markAfter: string): Promise<void> {
  const header = (await meta.get(HEADER)) as FactsHeader | undefined;
  if (header?.layout !== LAYOUT || header.mark !== markBefore) return;
  // One row at a time: each waits for its own read, so a pulled page of 1,000 conversations
  // never unpacks every row in one task.
  for (const [bucket, sessions] of inBuckets(written)) {
    const row = (await meta.get(bucketKey(bucket))) as FactsBucket | undefined;
    const facts = new Map(unpackFacts(row?.packed ?? '').map((fact) => [fact.id, fact]));
    for (const session of sessions) {
      if (session.deletedAt) facts.delete(session.id);
      else facts.set(session.id, sessionFacts(session));
    }
    await meta.put({ key: bucketKey(bucket), packed: packFacts([...facts.values()]) } satisfies FactsBucket);
  }
  await meta.put({ key: HEADER, layout: LAYOUT, mark: markAfter } satisfies FactsHeader);
}

/**
 * Keeps `facts` - every live conversation's - as the facts in line with `mark`, replacing any
 * kept before: for a new database (none, ''), a restore, and facts read again from the
 * conversations. Returns the requests, for a caller that waits on its writes in steps.
 */
export function keepAllFacts(meta: Store, facts: readonly SessionFacts[], mark: string): Promise<unknown>[] {
  return [
    meta.delete(allBuckets()),
    ...[...inBuckets(facts.filter((fact) => !fact.deletedAt))].map(([bucket, list]) =>
      meta.put({ key: bucketKey(bucket), packed: packFacts(list) } satisfies FactsBucket),
    ),
    meta.put({ key: HEADER, layout: LAYOUT, mark } satisfies FactsHeader),
  ];
}

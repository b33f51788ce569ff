/**
 * The default HuddleStore: IndexedDB through `idb`.
 *
 * Every write is one readwrite transaction that validates, stamps, stores the record(s) and
 * appends outbox entries; it either commits whole or not at all. Watchers re-run only for
 * changes that touch what their query reads, in this tab and (via BroadcastChannel) in
 * every other tab or window of the same origin using the same database.
 */
import { openDatabase, type Db, type Tx } from './idb.js';
import { localDay, type AnyRecord, type Day, type EntityKind, type EntityMap } from '../model/index.js';
import { affectsQuery, type HuddleStore, type Query, type RecordChange, type RecordReader } from './contract.js';
import { StorageError, toStorageError } from './errors.js';
import { newId, nowIso } from './ids.js';
import { WriteIntents, type Decide, type WriteBatch } from './write-intents.js';
import { keepAnswer, keepCopyUnlessWritten, keptAnswer, markWritten, writtenState, type WrittenState } from './remembered-answers.js';
import { COPIED_KINDS, copyOf, isCopied, keepCopy, keptCopy, type CopiedKind, type CopiedKinds } from './kept-copies.js';
import { DB_VERSION, DEFAULT_DB_NAME, FIELD_CLOCKS, META, OUTBOX, clockKey, clockState, upgrade, type ClockRow, type ClockState } from './schema-versions.js';
import { HybridClock, newNodeId, type Hlc } from '../model/hlc.js';

export interface IdbStoreOptions {
  /** Database name; one per organisation on a device. */
  name?: string;
  /** Overrides "today", e.g. for a kiosk test with a mocked clock. */
  today?: () => Day;
}

/** What an outbox entry holds: enough for a later sync to replay the change. */
export interface OutboxEntry {
  seq?: number;
  /** Unique per write, so a push retried after a lost answer is applied once. */
  opId: string;
  /** The HLC stamp of this write; every field it set carries it. */
  hlc: Hlc;
  kind: EntityKind;
  recordId: string;
  /** The fields this write set or cleared. */
  fields: string[];
  record: AnyRecord;
  at: string;
  /**
   * The tap-in this write was made under, when a person had tapped in on a shared screen: the sync
   * pushes it with that person's token, so it arrives as theirs.
   */
  as?: string;
}

/** What the sync client and whole-database transfers reach inside the store (see `internals`). */
export interface StoreInternals {
  connection(): Promise<Db>;
  clock: HybridClock;
  /** Re-runs watchers here and in other tabs for changes merged from a server. */
  merged(changes: RecordChange[]): void;
  /** Re-runs every watcher here and in other tabs after the whole database was replaced. */
  replaced(): void;
  /** Marks this tab's writes from now on as made under a tap-in (see OutboxEntry.as); undefined ends it. */
  recordAs(tapIn: string | undefined): void;
}

interface Subscriber {
  onResult: (result: unknown) => void;
  onError: (error: Error) => void;
}

/**
 * One live query, however many elements watch it: a board and each of its panels often ask
 * the same question, and each identical query (same `key`) is run once per change and its
 * result handed to every subscriber.
 */
interface Feed {
  query: Query<unknown>;
  subscribers: Set<Subscriber>;
  /** Bumped on every run so that a slow older run never overwrites a newer result. */
  generation: number;
  /** Runs started and not finished; a change can only be applied to a settled result. */
  running: number;
  /** The last result delivered, while it is known to be current. */
  last?: { result: unknown };
  /** The last run failed with this; a new subscriber hears it too. */
  failed?: Error;
}

/** How many unwatched query results a store keeps for the next element that asks (see #idle). */
const IDLE_FEEDS = 64;

/** `from` names the store that sent it: it has already brought its own feeds up to date. */
type ChannelMessage = { from: string } & ({ changes: RecordChange[] } | { reset: true });

export class IdbHuddleStore extends WriteIntents implements HuddleStore {
  readonly name: string;
  readonly #today: () => Day;
  #db: Promise<Db> | undefined;
  #closed = false;
  readonly #feeds = new Map<string, Feed>();
  /**
   * Feeds nobody watches any more, kept with their last result, oldest first: a kiosk that
   * rotates its views mounts the same board again a minute later, and then shows it at once
   * instead of reading it all again. A change that touches one drops it (it is not re-run for
   * nobody), and only the most recent IDLE_FEEDS are kept.
   */
  readonly #idle = new Set<Feed>();
  /** Names this store in what it tells other tabs, so that it does not act on its own news. */
  readonly #sender = newId();
  #channel: BroadcastChannel | undefined;
  /** One node per store object, so two tabs never make the same stamp. */
  readonly #clock = new HybridClock(newNodeId());
  /** The tap-in this tab's writes are made under, while a person is tapped in (see OutboxEntry.as). */
  #recordingAs: string | undefined;
  readonly #changeListeners = new Set<(changes: readonly RecordChange[] | 'reset') => void>();

  constructor(options: IdbStoreOptions = {}) {
    super();
    this.name = options.name ?? DEFAULT_DB_NAME;
    this.#today = options.today ?? (() => localDay());
  }

  today(): Day {
    return this.#today();
  }

  // ---------------------------------------------------------------- connection

  /**
   * Opens lazily; a failed connection, or one closed for another tab's upgrade, is reopened on
   * the next call. After `close()` nothing reopens: a call still under way from before would
   * otherwise open a connection nobody closes, and block every later upgrade or delete.
   */
  #connection(): Promise<Db> {
    if (this.#closed) return Promise.reject(new StorageError('closed'));
    this.#db ??= new Promise<Db>((resolve, rejectOnce) => {
      let rejected = false;
      const reject = (error: unknown) => {
        rejected = true;
        rejectOnce(error);
      };
      openDatabase(this.name, DB_VERSION, {
        upgrade: (db, oldVersion, tx) => {
          upgradeDatabase(db, oldVersion, tx).catch((error: unknown) => {
            reject(toStorageError(error));
            tx.abort();
          });
        },
        // An older version of the app in another tab holds the database open.
        blocked: () => reject(new StorageError('blocked')),
        // A newer version wants to upgrade: step aside so that it can.
        blocking: () => this.#dropConnection(),
        terminated: () => (this.#db = undefined),
      }).then(
        // Opened after we already reported "blocked": nobody holds this connection, close it.
        (db) => (rejected ? db.close() : resolve(db)),
        (error: unknown) => reject(toStorageError(error)),
      );
    });
    const pending = this.#db;
    pending.catch(() => {
      if (this.#db === pending) this.#db = undefined;
    });
    return pending;
  }

  /** True once `close()` was called: the store opens nothing again. */
  get closed(): boolean {
    return this.#closed;
  }

  #dropConnection(): void {
    // Another version may change the data meanwhile: what nobody watches is read again.
    this.#forgetIdle();
    const pending = this.#db;
    this.#db = undefined;
    void pending?.then(
      (db) => db.close(),
      () => undefined,
    );
  }

  /**
   * Closes the database for good and stops listening to other tabs; watchers stop receiving
   * results, and later calls fail with a StorageError ("closed").
   */
  close(): void {
    this.#closed = true;
    this.#dropConnection();
    this.#channel?.close();
    this.#channel = undefined;
    this.#feeds.clear();
    this.#idle.clear();
  }

  #channelName(): string {
    return `huddle-elements:${this.name}`;
  }

  #listen(): void {
    if (this.#channel || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(this.#channelName());
    this.#channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      if (event.data.from === this.#sender) return;
      if ('reset' in event.data) this.#rerunAll();
      // Another tab's messages may arrive out of commit order: read the stored truth.
      else this.#rerunAffected(event.data.changes, false);
    };
  }

  #announce(message: { changes: RecordChange[] } | { reset: true }): void {
    // A separate sender object, because a channel never receives its own messages and
    // other stores in this same page (same database) must hear about the change too.
    const sender = new BroadcastChannel(this.#channelName());
    sender.postMessage({ ...message, from: this.#sender } satisfies ChannelMessage);
    sender.close();
  }

  // ---------------------------------------------------------------- reads

  async get<T>(query: Query<T>): Promise<T> {
    try {
      const db = await this.#connection();
      const kinds = [...new Set(query.reads.map((dep) => dep.kind))];
      if (query.remember) return await this.#rememberedGet(db, query, query.remember, kinds);
      const tx = db.transaction(kinds, 'readonly');
      const result = await query.run(readerOf(tx));
      await tx.done;
      return result;
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * A query with `remember`: its kept answer while still current - or one kept under another
   * key, worked out again by `rebase` when the query can - brought up to date by `apply` with
   * the records written since, when the query can and the device's journal names them; else
   * run. A new answer is kept (see remembered-answers.ts).
   */
  async #rememberedGet<T>(db: Db, query: Query<T>, slot: string, kinds: readonly EntityKind[]): Promise<T> {
    const tx = db.transaction([...kinds, META], 'readonly');
    const state = await writtenState(tx, kinds);
    const kept = await keptAnswer(tx, slot, (key) => key === query.key || query.rebase !== undefined, state);
    const { keptAs } = query;
    const unpacked = kept && (keptAs ? keptAs.unpack(kept.result) : (kept.result as T));
    const previous = !kept ? undefined : kept.queryKey === query.key ? { answer: unpacked as T } : rebased(query, unpacked as T, kept.queryKey);
    let result: T;
    if (previous && !kept?.writtenSince) result = previous.answer;
    else if (previous && kept?.writtenSince && query.apply) {
      const changes = kept.writtenSince.filter((change) => affectsQuery(query, [change]));
      result = changes.length > 0 ? query.apply(previous.answer, changes) : previous.answer;
    } else result = await query.run(readerWithCopies(db, tx, state));
    await tx.done;
    const current = kept && kept.queryKey === query.key && !kept.writtenSince;
    if (!current) whenIdle(() => void keepAnswer(db, slot, query.key, state, keptAs ? keptAs.pack(result) : result));
    return result;
  }

  watch<T>(query: Query<T>, onResult: (result: T) => void, onError: (error: Error) => void = reportError): () => void {
    this.#listen();
    const subscriber: Subscriber = { onResult: onResult as (r: unknown) => void, onError };
    let feed = this.#feeds.get(query.key);
    // Woken from idle: its result is current (a change would have dropped it), unless it failed.
    if (feed && this.#idle.delete(feed) && feed.failed && feed.running === 0) {
      this.#feeds.delete(query.key);
      feed = undefined;
    }
    if (!feed) {
      feed = { query, subscribers: new Set([subscriber]), generation: 0, running: 0 };
      this.#feeds.set(query.key, feed);
      void this.#run(feed);
    } else {
      feed.subscribers.add(subscriber);
      // Joining a settled feed: its current answer, after this call returns like a first run's.
      const joined = feed;
      if (joined.running === 0 && (joined.last || joined.failed)) {
        queueMicrotask(() => {
          if (!joined.subscribers.has(subscriber) || joined.running > 0) return;
          if (joined.last) subscriber.onResult(joined.last.result);
          else if (joined.failed) subscriber.onError(joined.failed);
        });
      }
    }
    const watched = feed;
    return () => {
      watched.subscribers.delete(subscriber);
      if (watched.subscribers.size === 0 && this.#feeds.get(query.key) === watched) this.#keepIdle(watched);
    };
  }

  /** The last subscriber left: keep the feed's result for the next one, within IDLE_FEEDS. */
  #keepIdle(feed: Feed): void {
    if (feed.failed) {
      this.#feeds.delete(feed.query.key);
      return;
    }
    this.#idle.add(feed);
    for (const oldest of this.#idle) {
      if (this.#idle.size <= IDLE_FEEDS) break;
      this.#drop(oldest);
    }
  }

  #drop(feed: Feed): void {
    this.#idle.delete(feed);
    if (this.#feeds.get(feed.query.key) === feed) this.#feeds.delete(feed.query.key);
  }

  #forgetIdle(): void {
    // Deleting the entry being visited is safe while iterating a Set or a Map.
    for (const feed of this.#idle) this.#drop(feed);
  }

  /** True while the feed is the store's current one for its key and someone listens. */
  #live(feed: Feed): boolean {
    return this.#feeds.get(feed.query.key) === feed;
  }

  async #run(feed: Feed): Promise<void> {
    const generation = ++feed.generation;
    feed.running++;
    feed.last = undefined;
    try {
      const result = await this.get(feed.query);
      if (this.#live(feed) && generation === feed.generation) {
        feed.last = { result };
        feed.failed = undefined;
        for (const subscriber of [...feed.subscribers]) subscriber.onResult(result);
      }
    } catch (error) {
      if (this.#live(feed) && generation === feed.generation) {
        feed.failed = error as Error;
        for (const subscriber of [...feed.subscribers]) subscriber.onError(error as Error);
      }
    } finally {
      feed.running--;
    }
  }

  /**
   * Brings affected feeds up to date: from the changes alone when the query can apply
   * them to a settled result (no storage read, so a tap renders sooner), else by re-running.
   */
  #rerunAffected(changes: readonly RecordChange[], local: boolean): void {
    for (const listener of this.#changeListeners) listener(changes);
    for (const feed of this.#feeds.values()) {
      if (!affectsQuery(feed.query, changes)) continue;
      if (this.#idle.has(feed)) {
        this.#drop(feed);
        continue;
      }
      const { apply } = feed.query;
      if (local && apply && feed.last && feed.running === 0) {
        feed.generation++;
        const result = apply(feed.last.result, changes);
        feed.last = { result };
        for (const subscriber of [...feed.subscribers]) subscriber.onResult(result);
      } else {
        void this.#run(feed);
      }
    }
  }

  #rerunAll(): void {
    for (const listener of this.#changeListeners) listener('reset');
    this.#forgetIdle();
    for (const feed of this.#feeds.values()) void this.#run(feed);
  }

  /**
   * Calls `listener` after every change to the data, made here, in another tab, or pulled
   * from a server (`'reset'` after an import). A sync client uses it to push soon after a
   * write. Returns the function that stops listening.
   */
  onChange(listener: (changes: readonly RecordChange[] | 'reset') => void): () => void {
    this.#listen();
    this.#changeListeners.add(listener);
    return () => this.#changeListeners.delete(listener);
  }

  // ---------------------------------------------------------------- the write path

  /**
   * Runs `body` in one readwrite transaction over `kinds` and the outbox. `body` returns the
   * changes it made; each gets an outbox entry in the same transaction. If anything throws,
   * the transaction is aborted and nothing of it is stored.
   */
  async #write(kinds: readonly EntityKind[], body: (tx: Tx) => Promise<RecordChange[]>, scrubsQueued = false): Promise<RecordChange[]> {
    let tx: Tx | undefined;
    try {
      const db = await this.#connection();
      tx = db.transaction([...kinds, OUTBOX, META, FIELD_CLOCKS], 'readwrite');
      const changes = await body(tx);
      if (scrubsQueued) await scrubQueued(tx, changes);
      await this.#stampAndQueue(tx, changes);
      await markWritten(tx, changes);
      await tx.done;
      // Local writes finish in commit order, so their changes can be applied directly.
      this.#rerunAffected(changes, true);
      this.#announce({ changes });
      return changes;
    } catch (error) {
      if (tx) await abortQuietly(tx);
      throw toStorageError(error);
    }
  }

  /**
   * Gives each change an HLC stamp, records that stamp on every field it set, and queues it
   * in the outbox - all in the write's own transaction, so a change is never stored without
   * the means to sync it. The clock resumes from the last stamp any tab stored.
   */
  async #stampAndQueue(tx: Tx, changes: readonly RecordChange[]): Promise<void> {
    const meta = tx.objectStore(META);
    const saved = (await meta.get('clock')) as ClockState | undefined;
    // The offset first: it decides which saved stamps are believable.
    if (saved?.offsetMs !== undefined) this.#clock.offsetMs = saved.offsetMs;
    if (saved) this.#clock.receive(saved.last);
    const outbox = tx.objectStore(OUTBOX);
    const clockStore = tx.objectStore(FIELD_CLOCKS);
    const at = nowIso();
    for (const change of changes) {
      const fields = changedFields(change);
      const hlc = this.#clock.tick();
      const key = clockKey(change.kind, change.after.id);
      const row = (await clockStore.get(key)) as ClockRow | undefined;
      const clocks = { ...row?.clocks };
      for (const field of fields) clocks[field] = hlc;
      await clockStore.put({ key, clocks } satisfies ClockRow);
      const entry: OutboxEntry = {
        opId: newId(),
        hlc,
        kind: change.kind,
        recordId: change.after.id,
        fields,
        record: change.after,
        at,
        ...(this.#recordingAs ? { as: this.#recordingAs } : {}),
      };
      await outbox.add(entry);
    }
    await meta.put(clockState(this.#clock));
  }

  /**
   * One write batch in one readwrite transaction: what `decide` returns is put, with its outbox
   * entries, or nothing is. `scrubsQueued`: the batch removes words or a name, from the changes
   * still queued for the server too (see scrubQueued).
   */
  protected async transact(kinds: readonly EntityKind[], decide: Decide, options: { scrubsQueued?: boolean } = {}): Promise<AnyRecord[]> {
    const changes = await this.#write(
      kinds,
      async (tx) => {
        const batch: WriteBatch = {
          find: async <K extends EntityKind>(kind: K, id: string | undefined) =>
            id === undefined ? undefined : ((await tx.objectStore(kind).get(id)) as EntityMap[K] | undefined),
        };
        const writes = await decide(batch, this.writeContext());
        for (const write of writes) await tx.objectStore(write.kind).put(write.after);
        return writes;
      },
      options.scrubsQueued,
    );
    return changes.map((change) => change.after);
  }

  /** Pending outbox entries, oldest first (what a sync pushes); at most `limit`. */
  async outbox(limit?: number): Promise<OutboxEntry[]> {
    const db = await this.#connection();
    return (await db.getAll(OUTBOX, undefined, limit)) as OutboxEntry[];
  }

  /**
   * For the sync client (`src/sync/idb-replica.ts`) and whole-database transfers
   * (`whole-database.ts`) only: the database, this store's clock, and ways to announce
   * changes made there. Kept apart so that elements, which never sync, back up or restore by
   * themselves, do not carry that code.
   */
  internals(): StoreInternals {
    return {
      connection: () => this.#connection(),
      clock: this.#clock,
      merged: (changes) => {
        this.#rerunAffected(changes, false);
        this.#announce({ changes });
      },
      replaced: () => {
        this.#rerunAll();
        this.#announce({ reset: true });
      },
      recordAs: (tapIn) => (this.#recordingAs = tapIn),
    };
  }
}

/** Aborts a transaction that may already have ended; either way nothing of it is committed. */
export async function abortQuietly(tx: Tx): Promise<void> {
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
  await tx.done.catch(() => undefined);
}

/** Reads inside one transaction. */
export function readerOf(tx: Tx): RecordReader {
  return {
    all: <K extends EntityKind>(kind: K) => tx.objectStore(kind).getAll() as Promise<EntityMap[K][]>,
    by: <K extends EntityKind>(kind: K, field: string, value: string) => tx.objectStore(kind).index(field).getAll(value) as Promise<EntityMap[K][]>,
    get: <K extends EntityKind>(kind: K, id: string) => tx.objectStore(kind).get(id) as Promise<EntityMap[K] | undefined>,
    between: <K extends EntityKind>(kind: K, low: string, high: string) => tx.objectStore(kind).getAll(IDBKeyRange.bound(low, high)) as Promise<EntityMap[K][]>,
  };
}

/**
 * A write that removes words or a name (an erasure, the retention) removes them from the
 * changes still queued for the server as well: a person added and erased before the device
 * synced would otherwise carry their name to the server, and into its history. Each queued
 * change of the same record takes the written values of the fields the write changed, and sets
 * them, so that what it sends stays a valid record.
 */
async function scrubQueued(tx: Tx, changes: readonly RecordChange[]): Promise<void> {
  const byRecord = new Map(changes.map((change) => [`${change.kind}|${change.after.id}`, change]));
  const outbox = tx.objectStore(OUTBOX);
  for (const entry of (await outbox.getAll()) as OutboxEntry[]) {
    const change = byRecord.get(`${entry.kind}|${entry.recordId}`);
    if (!change) continue;
    const record: Record<string, unknown> = { ...entry.record };
    const after = change.after as unknown as Record<string, unknown>;
    const scrubbed = changedFields(change);
    for (const field of scrubbed) {
      if (field in after) record[field] = after[field];
      else delete record[field];
    }
    await outbox.put({ ...entry, fields: [...new Set([...entry.fields, ...scrubbed])], record: record as unknown as AnyRecord } satisfies OutboxEntry);
  }
}

function changedFields(change: RecordChange): string[] {
  const before = (change.before ?? {}) as Record<string, unknown>;
  const after = change.after as unknown as Record<string, unknown>;
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

function reportError(error: Error): void {
  // An unhandled watch error must not vanish silently on a wall screen; the kiosk's global
  // error handler shows it.
  queueMicrotask(() => {
    throw error;
  });
}

/** The migrations; a new database holds no record, so the copies kept of them (none) are in line from the start. */
async function upgradeDatabase(db: Db, oldVersion: number, tx: Tx): Promise<void> {
  await upgrade(db, oldVersion, tx);
  if (oldVersion === 0) await Promise.all(COPIED_KINDS.map((kind) => keepCopy(tx.objectStore(META), kind, [], '')));
}

/**
 * Reads in a transaction that includes META, `state` the marks of the kinds it reads: a kind
 * with a copy (kept-copies.ts) from its copy while in line with its records, else from its
 * records - and the copy is then kept again once the page is idle, for the next reading.
 */
function readerWithCopies(db: Db, tx: Tx, state: WrittenState): RecordReader {
  const reader = readerOf(tx);
  const fromCopy = async <K extends CopiedKind>(kind: K): Promise<CopiedKinds[K][]> => {
    const mark = state.kinds[kind]?.mark ?? '';
    const kept = await keptCopy(tx, kind, mark);
    if (kept) return kept;
    const copy = copyOf(kind, await reader.all(kind));
    whenIdle(() => void keepCopyUnlessWritten(db, kind, copy, mark));
    return copy;
  };
  return {
    ...reader,
    // A conversation's copy holds its facts, not its words: reading the conversations reads them.
    all: <K extends EntityKind>(kind: K) =>
      (isCopied(kind) && kind !== 'coachingSessions' && state.kinds[kind] ? fromCopy(kind) : reader.all(kind)) as Promise<EntityMap[K][]>,
    conversationFacts: () => fromCopy('coachingSessions'),
  };
}

/** The answer kept for another key of the query's slot, worked out again for this one (Query.rebase), if the query can. */
function rebased<T>(query: Query<T>, kept: T, keptKey: string): { answer: T } | undefined {
  const answer = query.rebase?.(kept, keptKey);
  return answer === undefined ? undefined : { answer };
}

/**
 * Runs `task` when the page is next idle (at the latest after two seconds): keeping a large
 * answer (the cascade of 3,000 people) copies it on the main thread for ~100 ms, which drawing
 * the answer should not wait for. Its marks were read with it, so an answer kept late is never
 * taken for a newer one.
 */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}

/**
 * The device side of sync over the IndexedDB store: what waits to be pushed, acknowledging
 * it, setting aside what the server refused, and merging pulled records field by field.
 * Used only by the SyncClient, so that elements do not carry it.
 */
import { TaskSteps, heard, type Tx } from '../store/idb.js';
import {
  boardScope,
  type Day,
  localDay,
  CONVERSATION_WORDS,
  ENTITY_KINDS,
  holdsWords,
  inBoardScope,
  mayReadWords,
  validateRecord,
  withoutWords,
  type AnyRecord,
  type EntityKind,
  type CoachingSession,
  type Kpi,
  type OrgSettings,
  type Person,
  type Reader,
  type Unit,
} from '../model/index.js';
import type { RecordChange } from '../store/contract.js';
import { toStorageError } from '../store/errors.js';
import { abortQuietly, type IdbHuddleStore, type OutboxEntry, type StoreInternals } from '../store/idb-store.js';
import { FIELD_CLOCKS, META, OUTBOX, clockKey, clockState, type ClockRow, type ClockState } from '../store/schema-versions.js';
import { markRemoved, markWritten } from '../store/remembered-answers.js';
import { ZERO_HLC, type Hlc, type HybridClock } from '../model/hlc.js';
import { mergeFields, toWireFields, type FieldClocks } from '../model/merge.js';
import type { PulledRecord, WhoAmI } from '../protocol/sync.js';

/** A change of the learnt offset smaller than this is noise (half a round trip), not kept. */
const OFFSET_NOISE_MS = 1000;
/** The META row saying this database's stamps were repaired (see `repairClocks`). */
const CLOCKS_REPAIRED = 'clocks-repaired';

/** The META row of the tap-ins a screen holds tokens for. */
const TAP_INS = 'tap-ins';

/**
 * A person tapped in on a shared screen: the token the server gave for it (kept until what was
 * recorded under it is sent), whose it is, and whether it is over.
 */
export interface TapInRecord {
  key: string;
  token: string;
  personId: string;
  ended: boolean;
}

/**
 * A new screen's share arrives recent first (scope.ts): its first pulls skip what is dated before
 * `from`; once they reached the server's newest (`recentDone`), that history is pulled from its
 * own `cursor` while the screen is in use. The row goes when the history is complete.
 */
export interface HistoryToPull {
  from: Day;
  cursor: number;
  recentDone: boolean;
  /** Besides what is dated before `from`, the rest of the boards below a wall's own (PullResponse.belowLater). */
  below?: true;
}

/**
 * Which place a pulled page's cursor moves: its source's (and when it ends a first sync's recent
 * part, the day the history it leaves to pull ends: `historyBefore`), or that history's, pulled
 * `after` its cursor then (`done`: it is complete).
 */
export type PulledInto = { into: 'cursor'; historyBefore?: Day; below?: true } | { into: 'history'; from: Day; after: number; done: boolean };

/** What applying pulled records did. */
export interface RemoteApplied {
  /** Records whose stored value changed. */
  changed: number;
  /** Records this version cannot store (e.g. a field a newer version added), with the reason. */
  rejected: string[];
}

export class IdbReplica {
  readonly #store: IdbHuddleStore;
  readonly #internals: StoreInternals;
  /** Whether this session stored the offset yet (a first measure is always kept). */
  #offsetKept = false;

  constructor(store: IdbHuddleStore) {
    this.#store = store;
    this.#internals = store.internals();
  }

  /**
   * Runs `body` in one readwrite transaction over `stores`: committed when it resolves,
   * aborted (nothing of it stored) when it throws, with the error as a StorageError.
   */
  async #transaction<T>(stores: readonly string[], body: (tx: Tx) => Promise<T>, durability: IDBTransactionDurability = 'default'): Promise<T> {
    let tx: Tx | undefined;
    try {
      const db = await this.#internals.connection();
      tx = db.transaction(stores, 'readwrite', { durability });
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      if (tx) await abortQuietly(tx);
      throw toStorageError(error);
    }
  }

  /** Pending writes, oldest first; at most `limit`. */
  outbox(limit?: number): Promise<OutboxEntry[]> {
    return this.#store.outbox(limit);
  }

  /** How many writes wait to be pushed. */
  async pendingCount(): Promise<number> {
    const db = await this.#internals.connection();
    return db.count(OUTBOX);
  }

  /** Drops outbox entries up to and including `seq`: the server has them. */
  async acknowledge(seq: number): Promise<void> {
    try {
      const db = await this.#internals.connection();
      await db.delete(OUTBOX, IDBKeyRange.upperBound(seq));
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /**
   * Moves a write the server refused for good (not allowed for this token, or invalid for the
   * server's version) out of the outbox, so the writes after it can go; it is kept with the
   * reason, never dropped, and `refused()` lists it.
   */
  async setAside(seq: number, reason: string): Promise<void> {
    await this.#transaction([OUTBOX, META], async (tx) => {
      const entry = (await tx.objectStore(OUTBOX).get(seq)) as OutboxEntry | undefined;
      if (!entry) return;
      const row = (await tx.objectStore(META).get('refused')) as { entries: (OutboxEntry & { reason: string })[] } | undefined;
      await tx.objectStore(META).put({ key: 'refused', entries: [...(row?.entries ?? []), { ...entry, reason }] });
      await tx.objectStore(OUTBOX).delete(seq);
    });
  }

  /** Writes the server refused, with why (see `setAside`). */
  async refused(): Promise<(OutboxEntry & { reason: string })[]> {
    const db = await this.#internals.connection();
    const row = (await db.get(META, 'refused')) as { entries: (OutboxEntry & { reason: string })[] } | undefined;
    return row?.entries ?? [];
  }

  /**
   * Takes the server's measure of this device's clock: `offsetMs` is the server's time minus
   * this device's. Stamps from now on use the corrected time (a wall TV an hour fast stamps
   * its edits as the server would), and the offset is kept so that it holds offline too.
   */
  async learnOffset(offsetMs: number): Promise<void> {
    const clock = this.#internals.clock;
    if (Math.abs(clock.offsetMs - offsetMs) < OFFSET_NOISE_MS && this.#offsetKept) return;
    clock.offsetMs = Math.round(offsetMs);
    await this.#transaction([META], async (tx) => {
      const meta = tx.objectStore(META);
      // Another tab may have stamped since: keep the latest stamp any of them made.
      const saved = (await meta.get('clock')) as ClockState | undefined;
      if (saved) clock.receive(saved.last);
      await meta.put(clockState(clock));
    });
    this.#offsetKept = true;
  }

  /**
   * The device's side of the repair of stamps from the future: a field stamped beyond this
   * device's bound (a stamp pulled before the bound existed, or made while the clock ran far
   * ahead) loses that stamp, so the server's repaired version - and every honest edit after
   * it - wins here again. Returns how many records were repaired. Call it once the offset is
   * known; it scans a database once (stamps taken since are bounded as they arrive).
   */
  repairClocks(): Promise<number> {
    return this.#transaction([FIELD_CLOCKS, META], async (tx) => {
      const meta = tx.objectStore(META);
      if (await meta.get(CLOCKS_REPAIRED)) return 0;
      await meta.put({ key: CLOCKS_REPAIRED, at: new Date().toISOString() });
      const store = tx.objectStore(FIELD_CLOCKS);
      let repaired = 0;
      for (const row of (await store.getAll()) as ClockRow[]) {
        const clocks = believable(row.clocks, this.#internals.clock);
        if (clocks === row.clocks) continue;
        repaired++;
        await store.put({ key: row.key, clocks } satisfies ClockRow);
      }
      return repaired;
    });
  }

  /**
   * Records the stamps the server stored pushed writes under when it re-stamped them (they
   * were ahead of its clock), so this device and the server agree on every field's stamp.
   */
  async restamp(entries: readonly OutboxEntry[], restamped: Record<string, Hlc>): Promise<void> {
    const moved = entries.filter((entry) => restamped[entry.opId] !== undefined);
    if (moved.length === 0) return;
    await this.#transaction([FIELD_CLOCKS], async (tx) => {
      const store = tx.objectStore(FIELD_CLOCKS);
      for (const entry of moved) {
        const key = clockKey(entry.kind, entry.recordId);
        const row = (await store.get(key)) as ClockRow | undefined;
        if (!row) continue;
        // Only fields still carrying this write's stamp: a later local edit keeps its own.
        const clocks = Object.fromEntries(Object.entries(row.clocks).map(([field, stamp]) => [field, stamp === entry.hlc ? restamped[entry.opId]! : stamp]));
        await store.put({ key, clocks } satisfies ClockRow);
      }
    });
  }

  /** A new stamp of this device's clock (for a queued write whose own stamp is unusable). */
  freshStamp(): Hlc {
    return this.#internals.clock.tick();
  }

  /**
   * Keeps who `source` last said this device's token is, so that a restart while offline
   * still knows its person. `tokenEnd` (the token's last characters, never the token) tells a
   * newer token's device apart: what was said of another token is not reused.
   */
  /** The tap-ins this screen still holds a token for (see SyncClient.tapIn). */
  async tapIns(): Promise<TapInRecord[]> {
    const db = await this.#internals.connection();
    const row = (await db.get(META, TAP_INS)) as { entries: TapInRecord[] } | undefined;
    return row?.entries ?? [];
  }

  async saveTapIns(entries: readonly TapInRecord[]): Promise<void> {
    await this.#transaction([META], async (tx) => {
      await tx.objectStore(META).put({ key: TAP_INS, entries });
    });
  }

  /** Whether writes made under this tap-in still wait to be pushed. */
  async pendingUnder(tapIn: string): Promise<boolean> {
    const entries = await this.#store.outbox();
    return entries.some((entry) => entry.as === tapIn);
  }

  /** From now on this tab's writes are made under `tapIn` (undefined: as the device again). */
  recordAs(tapIn: string | undefined): void {
    this.#internals.recordAs(tapIn);
  }

  async rememberWho(source: string, tokenEnd: string, who: WhoAmI): Promise<void> {
    await this.#transaction([META], async (tx) => {
      await tx.objectStore(META).put({ key: `who:${source}`, tokenEnd, who });
    });
  }

  async rememberedWho(source: string, tokenEnd: string): Promise<WhoAmI | undefined> {
    const db = await this.#internals.connection();
    const row = (await db.get(META, `who:${source}`)) as { tokenEnd: string; who: WhoAmI } | undefined;
    return row?.tokenEnd === tokenEnd ? row.who : undefined;
  }

  /**
   * Keeps on this device only the conversations' words its reader may read (see visibility.ts):
   * the server sends no others, but a wall keeps what a person tapped in on it recorded, and a
   * device re-assigned to someone else keeps what its last reader could read. Words it may not
   * read are removed, their stamps set back to zero so that a full copy wins again should the
   * reader gain the right (see `readerChanged`). Returns how many conversations lost their words.
   */
  async keepOnlyReadableWords(reader: Reader): Promise<number> {
    const changes: RecordChange[] = [];
    await this.#transaction(['org', 'people', 'units', 'coachingSessions', FIELD_CLOCKS, META], async (tx) => {
      const all = async <T>(kind: string) => (await tx.objectStore(kind).getAll()) as T[];
      const context = { org: (await all<OrgSettings>('org'))[0], people: await all<Person>('people'), units: await all<Unit>('units') };
      const sessions = tx.objectStore('coachingSessions');
      const clockStore = tx.objectStore(FIELD_CLOCKS);
      for (const session of await all<CoachingSession>('coachingSessions')) {
        if (!holdsWords(session) || mayReadWords(reader, session, context)) continue;
        const after = withoutWords(session);
        await sessions.put(after);
        const key = clockKey('coachingSessions', session.id);
        const row = (await clockStore.get(key)) as ClockRow | undefined;
        const clocks = { ...row?.clocks };
        for (const field of CONVERSATION_WORDS) if (field in clocks) clocks[field] = ZERO_HLC;
        await clockStore.put({ key, clocks } satisfies ClockRow);
        changes.push({ kind: 'coachingSessions', before: session, after });
      }
      if (changes.length > 0) await markWritten(tx, changes);
    });
    if (changes.length > 0) this.#internals.merged(changes);
    return changes.length;
  }

  /**
   * A board's screen keeps only what its board may hold (see scope.ts): when a wall is given
   * another board, the records of the boards it no longer shows leave it. Returns how many left.
   */
  async keepOnlyBoardScope(unitId: string): Promise<number> {
    let removed = 0;
    await this.#transaction([...ENTITY_KINDS, FIELD_CLOCKS, META], async (tx) => {
      const units = (await tx.objectStore('units').getAll()) as Unit[];
      const kpis = new Map(((await tx.objectStore('kpis').getAll()) as Kpi[]).map((k) => [k.id, k.unitId]));
      const people = new Map(((await tx.objectStore('people').getAll()) as Person[]).map((p) => [p.id, p.unitId]));
      const scope = boardScope(unitId, units, localDay());
      const find = { boardOfKpi: (id: string) => kpis.get(id), boardOfPerson: (id: string) => people.get(id) };
      for (const kind of ENTITY_KINDS) {
        for (const record of (await tx.objectStore(kind).getAll()) as AnyRecord[]) {
          if (inBoardScope(kind, record, scope, find)) continue;
          await tx.objectStore(kind).delete(record.id);
          await tx.objectStore(FIELD_CLOCKS).delete(clockKey(kind, record.id));
          removed++;
        }
      }
      if (removed > 0) await markRemoved(tx, ENTITY_KINDS);
    });
    if (removed > 0) this.#internals.replaced();
    return removed;
  }

  /**
   * Whether this device reads as someone else than the last time (another person signed in, a
   * token re-assigned): then its next pull starts from the beginning, so that what the new
   * reader may read arrives whole.
   */
  async readerChanged(source: string, reader: Reader & { unitId?: string }): Promise<boolean> {
    return this.#transaction([META], async (tx) => {
      const meta = tx.objectStore(META);
      const last = (await meta.get(`reader:${source}`)) as { personId: string } | undefined;
      const now = `${reader.personId ?? ''}@${reader.unitId ?? ''}`;
      await meta.put({ key: `reader:${source}`, personId: now });
      if (last === undefined || last.personId === now) return false;
      await meta.put({ key: `cursor:${source}`, cursor: 0 });
      return true;
    });
  }

  /** The kinds this device holds no record of (a new device: all of them). */
  async emptyKinds(): Promise<Set<EntityKind>> {
    return this.#transaction([...ENTITY_KINDS], async (tx) => {
      const counts = await Promise.all(ENTITY_KINDS.map((kind) => tx.objectStore(kind).count()));
      return new Set(ENTITY_KINDS.filter((_, i) => counts[i] === 0));
    });
  }

  /** A new screen's history still to pull from `source` (see HistoryToPull), if any. */
  async historyToPull(source: string): Promise<HistoryToPull | undefined> {
    const db = await this.#internals.connection();
    const row = (await db.get(META, historyKey(source))) as (HistoryToPull & { key: string }) | undefined;
    return row && { from: row.from, cursor: row.cursor, recentDone: row.recentDone, ...(row.below ? { below: true as const } : {}) };
  }

  /** A first sync from `source` begins: what is dated before `from` comes after the rest. */
  async beginHistory(source: string, from: Day): Promise<HistoryToPull> {
    const history = { from, cursor: 0, recentDone: false };
    await this.#transaction([META], (tx) => tx.objectStore(META).put({ key: historyKey(source), ...history }));
    return history;
  }

  /** The cursor of the last pull from `source` (0 before the first). */
  async syncCursor(source: string): Promise<number> {
    const db = await this.#internals.connection();
    const row = (await db.get(META, `cursor:${source}`)) as { cursor: number } | undefined;
    return row?.cursor ?? 0;
  }

  /**
   * Merges records pulled from `source` field by field (the newer stamp wins each field) and
   * moves that source's cursor, in one transaction: a page is applied whole or not at all,
   * so a crash mid-pull re-pulls the page. Local writes not yet pushed keep their newer
   * stamps and win where they should. Watchers here and in other tabs see the result.
   * A page of a first sync's history moves the history's place instead (`place`); one pulled
   * for a history that is no longer owed as it was (another reader's first sync began since)
   * is dropped whole.
   */
  async applyRemote(
    source: string,
    records: readonly PulledRecord[],
    cursor: number,
    fresh: ReadonlySet<EntityKind> = new Set(),
    place: PulledInto = { into: 'cursor' },
  ): Promise<RemoteApplied> {
    const changes: RecordChange[] = [];
    const rejected: string[] = [];
    // In the order of the records' keys: a month of a KPI's results is one row (packed-values.ts),
    // written once a step of this transaction, and the page's results of a month come together.
    records = [...records].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const kinds = [...new Set(records.map((r) => r.kind))];
    await this.#transaction(
      [...kinds, META, FIELD_CLOCKS, OUTBOX],
      async (tx) => {
        const owed = place.into === 'history' ? ((await tx.objectStore(META).get(historyKey(source))) as HistoryToPull | undefined) : undefined;
        if (place.into === 'history' && (!owed?.recentDone || owed.from !== place.from || owed.cursor !== place.after)) return;
        const clockStore = tx.objectStore(FIELD_CLOCKS);
        // A record of a kind this device held none of when the sync began, and has not written
        // since, can only hold an older version pulled earlier in the same sync: the pulled one
        // (whole, with every stamp) replaces it unread. A new device's first sync reads nothing.
        const written =
          fresh.size > 0 ? new Set(((await tx.objectStore(OUTBOX).getAll()) as OutboxEntry[]).map((e) => clockKey(e.kind, e.recordId))) : new Set<string>();
        const unread = (pulled: PulledRecord) => fresh.has(pulled.kind) && !written.has(clockKey(pulled.kind, pulled.id));
        // A page's reads asked without waiting for each and its writes queued the same way: the
        // database answers them in order, and a new wall's first thousands of records are not
        // a round trip each. (A page holds each record once: the server sends its latest version.)
        // Asked in short tasks too: asking for 16,000 at once held the page for a quarter second.
        const steps = new TaskSteps();
        const reading: Promise<[AnyRecord | undefined, ClockRow | undefined] | undefined>[] = [];
        for (const pulled of records) {
          if (steps.due) await steps.next(tx.objectStore(META).get(`cursor:${source}`));
          reading.push(
            unread(pulled)
              ? Promise.resolve(undefined)
              : Promise.all([
                  tx.objectStore(pulled.kind).get(pulled.id) as Promise<AnyRecord | undefined>,
                  clockStore.get(clockKey(pulled.kind, pulled.id)) as Promise<ClockRow | undefined>,
                ]),
          );
        }
        const read = await Promise.all(reading);
        const writes: Promise<unknown>[] = [];
        for (const [index, pulled] of records.entries()) {
          // A page of a thousand records in short tasks: a tablet's first sync leaves it usable.
          // The small read is answered after the step's writes, and its answer goes on with the page.
          if (steps.due) await steps.next(tx.objectStore(META).get(`cursor:${source}`));
          const [before, row] = read[index] ?? [];
          for (const stamp of Object.values(pulled.clocks)) this.#internals.clock.receive(stamp);
          // A local stamp beyond the bound cannot be honest: it must not outvote the server.
          const local = believable(row?.clocks ?? {}, this.#internals.clock);
          const merged = mergeFields(
            pulled.id,
            before as Record<string, unknown> | undefined,
            local,
            toWireFields(pulled.record, Object.keys(pulled.clocks)),
            pulled.clocks,
          );
          if (merged.changed.length === 0 || !merged.record) continue;
          try {
            validateRecord(pulled.kind, merged.record);
          } catch (error) {
            rejected.push((error as Error).message);
            continue;
          }
          writes.push(heard(tx.objectStore(pulled.kind).put(merged.record)));
          // A record this device never wrote holds the server's latest version whole: without a
          // row its fields count as stamped zero (see FIELD_CLOCKS), and every version the server
          // sends after it is newer. One write per record instead of two: most of a new device's
          // first sync (a supervisor's tablet stores tens of thousands).
          if (row) writes.push(heard(clockStore.put({ key: clockKey(pulled.kind, pulled.id), clocks: merged.clocks } satisfies ClockRow)));
          const after = merged.record as unknown as AnyRecord;
          changes.push(before ? { kind: pulled.kind, before, after } : { kind: pulled.kind, after });
        }
        await Promise.all(writes);
        await markWritten(tx, changes);
        const meta = tx.objectStore(META);
        if (place.into === 'cursor') {
          await meta.put({ key: `cursor:${source}`, cursor });
          if (place.historyBefore)
            await meta.put({
              key: historyKey(source),
              from: place.historyBefore,
              cursor: 0,
              recentDone: true,
              ...(place.below ? { below: true } : {}),
            } satisfies HistoryToPull & { key: string });
        } else if (place.done) await meta.delete(historyKey(source));
        else await meta.put({ ...owed!, key: historyKey(source), cursor } satisfies HistoryToPull & { key: string });
        await meta.put(clockState(this.#internals.clock));
        // Relaxed: a page lost to a power cut is lost with its cursor, and pulled again.
      },
      'relaxed',
    );
    if (changes.length > 0) this.#internals.merged(changes);
    return { changed: changes.length, rejected };
  }
}

/** The META row of the history a first sync from `source` still owes (see HistoryToPull). */
const historyKey = (source: string) => `history:${source}`;

/** `clocks` without the stamps `clock` finds beyond belief (the same object when none is). */
function believable(clocks: FieldClocks, clock: HybridClock): FieldClocks {
  const entries = Object.entries(clocks);
  if (!entries.some(([, stamp]) => clock.isAhead(stamp))) return clocks;
  return Object.fromEntries(entries.map(([field, stamp]) => [field, clock.isAhead(stamp) ? ZERO_HLC : stamp]));
}

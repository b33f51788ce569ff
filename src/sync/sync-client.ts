/**
 * Keeps one device's store in sync with a server: pushes the outbox (oldest first, in
 * batches), pulls merged records from its cursor, and listens on the live channel so that a
 * change made elsewhere shows here within a second. Offline, it keeps everything in the
 * outbox and retries with a growing pause; back online, it uploads all of it.
 *
 * It never decides what the data is: the store merges field by field (see merge.ts).
 */
import type { IdbHuddleStore, OutboxEntry } from '../store/idb-store.js';
import { IdbReplica, type PulledInto, type RemoteApplied, type TapInRecord } from './idb-replica.js';
import { PagesAhead } from './pages-ahead.js';
import { newId } from '../store/ids.js';
import { isHlc } from '../model/hlc.js';
import { toWireFields } from '../model/merge.js';
import type { EntityKind } from '../model/types.js';
import { localDay, type Day } from '../model/dates.js';
import { recentFrom } from '../model/scope.js';
import { SYNC_LIMITS, type PullResponse, type PushResponse, type SyncOp, type WhoAmI, type WhoAmIResponse } from '../protocol/sync.js';

export type SyncStatus = 'connecting' | 'synced' | 'pending' | 'offline' | 'error';

export interface SyncState {
  status: SyncStatus;
  /** Writes on this device the server does not have yet. */
  pending: number;
  /** Why the status is offline or error, in words a person can act on. */
  reason?: string;
  /** When this device last heard from the server (ISO time). */
  lastContact?: string;
  /**
   * The person what this device records is theirs: the person tapped in on a shared screen, else
   * the person its token belongs to, once the server said so.
   */
  personId?: string;
  /**
   * The server no longer takes this device's token (revoked, expired): it needs a new sign-in.
   * What it recorded stays in its outbox and goes once it has one.
   */
  signInNeeded?: boolean;
  /**
   * A new screen has what it shows now; what is dated before this day (its last year's results,
   * older conversations, done actions) is still arriving (scope.ts, "recent first").
   */
  historyBefore?: Day;
  /** With `historyBefore`: of the boards below a wall's own, what its first screen does not read is still arriving too. */
  historyBelow?: true;
}

/** What an element needs to show the state: read it now, and hear of changes. */
export interface SyncStateSource {
  readonly state: SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
}

export interface SyncClientOptions {
  store: IdbHuddleStore;
  /** The server's base address, e.g. https://huddle.example.org */
  server: string;
  token: string;
  /** Longest pause between retries while offline, in ms. */
  maxRetryMs?: number;
}

/** A failed request: `offline` when the server could not be reached at all. */
export class SyncFailure extends Error {
  constructor(
    message: string,
    readonly offline: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    /** The op of a push the server refused for good (invalid, or not allowed for this token). */
    readonly refusedOp?: number,
  ) {
    super(message);
  }

  /** The server no longer knows this device's token: retrying cannot help until it changes. */
  get tokenRefused(): boolean {
    return this.status === 401;
  }

  /** The push as a whole was too big or malformed for this server: smaller pushes may pass. */
  get batchRefused(): boolean {
    return this.status === 413 || (this.status === 400 && this.refusedOp === undefined);
  }
}

const PULL_SAFETY_NET_MS = 60_000;

/** Pages fetched ahead of the storing (a first part's, a history's): a transaction stores up to 8,000 records. */
const PAGES_AHEAD = 8;

/**
 * How long a screen's history waits once the rest is stored: the screen draws its board first. A
 * site wall's first history page costs the server about as much as its first part, and on a
 * machine of two cores it held the board back by half a second.
 */
const HISTORY_PAUSE_MS = 1500;

/**
 * The records of pages pulled one after another, each once: a record changed between two pages
 * comes again in the later one (its newer place), which is the version kept.
 */
function latestOnce(pages: readonly PullResponse[]): PullResponse['records'] {
  const latest = new Map<string, PullResponse['records'][number]>();
  for (const page of pages) for (const record of page.records) latest.set(`${record.kind}/${record.id}`, record);
  return [...latest.values()];
}

export class SyncClient implements SyncStateSource {
  readonly #store: IdbHuddleStore;
  readonly #replica: IdbReplica;
  readonly #server: string;
  readonly #token: string;
  readonly #maxRetryMs: number;
  #state: SyncState = { status: 'connecting', pending: 0 };
  readonly #listeners = new Set<(state: SyncState) => void>();
  readonly #teardown: (() => void)[] = [];
  #running: Promise<void> | undefined;
  #again = { push: false, pull: false };
  /** A new screen's history being pulled (see `#pullHistory`). */
  #history: Promise<void> | undefined;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #retryMs = 1000;
  #live: AbortController | undefined;
  #liveTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = true;
  #who: WhoAmI | undefined;
  /** True once the server answered who this token is in this session (a remembered answer may be stale). */
  #whoConfirmed = false;
  /** Ops per push: halved while the server refuses a push as too big, back to full after. */
  #batchSize: number = SYNC_LIMITS.opsPerPush;
  #clocksRepaired = false;
  /** The person tapped in on this screen now, under the tap-in's key (see `tapIn`). */
  #tapIn: { key: string; personId: string } | undefined;

  constructor(options: SyncClientOptions) {
    this.#store = options.store;
    this.#replica = new IdbReplica(options.store);
    this.#server = options.server.replace(/\/+$/, '');
    this.#token = options.token;
    this.#maxRetryMs = options.maxRetryMs ?? 30_000;
  }

  get state(): SyncState {
    return this.#state;
  }

  /** Who the server says this device is (after the first contact). */
  get who(): WhoAmI | undefined {
    return this.#who;
  }

  subscribe(listener: (state: SyncState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  /** Starts syncing: a first full exchange, then live updates. Resolves after the first exchange. */
  async start(): Promise<void> {
    if (!this.#stopped) return this.#running;
    this.#stopped = false;
    this.#teardown.push(this.#store.onChange(() => this.#kick({ push: true, pull: false })));
    const online = () => {
      this.#retryMs = 1000;
      this.#kick({ push: true, pull: true });
      this.#connectLive();
    };
    globalThis.addEventListener?.('online', online);
    this.#teardown.push(() => globalThis.removeEventListener?.('online', online));
    // The live channel can be cut silently by a proxy; a slow pull catches anything missed.
    const safetyNet = setInterval(() => this.#kick({ push: true, pull: true }), PULL_SAFETY_NET_MS);
    this.#teardown.push(() => clearInterval(safetyNet));
    // A restart ends any tap-in: the next person at the screen is not signed in as the last one.
    await this.#endTapIns().catch(() => undefined);
    // Offline at start, the device still knows whose it is from the last time it was told.
    const remembered = await this.#replica.rememberedWho(this.#server, this.#tokenEnd()).catch(() => undefined);
    if (remembered && !this.#who) {
      this.#who = remembered;
      this.#set(this.#state);
    }
    this.#connectLive();
    await this.#kick({ push: true, pull: true });
  }

  /** Enough of the token to tell it from another, not enough to use it. */
  #tokenEnd(): string {
    return this.#token.slice(-6);
  }

  /** Stops every request, timer and listener. Pending writes stay in the outbox. */
  stop(): void {
    this.#stopped = true;
    this.#live?.abort();
    this.#live = undefined;
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#liveTimer);
    for (const undo of this.#teardown.splice(0)) undo();
  }

  /** Pushes and pulls now; resolves when done (or failed: see `state`). */
  syncNow(): Promise<void> {
    return this.#kick({ push: true, pull: true });
  }

  // ------------------------------------------------------------------ tap-in

  /** The person tapped in on this screen, if anyone is. */
  get tappedIn(): string | undefined {
    return this.#tapIn?.personId;
  }

  /**
   * A person taps in on this shared screen with a code of theirs: the server gives a token of
   * theirs, and from now on what this screen records is theirs (pushed with that token) until
   * `tapOut`. Needs the server; throws with its words when the code is refused.
   */
  async tapIn(code: string): Promise<string> {
    const answer = await this.#request<{ token: string; personId: string }>('POST', '/api/tap-in', { code });
    await this.#endTapIns();
    const tapIn: TapInRecord = { key: `tap-in-${newId()}`, token: answer.token, personId: answer.personId, ended: false };
    await this.#replica.saveTapIns([...(await this.#replica.tapIns()), tapIn]);
    this.#replica.recordAs(tapIn.key);
    this.#tapIn = { key: tapIn.key, personId: tapIn.personId };
    this.#set(this.#state);
    return tapIn.personId;
  }

  /**
   * Ends the tap-in: writes from now on are the screen's again. What was recorded under it is
   * still pushed with the person's token; then the screen gives that token back.
   */
  async tapOut(): Promise<void> {
    if (!this.#tapIn) return;
    this.#replica.recordAs(undefined);
    this.#tapIn = undefined;
    this.#set(this.#state);
    await this.#endTapIns();
    // The words go with the person at once; what waits to be sent keeps its own copy in the outbox.
    await this.#keepOnlyReadable();
    await this.#kick({ push: true, pull: false });
  }

  async #endTapIns(): Promise<void> {
    const kept = await this.#replica.tapIns();
    if (kept.some((t) => !t.ended)) await this.#replica.saveTapIns(kept.map((t) => ({ ...t, ended: true })));
  }

  /**
   * This device keeps only what its own reader may read - the words (visibility.ts), and on a
   * wall its board's records (scope.ts): after the server said who it is (a re-assigned device,
   * a new sign-in: then everything is pulled again for the new reader) and after a person tapped
   * in on it has gone. Never while someone is tapped in.
   */
  async #keepOnlyReadable(): Promise<void> {
    if (this.#tapIn) return;
    const who = this.#who;
    const reader = who?.personId ? { personId: who.personId } : {};
    const board = who?.role === 'wall' ? who.unitId : undefined;
    await this.#replica.readerChanged(this.#server, { ...reader, ...(board ? { unitId: board } : {}) });
    await this.#replica.keepOnlyReadableWords(reader);
    // A wall keeps only its board's records (and those below it): given another board, the rest leave.
    if (board) await this.#replica.keepOnlyBoardScope(board);
  }

  /** Gives back the tokens of ended tap-ins whose writes are all sent (offline: later). */
  async #releaseTapIns(): Promise<void> {
    const kept = await this.#replica.tapIns();
    const released: string[] = [];
    for (const tapIn of kept) {
      if (!tapIn.ended || (await this.#replica.pendingUnder(tapIn.key))) continue;
      try {
        await this.#request('POST', '/api/sign-out', {}, tapIn.token);
      } catch (error) {
        // Refused means it is gone already (expired, revoked); offline means try again later.
        if (!(error instanceof SyncFailure) || error.offline) continue;
      }
      released.push(tapIn.key);
    }
    if (released.length > 0) {
      const now = await this.#replica.tapIns();
      await this.#replica.saveTapIns(now.filter((t) => !released.includes(t.key)));
    }
  }

  // ------------------------------------------------------------------ the cycle

  /** One exchange at a time; asks made meanwhile are merged into one more exchange. */
  #kick(what: { push: boolean; pull: boolean }): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.#again = { push: this.#again.push || what.push, pull: this.#again.pull || what.pull };
      return this.#running;
    }
    this.#running = (async () => {
      let next = what;
      try {
        while (!this.#stopped && (next.push || next.pull)) {
          this.#again = { push: false, pull: false };
          await this.#exchange(next);
          next = this.#again;
        }
      } finally {
        this.#running = undefined;
      }
    })();
    return this.#running;
  }

  async #exchange(what: { push: boolean; pull: boolean }): Promise<void> {
    try {
      if (!this.#whoConfirmed) {
        const { serverTime: _measured, ...who } = await this.#request<WhoAmIResponse>('GET', '/api/whoami');
        this.#who = who;
        this.#whoConfirmed = true;
        await this.#replica.rememberWho(this.#server, this.#tokenEnd(), who);
        await this.#keepOnlyReadable();
      }
      if (!this.#clocksRepaired) {
        // The offset is known now (every answer carries the server's time); a database that
        // was repaired before is not scanned again.
        await this.#replica.repairClocks();
        this.#clocksRepaired = true;
      }
      if (what.push) {
        await this.#pushAll();
        await this.#releaseTapIns();
      }
      if (what.pull) await this.#pullAll();
      // A new screen's history comes once it has the rest (it says "Synced" first), beside the
      // exchanges: a live change or a tap's push does not wait for a page of last year.
      const history = await this.#replica.historyToPull(this.#server);
      const historyLeft = history?.recentDone ? history : undefined;
      if (historyLeft && !this.#history) this.#history = this.#pullHistory();
      this.#retryMs = 1000;
      const pending = await this.#replica.pendingCount();
      const refused = await this.#replica.refused();
      const lastContact = new Date().toISOString();
      if (refused.length > 0) {
        // Kept on this device and named, so someone can act; the rest syncs on.
        const reason = `the server refused ${refused.length} change(s): ${refused[refused.length - 1]!.reason}`;
        this.#set({ status: 'error', pending, reason, lastContact });
      } else {
        this.#set({
          status: pending > 0 ? 'pending' : 'synced',
          pending,
          lastContact,
          ...(historyLeft ? { historyBefore: historyLeft.from } : {}),
          ...(historyLeft?.below ? { historyBelow: true } : {}),
        });
      }
      // Writes made during this exchange go out next.
      if (pending > 0) this.#again.push = true;
    } catch (error) {
      await this.#failed(error);
    }
  }

  /** Says why an exchange or a page of history failed, and tries again later. */
  async #failed(error: unknown): Promise<void> {
    const failure = error instanceof SyncFailure ? error : new SyncFailure((error as Error).message, false);
    const pending = await this.#replica.pendingCount().catch(() => this.#state.pending);
    this.#set({
      status: failure.offline ? 'offline' : 'error',
      pending,
      reason: failure.message,
      ...(this.#state.lastContact ? { lastContact: this.#state.lastContact } : {}),
      ...(failure.tokenRefused ? { signInNeeded: true } : {}),
    });
    // A refused token stays refused: asking again every few seconds only adds load. The
    // status says why; coming back online or a restart (a new token) tries again.
    if (!failure.tokenRefused) this.#scheduleRetry(failure.retryAfterMs);
  }

  /**
   * Sends the outbox, oldest first. Nothing the server refuses for a reason is sent again
   * as it was: a refused op is set aside (kept, named) and the rest go; a push refused as a
   * whole (too big, or malformed for this server) is split until it passes or a single op is
   * left, which is then set aside. So no write can block the ones behind it for ever.
   */
  async #pushAll(): Promise<void> {
    const tapIns = new Map((await this.#replica.tapIns()).map((t) => [t.key, t]));
    for (;;) {
      const outbox = await this.#replica.outbox(this.#batchSize);
      if (outbox.length === 0) return;
      // One push carries one token: the writes of one tap-in (or of the screen itself) in a row.
      const as = outbox[0]!.as;
      const other = outbox.findIndex((entry) => entry.as !== as);
      const batch = other < 0 ? outbox : outbox.slice(0, other);
      const tapIn = as === undefined ? undefined : tapIns.get(as);
      if (as !== undefined && !tapIn) {
        for (const entry of batch) await this.#replica.setAside(entry.seq!, 'recorded during a tap-in whose sign-in this screen no longer holds');
        continue;
      }
      // A write that changed nothing has no op to send; it is acknowledged with the rest.
      const sendable = batch.flatMap((entry) => {
        const op = toOp(entry, this.#replica);
        return op ? [{ entry, op }] : [];
      });
      if (sendable.length > 0) {
        let answer: PushResponse;
        try {
          answer = await this.#request<PushResponse>('POST', '/api/sync/push', { ops: sendable.map(({ op }) => op) }, tapIn?.token);
        } catch (error) {
          if (!(error instanceof SyncFailure)) throw error;
          if (tapIn && error.tokenRefused) {
            // The person's sign-in ended before this was sent: kept and named, the screen syncs on.
            for (const entry of batch) await this.#replica.setAside(entry.seq!, `the tap-in's sign-in ended before this was sent (${error.message})`);
            continue;
          }
          const refused =
            error.refusedOp !== undefined ? sendable[error.refusedOp]?.entry : error.batchRefused && sendable.length === 1 ? sendable[0]!.entry : undefined;
          if (refused) {
            // Nothing of the batch was stored: set the refused write aside and send the rest again.
            await this.#replica.setAside(refused.seq!, error.message);
            continue;
          }
          if (error.batchRefused) {
            this.#batchSize = Math.max(1, Math.floor(sendable.length / 2));
            continue;
          }
          throw error;
        }
        if (answer.restamped)
          await this.#replica.restamp(
            sendable.map(({ entry }) => entry),
            answer.restamped,
          );
      }
      await this.#replica.acknowledge(batch[batch.length - 1]!.seq!);
      this.#batchSize = SYNC_LIMITS.opsPerPush;
      this.#set({ ...this.#state, pending: await this.#replica.pendingCount() });
    }
  }

  async #pullAll(): Promise<void> {
    const cursor = await this.#replica.syncCursor(this.#server);
    // A first sync: what this device holds none of is stored without reading it first, and what
    // the screen shows now comes before the history (scope.ts, "recent first").
    const fresh = cursor === 0 ? await this.#replica.emptyKinds() : new Set<EntityKind>();
    const history = cursor === 0 ? await this.#replica.beginHistory(this.#server, recentFrom(localDay())) : await this.#replica.historyToPull(this.#server);
    const recentOnly = history && !history.recentDone ? history : undefined;
    const pages = new PagesAhead(
      (from) => this.#pullPage(from, recentOnly ? `&from=${recentOnly.from}` : ''),
      cursor,
      PAGES_AHEAD,
      () => this.#stopped,
    );
    for (;;) {
      const arrived = await pages.take();
      const last = arrived[arrived.length - 1];
      if (!last) return;
      // Every page of a wall's first part says whether the boards below come later: the last one's tells.
      const place: PulledInto = {
        into: 'cursor',
        ...(!last.more && recentOnly ? { historyBefore: recentOnly.from, ...(last.belowLater ? { below: true } : {}) } : {}),
      };
      this.#stored(await this.#replica.applyRemote(this.#server, latestOnce(arrived), last.cursor, fresh, place));
      if (!last.more) return;
    }
  }

  /**
   * Pulls a new screen's history page by page until it is complete, then says "Synced" alone.
   * A failure is named like a failed exchange; the retry's exchange starts it again from the
   * page it reached. Each page asks again what is owed: a new reader's first sync may have begun.
   */
  async #pullHistory(): Promise<void> {
    try {
      await this.#pause(HISTORY_PAUSE_MS);
      // The pages fetched ahead, and the place in the history their next one begins at.
      let ahead: { from: Day; next: number; pages: PagesAhead<PullResponse> } | undefined;
      for (
        let owed = await this.#replica.historyToPull(this.#server);
        owed?.recentDone && !this.#stopped;
        owed = await this.#replica.historyToPull(this.#server)
      ) {
        // A new reader's first sync began meanwhile: the history it owes is another.
        if (ahead?.from !== owed.from || ahead.next !== owed.cursor) {
          const part = `&before=${owed.from}`;
          const fetching: typeof ahead = {
            from: owed.from,
            next: owed.cursor,
            pages: new PagesAhead(
              (cursor) => this.#pullPage(cursor, part),
              owed.cursor,
              PAGES_AHEAD,
              () => this.#stopped || ahead !== fetching,
            ),
          };
          ahead = fetching;
        }
        const arrived = await ahead.pages.take();
        const last = arrived[arrived.length - 1];
        if (!last) break;
        // Read before stored: the screen's other pulls may have brought newer versions since.
        const place = { into: 'history', from: owed.from, after: owed.cursor, done: !last.more } as const;
        this.#stored(await this.#replica.applyRemote(this.#server, latestOnce(arrived), last.cursor, new Set(), place));
        ahead.next = last.cursor;
      }
      const { historyBefore: _done, historyBelow: _below, ...rest } = this.#state;
      if (!this.#stopped) this.#set(rest);
    } catch (error) {
      if (!this.#stopped) await this.#failed(error);
    } finally {
      this.#history = undefined;
    }
  }

  /** Resolves after `ms`, or at once when the client stops. */
  #pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#teardown.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #pullPage(cursor: number, part: string): Promise<PullResponse> {
    const page = this.#request<PullResponse>('GET', `/api/sync/pull?cursor=${cursor}${part}`);
    page.catch(() => undefined); // awaited by the caller, unless storing the page before it failed
    return page;
  }

  /** Fails the exchange when the server sent what this version cannot store. */
  #stored(result: RemoteApplied): void {
    if (result.rejected.length > 0) {
      throw new SyncFailure(
        `${result.rejected.length} change(s) from the server cannot be shown by this version (${result.rejected[0]}): update this device`,
        false,
      );
    }
  }

  #scheduleRetry(afterMs?: number): void {
    clearTimeout(this.#retryTimer);
    const wait = afterMs ?? this.#retryMs;
    this.#retryMs = Math.min(this.#retryMs * 2, this.#maxRetryMs);
    this.#retryTimer = setTimeout(() => void this.#kick({ push: true, pull: true }), wait);
  }

  // ------------------------------------------------------------------ live channel

  /** Listens for "changed" events; each one pulls. Reconnects after a failure. */
  #connectLive(): void {
    if (this.#stopped || this.#live) return;
    const abort = new AbortController();
    this.#live = abort;
    let stopLive = false;
    void (async () => {
      try {
        const response = await fetch(`${this.#server}/api/sync/live`, { headers: this.#headers(), signal: abort.signal, cache: 'no-store' });
        if (response.status === 401) {
          // Revoked (the server closed the channel): an exchange finds out and says so.
          stopLive = true;
          void this.#kick({ push: true, pull: true });
        }
        if (!response.ok || !response.body) throw new Error(`live channel refused (${response.status})`);
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = /^event: (\w+)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            // "ready" after a (re)connect: catch up on whatever was missed meanwhile.
            if (event === 'changed' || event === 'ready') void this.#kick({ push: event === 'ready', pull: true });
          }
        }
      } catch {
        // Offline or refused: the exchange reports why; we only come back later.
      } finally {
        if (this.#live === abort) this.#live = undefined;
        if (!this.#stopped && !abort.signal.aborted && !stopLive) {
          clearTimeout(this.#liveTimer);
          this.#liveTimer = setTimeout(() => this.#connectLive(), this.#retryMs);
        }
      }
    })();
  }

  // ------------------------------------------------------------------ plumbing

  #headers(token = this.#token): Record<string, string> {
    return { Authorization: `Bearer ${token}` };
  }

  /** A request with this device's token, or another it holds (a tap-in's). */
  async #request<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T> {
    let response: Response;
    const sent = Date.now();
    try {
      response = await fetch(`${this.#server}${path}`, {
        method,
        headers: { ...this.#headers(token), ...(body ? { 'Content-Type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        cache: 'no-store',
      });
    } catch {
      throw new SyncFailure('the server cannot be reached; changes are kept on this device', true);
    }
    if (response.ok) {
      const answer = (await response.json()) as T & { serverTime?: unknown };
      // The server's time was read about half way between sending and receiving.
      if (typeof answer.serverTime === 'number') await this.#replica.learnOffset(answer.serverTime - (sent + Date.now()) / 2);
      return answer;
    }
    const answer = await response
      .json()
      .then((json: { error?: string; opIndex?: number }) => json)
      .catch(() => ({}) as { error?: string; opIndex?: number });
    if (response.status >= 500) throw new SyncFailure(`the server has a problem (${response.status}); changes are kept on this device`, true, response.status);
    const retryAfter = Number(response.headers.get('Retry-After'));
    const refusedOp = (response.status === 400 || response.status === 403) && typeof answer.opIndex === 'number' ? answer.opIndex : undefined;
    throw new SyncFailure(
      answer.error ?? `the server refused (${response.status})`,
      false,
      response.status,
      response.status === 429 && retryAfter > 0 ? retryAfter * 1000 : undefined,
      refusedOp,
    );
  }

  #set(reported: SyncState): void {
    const personId = this.#tapIn?.personId ?? this.#who?.personId;
    const state = personId ? { ...reported, personId } : reported;
    const same = JSON.stringify(state) === JSON.stringify(this.#state);
    this.#state = state;
    if (!same) for (const listener of this.#listeners) listener(state);
  }
}

function toOp(entry: OutboxEntry, replica: IdbReplica): SyncOp | undefined {
  const fields = toWireFields(entry.record as unknown as Record<string, unknown>, entry.fields);
  if (Object.keys(fields).length === 0) return undefined;
  // A stamp that is not well-formed (made past the top of the range, before stamps were
  // bounded) would be refused for ever: it goes with a fresh one instead.
  return { opId: entry.opId, kind: entry.kind, id: entry.recordId, hlc: isHlc(entry.hlc) ? entry.hlc : replica.freshStamp(), fields };
}

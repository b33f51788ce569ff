/**
 * A HuddleStore backed by an intranet's own REST API, in plain JavaScript: the elements read
 * and write through it exactly as through the package's IndexedDB store, and nothing is kept
 * in the browser. It implements the whole contract (src/store/contract.ts and writes.ts): the
 * two reads, `today`, and - through the package's `WriteIntents` - every write intent.
 *
 * The host API it assumes is two calls:
 *   GET  {base}/records  -> { actions: [...], units: [...], ... } every record, by kind
 *   POST {base}/batch    <- [{ kind, record }, ...] stored all or nothing; 400 {error} if not
 * Every intent runs the package's own write rules (what a write stores, stamps or refuses,
 * with the text cleaned and every field checked), so this store only fetches and persists:
 * `transact` gets the records a rule decided and sends them as one batch. A bad field or a
 * refused write gives the same error as the built-in store.
 */
import { ENTITY_KINDS, localDay } from 'huddle-elements/model/index.js';
import { affectsQuery } from 'huddle-elements/store/contract.js';
import { WriteIntents } from 'huddle-elements/store/write-intents.js';

export class FetchHuddleStore extends WriteIntents {
  #base;
  #records = new Map();
  #watchers = new Set();
  #loaded;

  constructor(base) {
    super();
    this.#base = base.replace(/\/+$/, '');
    this.#loaded = this.#load();
  }

  async #load() {
    const response = await fetch(`${this.#base}/records`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`The intranet's huddle API answered ${response.status}.`);
    const data = await response.json();
    for (const kind of ENTITY_KINDS) this.#records.set(kind, new Map((data[kind] ?? []).map((record) => [record.id, record])));
  }

  // ------------------------------------------------------------------ reads

  today() {
    return localDay();
  }

  #reader = {
    all: async (kind) => [...this.#records.get(kind).values()],
    by: async (kind, field, value) => [...this.#records.get(kind).values()].filter((record) => record[field] === value),
    get: async (kind, id) => this.#records.get(kind).get(id),
  };

  async get(query) {
    await this.#loaded;
    return query.run(this.#reader);
  }

  watch(
    query,
    onResult,
    onError = (error) =>
      queueMicrotask(() => {
        throw error;
      }),
  ) {
    const watcher = { query, onResult, onError, stopped: false };
    this.#watchers.add(watcher);
    this.#run(watcher);
    return () => {
      watcher.stopped = true;
      this.#watchers.delete(watcher);
    };
  }

  #run(watcher) {
    this.get(watcher.query).then(
      (result) => watcher.stopped || watcher.onResult(result),
      (error) => watcher.stopped || watcher.onError(error),
    );
  }

  // ------------------------------------------------------------------ the write path

  /**
   * Runs a rule (`decide`) on the records as last loaded, then sends what it decided as one
   * batch; the local copy and the watchers change only once the API stored it.
   */
  async transact(_kinds, decide) {
    await this.#loaded;
    const writes = await decide({ find: async (kind, id) => (id === undefined ? undefined : this.#records.get(kind).get(id)) }, this.writeContext());
    const body = writes.map(({ kind, after }) => ({ kind, record: after }));
    const response = await fetch(`${this.#base}/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      throw new Error(answer.error ?? `The intranet's huddle API refused the change (${response.status}).`);
    }
    for (const { kind, after } of writes) this.#records.get(kind).set(after.id, after);
    for (const watcher of this.#watchers) if (affectsQuery(watcher.query, writes)) this.#run(watcher);
    return writes.map(({ after }) => after);
  }
}

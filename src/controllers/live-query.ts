/**
 * Keeps a query's latest result on an element: subscribes before the element's first render,
 * re-subscribes when the store or the query changes, and unsubscribes on disconnect so a
 * kiosk that swaps views for months never leaks a subscription.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { HuddleStore, Query } from '../store/contract.js';

export class LiveQueryController<T> implements ReactiveController {
  /** The latest result; undefined until the first one arrives. */
  value: T | undefined;
  /** The last error the store reported for this query, cleared by the next result. */
  error: Error | undefined;
  /** True once a result arrived for the current query (so `value === undefined` means "not found"). */
  loaded = false;

  #stop: (() => void) | undefined;
  #store: HuddleStore | undefined;
  /** An update can still run after removal; it must not subscribe again (nothing would end it). */
  #connected = false;
  #key: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly getStore: () => HuddleStore | undefined,
    private readonly getQuery: () => Query<T> | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    // Subscribe in hostUpdate, just before the render, not here: by then a provider's store
    // has arrived through context, so an element inside a provider never starts on the
    // default IndexedDB store (and never creates that database on a host-store page).
    this.host.requestUpdate();
  }

  /** Before each render: follow a changed store or query (e.g. a new `unit` attribute). */
  hostUpdate(): void {
    if (this.#connected) this.#resubscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  #resubscribe(): void {
    const store = this.getStore();
    const query = this.getQuery();
    if (store === this.#store && query?.key === this.#key && this.#stop) return;
    this.#unsubscribe();
    if (!store || !query) return;
    this.#store = store;
    this.#key = query.key;
    this.#stop = store.watch(
      query,
      (result) => {
        this.value = result;
        this.loaded = true;
        this.error = undefined;
        this.host.requestUpdate();
      },
      (error) => {
        this.error = error;
        this.host.requestUpdate();
      },
    );
  }

  #unsubscribe(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#store = undefined;
    this.#key = undefined;
    this.loaded = false;
  }
}

/**
 * Keeps the sync state of an element's store on the element: from the nearest provider (or a
 * source the element names), followed while connected and released on disconnect; the element
 * renders again on each change. Undefined while the store does not sync.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { syncContext } from '../context/sync-context.js';
import type { SyncState, SyncStateSource } from '../sync/sync-client.js';

export class SyncStateController implements ReactiveController {
  /** The latest state; undefined while the store does not sync. */
  state: SyncState | undefined;

  #provided: SyncStateSource | undefined;
  #followed: SyncStateSource | undefined;
  #stop: (() => void) | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** A source that wins over the provided one (e.g. an element's `source` property). */
    private readonly chosen: () => SyncStateSource | undefined = () => undefined,
  ) {
    host.addController(this);
    new ContextConsumer(host, {
      context: syncContext,
      subscribe: true,
      callback: (source) => {
        this.#provided = source;
        host.requestUpdate();
      },
    });
  }

  hostConnected(): void {
    this.#connected = true;
    // Back on the page (moved, or a view shown again): follow again, and show it.
    this.#follow(this.chosen() ?? this.#provided);
    this.host.requestUpdate();
  }

  /** Before each render: follow the source now in force. */
  hostUpdate(): void {
    // Not after removal: an update can still run then, and nothing would stop following.
    if (this.#connected) this.#follow(this.chosen() ?? this.#provided);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  #follow(source: SyncStateSource | undefined): void {
    if (source === this.#followed && (this.#stop || !source)) return;
    this.#stop?.();
    this.#followed = source;
    this.state = undefined;
    // The source answers at once with its current state; later states render the host again.
    let current = true;
    this.#stop = source?.subscribe((state) => {
      this.state = state;
      if (!current) this.host.requestUpdate();
    });
    current = false;
  }
}

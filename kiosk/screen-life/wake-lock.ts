/**
 * Keeps a wall screen awake while the page is visible: the lock is asked for on start and
 * again whenever the page becomes visible (the browser drops it when the page is hidden).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class WakeLockController implements ReactiveController {
  #lock: WakeLockSentinel | undefined;
  #active = false;
  readonly #onVisible = () => void this.#request();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    this.#active = false;
    void this.#lock?.release().catch(() => undefined);
    this.#lock = undefined;
  }

  /** Starts keeping the screen awake (once the screen shows its views). */
  start(): void {
    this.#active = true;
    void this.#request();
  }

  async #request(): Promise<void> {
    if (!this.#active || !('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      this.#lock = await navigator.wakeLock.request('screen');
    } catch {
      // Not granted (battery saver, no user gesture yet): the screen's own settings apply.
    }
  }
}

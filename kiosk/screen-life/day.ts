/**
 * Today, kept current without a reload: a timer moves to the new day just after midnight,
 * and a page woken from sleep (tab hidden, screen off) checks again at once, since a frozen
 * page may have slept through midnight. The host re-renders when the day changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localDay, type Day } from '../../src/model/index.js';

export class DayController implements ReactiveController {
  #day: Day = localDay();
  #midnight: ReturnType<typeof setTimeout> | undefined;
  readonly #onVisible = () => {
    if (document.visibilityState === 'visible') this.check();
  };

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Runs once the day has moved on (after the host is asked to render the new day). */
    private readonly onNewDay: () => void = () => undefined,
  ) {
    host.addController(this);
  }

  get day(): Day {
    return this.#day;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
    this.check();
    this.#schedule();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearTimeout(this.#midnight);
  }

  /** Moves to the new day if the date changed (`today` is given by a soak test). */
  check(today: Day = localDay()): void {
    if (today === this.#day) return;
    this.#day = today;
    this.host.requestUpdate();
    this.onNewDay();
  }

  #schedule(): void {
    clearTimeout(this.#midnight);
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.#midnight = setTimeout(() => {
      this.check();
      this.#schedule();
    }, next.getTime() - now.getTime());
  }
}

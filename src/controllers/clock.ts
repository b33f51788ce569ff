/**
 * Re-renders its host every `intervalMs` while the host is connected and `active()` says a
 * clock is needed (e.g. while a huddle timer runs). The interval is cleared on disconnect,
 * so a kiosk that swaps views for months never leaves a timer behind.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly active: () => boolean,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** True while the interval is running (for tests and leak checks). */
  get ticking(): boolean {
    return this.#timer !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostUpdated(): void {
    // An update after removal must not start a timer that nothing would stop.
    const needed = this.#connected && this.active();
    if (needed && !this.#timer) this.#timer = setInterval(() => this.host.requestUpdate(), this.intervalMs);
    else if (!needed) this.#stop();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

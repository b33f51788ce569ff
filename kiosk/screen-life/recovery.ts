/**
 * A screen that runs for months must not stay broken: after an uncaught error it shows a calm
 * notice and reloads by itself (data is in IndexedDB, so nothing saved is lost).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const RECOVERY_SECONDS = 30;

export class RecoveryController implements ReactiveController {
  #crashed = false;
  #reload: ReturnType<typeof setTimeout> | undefined;
  readonly #onError = (event: ErrorEvent) => this.recover(event.message);
  readonly #onRejection = (event: PromiseRejectionEvent) => this.recover(String(event.reason));

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly reload: () => void = () => location.reload(),
    private readonly afterMs = RECOVERY_SECONDS * 1000,
  ) {
    host.addController(this);
  }

  get crashed(): boolean {
    return this.#crashed;
  }

  hostConnected(): void {
    window.addEventListener('error', this.#onError);
    window.addEventListener('unhandledrejection', this.#onRejection);
  }

  hostDisconnected(): void {
    window.removeEventListener('error', this.#onError);
    window.removeEventListener('unhandledrejection', this.#onRejection);
    clearTimeout(this.#reload);
  }

  /** Something failed that nobody caught (the page's error events call this). */
  recover(detail: string): void {
    // Chromium reports this benign layout notice as an error event; it needs no restart.
    if (/ResizeObserver loop/.test(detail) || this.#crashed) return;
    this.#crashed = true;
    this.host.requestUpdate();
    this.#reload = setTimeout(() => this.reload(), this.afterMs);
  }
}

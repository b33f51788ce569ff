/**
 * Whether someone is at the screen: any touch or key press anywhere on the page counts.
 * Rotation, relocking and update reloads wait for the screen to be left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ActivityController implements ReactiveController {
  #lastTouch = 0;
  readonly #touched = () => this.touched();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.#touched);
    window.addEventListener('keydown', this.#touched);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.#touched);
    window.removeEventListener('keydown', this.#touched);
  }

  /** Someone used the screen now (also called after the PIN is accepted). */
  touched(): void {
    this.#lastTouch = Date.now();
  }

  /** Whole seconds until the screen has been left alone for `seconds` (0 or less: it has). */
  secondsUntilIdle(seconds: number): number {
    return Math.ceil((seconds * 1000 - (Date.now() - this.#lastTouch)) / 1000);
  }

  /** True when nobody touched the screen for `seconds`. */
  idleFor(seconds: number): boolean {
    return Date.now() - this.#lastTouch >= seconds * 1000;
  }
}

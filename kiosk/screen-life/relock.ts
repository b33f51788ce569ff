/**
 * Edits on a shared screen need the PIN; once unlocked, they lock again after the screen
 * was left alone for a while, so the next passer-by cannot change the board.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActivityController } from './activity.js';

const CHECK_EVERY_MS = 5000;

export class RelockController implements ReactiveController {
  #locked = false;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly activity: ActivityController,
  ) {
    host.addController(this);
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** Starts locked, and locks again after `idleSeconds` without a touch. */
  start(idleSeconds: number, checkEveryMs = CHECK_EVERY_MS): void {
    this.stop();
    this.lock();
    this.#timer = setInterval(() => {
      if (!this.#locked && this.activity.idleFor(idleSeconds)) this.lock();
    }, checkEveryMs);
  }

  lock(): void {
    if (this.#locked) return;
    this.#locked = true;
    this.host.requestUpdate();
  }

  /** The PIN was accepted: the person at the screen is using it now. */
  unlock(): void {
    this.activity.touched();
    if (!this.#locked) return;
    this.#locked = false;
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}

/**
 * Turns to the next view every few seconds while nobody is at the screen and nothing on it
 * must stay (a running huddle timer, the settings).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RotationOptions {
  /** Seconds between turns. */
  everySeconds: number;
  /** Asked before each turn: false keeps the current view. */
  mayTurn(): boolean;
  turn(): void;
}

export class RotationController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  start(options: RotationOptions): void {
    this.stop();
    this.#timer = setInterval(() => {
      if (options.mayTurn()) options.turn();
    }, options.everySeconds * 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}

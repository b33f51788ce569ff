/**
 * A person tapped in on a shared wall is signed out by the wall once nobody touched it for a
 * while, so the next person at the board does not record in their name. The last seconds are
 * counted down on screen: a touch keeps the person signed in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ActivityController } from './activity.js';

/** From this many seconds before the sign-out, the screen shows how many are left. */
export const TAP_OUT_WARNING_SECONDS = 15;

export class TapOutController implements ReactiveController {
  /** Seconds left before the sign-out, in the last TAP_OUT_WARNING_SECONDS; undefined before. */
  secondsLeft: number | undefined;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly activity: ActivityController,
  ) {
    host.addController(this);
  }

  /** Signs out (by `signOut`) after `idleSeconds` without a touch, counting from now. */
  start(idleSeconds: number, signOut: () => void, checkEveryMs = 1000): void {
    this.stop();
    this.activity.touched();
    this.#timer = setInterval(() => {
      const left = this.activity.secondsUntilIdle(idleSeconds);
      if (left <= 0) {
        this.stop();
        signOut();
        return;
      }
      const shown = left <= TAP_OUT_WARNING_SECONDS ? left : undefined;
      if (shown !== this.secondsLeft) {
        this.secondsLeft = shown;
        this.host.requestUpdate();
      }
    }, checkEveryMs);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.secondsLeft = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }
}

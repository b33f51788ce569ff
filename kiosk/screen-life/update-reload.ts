/**
 * A new build is ready: reload into it at the first quiet moment, never in someone's hands -
 * the caller says when the screen is quiet (nobody touched it lately, no huddle timer runs,
 * no field holds unsaved input).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class UpdateReloadController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly isQuiet: () => boolean,
    private readonly reload: () => void = () => location.reload(),
  ) {
    host.addController(this);
  }

  /** Waits for a quiet moment, then reloads; a second call while waiting changes nothing. */
  updateReady(checkEveryMs = 1000): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (!this.isQuiet()) return;
      clearInterval(this.#timer);
      this.#timer = undefined;
      this.reload();
    }, checkEveryMs);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

/** True when any text field on screen, through every shadow root, holds something typed. */
export function hasUnsavedInput(root: ParentNode): boolean {
  for (const element of root.querySelectorAll('*')) {
    if (
      (element instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit'].includes(element.type)) ||
      element instanceof HTMLTextAreaElement
    ) {
      if (element.value.trim() !== '') return true;
    }
    if (element.shadowRoot && hasUnsavedInput(element.shadowRoot)) return true;
  }
  return false;
}

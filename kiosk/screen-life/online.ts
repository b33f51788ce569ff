/** Whether the browser believes it is online; a screen without sync says changes stay on it. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class OnlineController implements ReactiveController {
  #online = navigator.onLine;
  readonly #onChange = () => {
    this.#online = navigator.onLine;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  get offline(): boolean {
    return !this.#online;
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onChange);
    window.addEventListener('offline', this.#onChange);
    this.#onChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onChange);
    window.removeEventListener('offline', this.#onChange);
  }
}

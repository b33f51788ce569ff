/**
 * The kiosk shell: opens the device's database, loads the demo organisation on a first
 * start, and shows the boards. A database that cannot be opened gets a full-screen message
 * that says why, never a blank page.
 */
import { LitElement, css, html } from 'lit';
import { getDefaultStore } from '../src/store/default-store.js';
import { loadDemoIfEmpty } from './first-start.js';
import './board-overview.js';
import '../src/components/huddle-board/huddle-board.js';

/** The board to show: `?unit=<id>`; none shows the overview of every board. */
function unitFromUrl(): string | undefined {
  return new URLSearchParams(location.search).get('unit') ?? undefined;
}

type Phase = { name: 'starting' } | { name: 'ready' } | { name: 'failed'; message: string };

export class KioskApp extends LitElement {
  static override properties = { phase: { state: true } };
  declare phase: Phase;
  readonly store = getDefaultStore();

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    huddle-board {
      height: 100vh;
    }
    .message {
      display: grid;
      place-content: center;
      min-height: 100vh;
      padding: 32px;
      font-size: 32px;
      text-align: center;
    }
    .message h1 {
      font-size: 48px;
    }
  `;

  constructor() {
    super();
    this.phase = { name: 'starting' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#start();
  }

  async #start(): Promise<void> {
    try {
      await loadDemoIfEmpty(this.store);
      this.phase = { name: 'ready' };
    } catch (error) {
      this.phase = { name: 'failed', message: (error as Error).message };
    }
  }

  protected override render() {
    switch (this.phase.name) {
      case 'starting':
        return html`<div class="message" role="status">Opening the board…</div>`;
      case 'failed':
        return html`<div class="message" role="alert"><h1>The board cannot open its data</h1><p>${this.phase.message}</p></div>`;
      case 'ready': {
        const unit = unitFromUrl();
        return unit
          ? html`<huddle-board unit=${unit} theme="wall" .store=${this.store}></huddle-board>`
          : html`<kiosk-board-overview .store=${this.store}></kiosk-board-overview>`;
      }
    }
  }
}

customElements.get('kiosk-app') ?? customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}

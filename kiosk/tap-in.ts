/**
 * Tap in on a shared wall. A wall stays signed out for reading; a person who wants to record as
 * themselves at the board (a supervisor observing the huddle) makes a code on their own phone or
 * tablet - `<kiosk-tap-in-code>` - and types it on the wall's number pad - `<kiosk-tap-in>`. The code
 * is one use and lasts minutes, so typing it in front of the team gives nothing away; the wall then
 * records as the person until they sign out or leave it alone (see screen-life/tap-out.ts).
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { SyncFailure, type SyncClient } from '../src/sync/sync-client.js';
import { adminCall } from './admin-api.js';
import { overlayStyles } from './overlay-styles.js';

const padStyles = css`
  :host {
    font: max(24px, 1.25vw) system-ui, sans-serif;
  }
  [role='dialog'] {
    max-width: min(95vw, 32em);
  }
  p {
    margin: 0;
  }
  button {
    min-height: 64px;
    padding: 0 24px;
    font-weight: 700;
  }
  button.ok {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .problem {
    color: var(--_problem-text);
    font-weight: 700;
  }
`;

/** The wall's side: a number pad for the person's code. Fires `tap-in-done` (the person's id) or `tap-in-cancelled`. */
export class KioskTapIn extends LitElement {
  @property({ attribute: false }) sync!: SyncClient;
  @state() typed!: string;
  @state() problem!: string;
  @state() busy!: boolean;

  static override styles = [
    overlayStyles,
    padStyles,
    css`
      input {
        font: inherit;
        font-size: 1.6em;
        letter-spacing: 0.15em;
        text-align: center;
        padding: 8px;
        border: 2px solid var(--_border);
        border-radius: 12px;
        background: var(--_surface);
        color: var(--_text);
        width: 100%;
        box-sizing: border-box;
      }
      label {
        display: grid;
        gap: 8px;
      }
      form {
        display: grid;
        gap: 16px;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 12px;
      }
      .actions {
        display: flex;
        gap: 12px;
        justify-content: space-between;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.typed = '';
    this.problem = '';
    this.busy = false;
  }

  #press(digit: string): void {
    this.problem = '';
    if (this.typed.replace(/\D/g, '').length < 8) this.typed = `${this.typed}${digit}`;
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.busy || this.typed.trim() === '') return;
    this.busy = true;
    try {
      const personId = await this.sync.tapIn(this.typed);
      this.dispatchEvent(new CustomEvent('tap-in-done', { detail: { personId }, bubbles: true, composed: true }));
    } catch (error) {
      this.problem = tapInProblem(error);
      this.typed = '';
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`<div role="dialog" aria-modal="true" aria-labelledby="tap-in-title"><form @submit=${this.#submit}>
      <h2 id="tap-in-title">${msg('Tap in as yourself')}</h2>
      <p>${msg('On your phone or tablet, choose "Tap in on a wall" and type the code it shows. This screen records as you until you sign out or leave it alone.')}</p>
      <label
        >${msg('Your code')}
        <input
          name="code"
          autocomplete="off"
          inputmode="numeric"
          .value=${this.typed}
          @input=${(e: Event) => {
            this.problem = '';
            this.typed = (e.target as HTMLInputElement).value;
          }}
      /></label>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <div class="keys">
        ${['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => html`<button type="button" @click=${() => this.#press(d)}>${d}</button>`)}
        <button type="button" @click=${() => (this.typed = this.typed.slice(0, -1))} aria-label=${msg('Delete the last digit')}>⌫</button>
        <button type="button" @click=${() => this.#press('0')}>0</button>
        <button class="ok" type="submit" ?disabled=${this.busy}>${msg('Tap in')}</button>
      </div>
      <div class="actions">
        <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('tap-in-cancelled', { bubbles: true, composed: true }))}>
          ${msg('Cancel')}
        </button>
      </div>
    </form></div>`;
  }
}

/** Why a tap-in did not work, in the screen's language. */
function tapInProblem(error: unknown): string {
  if (!(error instanceof SyncFailure)) return (error as Error).message;
  if (error.offline)
    return msg('Tapping in needs the server, and it cannot be reached now: record on your own device, or try again when this screen is online.');
  if (error.status === 429) return msg('Too many wrong codes on this screen: wait a minute, then try again.');
  if (error.status === 400) return msg('This code is unknown, already used or expired: make a new one on your phone or tablet.');
  return error.message;
}

/** A person's own device: makes a code to tap in on a wall and shows it large. Fires `tap-in-code-closed`. */
export class KioskTapInCode extends LitElement {
  @property({ attribute: false }) server!: string;
  @property({ attribute: false }) token!: string;
  @state() made!: { code: string; expires: string } | undefined;
  @state() problem!: string;

  static override styles = [
    overlayStyles,
    padStyles,
    css`
      [data-code] {
        font-size: 2.4em;
        font-weight: 800;
        letter-spacing: 0.1em;
        text-align: center;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#make();
  }

  async #make(): Promise<void> {
    this.problem = '';
    try {
      this.made = await adminCall<{ code: string; expires: string }>(this.server, this.token, 'POST', '/api/me/tap-in-code');
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  protected override render() {
    const until = this.made ? new Date(this.made.expires).toLocaleTimeString(document.documentElement.lang || [], { hour: '2-digit', minute: '2-digit' }) : '';
    return html`<div role="dialog" aria-modal="true" aria-labelledby="code-title">
      <h2 id="code-title">${msg('Tap in on a wall')}</h2>
      ${
        this.made
          ? html`<p data-code>${this.made.code}</p>
            <p>${msg(str`On the wall, tap "Tap in" and type this code. It works once, until ${until}.`)}</p>`
          : html`<p role=${this.problem ? 'alert' : 'status'} class=${this.problem ? 'problem' : ''}>${this.problem || msg('Making a code…')}</p>`
      }
      <button @click=${() => this.dispatchEvent(new CustomEvent('tap-in-code-closed', { bubbles: true, composed: true }))}>${msg('Close')}</button>
    </div>`;
  }
}

customElements.get('kiosk-tap-in') ?? customElements.define('kiosk-tap-in', KioskTapIn);
customElements.get('kiosk-tap-in-code') ?? customElements.define('kiosk-tap-in-code', KioskTapInCode);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-tap-in': KioskTapIn;
    'kiosk-tap-in-code': KioskTapInCode;
  }
}

/**
 * A PIN pad for a shared touch screen: big digit keys, the digits shown as dots, a clear
 * message on a wrong PIN. Fires `pin-accepted` or `pin-cancelled`; it never stores the PIN.
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { overlayStyles } from './overlay-styles.js';

export class KioskPinPad extends LitElement {
  @property({ attribute: false }) pin!: string;
  @state() entered!: string;
  @state() wrong!: boolean;

  static override styles = [
    overlayStyles,
    css`
      :host {
        font: 28px system-ui, sans-serif;
      }
      [role='dialog'] {
        min-width: 22em;
      }
      .dots {
        font-size: 40px;
        letter-spacing: 8px;
        min-height: 48px;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 12px;
      }
      button {
        min-height: 72px;
        font-weight: 700;
      }
      button.ok {
        background: var(--_accent);
        color: var(--_on-accent);
        border-color: var(--_accent);
      }
      .wrong {
        color: var(--_problem-text);
        font-weight: 700;
      }
  `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.pin = '';
    this.entered = '';
    this.wrong = false;
  }

  private press(digit: string): void {
    this.wrong = false;
    if (this.entered.length < 8) this.entered += digit;
  }

  private check(): void {
    if (this.entered === this.pin) {
      this.dispatchEvent(new CustomEvent('pin-accepted', { bubbles: true, composed: true }));
      return;
    }
    this.wrong = true;
    this.entered = '';
  }

  protected override render() {
    return html`<div role="dialog" aria-modal="true" aria-labelledby="pin-title">
      <h2 id="pin-title">${msg('Enter the PIN to change the board')}</h2>
      <div class="dots" aria-label=${msg(str`${this.entered.length} digits entered`)}>${'●'.repeat(this.entered.length) || ' '}</div>
      ${this.wrong ? html`<p class="wrong" role="alert">${msg('Wrong PIN. Try again.')}</p>` : html`<p>${msg('Reading needs no PIN.')}</p>`}
      <div class="keys">
        ${['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => html`<button @click=${() => this.press(d)}>${d}</button>`)}
        <button @click=${() => (this.entered = this.entered.slice(0, -1))} aria-label=${msg('Delete the last digit')}>⌫</button>
        <button @click=${() => this.press('0')}>0</button>
        <button class="ok" @click=${this.check}>OK</button>
      </div>
      <button @click=${() => this.dispatchEvent(new CustomEvent('pin-cancelled', { bubbles: true, composed: true }))}>${msg('Cancel')}</button>
    </div>`;
  }
}

customElements.get('kiosk-pin-pad') ?? customElements.define('kiosk-pin-pad', KioskPinPad);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-pin-pad': KioskPinPad;
  }
}

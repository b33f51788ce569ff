/**
 * "Answer on your phone": asks the sync server for a phone link for this board (a pulse-only
 * token that lasts a working day) and shows it as a QR code, large enough to scan from a step
 * away. The phone opens the same kiosk, served by the same server, on the feedback pulse;
 * its answers are anonymous and it can read nothing but the board's name. A second code opens
 * the coaching card for the board's leader on a coach's phone, as the coach its kept token names.
 *
 * The code is drawn as inline SVG paths, so it shows under the kiosk's strict
 * Content-Security-Policy (no data: images).
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { qrCode } from './qr-code.js';
import { overlayStyles } from './overlay-styles.js';

interface PhoneLinkAnswer {
  token: string;
  expiresInSeconds: number;
}

export class KioskPhoneLink extends LitElement {
  @property({ attribute: false }) server!: string;
  @property({ attribute: false }) token!: string;
  @property({ attribute: false }) unit!: string;
  @state() link!: { url: string; cardUrl: string; until: Date } | undefined;
  @state() problem!: string;

  static override styles = [
    overlayStyles,
    css`
      :host {
        font: max(24px, 1.25vw) system-ui, sans-serif;
      }
      [role='dialog'] {
        justify-items: center;
        max-width: 95vw;
      }
      p {
        margin: 0;
        text-align: center;
      }
      .codes {
        display: flex;
        flex-wrap: wrap;
        gap: 32px;
        justify-content: center;
      }
      figure {
        margin: 0;
        display: grid;
        gap: 8px;
        justify-items: center;
        max-width: min(45vh, 80vw);
        text-align: center;
      }
      svg {
        width: min(45vh, 80vw);
        height: min(45vh, 80vw);
      }
      .url {
        font-size: 16px;
        overflow-wrap: anywhere;
        color: var(--_text-muted);
      }
      button {
        min-height: 64px;
        padding: 0 24px;
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
    void this.#fetchLink();
  }

  async #fetchLink(): Promise<void> {
    try {
      const response = await fetch(`${this.server}/api/phone-link?unit=${encodeURIComponent(this.unit)}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.token}` },
      });
      const answer = (await response.json()) as PhoneLinkAnswer & { error?: string };
      if (!response.ok) throw new Error(answer.error ?? `the server refused (${response.status})`);
      const pulse = new URLSearchParams({ server: this.server, token: answer.token, unit: this.unit, views: 'pulse', theme: 'light' });
      // No token in the coaches' code: a coach's phone uses the one it keeps from their personal link.
      const card = new URLSearchParams({ server: this.server, unit: this.unit, views: 'card', theme: 'light' });
      this.link = { url: `${this.server}/?${pulse}`, cardUrl: `${this.server}/?${card}`, until: new Date(Date.now() + answer.expiresInSeconds * 1000) };
    } catch (error) {
      this.problem = error instanceof TypeError ? msg('The server cannot be reached, so there is no phone link right now.') : (error as Error).message;
    }
  }

  #close(): void {
    this.dispatchEvent(new CustomEvent('phone-link-closed', { bubbles: true, composed: true }));
  }

  protected override render() {
    return html`<div role="dialog" aria-modal="true" aria-labelledby="phone-title">
      <h2 id="phone-title">${msg('Answer on your phone')}</h2>
      ${
        this.link
          ? html`<div class="codes">
              <figure>
                ${qrCode(this.link.url, msg("QR code: how was today's huddle?"))}
                <figcaption>${msg("Everyone: how was today's huddle? Answers are anonymous.")}</figcaption>
                <p class="url" data-url=${this.link.url}>${this.link.url}</p>
              </figure>
              <figure>
                ${qrCode(this.link.cardUrl, msg('QR code: the coaching card'))}
                <figcaption>${msg("Coaches: the coaching card for this board's leader.")}</figcaption>
                <p class="url" data-card-url=${this.link.cardUrl}>${this.link.cardUrl}</p>
              </figure>
            </div>
            <p>${msg(str`Scan with the camera. The team's link works until ${this.link.until.toLocaleTimeString(document.documentElement.lang || [], { hour: '2-digit', minute: '2-digit' })}.`)}</p>`
          : html`<p role="status">${this.problem || msg('Making a link…')}</p>`
      }
      <button @click=${this.#close}>${msg('Close')}</button>
    </div>`;
  }
}

customElements.get('kiosk-phone-link') ?? customElements.define('kiosk-phone-link', KioskPhoneLink);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-phone-link': KioskPhoneLink;
  }
}

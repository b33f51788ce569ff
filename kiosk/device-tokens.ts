/**
 * On an admin's screen that syncs: the organisation's device tokens (walls, tablets, admin
 * laptops) and a way to revoke one - a stolen tablet or a wall moved to another site stops
 * syncing at once, its live connection closed. Revoking asks first. Phone links are not
 * listed: they expire within a day and a board keeps only a few.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { TokenListing as Listing } from '../src/protocol/sync.js';
import { settingsControlStyles, settingsListStyles } from './settings-styles.js';
import { adminCall } from './admin-api.js';
import { roleName } from './role-names.js';

export class KioskDeviceTokens extends LitElement {
  @property({ attribute: false }) server!: string;
  @property({ attribute: false }) token!: string;
  @state() tokens!: Listing[] | undefined;
  /** The token whose revoke waits for a yes. */
  @state() asking!: Listing | undefined;
  @state() message!: string;
  @state() problem!: string;
  #abort: AbortController | undefined;

  static override styles = [
    settingsControlStyles,
    settingsListStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      .what {
        display: grid;
      }
      .detail {
        font-size: 20px;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.message = '';
    this.problem = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  #call<T>(method: 'GET' | 'DELETE', path: string): Promise<T> {
    this.#abort?.abort();
    this.#abort = new AbortController();
    return adminCall<T>(this.server, this.token, method, path, { signal: this.#abort.signal });
  }

  async #load(): Promise<void> {
    try {
      this.tokens = (await this.#call<{ tokens: Listing[] }>('GET', '/api/tokens')).tokens;
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.problem = (error as Error).message;
    }
  }

  async #revoke(listing: Listing): Promise<void> {
    this.asking = undefined;
    this.problem = '';
    try {
      await this.#call('DELETE', `/api/tokens/${encodeURIComponent(listing.id)}`);
      // The list is read again before the message shows, so the row says "revoked" when the message does.
      await this.#load();
      this.message = msg(str`Revoked: ${nameOf(listing)}. That device stopped syncing; what it kept unsent stays on it.`);
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  protected override render() {
    if (!this.tokens) return this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : html`<p role="status">${msg('Loading…')}</p>`;
    return html`
      ${this.message ? html`<p role="status">${this.message}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      <ul>
        ${this.tokens.map(
          (t) => html`<li data-token=${t.id}>
            <span class="what">
              <strong>${nameOf(t)}</strong>
              <span class="detail">${roleName(t.role)}${t.unit ? ` · ${t.unit}` : ''} · ${msg(str`made ${t.created.slice(0, 10)}`)}${t.revoked ? html` · <strong>${msg(str`✗ revoked ${t.revoked.slice(0, 10)}`)}</strong>` : nothing}</span>
            </span>
            ${
              t.revoked
                ? nothing
                : this.asking?.id === t.id
                  ? html`<span>
                    ${msg('It stops syncing at once.')}
                    <button class="danger" @click=${() => this.#revoke(t)}>${msg(str`Revoke ${nameOf(t)}`)}</button>
                    <button @click=${() => (this.asking = undefined)}>${msg('Keep it')}</button>
                  </span>`
                  : html`<button @click=${() => (this.asking = t)} aria-label=${msg(str`Revoke ${nameOf(t)}…`)}>${msg('Revoke…')}</button>`
            }
          </li>`,
        )}
      </ul>
    `;
  }
}

const nameOf = (t: Listing) => t.label || msg(str`token ${t.id}`);

customElements.get('kiosk-device-tokens') ?? customElements.define('kiosk-device-tokens', KioskDeviceTokens);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-device-tokens': KioskDeviceTokens;
  }
}

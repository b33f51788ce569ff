/**
 * On an admin's screen that syncs: personal sign-in codes. The admin picks a person and makes
 * a one-time code, shown large, as the link to open and as a QR code to scan or print; the
 * person's phone or tablet that opens it records as them. Codes not used yet can be revoked;
 * the list says which were used, revoked or have expired.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { Person } from '../src/model/index.js';
import { adminCall } from './admin-api.js';
import { roleName } from './role-names.js';
import { qrCode } from './qr-code.js';
import { settingsControlStyles, settingsListStyles } from './settings-styles.js';

interface CodeListing {
  id: string;
  person: string;
  role: string;
  expires: string;
  used: string;
  revoked: string;
}

interface MadeCode {
  code: string;
  id: string;
  expires: string;
  person: Person;
}

export class KioskSignInCodes extends LitElement {
  @property({ attribute: false }) server!: string;
  @property({ attribute: false }) token!: string;
  /** The organisation's people, to choose whose code it is. */
  @property({ attribute: false }) people!: readonly Person[];
  @state() codes!: CodeListing[] | undefined;
  @state() made!: MadeCode | undefined;
  @state() problem!: string;

  static override styles = [
    settingsControlStyles,
    settingsListStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
      }
      .made {
        display: grid;
        gap: 8px;
        justify-items: start;
      }
      .code {
        font: 700 40px ui-monospace, monospace;
        letter-spacing: 0.1em;
      }
      .made svg {
        width: min(60vw, 280px);
        height: auto;
      }
      .link {
        overflow-wrap: anywhere;
        font-size: 20px;
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
    void this.#load();
  }

  async #load(): Promise<void> {
    try {
      this.codes = (await adminCall<{ codes: CodeListing[] }>(this.server, this.token, 'GET', '/api/sign-in-codes')).codes;
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  async #make(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const person = this.people.find((p) => p.id === (form.elements.namedItem('person') as HTMLSelectElement).value);
    const role = (form.elements.namedItem('role') as HTMLSelectElement).value;
    this.problem = '';
    if (!person) {
      this.problem = msg('Choose whose code it is.');
      return;
    }
    try {
      const made = await adminCall<Omit<MadeCode, 'person'>>(this.server, this.token, 'POST', '/api/sign-in-codes', {
        body: { person: person.id, ...(role ? { role } : {}) },
      });
      this.made = { ...made, person };
      await this.#load();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  async #revoke(code: CodeListing): Promise<void> {
    this.problem = '';
    try {
      await adminCall(this.server, this.token, 'DELETE', `/api/sign-in-codes/${encodeURIComponent(code.id)}`);
      if (this.made?.id === code.id) this.made = undefined;
      await this.#load();
    } catch (error) {
      this.problem = (error as Error).message;
    }
  }

  /** The address that signs a device in: the kiosk this server serves, opened on the coaching card. */
  #link(code: string): string {
    const query = new URLSearchParams({ server: this.server, 'sign-in': code, views: 'card' });
    return `${this.server}/?${query.toString()}`;
  }

  #state(code: CodeListing): string {
    if (code.used) return msg(str`used ${code.used.slice(0, 10)}`);
    if (code.revoked) return msg(str`revoked ${code.revoked.slice(0, 10)}`);
    if (Date.parse(code.expires) < Date.now()) return msg('expired');
    return msg(str`open until ${new Date(code.expires).toLocaleString(document.documentElement.lang || [], { dateStyle: 'short', timeStyle: 'short' })}`);
  }

  protected override render() {
    const named = (id: string) => this.people.find((p) => p.id === id)?.name ?? id;
    const people = [...this.people].filter((p) => !p.deletedAt).sort((a, b) => a.name.localeCompare(b.name));
    return html`
      <form @submit=${this.#make}>
        <label>${msg('Person')}<select name="person">
          <option value="">${msg('Choose a person')}</option>
          ${people.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
        </select></label>
        <label>${msg('Rights')}<select name="role">
          <option value="">${msg("the person's own (admin, coach or member)")}</option>
          ${['member', 'coach', 'admin'].map((role) => html`<option value=${role}>${roleName(role)}</option>`)}
        </select></label>
        <button class="primary" type="submit">${msg('Make a sign-in code')}</button>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${
        this.made
          ? html`<div class="made" role="status">
            <p>${msg(str`Sign-in code for ${this.made.person.name}: it works once, until ${new Date(this.made.expires).toLocaleString(document.documentElement.lang || [], { dateStyle: 'short', timeStyle: 'short' })}.`)}</p>
            <span class="code" data-code>${this.made.code}</span>
            ${qrCode(this.#link(this.made.code), msg(str`QR code that signs in ${this.made.person.name}`))}
            <span class="link">${this.#link(this.made.code)}</span>
          </div>`
          : nothing
      }
      ${
        this.codes && this.codes.length > 0
          ? html`<ul aria-label=${msg('Sign-in codes made')}>
            ${this.codes.map(
              (code) => html`<li data-sign-in-code=${code.id}>
                <span><strong>${named(code.person)}</strong> · ${roleName(code.role)} · ${this.#state(code)}</span>
                ${
                  code.used || code.revoked || Date.parse(code.expires) < Date.now()
                    ? nothing
                    : html`<button @click=${() => this.#revoke(code)} aria-label=${msg(str`Revoke the code for ${named(code.person)}`)}>${msg('Revoke')}</button>`
                }
              </li>`,
            )}
          </ul>`
          : nothing
      }
    `;
  }
}

customElements.get('kiosk-sign-in-codes') ?? customElements.define('kiosk-sign-in-codes', KioskSignInCodes);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-sign-in-codes': KioskSignInCodes;
  }
}

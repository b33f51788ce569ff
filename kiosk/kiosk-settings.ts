/**
 * The kiosk's settings screen (behind the PIN when one is set): the organisation set-up, which
 * board and views this screen shows, backups (JSON to restore, CSV for spreadsheets), restoring a backup, the demo
 * organisation, and how much storage the board uses. Replacing data always asks first.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { allOf } from '../src/store/queries.js';
import { CSV_EXPORTS, type CsvExport } from '../src/store/csv.js';
import { LiveQueryController } from '../src/controllers/live-query.js';
import type { IdbHuddleStore } from '../src/store/idb-store.js';
import type { Person, Unit } from '../src/model/index.js';
import { KIOSK_VIEWS, type KioskConfig, type KioskView } from './config.js';
import { viewName } from './view-names.js';
import { loadProblemWords } from '../src/components/load-problem-words.js';
import './device-tokens.js';
import './sign-in-codes.js';
import './record-history.js';
import { settingsControlStyles } from './settings-styles.js';
import { clearAll, exportData, importData } from '../src/store/whole-database.js';
import { download } from '../src/components/download.js';
import { adminCall } from './admin-api.js';
import type { HuddleEventMap } from '../src/components/events.js';

declare const __APP_VERSION__: string;

type Pending = { kind: 'import'; text: string; name: string } | { kind: 'clear' } | { kind: 'demo' };

export class KioskSettings extends LitElement {
  @property({ attribute: false }) store!: IdbHuddleStore;
  @property({ attribute: false }) config!: KioskConfig;
  @state() message!: string;
  @state() problem!: string;
  @state() pending!: Pending | undefined;
  @state() storage!: string;
  /** The organisation set-up is open (tiers, boards, people, KPIs, cascade, checklists). */
  @state() settingUp!: boolean;
  /** What the sync server says this screen's token is (undefined when it does not sync). */
  @property({ attribute: false }) syncRole!: string | undefined;

  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.store,
    () => allOf('units'),
  );
  /** Whose sign-in code an admin makes (asked only on an admin's syncing screen). */
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.store,
    () => (this.syncRole === 'admin' ? allOf('people') : undefined),
  );

  static override styles = [
    settingsControlStyles,
    css`
      :host {
        display: block;
        padding: 24px 32px;
        font: 24px system-ui, sans-serif;
        color: var(--_text);
        background: var(--_surface-raised);
        height: 100%;
        overflow: auto;
        box-sizing: border-box;
      }
      section {
        background: var(--_surface);
        border: 2px solid var(--_border);
        border-radius: 12px;
        padding: 16px 20px;
        margin-bottom: 16px;
        display: grid;
        gap: 12px;
      }
      h1 {
        margin: 0 0 16px;
        font-size: 40px;
      }
      h2 {
        margin: 0;
        font-size: 30px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: center;
      }
      input[type='checkbox'] {
        min-height: 32px;
        width: 32px;
      }
      .message {
        font-weight: 700;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.message = '';
    this.problem = '';
    this.storage = '';
    this.settingUp = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#measureStorage();
  }

  async #measureStorage(): Promise<void> {
    const estimate = await navigator.storage?.estimate?.();
    const persisted = await navigator.storage?.persisted?.();
    const mb = (bytes = 0) => `${(bytes / 1048576).toFixed(1)} MB`;
    this.storage = estimate
      ? persisted
        ? msg(str`${mb(estimate.usage)} used of ${mb(estimate.quota)} available; kept by the browser (persistent)`)
        : msg(str`${mb(estimate.usage)} used of ${mb(estimate.quota)} available; may be cleared by the browser under storage pressure`)
      : msg('Storage figures are not available in this browser.');
  }

  private apply(event: Event): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const views = KIOSK_VIEWS.filter((v) => data.getAll('views').includes(v));
    const query = new URLSearchParams(location.search);
    query.set('unit', String(data.get('unit')));
    query.set('views', (views.length ? views : ['board']).join(','));
    query.set('rotate', String(data.get('rotate') ?? '0'));
    location.assign(`?${query.toString()}`);
  }

  /**
   * On a synced screen a person's export and erasure are the server's: it holds every
   * conversation's words (this screen may hold few) and erasing them must reach every device.
   */
  private askServer(event: HuddleEventMap['person-data-requested']): void {
    const { server, token } = this.config;
    if (!server || !token) return;
    const { personId, action, respondWith } = event.detail;
    const path = `/api/people/${encodeURIComponent(personId)}/${action}`;
    respondWith(
      action === 'export'
        ? adminCall<unknown>(server, token, 'GET', path)
        : adminCall<{ records: number }>(server, token, 'POST', path).then((answer) => answer.records),
    );
  }

  private async exportJson(): Promise<void> {
    const file = await exportData(this.store);
    download(`huddle-backup-${this.store.today()}.json`, JSON.stringify(file, null, 2), 'application/json');
    this.message = msg('Backup downloaded. Keep it somewhere safe: it restores this screen exactly.');
  }

  private async exportCsv(kind: CsvExport): Promise<void> {
    const { data } = await exportData(this.store);
    download(`huddle-${kind}-${this.store.today()}.csv`, CSV_EXPORTS[kind](data), 'text/csv');
  }

  private async chooseFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.pending = { kind: 'import', text: await file.text(), name: file.name };
  }

  private async confirm(): Promise<void> {
    const pending = this.pending;
    this.pending = undefined;
    this.message = '';
    this.problem = '';
    try {
      if (pending?.kind === 'import') {
        const summary = await importData(this.store, pending.text);
        this.message = msg(
          str`Restored ${pending.name}: ${summary.units} boards, ${summary.people} people, ${summary.actions} actions, ${summary.coachingSessions} coaching conversations.`,
        );
      } else if (pending?.kind === 'clear') {
        await clearAll(this.store);
        this.message = msg('All data on this screen was cleared.');
      } else if (pending?.kind === 'demo') {
        const { loadDemoOrganisation } = await import('../src/demo/index.js');
        await loadDemoOrganisation(this.store);
        this.message = msg('The demo organisation was loaded.');
      }
    } catch (error) {
      // The import checks the whole file first: nothing was changed.
      // The words for a refused file load with the first one (they also word any other problem).
      await loadProblemWords({ withFiles: true }).catch(() => undefined);
      const reason = (error as Error).message;
      this.problem = msg(str`${reason} Nothing was changed.`);
    }
    void this.#measureStorage();
  }

  private renderConfirm(pending: Pending) {
    const what =
      pending.kind === 'import'
        ? msg(str`Replace all data on this screen with the backup "${pending.name}"?`)
        : pending.kind === 'clear'
          ? msg('Clear all data on this screen? Export a backup first if you may need it.')
          : msg('Replace all data on this screen with the demo organisation?');
    return html`<section role="alertdialog" aria-labelledby="confirm-text">
      <p id="confirm-text" class="problem">${what}</p>
      <div class="row">
        <button class="danger" @click=${this.confirm}>${msg('Yes, replace')}</button>
        <button @click=${() => (this.pending = undefined)}>${msg('Cancel')}</button>
      </div>
    </section>`;
  }

  protected override willUpdate(): void {
    // The set-up is loaded when it is opened: most visits to the settings do not.
    if (this.settingUp) void import('../src/components/huddle-setup/huddle-setup.js');
  }

  protected override render() {
    const units = [...(this.#units.value ?? [])].sort((a, b) => b.tier - a.tier || a.name.localeCompare(b.name));
    const server = this.config.server;
    return html`
      <h1>${msg('Settings')}</h1>
      ${this.message ? html`<p class="message" role="status">${this.message}</p>` : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.pending ? this.renderConfirm(this.pending) : nothing}
      <section aria-labelledby="org-title">
        <h2 id="org-title">${msg('Organisation')}</h2>
        ${
          this.settingUp
            ? html`<huddle-setup .store=${this.store} @person-data-requested=${this.askServer}></huddle-setup>
              <div class="row"><button @click=${() => (this.settingUp = false)}>${msg('Close the set-up')}</button></div>`
            : html`<div class="row"><button class="primary" @click=${() => (this.settingUp = true)}>${msg('Set up the organisation: tiers, boards, people, KPIs, coaching')}</button></div>`
        }
      </section>
      <section aria-labelledby="screen-title">
        <h2 id="screen-title">${msg('This screen')}</h2>
        <form class="row" @submit=${this.apply}>
          <label>${msg('Board')}
            <select name="unit">
              ${units.map((u) => html`<option value=${u.id} ?selected=${u.id === this.config.unit}>${u.name}</option>`)}
            </select>
          </label>
          ${KIOSK_VIEWS.map(
            (view: KioskView) =>
              html`<label><input type="checkbox" name="views" value=${view} ?checked=${this.config.views.includes(view)} /> ${viewName(view)}</label>`,
          )}
          <label>${msg('Seconds per view')} <input name="rotate" type="number" min="0" max="3600" .value=${String(this.config.rotate)} /></label>
          <button class="primary" type="submit">${msg('Apply')}</button>
        </form>
      </section>
      <section aria-labelledby="data-title">
        <h2 id="data-title">${msg('Data')}</h2>
        ${
          // A full backup holds every answer and note this screen has: an admin's to make.
          server && this.syncRole !== 'admin'
            ? html`<p>${msg('A full backup holds personal data: an admin makes it, on their own screen or on the server.')}</p>`
            : html`<div class="row">
              <button class="primary" @click=${this.exportJson}>${msg('Download a full backup (JSON, holds personal data)')}</button>
              ${server ? nothing : html`<label>${msg('Restore a backup')} <input type="file" accept="application/json,.json" @change=${this.chooseFile} /></label>`}
            </div>`
        }
        <div class="row">
          ${msg('Spreadsheets (CSV):')}
          <button @click=${() => this.exportCsv('actions')}>${msg('Actions')}</button>
          <button @click=${() => this.exportCsv('kpiValues')}>${msg('KPI values')}</button>
          <button @click=${() => this.exportCsv('coachingSessions')}>${msg('Coaching')}</button>
          <button @click=${() => this.exportCsv('feedback')}>${msg('Feedback')}</button>
        </div>
        ${
          server
            ? html`<p>${msg(str`This screen keeps a copy of the data on ${server}. Restoring a backup, loading the demo or clearing would change only this copy, and the server would bring its data back: do that on the server.`)}</p>`
            : html`<div class="row">
              <button @click=${() => (this.pending = { kind: 'demo' })}>${msg('Load the demo organisation')}</button>
              <button class="danger" @click=${() => (this.pending = { kind: 'clear' })}>${msg('Clear all data')}</button>
            </div>`
        }
        <p>${msg(str`Storage: ${this.storage}`)}</p>
      </section>
      ${
        server && this.config.token && this.syncRole === 'admin'
          ? html`<section aria-labelledby="devices-title">
            <h2 id="devices-title">${msg('Devices')}</h2>
            <kiosk-device-tokens .server=${server} .token=${this.config.token}></kiosk-device-tokens>
          </section>
          <section aria-labelledby="sign-in-title">
            <h2 id="sign-in-title">${msg('Sign-in codes for people')}</h2>
            <p>${msg("A code signs one person's phone or tablet in as them, once: what it records is theirs.")}</p>
            <kiosk-sign-in-codes .server=${server} .token=${this.config.token} .people=${this.#people.value ?? []}></kiosk-sign-in-codes>
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">${msg('History of a record')}</h2>
            <p>${msg('Who changed which fields of a record, and when: the person, and the device they used.')}</p>
            <kiosk-record-history .server=${server} .token=${this.config.token} .store=${this.store}></kiosk-record-history>
          </section>`
          : nothing
      }
      <p>${msg(str`Version ${__APP_VERSION__}`)}</p>
    `;
  }
}

customElements.get('kiosk-settings') ?? customElements.define('kiosk-settings', KioskSettings);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-settings': KioskSettings;
  }
}

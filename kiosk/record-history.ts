/**
 * On an admin's syncing screen: the history of one record - who changed which fields when, from
 * the server's audit trail. The admin picks what kind of record, finds it by its words (an
 * action's title, a person's name, a conversation's day and people), and reads its changes: the
 * person, the device by its label, and the fields. The trail names fields, never their contents;
 * anonymous records have no trail.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import type { AnyRecord, EntityKind, EntityMap, Person } from '../src/model/index.js';
import type { IdbHuddleStore } from '../src/store/idb-store.js';
import { allOf } from '../src/store/queries.js';
import { adminCall } from './admin-api.js';
import { settingsControlStyles, settingsListStyles } from './settings-styles.js';

/** What the server's trail says of one change (see server/history.ts). */
interface HistoryEntry {
  at: string;
  person: string;
  personName: string;
  deviceLabel: string;
  role: string;
  fields: string[];
}

/** The kinds someone asks "who changed this?" about. */
const KINDS = ['actions', 'escalations', 'kpiValues', 'coachingSessions', 'people', 'units', 'kpis', 'coachingPairs'] as const;
type HistoryKind = (typeof KINDS)[number];

/** At most this many records are offered at once: the filter narrows them. */
const SHOWN = 30;

function kindName(kind: HistoryKind): string {
  switch (kind) {
    case 'actions':
      return msg('Actions');
    case 'escalations':
      return msg('Escalations');
    case 'kpiValues':
      return msg('KPI values');
    case 'coachingSessions':
      return msg('Coaching conversations');
    case 'people':
      return msg('People');
    case 'units':
      return msg('Boards');
    case 'kpis':
      return msg('KPIs');
    case 'coachingPairs':
      return msg('Coaching pairs');
  }
}

export class KioskRecordHistory extends LitElement {
  @property({ attribute: false }) server!: string;
  @property({ attribute: false }) token!: string;
  @property({ attribute: false }) store!: IdbHuddleStore;
  @state() kind!: HistoryKind;
  @state() filter!: string;
  @state() records!: AnyRecord[];
  @state() chosen!: { record: AnyRecord; history: HistoryEntry[] | undefined } | undefined;
  @state() problem!: string;
  #names = new Map<string, string>();
  #abort: AbortController | undefined;

  static override styles = [
    settingsControlStyles,
    settingsListStyles,
    css`
      :host {
        display: grid;
        gap: 12px;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 12px;
        align-items: end;
      }
      label {
        display: grid;
        gap: 4px;
      }
      ul.records button {
        text-align: start;
        width: 100%;
      }
      table {
        border-collapse: collapse;
        font-size: 20px;
      }
      th,
      td {
        text-align: start;
        padding: 6px 12px 6px 0;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.kind = 'actions';
    this.filter = '';
    this.records = [];
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

  async #load(): Promise<void> {
    const [people, records] = await Promise.all([
      this.store.get(allOf('people', { includeRetired: true })),
      this.store.get(allOf(this.kind, { includeRetired: true })),
    ]);
    this.#names = new Map(people.map((p: Person) => [p.id, p.name]));
    if (this.kind === 'kpiValues') for (const kpi of await this.store.get(allOf('kpis', { includeRetired: true }))) this.#names.set(kpi.id, kpi.name);
    this.records = [...records].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  #label(record: AnyRecord): string {
    const named = (id: string | undefined) => (id ? (this.#names.get(id) ?? id) : '');
    const of = <K extends EntityKind>(_kind: K) => record as EntityMap[K];
    switch (this.kind) {
      case 'actions':
        return of('actions').title;
      case 'escalations':
        return of('escalations').title;
      case 'kpiValues':
        return `${named(of('kpiValues').kpiId)} · ${of('kpiValues').day}`;
      case 'coachingSessions': {
        const session = of('coachingSessions');
        return session.anonymous ? msg(str`${session.day} · anonymous`) : `${session.day} · ${named(session.coachId)} → ${named(session.learnerId)}`;
      }
      case 'people':
        return of('people').name;
      case 'units':
        return of('units').name;
      case 'kpis':
        return of('kpis').name;
      case 'coachingPairs':
        return `${named(of('coachingPairs').coachId)} → ${named(of('coachingPairs').learnerId)}`;
    }
  }

  async #choose(record: AnyRecord): Promise<void> {
    this.#abort?.abort();
    this.#abort = new AbortController();
    this.problem = '';
    this.chosen = { record, history: undefined };
    try {
      const { history } = await adminCall<{ history: HistoryEntry[] }>(
        this.server,
        this.token,
        'GET',
        `/api/history/${this.kind}/${encodeURIComponent(record.id)}`,
        { signal: this.#abort.signal },
      );
      this.chosen = { record, history };
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.problem = (error as Error).message;
    }
  }

  protected override render() {
    const words = this.filter.trim().toLowerCase();
    const matching = this.records.filter((r) => !words || this.#label(r).toLowerCase().includes(words)).slice(0, SHOWN);
    return html`<div class="row">
        <label
          >${msg('Kind of record')}
          <select
            name="kind"
            @change=${(e: Event) => {
              this.kind = (e.target as HTMLSelectElement).value as HistoryKind;
              this.chosen = undefined;
              void this.#load();
            }}
          >
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${kindName(k)}</option>`)}
          </select></label
        >
        <label
          >${msg('Find by its words')}
          <input name="filter" type="search" .value=${this.filter} @input=${(e: Event) => (this.filter = (e.target as HTMLInputElement).value)}
        /></label>
      </div>
      ${this.chosen ? this.renderHistory(this.chosen.record, this.chosen.history) : nothing}
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${
        matching.length === 0
          ? html`<p>${msg('No record of this kind matches.')}</p>`
          : html`<ul class="records">
            ${matching.map((r) => html`<li><button @click=${() => void this.#choose(r)}>${this.#label(r)}</button></li>`)}
          </ul>`
      }`;
  }

  private renderHistory(record: AnyRecord, history: HistoryEntry[] | undefined) {
    const when = (iso: string) => new Date(iso).toLocaleString(document.documentElement.lang || [], { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section class="history" aria-live="polite">
      <h3>${msg(str`History of "${this.#label(record)}"`)}</h3>
      ${
        history === undefined
          ? html`<p role="status">${msg('Loading…')}</p>`
          : history.length === 0
            ? html`<p>${msg('No changes recorded: the record came with the demo or a restore, or is anonymous.')}</p>`
            : html`<table>
              <thead>
                <tr>
                  <th scope="col">${msg('When')}</th>
                  <th scope="col">${msg('Who')}</th>
                  <th scope="col">${msg('Device')}</th>
                  <th scope="col">${msg('Fields changed')}</th>
                </tr>
              </thead>
              <tbody>
                ${history.map(
                  (h) =>
                    html`<tr>
                      <td>${when(h.at)}</td>
                      <td>${h.personName || h.person || msg('no one (a shared screen)')}</td>
                      <td>${h.deviceLabel || h.role}</td>
                      <td>${h.fields.join(', ')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }
}

customElements.get('kiosk-record-history') ?? customElements.define('kiosk-record-history', KioskRecordHistory);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-record-history': KioskRecordHistory;
  }
}

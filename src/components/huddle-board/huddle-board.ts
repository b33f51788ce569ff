import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { HuddleEventMap } from '../events.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { BoardGlanceController, boardHeaderStyles, HEADER_CLOCK_MS, renderBoardHeader } from './board-glance.js';
import { ClockController } from '../../controllers/clock.js';
import { prepareBoardFormats } from '../format.js';
import { inBoardOrder, type AgendaPart, type Kpi, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { isWallTheme } from '../../context/settings-context.js';
import '../huddle-agenda/huddle-agenda.js';
import '../kpi-calendar/kpi-calendar.js';
import '../kpi-trend/kpi-trend.js';
import '../huddle-actions/huddle-actions.js';
import '../huddle-escalations/huddle-escalations.js';
import '../huddle-attendance/huddle-attendance.js';
import '../huddle-resources/huddle-resources.js';
import '../improvement-card/improvement-card.js';
import '../huddle-kudos/huddle-kudos.js';

export const BOARD_VIEWS = ['reflect', 'plan', 'improve', 'actions', 'escalations'] as const;
export type BoardView = (typeof BOARD_VIEWS)[number];

/**
 * @summary The whole tier board a team stands at: name, date and what is abnormal at a
 * glance; the three-part huddle with its timer; KPIs, plan, improvement, actions and
 * escalations one tap apart. Tier 2 and 3 boards are the same element.
 *
 * @attr unit - Id of the board (unit) to show.
 * @attr view - The part shown: `reflect`, `plan`, `improve`, `actions` or `escalations`. Follows the running huddle part.
 * @attr kpis-per-page - KPI calendars per page (default 6).
 *
 * @fires action-created - Bubbled from the actions list.
 * @fires action-escalated - Bubbled from the actions list.
 * @fires escalation-updated - Bubbled from the escalations panel.
 * @fires kpi-value-recorded - Bubbled from a KPI calendar.
 * @fires huddle-started - Bubbled from the agenda.
 * @fires huddle-ended - Bubbled from the agenda.
 *
 * @csspart base - The whole board.
 * @csspart header - Name, date and the at-a-glance summary.
 * @csspart summary - The at-a-glance list of what is abnormal.
 * @csspart tabs - The row of view tabs.
 * @csspart panel - The area showing the current view.
 *
 * @cssprop --he-font-size - Base text size (the wall theme uses 24 px at 1080p).
 * @cssprop --he-target-size - Smallest touch target (64 px in the wall theme).
 */
export class HuddleBoard extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    boardHeaderStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
        background: var(--_surface-raised);
        color: var(--_text);
      }
      .board {
        display: grid;
        grid-template-rows: auto auto auto 1fr;
        gap: var(--_space);
        padding: var(--_space);
        height: 100%;
        min-height: 0;
      }
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      [role='tab'][aria-selected='true'] {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_on-accent);
        font-weight: 700;
      }
      /* Views page their lists to fit a wall screen; scrolling is only a safety net. */
      [role='tabpanel'] {
        min-height: 0;
        overflow: auto;
      }
      /* Six KPI cards across a 1080p wall in the wall theme; one column at 400 px. */
      .grid {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, calc(var(--_size) * 12)), 1fr));
        align-items: start;
        --he-calendar-size: calc(var(--_size) * 15);
      }
      :host([data-theme^='wall']) .grid {
        --he-calendar-size: calc(var(--_size) * 11);
      }
      .two {
        display: grid;
        gap: calc(var(--_space) * 2);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24em), 1fr));
        align-items: start;
      }
      .stack {
        display: grid;
        gap: var(--_space);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space);
        margin-bottom: var(--_space);
      }
      .toolbar h2 {
        margin: 0;
        font-size: var(--_size-large);
      }
      .toolbar > div {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
      }
      @container (max-width: 480px) {
        [role='tab'] {
          flex: 1 1 40%;
        }
      }
    `,
  ];

  /** Id of the board to show. */
  @property({ reflect: true }) unit = '';
  /** The view shown; follows the running huddle part. */
  @property({ reflect: true }) view: BoardView = 'reflect';
  /** KPI calendars per page. */
  @property({ type: Number, attribute: 'kpis-per-page' }) kpisPerPage = 6;

  @state() private kpiPage = 0;
  /** On a board with shifts, the shift whose huddle the agenda shows (attendance is taken for it). */
  @state() private shift?: string;
  @state() private kpiMode: 'calendars' | 'weeks' | 'months' = 'calendars';

  readonly #glance = new BoardGlanceController(
    this,
    () => this.activeStore,
    () => this.unit,
  );
  /** Redraws the header's time of day (stopped on disconnect). */
  protected readonly clock = new ClockController(this, () => true, HEADER_CLOCK_MS);

  constructor() {
    super();
    // While a huddle runs, the board shows the part being discussed.
    this.addEventListener('agenda-part-changed', (event) => {
      const part: AgendaPart | undefined = event.detail.part;
      if (part) this.view = part;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.onDisconnect(() => {
      this.#stopPreparingFormats?.();
      this.#formatsPreparedFor = null;
    });
  }

  /** The locale whose formatters are being built ahead of the board's first render with data (null: none yet). */
  #formatsPreparedFor: string | undefined | null = null;
  #stopPreparingFormats: (() => void) | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The organisation's locale arrives with its settings, before the board's records: the
    // formatters are built for that one (built for the page's language, they went unused and
    // the board's first render built its own).
    if (this.#formatsPreparedFor !== this.locale) {
      this.#stopPreparingFormats?.();
      this.#formatsPreparedFor = this.locale;
      this.#stopPreparingFormats = prepareBoardFormats(this.locale);
    }
    if (changed.has('unit')) this.kpiPage = 0;
  }

  private viewName(view: BoardView): string {
    return {
      reflect: msg('Reflect'),
      plan: msg('Plan'),
      improve: msg('Improve'),
      actions: msg('Actions'),
      escalations: msg('Escalations'),
    }[view];
  }

  protected override render() {
    const today = this.activeStore.today();
    // Figures show only once every query has answered: a wall must never flash "0 overdue".
    const glance = this.#glance.glance(today);
    if (!glance) {
      const unit = this.#glance.unit;
      const message = !this.unit
        ? msg('No board chosen.')
        : (this.errorText(unit.error) ?? (unit.loaded && !unit.value ? msg(str`There is no board with id "${this.unit}".`) : msg('Opening the board…')));
      return html`<div class="board" part="base" role="status">${message}</div>`;
    }
    const { unit, kpis, red, openActions, sent, waiting } = glance;
    const counts: Record<BoardView, number | undefined> = {
      reflect: red,
      plan: undefined,
      improve: undefined,
      actions: openActions.length,
      escalations: waiting + sent,
    };
    return html`
      <section class="board" part="base" aria-labelledby="board-name">
        ${renderBoardHeader(glance, today, new Date(), this.locale, this.effectiveTheme)}
        <huddle-agenda
          unit=${unit.id}
          .store=${this.activeStore}
          .theme=${this.effectiveTheme}
          @huddle-shift-changed=${(e: HuddleEventMap['huddle-shift-changed']) => (this.shift = e.detail.shift)}
        ></huddle-agenda>
        <div role="tablist" part="tabs" aria-label=${msg('Board views')} @keydown=${this.onTabKey}>
          ${BOARD_VIEWS.map(
            (view) => html`<button
              role="tab"
              id="tab-${view}"
              aria-selected=${this.view === view ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${this.view === view ? 0 : -1}
              @click=${() => (this.view = view)}
            >
              ${this.viewName(view)}${counts[view] ? html` <span>(${counts[view]})</span>` : nothing}
            </button>`,
          )}
        </div>
        <div id="panel" role="tabpanel" part="panel" aria-labelledby="tab-${this.view}">${this.renderView(unit, kpis)}</div>
      </section>
    `;
  }

  private renderView(unit: Unit, kpis: Kpi[]) {
    const store = this.activeStore;
    const theme = this.effectiveTheme;
    switch (this.view) {
      case 'reflect':
        return this.renderKpis(kpis);
      case 'plan':
        return html`<div class="stack">
          <huddle-attendance unit=${unit.id} shift=${ifDefined(this.shift)} .store=${store} .theme=${theme}></huddle-attendance>
          <huddle-resources unit=${unit.id} .store=${store} .theme=${theme}></huddle-resources>
        </div>`;
      case 'improve':
        return html`<div class="two">
          <improvement-card unit=${unit.id} .store=${store} .theme=${theme}></improvement-card>
          <huddle-kudos unit=${unit.id} .store=${store} .theme=${theme}></huddle-kudos>
        </div>`;
      case 'actions':
        return html`<huddle-actions unit=${unit.id} .store=${store} .theme=${theme} page-size=${isWallTheme(theme) ? 5 : 8}></huddle-actions>`;
      case 'escalations':
        return html`<huddle-escalations unit=${unit.id} .store=${store} .theme=${theme}></huddle-escalations>`;
    }
  }

  private renderKpis(kpis: Kpi[]) {
    if (kpis.length === 0) return html`<p>${msg('This board has no KPIs yet.')}</p>`;
    const sorted = inBoardOrder(kpis);
    const pages = Math.ceil(sorted.length / this.kpisPerPage);
    const page = Math.min(this.kpiPage, pages - 1);
    const shown = sorted.slice(page * this.kpisPerPage, (page + 1) * this.kpisPerPage);
    const store = this.activeStore;
    const theme = this.effectiveTheme;
    const modes: [typeof this.kpiMode, string][] = [
      ['calendars', msg('Calendars')],
      ['weeks', msg('Trend by week')],
      ['months', msg('Trend by month')],
    ];
    return html`
      <div class="toolbar">
        <h2>${msg('KPIs')}</h2>
        <div role="group" aria-label=${msg('Show KPIs as')}>
          ${modes.map(([mode, label]) => html`<button aria-pressed=${this.kpiMode === mode ? 'true' : 'false'} @click=${() => (this.kpiMode = mode)}>${label}</button>`)}
        </div>
        ${
          pages > 1
            ? html`<div role="group" aria-label=${msg('KPI pages')}>
              <button ?disabled=${page === 0} @click=${() => (this.kpiPage = page - 1)}>${msg('Previous')}</button>
              <span>${msg(str`KPIs ${page * this.kpisPerPage + 1}–${page * this.kpisPerPage + shown.length} of ${sorted.length}`)}</span>
              <button ?disabled=${page === pages - 1} @click=${() => (this.kpiPage = page + 1)}>${msg('Next')}</button>
            </div>`
            : nothing
        }
      </div>
      <div class="grid">
        ${shown.map((kpi) =>
          this.kpiMode === 'calendars'
            ? html`<kpi-calendar kpi=${kpi.id} .store=${store} .theme=${theme}></kpi-calendar>`
            : html`<kpi-trend kpi=${kpi.id} period=${this.kpiMode === 'weeks' ? 'week' : 'month'} .store=${store} .theme=${theme}></kpi-trend>`,
        )}
      </div>
    `;
  }

  /** Arrow keys, Home and End move between tabs, as in every tab list. */
  private onTabKey(event: KeyboardEvent): void {
    const index = BOARD_VIEWS.indexOf(this.view);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % BOARD_VIEWS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + BOARD_VIEWS.length) % BOARD_VIEWS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? BOARD_VIEWS.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.view = BOARD_VIEWS[next]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.view}`)?.focus());
  }
}

customElements.get('huddle-board') ?? customElements.define('huddle-board', HuddleBoard);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-board': HuddleBoard;
  }
}

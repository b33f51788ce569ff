/**
 * The kiosk's first view while the full board is being built: every board of the
 * organisation in tier order, each with the figures a leader looks for first.
 * Every figure comes from src/model. Its colours are the kiosk's design tokens (inherited
 * from <kiosk-app>), so the screen's theme reaches it.
 */
import { LitElement, css, html, nothing, unsafeCSS } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { isOverdue, isUnassigned } from '../src/model/actions.js';
import { receivedAndOpen, sentAndOpen } from '../src/model/escalations.js';
import { boardKpiStatuses } from '../src/model/rollup.js';
import { addDays } from '../src/model/dates.js';
import { boardTree, leaderOf, tierLabel } from '../src/model/org.js';
import type { Action, Escalation, Kpi, KpiValue, OrgSettings, Person, Unit } from '../src/model/types.js';
import { LiveQueryController } from '../src/controllers/live-query.js';
import { allOf, orgSettings } from '../src/store/queries.js';
import type { HuddleStore } from '../src/store/contract.js';

/** A count in words: the one-form message for 1, the other for any other number. */
const count = (n: number, one: () => string, many: () => string) => (n === 1 ? one() : many());
/** Tiers indented below the top: by stylesheet rules, not inline styles a strict CSP refuses. */
const MAX_INDENT = 6;
const indents = unsafeCSS(Array.from({ length: MAX_INDENT }, (_, i) => `li[data-depth='${i + 1}'] { margin-inline-start: ${(i + 1) * 40}px; }`).join('\n'));

interface BoardFigures {
  unit: Unit;
  depth: number;
  leader?: Person;
  open: number;
  overdue: number;
  unassigned: number;
  redYesterday: number;
  /** KPIs with a result yesterday: none is not "all well". */
  reportedYesterday: number;
  kpis: number;
  escalationsWaiting: number;
  escalationsSent: number;
}

export class KioskBoardOverview extends LitElement {
  @property({ attribute: false }) store!: HuddleStore;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  readonly #org = new LiveQueryController<OrgSettings | undefined>(
    this,
    () => this.store,
    () => orgSettings(),
  );
  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.store,
    () => allOf('units'),
  );
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.store,
    () => allOf('people'),
  );
  readonly #actions = new LiveQueryController<Action[]>(
    this,
    () => this.store,
    () => allOf('actions'),
  );
  readonly #escalations = new LiveQueryController<Escalation[]>(
    this,
    () => this.store,
    () => allOf('escalations'),
  );
  readonly #kpis = new LiveQueryController<Kpi[]>(
    this,
    () => this.store,
    () => allOf('kpis'),
  );
  readonly #values = new LiveQueryController<KpiValue[]>(
    this,
    () => this.store,
    () => allOf('kpiValues'),
  );

  static override styles = [
    indents,
    css`
    :host {
      display: block;
      padding: 24px 32px;
      font-size: var(--_size);
    }
    h1 {
      font-size: var(--_size-title);
      margin: 0 0 4px;
    }
    .date {
      margin: 0 0 24px;
      color: var(--_text-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    li {
      background: var(--_surface);
      border: 2px solid var(--_border);
      border-radius: 12px;
      padding: 16px 20px;
    }
    .name {
      font-weight: 700;
      font-size: var(--_size-large);
      color: var(--_accent);
      display: inline-block;
      min-height: var(--_target);
      line-height: var(--_target);
    }
    .coach {
      float: inline-end;
      display: inline-block;
      min-height: var(--_target);
      line-height: var(--_target);
      padding: 0 16px;
      border: 2px solid var(--_border);
      border-radius: 8px;
      color: var(--_text);
      text-decoration: none;
    }
    .tier,
    .leader {
      color: var(--_text-muted);
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      margin-top: 8px;
    }
    .bad {
      color: var(--_problem-text);
      font-weight: 700;
    }
    .bad::before {
      content: '▲ ';
    }
  `,
  ];

  #figures(today: string): BoardFigures[] {
    const yesterday = addDays(today, -1);
    const units = this.#units.value ?? [];
    const people = this.#people.value ?? [];
    const actions = this.#actions.value ?? [];
    const escalations = this.#escalations.value ?? [];
    const kpis = this.#kpis.value ?? [];
    // Only yesterday's values count: filtered once here, not once per board.
    const values = (this.#values.value ?? []).filter((v) => v.day === yesterday);
    return boardTree(units).map(({ unit, depth }) => {
      const own = actions.filter((a) => a.unitId === unit.id && a.status !== 'done');
      // The same rule as the board's own header: a rolled-up KPI is red when a board below was.
      const statuses = [...boardKpiStatuses(unit.id, yesterday, units, kpis, values).values()];
      const leader = leaderOf(people, unit.id, unit);
      return {
        unit,
        depth,
        ...(leader ? { leader } : {}),
        open: own.length,
        overdue: own.filter((a) => isOverdue(a, today)).length,
        unassigned: own.filter((a) => isUnassigned(a)).length,
        redYesterday: statuses.filter((status) => status === 'red').length,
        reportedYesterday: statuses.filter((status) => status !== 'none').length,
        kpis: statuses.length,
        escalationsWaiting: receivedAndOpen(escalations, unit.id).length,
        escalationsSent: sentAndOpen(escalations, unit.id).length,
      };
    });
  }

  protected override render() {
    if (!this.#units.value) return html`<p role="status">${msg('Loading the boards…')}</p>`;
    const today = this.store.today();
    const org = this.#org.value;
    const dateText = new Intl.DateTimeFormat(org?.locale || undefined, { dateStyle: 'full' }).format(new Date(`${today}T12:00:00`));
    return html`
      <h1>${org?.name ?? msg('Huddle boards')}</h1>
      <p class="date">${dateText}</p>
      <ul aria-label=${msg('Boards')}>
        ${this.#figures(today).map(
          (b) => html`<li data-depth=${Math.min(b.depth, MAX_INDENT)} data-unit=${b.unit.id}>
            <a class="name" href="?unit=${encodeURIComponent(b.unit.id)}">${b.unit.name}</a>
            <span class="tier">· ${org ? tierLabel(org, b.unit.tier) : msg(str`Tier ${b.unit.tier}`)}</span>
            ${b.leader ? html`<span class="leader">· ${b.leader.name}</span>` : nothing}
            <!-- The card on this board's huddle, with its board one tap away in the bar. -->
            <a class="coach" href=${`?unit=${encodeURIComponent(b.unit.id)}&views=card,board`}>${msg('Coach this huddle')}</a>
            <div class="figures">
              <span>${count(
                b.open,
                () => msg('1 open action'),
                () => msg(str`${b.open} open actions`),
              )}</span>
              <span class=${b.overdue ? 'bad' : ''}>${msg(str`${b.overdue} overdue`)}</span>
              <span class=${b.unassigned ? 'bad' : ''}>${msg(str`${b.unassigned} unassigned`)}</span>
              ${
                b.kpis > 0 && b.reportedYesterday === 0
                  ? html`<span data-kpis="none">${msg('No KPI results yesterday')}</span>`
                  : html`<span class=${b.redYesterday ? 'bad' : ''}>${msg(str`${b.redYesterday} of ${b.kpis} KPIs red yesterday`)}</span>`
              }
              <span>${count(
                b.escalationsSent,
                () => msg('1 escalation sent and open'),
                () => msg(str`${b.escalationsSent} escalations sent and open`),
              )}</span>
              <span class=${b.escalationsWaiting ? 'bad' : ''}>${count(
                b.escalationsWaiting,
                () => msg('1 escalation waiting here'),
                () => msg(str`${b.escalationsWaiting} escalations waiting here`),
              )}</span>
            </div>
          </li>`,
        )}
      </ul>
    `;
  }
}

customElements.get('kiosk-board-overview') ?? customElements.define('kiosk-board-overview', KioskBoardOverview);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-board-overview': KioskBoardOverview;
  }
}

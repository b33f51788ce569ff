/**
 * A board's header - its name, tier, leader, date and time, and what is abnormal at a glance
 * (the 1-3-10 rule: read in a second from across the room) - in one place for the board and
 * for every other wall screen of that board (cascade, feedback, impact, pulse), so they all say
 * the same thing the same way.
 */
import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { LiveQueryController } from '../../controllers/live-query.js';
import type { HuddleStore, Query } from '../../store/contract.js';
import { escalationsOfUnit, kpiStatusesOn, orgSettings, recordById, whereEquals } from '../../store/queries.js';
import {
  addDays,
  isOverdue,
  leaderOf,
  receivedAndOpen,
  sentAndOpen,
  tierLabel,
  type Action,
  type DayStatus,
  type Escalation,
  type Kpi,
  type OrgSettings,
  type Person,
  type Unit,
} from '../../model/index.js';
import type { ThemeName } from '../../context/settings-context.js';
import { BOARD_DATE_FORMATS, formatClock, formatDay } from '../format.js';
import '../huddle-sync-status/huddle-sync-status.js';

/** The figures a board's header shows. */
export interface BoardGlance {
  unit: Unit;
  org: OrgSettings | undefined;
  leader: Person | undefined;
  kpis: Kpi[];
  /** KPIs red yesterday. */
  red: number;
  /** KPIs with any result yesterday: none means "no results", never a green tick. */
  reported: number;
  openActions: Action[];
  overdue: number;
  /** Escalations this board sent that are still open. */
  sent: number;
  /** Escalations from the boards below that wait on this one. */
  waiting: number;
}

/** The live queries behind a board's header, on the element that shows it (each unsubscribes on disconnect). */
export class BoardGlanceController {
  readonly unit: LiveQueryController<Unit | undefined>;
  readonly kpis: LiveQueryController<Kpi[]>;
  readonly actions: LiveQueryController<Action[]>;
  readonly #org: LiveQueryController<OrgSettings | undefined>;
  readonly #people: LiveQueryController<Person[]>;
  readonly #statuses: LiveQueryController<Map<string, DayStatus>>;
  readonly #escalations: LiveQueryController<{ sent: Escalation[]; received: Escalation[] }>;

  constructor(host: ReactiveControllerHost, store: () => HuddleStore, unitId: () => string) {
    const byUnit = <T>(query: (id: string) => Query<T>) => new LiveQueryController<T>(host, store, () => (unitId() ? query(unitId()) : undefined));
    this.unit = byUnit((id) => recordById('units', id));
    this.#org = new LiveQueryController(host, store, () => orgSettings());
    this.#people = byUnit((id) => whereEquals('people', 'unitId', id));
    this.kpis = byUnit((id) => whereEquals('kpis', 'unitId', id));
    this.#statuses = byUnit((id) => kpiStatusesOn(id, addDays(store().today(), -1)));
    this.actions = byUnit((id) => whereEquals('actions', 'unitId', id));
    this.#escalations = byUnit((id) => escalationsOfUnit(id));
  }

  /** True once every query answered: a wall must never flash "0 overdue". */
  get loaded(): boolean {
    return [this.unit, this.#org, this.#people, this.kpis, this.#statuses, this.actions, this.#escalations].every((q) => q.loaded);
  }

  /** The header's figures on `today`, once everything answered and the board exists. */
  glance(today: string): BoardGlance | undefined {
    const unit = this.unit.value;
    if (!unit || !this.loaded) return undefined;
    const statuses = [...(this.#statuses.value?.values() ?? [])];
    const openActions = (this.actions.value ?? []).filter((a) => a.status !== 'done');
    const escalations = this.#escalations.value ?? { sent: [], received: [] };
    return {
      unit,
      org: this.#org.value,
      leader: leaderOf(this.#people.value ?? [], unit.id, unit),
      kpis: this.kpis.value ?? [],
      red: statuses.filter((status) => status === 'red').length,
      reported: statuses.filter((status) => status !== 'none').length,
      openActions,
      overdue: openActions.filter((a) => isOverdue(a, today)).length,
      sent: sentAndOpen(escalations.sent, unit.id).length,
      waiting: receivedAndOpen(escalations.received, unit.id).length,
    };
  }
}

/** How often a header redraws its clock: a wall shows the minute, a few seconds late at most. */
export const HEADER_CLOCK_MS = 10_000;

/** The header itself: `now` is the time shown beside the date (a wall has no other clock). */
export function renderBoardHeader(glance: BoardGlance, today: string, now: Date, locale: string | undefined, theme: ThemeName) {
  const { unit, org, leader, kpis, red, reported, overdue, sent, waiting } = glance;
  const time = formatClock(now, locale);
  return html`<header part="header">
    <div class="identity">
      <h1 id="board-name" class="user-text">${unit.name}</h1>
      <p>
        <span>${org ? tierLabel(org, unit.tier) : msg(str`Tier ${unit.tier}`)}</span>
        ${leader ? html` · <span class="user-text">${leader.name}</span>` : nothing}
        · <time datetime=${today}>${formatDay(today, locale, BOARD_DATE_FORMATS.weekdayDate)}</time>
        · <time class="clock" datetime=${now.toTimeString().slice(0, 5)}>${time}</time>
      </p>
    </div>
    <ul class="summary" part="summary" aria-label=${msg('At a glance')}>
      ${
        reported === 0 && kpis.length > 0
          ? html`<li data-kpis="none"><span aria-hidden="true">– </span>${msg('No KPI results yesterday')}</li>`
          : html`<li class=${red ? 'bad' : 'ok'}><span aria-hidden="true">${red ? '✗ ' : '✓ '}</span>${msg(str`${red} of ${kpis.length} KPIs red yesterday`)}</li>`
      }
      <li class=${overdue ? 'bad' : 'ok'}><span aria-hidden="true">${overdue ? '▲ ' : '✓ '}</span>${msg(str`${overdue} actions overdue`)}</li>
      <li><span aria-hidden="true">⇧ </span>${msg(str`${sent} escalated`)}</li>
      ${unit.tier > 1 || waiting ? html`<li class=${waiting ? 'bad' : ''}><span aria-hidden="true">⇩ </span>${msg(str`${waiting} waiting on us`)}</li>` : nothing}
    </ul>
    <huddle-sync-status .theme=${theme}></huddle-sync-status>
  </header>`;
}

export const boardHeaderStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  h1 {
    margin: 0;
    font-size: var(--_size-title);
    line-height: 1.1;
  }
  .identity p {
    margin: 0;
    color: var(--_text-muted);
  }
  .summary {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .summary li {
    padding: calc(var(--_space) / 2) var(--_space);
    border-radius: var(--_radius);
    border: 2px solid var(--_border);
    background: var(--_surface);
    font-weight: 700;
  }
  .summary li.bad {
    background: var(--_red);
    border-color: var(--_red);
    color: var(--_on-status);
  }
  .summary li.ok {
    background: var(--_green);
    border-color: var(--_green);
    color: var(--_on-status);
  }
`;

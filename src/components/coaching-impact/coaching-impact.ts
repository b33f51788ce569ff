import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Chart } from 'chart.js';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import type { Query } from '../../store/contract.js';
import {
  addDays,
  behaviourChanges,
  behaviourLabel,
  calendarOf,
  currentChecklist,
  changeOf,
  clockAt,
  greenShareByWeek,
  leaderOf,
  observationTrend,
  previousPeriod,
  teamImpact,
  type BehaviourChange,
  type Change,
  type EntityKind,
  type EntityMap,
  type Figure,
  type TeamData,
  type TeamImpact,
  type Unit,
  type WeeklyScore,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { formatDay, formatNumber } from '../format.js';
import { WALL_CHART_OPTIONS, chartTheme } from '../chart-theme.js';
import { lineChartsFor } from '../line-charts.js';
import { localChecklist } from '../checklist-words.js';

const KINDS = [
  'units',
  'people',
  'coachingPairs',
  'coachingSessions',
  'huddles',
  'actions',
  'escalations',
  'feedback',
  'kpis',
  'kpiValues',
  'checklists',
] as const satisfies readonly EntityKind[];
type ImpactData = { [K in (typeof KINDS)[number]]: EntityMap[K][] };

const impactQuery: Query<ImpactData> = {
  key: 'coaching-impact',
  reads: KINDS.map((kind) => ({ kind })),
  run: async (reader) => Object.fromEntries(await Promise.all(KINDS.map(async (kind) => [kind, await reader.all(kind)]))) as ImpactData,
};

type FigureKey = keyof TeamImpact;
const LEADING: FigureKey[] = [
  'observationScore',
  'cadenceKept',
  'followUpsKept',
  'huddlesHeld',
  'huddlesOnTime',
  'actionsOnTime',
  'escalationsResolved',
  'pulse',
];
const LAGGING: FigureKey[] = ['greenDays'];

/**
 * @summary Is the coaching working? For each team under a board: the leading indicators
 * (observation scores, coaching cadence kept, follow-ups kept, huddles held and on time,
 * actions closed on time, escalations resolved, pulse) beside the lagging one (share of
 * green KPI days), each against the previous period, which behaviours of the huddle are
 * improving, and a chart of behaviour against results. A figure resting on too little data
 * says so instead of drawing a trend.
 *
 * @attr unit - The board: a team, or an area or plant to compare its teams.
 * @attr weeks - The period, in weeks up to today, compared with as many weeks before (default 6); the charts show both.
 *
 * @csspart base - The whole screen.
 * @csspart table - The figures.
 * @csspart behaviours - Which behaviours are improving.
 * @csspart chart - One team's chart.
 *
 * @cssprop --he-impact-chart-height - Height of each team's chart (default 12em).
 */
export class CoachingImpact extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      table {
        width: 100%;
      }
      th,
      td {
        vertical-align: top;
        padding: calc(var(--_space) / 2);
      }
      thead th {
        font-size: var(--_size-small);
      }
      thead button {
        font: inherit;
        font-weight: 700;
        text-align: start;
        text-decoration: underline dotted;
      }
      .definition:empty {
        display: none;
      }
      .who {
        display: block;
        font-weight: 400;
      }
      .lagging {
        background: var(--_surface-raised);
      }
      .thin {
        color: var(--_text-muted);
        font-style: italic;
      }
      .behaviours h3 button {
        font: inherit;
        font-weight: 700;
        text-align: start;
        text-decoration: underline dotted;
      }
      .charts {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 24em), 1fr));
      }
      figure {
        margin: 0;
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      figcaption {
        font-weight: 700;
      }
      .chart {
        position: relative;
        height: var(--he-impact-chart-height, 12em);
      }
    `,
  ];

  @property({ reflect: true }) unit = '';
  @property({ type: Number }) weeks = 6;

  /** The figure whose definition is open (tap its name). */
  @state() private explained?: FigureKey | 'behaviours';

  readonly #data = new LiveQueryController<ImpactData>(
    this,
    () => this.activeStore,
    () => impactQuery,
  );
  readonly #charts = new Map<string, Chart>();
  /** Each team's weekly series, computed once per render for the charts drawn after it. */
  readonly #series = new Map<string, { trend: WeeklyScore[]; green: Map<string, number> }>();

  private teams(data: ImpactData): Unit[] {
    const live = data.units.filter((u) => !u.deletedAt);
    const self = live.find((u) => u.id === this.unit);
    if (!self) return [];
    if (self.tier === 1) return [self];
    const below = (id: string): Unit[] => live.filter((u) => u.parentId === id).flatMap((u) => (u.tier === 1 ? [u] : below(u.id)));
    return below(self.id).sort((a, b) => a.name.localeCompare(b.name));
  }

  private teamData(data: ImpactData, team: Unit): TeamData {
    const leader = leaderOf(data.people, team.id, team);
    const calendar = calendarOf(team.id, data.units);
    return {
      unitId: team.id,
      ...(team.huddleAt ? { huddleAt: team.huddleAt } : {}),
      calendar,
      ...(team.shifts ? { shifts: team.shifts } : {}),
      minutesNow: clockAt(new Date(), calendar.timeZone).minutes,
      ...(leader ? { leaderId: leader.id } : {}),
      pairs: data.coachingPairs,
      sessions: data.coachingSessions,
      huddles: data.huddles,
      actions: data.actions,
      escalations: data.escalations,
      feedback: data.feedback,
      kpis: data.kpis,
      values: data.kpiValues,
    };
  }

  /** Who the figures are about: the team's leader, and who coaches them on their huddle. */
  private renderWho(data: ImpactData, team: Unit) {
    const leader = leaderOf(data.people, team.id, team);
    if (!leader) return nothing;
    const pair = data.coachingPairs.find((p) => !p.deletedAt && p.learnerId === leader.id && p.kind === 'huddle-observation' && p.direction === 'down');
    const coach = pair ? data.people.find((p) => p.id === pair.coachId) : undefined;
    return html`<span class="who muted">
      <span class="user-text">${leader.name}</span>${coach ? html`, ${msg(str`coached by ${coach.name}`)}` : nothing}
    </span>`;
  }

  /**
   * Which behaviours of the huddle are improving across the teams' leaders: each behaviour rated
   * when their huddles were observed, this period against the one before, improving first.
   */
  private renderBehaviours(data: ImpactData, teams: readonly Unit[], period: { from: string; to: string }, previous: { from: string; to: string }) {
    const leaders = new Set(teams.flatMap((team) => leaderOf(data.people, team.id, team)?.id ?? []));
    const changes = behaviourChanges(data.coachingSessions, leaders, period, previous);
    // A behaviour keeps its name after it is retired or the checklist is edited: every version is asked.
    const templates = [currentChecklist(data.checklists, 'huddle-observation'), ...data.checklists.filter((t) => t.kind === 'huddle-observation')].map(
      localChecklist,
    );
    const labelOf = (id: string) => templates.map((t) => behaviourLabel(t, id)).find((label) => label !== undefined) ?? id;
    const share = (figure: Figure) => (figure.value === null ? msg('too little data') : `${Math.round(figure.value * 100)} %`);
    return html`<section class="behaviours" aria-labelledby="behaviours-title">
      <h3 id="behaviours-title">
        <button aria-controls="behaviours-definition" aria-expanded=${this.explained === 'behaviours' ? 'true' : 'false'} @click=${() =>
          (this.explained = this.explained === 'behaviours' ? undefined : 'behaviours')}>${msg('Which behaviours are improving?')}</button>
      </h3>
      <p id="behaviours-definition" class="definition" role="status">${
        this.explained === 'behaviours'
          ? msg(
              "Each behaviour of the huddle checklist, as rated when the team leaders' huddles were observed by their coach or a peer: the mean rating (consistently 100 %, partly 50 %, not seen 0) in this period and the one before. ▲ or ▼ when the change is larger than its ratings scatter; shown from 3 ratings in a period.",
            )
          : nothing
      }</p>
      ${
        changes.length === 0
          ? html`<p class="thin">${msg('No behaviour was rated in a huddle observation in these periods.')}</p>`
          : html`<table part="behaviours">
              <caption class="visually-hidden">${msg('Each observed behaviour, this period against the one before')}</caption>
              <thead>
                <tr>
                  <th scope="col">${msg('Behaviour')}</th>
                  <th scope="col">${msg('This period')}</th>
                  <th scope="col">${msg('The period before')}</th>
                </tr>
              </thead>
              <tbody>
                ${changes.map(
                  (c: BehaviourChange) => html`<tr data-behaviour=${c.behaviourId} data-change=${c.change ?? 'unknown'}>
                    <th scope="row" class="user-text">${labelOf(c.behaviourId)}</th>
                    <td class=${c.now.value === null ? 'thin' : ''}>${share(c.now)}${this.changeMark(c.change)}</td>
                    <td class=${c.before.value === null ? 'thin' : ''}>${share(c.before)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
  }

  private label(key: FigureKey): string {
    return {
      observationScore: msg('Observed behaviours'),
      cadenceKept: msg('Coaching cadence kept'),
      followUpsKept: msg('Follow-ups kept'),
      huddlesHeld: msg('Huddles held'),
      huddlesOnTime: msg('Huddles on time'),
      actionsOnTime: msg('Actions closed on time'),
      escalationsResolved: msg('Escalations resolved'),
      pulse: msg('Huddle pulse (1-5)'),
      greenDays: msg('KPI days on target'),
    }[key];
  }

  /** How each figure is counted, one tap from its name: a manager acts on these. */
  private definition(key: FigureKey): string {
    return {
      observationScore: msg(
        "The team leader's huddles as observed by their coach or a peer in the period: the mean rating of the behaviours rated (consistently 100 %, partly 50 %, not seen 0). Feedback from the team has its own pulse. Shown from 2 observations.",
      ),
      cadenceKept: msg(
        'For each coaching pair of the team leader: the share of its cadence windows in the period (each week for a weekly pair) that held a conversation - counted from the day the pair began, each window under the cadence it had then; the mean over the pairs.',
      ),
      followUpsKept: msg(
        'Follow-ups agreed with the team leader whose day, plus 2 days, has passed: the share the same coach kept with another conversation in time. Another coach or a peer does not keep it; an anonymous note owes none.',
      ),
      huddlesHeld: msg(
        "The board's working days in the period (its working week, less holidays and shutdowns) with a huddle. Today counts once its huddle was held or its time has passed. Shown from 5 working days.",
      ),
      huddlesOnTime: msg(
        "Huddles that started within 5 minutes of the board's huddle time, on the site's clock (a board without a time: of its usual start). Shown from 5 huddles.",
      ),
      actionsOnTime: msg('Actions due in the period: the share marked done by their due day. Shown from 3 actions.'),
      escalationsResolved: msg(
        'Escalations the team sent in the period, at least 7 days before its end (the time they had to be answered): the share resolved by its end. Shown from 3.',
      ),
      pulse: msg('The mean answer (1 to 5) to the huddle pulse in the period. Shown once 5 people answered.'),
      greenDays: msg("Days with a result of one of the team's KPIs in the period: the share on target. Shown from 10 results."),
    }[key];
  }

  private show(key: FigureKey, figure: Figure): string {
    if (figure.value === null) return msg('too little data');
    return key === 'pulse' ? formatNumber(Math.round(figure.value * 10) / 10, this.locale) : `${Math.round(figure.value * 100)} %`;
  }

  /** The change against the previous period, as a symbol and words. */
  private change(key: FigureKey, now: Figure, before: Figure) {
    return this.changeMark(changeOf(now, before, key === 'pulse' ? 'pulse' : 'share'));
  }

  private changeMark(change: Change | undefined) {
    if (change === undefined) return nothing;
    if (change === 'same') return html` <span><span aria-hidden="true">=</span><span class="visually-hidden">${msg('about the same as before')}</span></span>`;
    return change === 'better'
      ? html` <span><span aria-hidden="true">▲</span><span class="visually-hidden">${msg('better than before')}</span></span>`
      : html` <span class="flag"><span aria-hidden="true">▼</span><span class="visually-hidden">${msg('worse than before')}</span></span>`;
  }

  protected override render() {
    const data = this.#data.value;
    if (!data) return html`<p role="status">${this.errorText(this.#data.error) ?? msg('Loading the figures…')}</p>`;
    const today = this.activeStore.today();
    const from = addDays(today, -this.weeks * 7 + 1);
    const before = previousPeriod(from, today);
    const teams = this.teams(data);
    const unit = data.units.find((u) => u.id === this.unit);
    if (!unit) return html`<p role="status">${msg(str`There is no board with id "${this.unit}".`)}</p>`;
    // Charts show both periods: behaviour before and after, with the results beside it.
    this.#series.clear();
    const rows = teams.map((team) => {
      const teamData = this.teamData(data, team);
      const trend = observationTrend(teamData, before.from, today);
      const series = trend ? { trend, green: new Map(greenShareByWeek(teamData, before.from, today).map((w) => [w.week, w.share])) } : undefined;
      if (series) this.#series.set(team.id, series);
      return { team, series, now: teamImpact(teamData, from, today), before: teamImpact(teamData, before.from, before.to) };
    });
    const columns = [...LEADING, ...LAGGING];
    return html`
      <section part="base" aria-labelledby="impact-title">
        <header>
          <h2 id="impact-title" class="user-text">${msg(str`Is the coaching working? ${unit.name}`)}</h2>
          <span>${msg(str`${formatDay(from, this.locale, { day: 'numeric', month: 'short' })} to ${formatDay(today, this.locale, { day: 'numeric', month: 'short' })}, against the ${this.weeks} weeks before`)}</span>
        </header>
        <table part="table">
          <caption class="visually-hidden">${msg('Behaviour (leading) and results (lagging) per team')}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Team')}</th>
              ${columns.map(
                (key) => html`<th scope="col" class=${LAGGING.includes(key) ? 'lagging' : ''}>
                  <button aria-controls="definition" aria-expanded=${this.explained === key ? 'true' : 'false'} @click=${() => (this.explained = this.explained === key ? undefined : key)}>${this.label(key)}</button>
                </th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              ({ team, now, before: previous }) => html`<tr data-team=${team.id}>
                <th scope="row"><span class="user-text">${team.name}</span>${this.renderWho(data, team)}</th>
                ${columns.map(
                  (key) => html`<td data-figure=${key} class="${LAGGING.includes(key) ? 'lagging' : ''} ${now[key].value === null ? 'thin' : ''}">
                    ${this.show(key, now[key])}${this.change(key, now[key], previous[key])}
                  </td>`,
                )}
              </tr>`,
            )}
          </tbody>
        </table>
        <p id="definition" class="definition" role="status">${
          this.explained && this.explained !== 'behaviours' ? html`<strong>${this.label(this.explained)}:</strong> ${this.definition(this.explained)}` : nothing
        }</p>
        <p class="muted">${msg('Tap a figure\'s name for how it is counted. ▲ better, ▼ worse: a change larger than chance would make with this much data; = about the same as the period before. "too little data": fewer than 2 observations, 5 working days or huddles, 3 actions due, 3 escalations, pulse answers from 5 people or 10 KPI days.')}</p>
        ${this.renderBehaviours(data, teams, { from, to: today }, before)}
        <div class="charts">
          ${rows.map(({ team, series }) => {
            const trend = series?.trend;
            return html`<figure part="chart" data-team=${team.id}>
              <figcaption class="user-text">${msg(str`${team.name}: behaviour and results per week`)}</figcaption>
              ${
                trend
                  ? html`<div class="chart"><canvas role="img" aria-label=${msg(str`${team.name}: weekly observation score and share of green KPI days; the table has the figures`)}></canvas></div>`
                  : html`<p class="thin" data-no-trend>${msg('Too little coaching data for a trend: fewer than three weeks with an observation.')}</p>`
              }
            </figure>`;
          })}
        </div>
      </section>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An update can land just after removal (the kiosk swaps its views at midnight as the day's
    // queries answer): a chart drawn then would never be destroyed, and chart.js keeps it for ever.
    if (!this.isConnected) return;
    const LineChart = lineChartsFor(this);
    if (!LineChart) return;
    const theme = chartTheme(this);
    const { font, text } = theme;
    const seen = new Set<string>();
    for (const figure of this.renderRoot.querySelectorAll<HTMLElement>('figure[data-team]')) {
      const teamId = figure.dataset['team']!;
      const canvas = figure.querySelector('canvas');
      const series = this.#series.get(teamId);
      if (!canvas || !series) continue;
      seen.add(teamId);
      const weeks = series.trend.map((w) => w.week);
      const labels = weeks.map((w) => formatDay(w, this.locale, { day: 'numeric', month: 'short' }));
      const datasets = [
        {
          label: msg('Observed behaviours %'),
          data: series.trend.map((w) => Math.round(w.score * 100)),
          borderColor: theme.colour('--_accent'),
          borderWidth: 3,
          pointStyle: 'circle' as const,
        },
        {
          label: msg('KPI days on target %'),
          data: weeks.map((w) => (series.green.has(w) ? Math.round(series.green.get(w)! * 100) : null)),
          borderColor: theme.colour('--_green'),
          borderWidth: 3,
          borderDash: [8, 5],
          pointStyle: 'rect' as const,
        },
      ];
      const existing = this.#charts.get(teamId);
      if (existing && existing.canvas === canvas) {
        existing.data.labels = labels;
        existing.data.datasets = datasets;
        existing.update('none');
        continue;
      }
      existing?.destroy();
      this.#charts.set(
        teamId,
        new LineChart(canvas, {
          type: 'line',
          data: { labels, datasets },
          options: {
            ...WALL_CHART_OPTIONS,
            scales: { y: { min: 0, max: 100, ticks: { color: text, font } }, x: { ticks: { color: text, font } } },
            plugins: { legend: { labels: { color: text, font, usePointStyle: true } } },
          },
        }),
      );
    }
    for (const [teamId, chart] of this.#charts) {
      if (!seen.has(teamId)) {
        chart.destroy();
        this.#charts.delete(teamId);
      }
    }
  }

  /** The chart.js instances, by team (for tests and hosts that export them). */
  get charts(): ReadonlyMap<string, Chart> {
    return this.#charts;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const chart of this.#charts.values()) chart.destroy();
    this.#charts.clear();
  }
}

customElements.get('coaching-impact') ?? customElements.define('coaching-impact', CoachingImpact);

declare global {
  interface HTMLElementTagNameMap {
    'coaching-impact': CoachingImpact;
  }
}

import { css, html, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import type { Chart, PointStyle } from 'chart.js';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { recordById, rollupInputs, whereEquals } from '../../store/queries.js';
import { aggregateOf, kpiTrend, rollupTrend, type DayStatus, type Kpi, type KpiValue, type TrendPeriod, type TrendPoint } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { formatDay, formatNumber } from '../format.js';
import { WALL_CHART_OPTIONS, chartTheme } from '../chart-theme.js';
import { lineChartsFor } from '../line-charts.js';
import { dayStatusWord } from '../enum-words.js';

/** A shape per status, so a point's status reads without colour. */
const POINT_STYLE: Record<DayStatus, PointStyle> = { green: 'circle', amber: 'triangle', red: 'crossRot', none: 'line' };

/**
 * @summary A KPI's actual against target over weeks or months (chart.js), each point
 * coloured and shaped by its status, with the same figures as a table for screen readers.
 *
 * @attr kpi - Id of the KPI.
 * @attr period - `week` or `month`.
 * @attr periods - How many periods to show (default 12).
 *
 * @csspart base - The whole card.
 * @csspart chart - The chart's box.
 *
 * @cssprop --he-color-accent - The actual line.
 * @cssprop --he-color-text-muted - The target line.
 * @cssprop --he-trend-height - Height of the chart (default 14em, at most about a third of the screen).
 */
export class KpiTrend extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      /* One column that may shrink: a chart sizes to its card, never the card to a chart drawn wider before. */
      .card {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--_space);
        margin: 0;
        background: var(--_surface);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
      }
      h3 {
        margin: 0;
        font-size: var(--_size);
      }
      .chart {
        position: relative;
        min-width: 0;
        height: var(--he-trend-height, min(14em, 36vh));
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 0 calc(var(--_space) * 2);
        color: var(--_text-muted);
        font-size: var(--_size-small);
      }
    `,
  ];

  /** Id of the KPI. */
  @property({ reflect: true }) kpi = '';
  /** `week` or `month`. */
  @property({ reflect: true }) period: TrendPeriod = 'week';
  /** How many periods to show. */
  @property({ type: Number }) periods = 12;

  @query('canvas') private canvas?: HTMLCanvasElement;

  #chart: Chart<'line', (number | null)[], string> | undefined;

  readonly #kpi = new LiveQueryController<Kpi | undefined>(
    this,
    () => this.activeStore,
    () => (this.kpi ? recordById('kpis', this.kpi) : undefined),
  );
  readonly #values = new LiveQueryController<KpiValue[]>(
    this,
    () => this.activeStore,
    () => (this.kpi ? whereEquals('kpiValues', 'kpiId', this.kpi) : undefined),
  );
  readonly #rollup = new LiveQueryController<{ sources: Kpi[]; values: KpiValue[] }>(
    this,
    () => this.activeStore,
    () => (this.#kpi.value?.rollup ? rollupInputs(this.#kpi.value) : undefined),
  );

  /** The chart.js instance, while connected (for hosts that want to export it). */
  get chart(): Chart<'line', (number | null)[], string> | undefined {
    return this.#chart;
  }

  private points(kpi: Kpi): TrendPoint[] {
    const today = this.activeStore.today();
    const rollup = kpi.rollup ? this.#rollup.value : undefined;
    return rollup
      ? rollupTrend(kpi, rollup.sources, rollup.values, this.period, this.periods, today)
      : kpiTrend(kpi, this.#values.value ?? [], this.period, this.periods, today);
  }

  private label(point: TrendPoint): string {
    return this.period === 'week'
      ? formatDay(point.start, this.locale, { day: 'numeric', month: 'short' })
      : formatDay(point.start, this.locale, { month: 'short', year: '2-digit' });
  }

  protected override render() {
    const kpi = this.#kpi.value;
    if (!kpi || !(kpi.rollup ? this.#rollup.loaded : this.#values.loaded)) {
      const message = this.errorText(this.#kpi.error) ?? (this.#kpi.loaded && !kpi ? msg(str`There is no KPI with id "${this.kpi}".`) : msg('Loading…'));
      return html`<div class="card" part="base" role="status">${message}</div>`;
    }
    const points = this.points(kpi);
    const periodWord = this.period === 'week' ? msg('week') : msg('month');
    return html`
      <figure class="card" part="base" aria-labelledby="trend-title">
        <h3 id="trend-title" class="user-text">${msg(str`${kpi.name}: actual and target per ${periodWord}`)}</h3>
        <div class="chart" part="chart">
          <canvas role="img" aria-label=${msg(str`${kpi.name} trend; the table below has the figures`)}></canvas>
        </div>
        <div class="legend" aria-hidden="true">
          <span>● ${dayStatusWord('green')}</span><span>▲ ${dayStatusWord('amber')}</span><span>✕ ${dayStatusWord('red')}</span>
          <span>- - ${
            aggregateOf(kpi) === 'sum'
              ? msg(str`target ${formatNumber(kpi.target, this.locale)} ${kpi.measure} a day, added up`)
              : msg(str`target ${formatNumber(kpi.target, this.locale)} ${kpi.measure}`)
          }</span>
        </div>
        <table class="visually-hidden">
          <caption>${msg(str`${kpi.name} per ${periodWord}`)}</caption>
          <thead><tr><th scope="col">${msg('Period')}</th><th scope="col">${msg('Actual')}</th><th scope="col">${msg('Status')}</th></tr></thead>
          <tbody>
            ${points.map(
              (p) => html`<tr>
                <th scope="row">${this.label(p)}</th>
                <td>${p.actual === null ? '–' : `${formatNumber(p.actual, this.locale)} ${kpi.measure}`}</td>
                <td>${dayStatusWord(p.status)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </figure>
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Not after removal: a chart drawn then would never be destroyed (chart.js keeps every instance).
    if (!this.isConnected) return;
    const kpi = this.#kpi.value;
    if (!kpi || !this.canvas) return;
    const LineChart = lineChartsFor(this);
    if (!LineChart) return;
    const points = this.points(kpi);
    const theme = chartTheme(this);
    const statusColour = (s: DayStatus) => theme.colour(`--_${s}`);
    const labels = points.map((p) => this.label(p));
    const actual = points.map((p) => (p.actual === null ? null : Math.round(p.actual * 100) / 100));
    const datasets = [
      {
        label: msg('Actual'),
        data: actual,
        borderColor: theme.colour('--_accent'),
        borderWidth: 3,
        pointRadius: 7,
        pointBackgroundColor: points.map((p) => statusColour(p.status)),
        pointBorderColor: points.map((p) => statusColour(p.status)),
        pointStyle: points.map((p) => POINT_STYLE[p.status]),
        spanGaps: true,
      },
      {
        label: msg('Target'),
        data: points.map((p) => p.target),
        borderColor: theme.colour('--_text-muted'),
        borderDash: [8, 6],
        borderWidth: 2,
        pointRadius: 0,
      },
    ];
    if (this.#chart && this.#chart.canvas === this.canvas) {
      this.#chart.data.labels = labels;
      this.#chart.data.datasets = datasets;
      this.#chart.update('none');
      return;
    }
    this.#chart?.destroy();
    const { font, text } = theme;
    this.#chart = new LineChart(this.canvas, {
      type: 'line',
      data: { labels, datasets },
      options: {
        ...WALL_CHART_OPTIONS,
        // The legend below the chart says it in words at the theme's size.
        plugins: { legend: { display: false } },
        scales: {
          x: { ticks: { color: text, font } },
          y: { ticks: { color: text, font }, title: { display: Boolean(kpi.measure), text: kpi.measure, color: text, font } },
        },
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#chart?.destroy();
    this.#chart = undefined;
  }
}

customElements.get('kpi-trend') ?? customElements.define('kpi-trend', KpiTrend);

declare global {
  interface HTMLElementTagNameMap {
    'kpi-trend': KpiTrend;
  }
}

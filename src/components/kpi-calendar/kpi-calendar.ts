import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { kpiValuesForCalendar, recordById, rollupInputs } from '../../store/queries.js';
import {
  addDays,
  dayStatus,
  letterCalendar,
  monthOf,
  rollupCalendar,
  type CalendarDay,
  type Day,
  type Kpi,
  type KpiValue,
  type RollupDay,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { STATUS_SYMBOL, statusStyles } from '../status.js';
import { BOARD_DATE_FORMATS, formatDay, formatNumber } from '../format.js';
import { SHAPE_COLUMNS, shapeSlots } from './letter-shapes.js';
import { dayStatusWord } from '../enum-words.js';

/**
 * @summary A KPI's month as a letter calendar (the safety cross for S), each day coloured
 * and marked by its result against the target, with a two-tap form to record a day.
 *
 * @attr kpi - Id of the KPI to show.
 * @attr month - Month to show, `YYYY-MM`; defaults to the month of yesterday.
 * @attr compact - Hides the record button (e.g. on a read-only overview).
 *
 * A KPI marked `rollup` on a tier 2 or 3 board shows, each day, the worst result of the
 * same-category KPIs on the boards below it; its days are recorded there, not here.
 *
 * @fires kpi-value-recorded - A day's value or met / missed was saved. `detail.value` is the stored record.
 *
 * @csspart base - The whole card.
 * @csspart shape - The letter-shaped grid of days.
 * @csspart day - One day's box.
 * @csspart record - The record form.
 *
 * @cssprop --he-status-green - Background of a day on target.
 * @cssprop --he-status-amber - Background of a day within the amber band.
 * @cssprop --he-status-red - Background of a missed day.
 * @cssprop --he-status-none - Background of a day with no data.
 * @cssprop --he-calendar-size - Width of the letter (default 28em; the board sets it per layout).
 */
export class KpiCalendar extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    statusStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
      .card {
        background: var(--_surface);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        display: grid;
        gap: var(--_space);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
      }
      header > div:first-of-type {
        flex: 1 1 8em;
        min-width: 0;
      }
      .letter {
        font-size: var(--_size-title);
        font-weight: 800;
        min-width: 1.4em;
        text-align: center;
      }
      h3,
      .loading {
        margin: 0;
        font-size: var(--_size);
        line-height: 1.2;
      }
      .loading {
        font-weight: 700;
      }
      .target {
        color: var(--_text-muted);
        font-size: var(--_size-small);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(${SHAPE_COLUMNS}, 1fr);
        gap: 2px;
      }
      /* The board sets a size that fits its layout; alone it fills its column. */
      ol,
      .shape-space {
        width: min(100%, var(--he-calendar-size, 28em));
        justify-self: center;
      }
      /* Where the calendar comes while it loads: as wide as its grid below, and square like it. */
      .shape-space {
        aspect-ratio: 1;
      }
      .reserved {
        visibility: hidden;
      }
      li {
        aspect-ratio: 1;
        display: grid;
        place-items: center;
        border-radius: 3px;
        font-size: var(--_size-small);
        font-weight: 700;
        line-height: 1;
        min-width: 0;
      }
      li.gap {
        visibility: hidden;
      }
      li.future {
        background: var(--_surface-raised);
        color: var(--_text-muted);
        font-weight: 400;
        border: 1px solid var(--_border);
      }
      .yesterday {
        margin-inline-start: auto;
        font-weight: 700;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.3em;
        padding: 0.1em 0.5em;
        border-radius: var(--_radius);
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
      }
      input[type='number'] {
        width: 7em;
      }
    `,
  ];

  /** Id of the KPI to show. */
  @property({ reflect: true }) kpi = '';
  /** Month to show, `YYYY-MM`; defaults to the month of yesterday. */
  @property({ reflect: true }) month?: string;
  /** Hides the record button. */
  @property({ type: Boolean, reflect: true }) compact = false;
  /**
   * Draws this KPI and these values instead of a stored KPI, read-only: a set-up screen shows
   * how a threshold being edited would colour a month.
   */
  @property({ attribute: false }) preview?: { kpi: Kpi; values: readonly KpiValue[] };

  @state() private recording = false;
  @state() private recordDay: Day = '';
  /** A result that would replace one already recorded for the day, waiting for a yes. */
  @state() private replacing?: { value: number } | { met: boolean };

  readonly #kpi = new LiveQueryController<Kpi | undefined>(
    this,
    () => this.activeStore,
    () => (this.kpi ? recordById('kpis', this.kpi) : undefined),
  );
  readonly #values = new LiveQueryController<KpiValue[]>(
    this,
    () => this.activeStore,
    () => (this.kpi ? kpiValuesForCalendar(this.kpi, this.month ?? monthOf(this.yesterday), this.activeStore.today()) : undefined),
  );
  /** For a rolled-up KPI: the KPIs on the boards below and their values. */
  readonly #rollup = new LiveQueryController<{ sources: Kpi[]; values: KpiValue[] }>(
    this,
    () => this.activeStore,
    () =>
      this.#kpi.value?.rollup ? rollupInputs(this.#kpi.value, { month: this.month ?? monthOf(this.yesterday), today: this.activeStore.today() }) : undefined,
  );

  private get yesterday(): Day {
    return addDays(this.activeStore.today(), -1);
  }

  private formatDay(day: Day, options: Intl.DateTimeFormatOptions): string {
    return formatDay(day, this.locale, options);
  }

  private formatValue(kpi: Kpi, value: number): string {
    const number = formatNumber(value, this.locale);
    return kpi.measure ? `${number} ${kpi.measure}` : number;
  }

  private dayLabel(kpi: Kpi, box: CalendarDay | RollupDay): string {
    const date = this.formatDay(box.day, BOARD_DATE_FORMATS.date);
    if (box.future) return msg(str`${date}: not yet`);
    if ('reported' in box) return `${date}: ${dayStatusWord(box.status)}, ${this.rollupNote(box)}`;
    const value = box.value === undefined ? '' : `, ${this.formatValue(kpi, box.value)}`;
    return `${date}: ${dayStatusWord(box.status)}${value}`;
  }

  private rollupNote(box: RollupDay): string {
    return msg(str`${box.red} of ${box.reported} boards red`);
  }

  protected override render() {
    const kpi = this.preview?.kpi ?? this.#kpi.value;
    if (!kpi || !(this.preview || (kpi.rollup ? this.#rollup.loaded : this.#values.loaded))) {
      const problem = !this.kpi
        ? msg('No KPI chosen')
        : (this.errorText(this.#kpi.error) ?? (this.#kpi.loaded && !kpi ? msg(str`There is no KPI with id "${this.kpi}".`) : undefined));
      return problem ? html`<div class="card" part="base" role="status">${problem}</div>` : this.renderLoading(kpi);
    }
    const today = this.activeStore.today();
    const values = this.preview?.values ?? this.#values.value ?? [];
    const month = this.month ?? monthOf(this.yesterday);
    const rollup = kpi.rollup && !this.preview ? this.#rollup.value : undefined;
    const boxes: (CalendarDay | RollupDay)[] = rollup ? rollupCalendar(rollup.sources, rollup.values, month, today) : letterCalendar(kpi, values, month, today);
    const slots = shapeSlots(kpi.category, boxes.length);
    const yesterdayValue = rollup ? undefined : values.find((v) => v.day === this.yesterday);
    const yesterdayBox = boxes.find((b) => b.day === this.yesterday);
    const yesterdayStatus = rollup ? (yesterdayBox?.status ?? 'none') : dayStatus(kpi, yesterdayValue);
    const betterWord = kpi.betterWhen === 'higher' ? msg('or more') : msg('or less');
    const monthName = this.formatDay(`${month}-01`, BOARD_DATE_FORMATS.month);
    return html`
      <section class="card" part="base" aria-labelledby="title">
        <header>
          <span class="letter" aria-hidden="true">${kpi.category === 'custom' ? '•' : kpi.category}</span>
          <div>
            <h3 id="title" class="user-text">${kpi.name}</h3>
            <div class="target">${msg(str`Target ${this.formatValue(kpi, kpi.target)} ${betterWord}`)}</div>
          </div>
          <div class="yesterday">
            <span class="visually-hidden">${msg('Yesterday:')}</span>
            <span class="chip status-${yesterdayStatus}">
              <span aria-hidden="true">${STATUS_SYMBOL[yesterdayStatus]}</span>
              ${dayStatusWord(yesterdayStatus)}${yesterdayValue?.value !== undefined ? ` (${this.formatValue(kpi, yesterdayValue.value)})` : nothing}
              ${yesterdayBox && 'reported' in yesterdayBox && yesterdayBox.reported ? ` (${this.rollupNote(yesterdayBox)})` : nothing}
            </span>
          </div>
        </header>
        <ol part="shape" aria-label=${msg(str`${kpi.name}, ${monthName}`)}>
          ${slots.map((slot) => {
            if (slot === null) return html`<li class="gap" aria-hidden="true"></li>`;
            const box = boxes[slot]!;
            const cls = box.future ? 'future' : `status-${box.status}`;
            // A bad day shows its symbol; the day number is in its label and position.
            const shown = box.future || box.status === 'green' ? String(box.date) : STATUS_SYMBOL[box.status];
            return html`<li part="day" class=${cls} title=${this.dayLabel(kpi, box)} data-day=${box.day}>
              <span aria-hidden="true">${shown}</span><span class="visually-hidden">${this.dayLabel(kpi, box)}</span>
            </li>`;
          })}
        </ol>
        ${rollup ? html`<p class="target">${msg(str`Rolled up from ${rollup.sources.length} KPIs on the boards below: each day shows the worst result.`)}</p>` : nothing}
        ${
          this.compact || rollup || this.preview
            ? nothing
            : this.recording
              ? this.renderRecordForm(kpi)
              : html`
          <button class="primary" @click=${this.openRecord}>${msg('Record a day')}</button>`
        }
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
      </section>
    `;
  }

  /**
   * The card's frame while its data arrives, as tall as the calendar it becomes: on a board
   * whose KPI grid wraps, the cards below do not move when the calendars fill in.
   */
  private renderLoading(kpi: Kpi | undefined) {
    return html`
      <section class="card" part="base">
        <header>
          <span class="letter" aria-hidden="true">${kpi ? (kpi.category === 'custom' ? '•' : kpi.category) : '\u00a0'}</span>
          <div>
            <p class="loading" role="status">${msg('Loading…')}</p>
            <div class="target">&nbsp;</div>
          </div>
        </header>
        <div class="shape-space"></div>
        ${this.compact || this.preview || kpi?.rollup ? nothing : html`<button class="primary reserved" disabled>${msg('Record a day')}</button>`}
      </section>
    `;
  }

  private renderRecordForm(kpi: Kpi) {
    const days = Array.from({ length: 7 }, (_, i) => addDays(this.activeStore.today(), -i));
    return html`
      <form part="record" @submit=${(e: Event) => this.saveNumber(e, kpi)} aria-label=${msg(str`Record ${kpi.name}`)}>
        <label>
          <span class="visually-hidden">${msg('Day')}</span>
          <select name="day" @change=${this.chooseDay}>
            ${days.map((day) => html`<option value=${day} ?selected=${day === this.recordDay}>${this.formatDay(day, BOARD_DATE_FORMATS.shortDate)}</option>`)}
          </select>
        </label>
        <button type="button" @click=${() => this.save(kpi, { met: true })}><span aria-hidden="true">✓ </span>${msg('Met')}</button>
        <button type="button" @click=${() => this.save(kpi, { met: false })}><span aria-hidden="true">✗ </span>${msg('Missed')}</button>
        <label>
          <span class="visually-hidden">${msg(str`Value in ${kpi.measure}`)}</span>
          <input name="value" type="number" inputmode="decimal" step="any" placeholder=${kpi.measure} />
        </label>
        <button class="primary" type="submit">${msg('Save')}</button>
        <button type="button" @click=${this.closeRecord}>${msg('Cancel')}</button>
        ${this.renderRecorded(kpi)}
      </form>
    `;
  }

  /** The result already recorded for the chosen day, and - before replacing it - the question. */
  private renderRecorded(kpi: Kpi) {
    const existing = this.recordedOn(this.recordDay);
    if (!existing) return nothing;
    const was = this.resultText(kpi, existing);
    const replacing = this.replacing;
    return replacing
      ? html`<div class="buttons" role="alertdialog" aria-labelledby="replace-question">
          <span id="replace-question">${msg(str`Replace ${was}, recorded for this day, with ${this.resultText(kpi, replacing)}?`)}</span>
          <button type="button" @click=${() => this.recordResult(kpi, replacing)}>${msg('Replace it')}</button>
          <button type="button" class="primary" @click=${() => (this.replacing = undefined)}>${msg('Keep it')}</button>
        </div>`
      : html`<p class="recorded" data-recorded=${this.recordDay}>${msg(str`Already recorded for this day: ${was}`)}</p>`;
  }

  private recordedOn(day: Day): KpiValue | undefined {
    return (this.#values.value ?? []).find((v) => v.day === day && !v.deletedAt);
  }

  private resultText(kpi: Kpi, result: { value?: number; met?: boolean }): string {
    if (result.value !== undefined) return this.formatValue(kpi, result.value);
    return result.met ? msg('met') : msg('missed');
  }

  private closeRecord(): void {
    this.recording = false;
    this.replacing = undefined;
  }

  private chooseDay(event: Event): void {
    this.recordDay = (event.target as HTMLSelectElement).value;
    this.replacing = undefined;
  }

  private openRecord(): void {
    this.recordDay = this.yesterday;
    this.writeError = '';
    this.recording = true;
  }

  private saveNumber(event: Event, kpi: Kpi): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('value') as HTMLInputElement;
    if (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber)) {
      this.writeError = msg('Type a number, or tap Met or Missed.');
      return;
    }
    void this.save(kpi, { value: input.valueAsNumber });
  }

  /** Saves the day's result; one that would replace a different result already recorded asks first. */
  private async save(kpi: Kpi, result: { value: number } | { met: boolean }): Promise<void> {
    const existing = this.recordedOn(this.recordDay);
    const same = existing && ('value' in result ? existing.value === result.value : existing.value === undefined && existing.met === result.met);
    if (existing && !same) {
      this.replacing = result;
      return;
    }
    await this.recordResult(kpi, result);
  }

  private async recordResult(kpi: Kpi, result: { value: number } | { met: boolean }): Promise<void> {
    this.replacing = undefined;
    const saved = await this.write(() => this.activeStore.recordKpiValue(kpi.id, this.recordDay, result));
    if (!saved) return;
    this.recording = false;
    this.emit('kpi-value-recorded', { value: saved });
  }
}

customElements.get('kpi-calendar') ?? customElements.define('kpi-calendar', KpiCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'kpi-calendar': KpiCalendar;
  }
}

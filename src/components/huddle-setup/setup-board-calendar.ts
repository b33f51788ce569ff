import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { addDays, calendarOf, EVERY_DAY, isDay, type Day, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';
import { formatDay } from '../format.js';

/** A day of each weekday (Monday 5 January 2026 onwards), to name it in the page's language. */
const weekdayName = (weekday: number, locale: string | undefined) => formatDay(addDays('2026-01-05', weekday - 1), locale, { weekday: 'short' });

/** The days of a working week in words: "Mon, Tue, Wed, Thu, Fri". */
export function workingWeekText(days: Iterable<number>, locale: string | undefined): string {
  const set = new Set(days);
  if (set.size === 7) return msg('every day');
  return EVERY_DAY.filter((d) => set.has(d))
    .map((d) => weekdayName(d, locale))
    .join(', ');
}

/**
 * @summary A board's working calendar in the set-up: its working week (or its parent's), the days it is closed (holidays, shutdowns) and its site's time zone - what "huddles held" and "on time" count by.
 *
 * @fires setup-saved - The calendar was saved. `detail.step` is `boards`.
 *
 * @csspart base - The form.
 */
export class SetupBoardCalendar extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  @property({ attribute: false }) unit?: Unit;
  /** Every board, for what this one inherits. */
  @property({ attribute: false }) units: readonly Unit[] = [];
  /** Called when the form is saved or cancelled (the boards step closes it). */
  @property({ attribute: false }) onDone: () => void = () => undefined;

  /** Its own working week, or undefined to take the board above's. */
  @state() private ownWeek?: number[];
  @state() private closed: Day[] = [];
  @state() private timeZone = '';
  #loadedFor?: Unit;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The form starts from the board as stored, once per board shown.
    if (this.unit && this.unit !== this.#loadedFor) {
      this.#loadedFor = this.unit;
      this.ownWeek = this.unit.workingDays ? [...this.unit.workingDays] : undefined;
      this.closed = [...(this.unit.closedDays ?? [])].sort();
      this.timeZone = this.unit.timeZone ?? '';
    }
  }

  /** What the board would take from above: its parent's calendar. */
  private get inherited() {
    const parentId = this.unit?.parentId;
    return parentId ? calendarOf(parentId, this.units) : undefined;
  }

  protected override render() {
    const unit = this.unit;
    if (!unit) return nothing;
    const above = this.inherited;
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return html`
      <form part="base" @submit=${this.save} aria-label=${msg(str`Working calendar of ${unit.name}`)}>
        <fieldset>
          <legend>${msg('Working days')}</legend>
          <label class="choices"><input type="checkbox" name="inherit" .checked=${this.ownWeek === undefined} @change=${this.toggleInherit} />
            ${above ? msg(str`As the board above (${workingWeekText(above.workingDays, this.locale)})`) : msg('Every day (nothing set)')}</label>
          ${
            this.ownWeek
              ? html`<div class="fields">${EVERY_DAY.map(
                  (d) =>
                    html`<label class="choices"><input type="checkbox" name="day" value=${d} .checked=${this.ownWeek!.includes(d)} @change=${() => this.toggleDay(d)} /> ${weekdayName(d, this.locale)}</label>`,
                )}</div>`
              : nothing
          }
        </fieldset>
        <fieldset>
          <legend>${msg('Closed days (holidays, shutdowns)')}</legend>
          ${
            above && above.closedDays.size
              ? html`<p class="muted">${msg(
                  str`Closed with the boards above: ${[...above.closedDays]
                    .sort()
                    .map((d) => this.dayText(d))
                    .join(', ')}`,
                )}</p>`
              : nothing
          }
          <ul>
            ${this.closed.map(
              (day) => html`<li class="row" data-closed=${day}><span>${this.dayText(day)}</span>
                <button type="button" aria-label=${msg(str`Open again on ${this.dayText(day)}`)} @click=${() => (this.closed = this.closed.filter((d) => d !== day))}>${msg('Remove')}</button></li>`,
            )}
          </ul>
          <div class="fields">
            <label>${msg('Day')}<input name="closedDay" type="date" /></label>
            <button type="button" @click=${this.addClosed}>${msg('Add closed day')}</button>
          </div>
        </fieldset>
        <label>${msg('Time zone of the site')}
          <input name="timeZone" list="time-zones" autocomplete="off" placeholder=${above?.timeZone ?? msg("this screen's")} .value=${this.timeZone} @input=${(e: Event) => (this.timeZone = (e.target as HTMLInputElement).value)} />
        </label>
        <datalist id="time-zones">${zones.map((z) => html`<option value=${z}></option>`)}</datalist>
        <p class="muted">${msg("Huddles held count only working days, and on time is read on the site's clock. Boards below take these unless they set their own.")}</p>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        <div class="buttons">
          <button class="primary" type="submit">${msg('Save calendar')}</button>
          <button type="button" @click=${() => this.onDone()}>${msg('Cancel')}</button>
        </div>
      </form>
    `;
  }

  private dayText(day: Day): string {
    return formatDay(day, this.locale, { day: 'numeric', month: 'short', year: 'numeric' });
  }

  private toggleInherit(event: Event): void {
    const inherit = (event.target as HTMLInputElement).checked;
    this.ownWeek = inherit ? undefined : [...(this.inherited?.workingDays ?? EVERY_DAY)].sort();
  }

  private toggleDay(day: number): void {
    const week = this.ownWeek ?? [];
    this.ownWeek = week.includes(day) ? week.filter((d) => d !== day) : [...week, day].sort();
  }

  private addClosed(): void {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="closedDay"]')!;
    this.writeError = '';
    if (!isDay(input.value)) {
      this.writeError = msg('Choose the day the board is closed.');
      return;
    }
    if (!this.closed.includes(input.value)) this.closed = [...this.closed, input.value].sort();
    input.value = '';
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const unit = this.unit!;
    if (this.ownWeek && this.ownWeek.length === 0) {
      this.writeError = msg('Choose at least one working day, or take the board above’s.');
      return;
    }
    const saved = await this.write(() =>
      this.activeStore.updateUnit(unit.id, {
        workingDays: this.ownWeek,
        closedDays: this.closed.length ? this.closed : undefined,
        timeZone: this.timeZone.trim() || undefined,
      }),
    );
    if (!saved) return;
    this.emit('setup-saved', { step: 'boards' });
    this.onDone();
  }
}

customElements.get('setup-board-calendar') ?? customElements.define('setup-board-calendar', SetupBoardCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'setup-board-calendar': SetupBoardCalendar;
  }
}

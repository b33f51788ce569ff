import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf, whereEquals } from '../../store/queries.js';
import { ATTENDANCE_STATES, calendarOf, siteDay, type Attendance, type AttendanceState, type Person, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { ATTENDANCE_SYMBOL, attendanceWord } from '../enum-words.js';

/**
 * @summary Today's attendance: each team member present, absent or excused with one tap.
 *
 * @attr unit - Id of the board whose team is shown.
 * @attr shift - On a board with shifts, the shift whose huddle this attendance is taken at.
 *
 * @fires attendance-recorded - A person's attendance was saved. `detail.attendance` is the stored record.
 *
 * @csspart base - The whole panel.
 * @csspart person - One team member's row.
 */
export class HuddleAttendance extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      ul {
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 28em), 1fr));
      }
      .row {
        flex-wrap: nowrap;
      }
      @container (max-width: 28em) {
        .row {
          flex-wrap: wrap;
        }
      }
    `,
  ];

  /** Id of the board whose team is shown. */
  @property({ reflect: true }) unit = '';
  /** On a board with shifts, whose huddle this attendance is taken at. */
  @property({ reflect: true }) shift?: string;

  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('people', 'unitId', this.unit) : undefined),
  );
  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? allOf('units') : undefined),
  );
  readonly #attendance = new LiveQueryController<Attendance[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('attendance', 'unitId', this.unit) : undefined),
  );

  /** Today on the board's site clock (the screen's day when it has no time zone). */
  private get today(): string {
    return siteDay(calendarOf(this.unit, this.#units.value ?? []), new Date(), this.activeStore.today());
  }

  protected override render() {
    const people = this.#people.value;
    if (!people) return html`<p role="status">${this.errorText(this.#people.error) ?? msg('Loading the team…')}</p>`;
    const today = this.today;
    const states = new Map(
      (this.#attendance.value ?? []).filter((a) => a.day === today && (a.shiftId ?? undefined) === (this.shift || undefined)).map((a) => [a.personId, a.state]),
    );
    const team = [...people].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'leader' ? -1 : 1));
    const count = (state: AttendanceState) => team.filter((p) => states.get(p.id) === state).length;
    const unmarked = team.filter((p) => !states.has(p.id)).length;
    return html`
      <section part="base" aria-labelledby="att-title">
        <header>
          <h2 id="att-title">${msg('Attendance')}</h2>
          <span>
            ${msg(str`${count('present')} of ${team.length} present`)}
            · ${msg(str`${count('absent')} absent`)} · ${msg(str`${count('excused')} excused`)}
            ${unmarked ? html`· <span class="flag">${msg(str`${unmarked} not marked`)}</span>` : nothing}
          </span>
        </header>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${team.length === 0 ? html`<p>${msg('Nobody is on this board yet.')}</p>` : nothing}
        <ul>
          ${team.map((person) => {
            const current = states.get(person.id);
            return html`<li class="row" part="person" data-person=${person.id}>
              <span class="user-text">
                ${current ? html`<span aria-hidden="true">${ATTENDANCE_SYMBOL[current]} </span>` : nothing}${person.name}
              </span>
              <span class="buttons" role="group" aria-label=${msg(str`Attendance of ${person.name}`)}>
                ${ATTENDANCE_STATES.map(
                  (state) =>
                    html`<button aria-pressed=${current === state ? 'true' : 'false'} @click=${() => this.mark(person, state)}>${attendanceWord(state)}</button>`,
                )}
              </span>
            </li>`;
          })}
        </ul>
      </section>
    `;
  }

  private async mark(person: Person, state: AttendanceState): Promise<void> {
    const shift = this.shift || undefined;
    const day = this.today;
    const attendance = await this.write(() => this.activeStore.recordAttendance(this.unit, day, person.id, state, shift));
    if (attendance) this.emit('attendance-recorded', { attendance });
  }
}

customElements.get('huddle-attendance') ?? customElements.define('huddle-attendance', HuddleAttendance);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-attendance': HuddleAttendance;
  }
}

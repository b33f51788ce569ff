import { css, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { ClockController } from '../../controllers/clock.js';
import { allOf, recordById, whereEquals } from '../../store/queries.js';
import {
  AGENDA_PARTS,
  DEFAULT_TIME_BOXES,
  ON_TIME_MINUTES,
  calendarOf,
  clockAt,
  closeRunningPart,
  huddleOfShift,
  huddleProgress,
  minutesLate,
  nearestShift,
  shiftsOf,
  siteDay,
  type AgendaPart,
  type Huddle,
  type Person,
  type Shift,
  type Unit,
} from '../../model/index.js';
import { formatTimeOfDay } from '../format.js';
import { controls, tokens } from '../../styles/tokens.js';

/** Further than this from the huddle time, a start is not "early" or "late": it was another huddle. */
const NOT_THIS_HUDDLE_MINUTES = 120;

/** "4:05" from seconds. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function agendaPartName(part: AgendaPart): string {
  switch (part) {
    case 'reflect':
      return msg('Reflect on yesterday');
    case 'plan':
      return msg('Plan to win today');
    case 'improve':
      return msg('Improve for tomorrow');
  }
}

/**
 * @summary The huddle's three parts (reflect on yesterday, plan to win today, improve for
 * tomorrow) with a time box each and a visible timer; start, move on, end. An overrun shows
 * and never blocks. Start, end and time per part are stored. When the board has a huddle
 * time, it is shown before the start, and afterwards whether the huddle started on time.
 *
 * @attr unit - Id of the board whose huddle this is.
 * @attr shift - On a board with shifts, the id of the shift whose huddle this is; absent, the shift whose huddle time is nearest now.
 * @attr time-boxes - Minutes per part, "reflect,plan,improve"; default "5,3,2".
 *
 * @fires huddle-started - The huddle started. `detail.huddle` is the stored record.
 * @fires huddle-ended - The huddle ended. `detail.huddle` is the stored record with its part times.
 * @fires huddle-shift-changed - On a board with shifts, the shift whose huddle is shown changed (chosen, or the next one came near); a board takes attendance for it.
 * @fires agenda-part-changed - The running part changed (or the huddle ended: `detail.part` undefined); a board follows it.
 *
 * @csspart base - The whole agenda.
 * @csspart part - One agenda part.
 * @csspart timer - The running timer.
 */
export class HuddleAgenda extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        display: block;
      }
      .agenda {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        counter-reset: part;
      }
      li {
        counter-increment: part;
        padding: calc(var(--_space) / 2) var(--_space);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      li::before {
        content: counter(part) '. ';
        font-weight: 700;
      }
      li[aria-current='step'] {
        border-color: var(--_accent);
        border-width: 4px;
        font-weight: 700;
      }
      li.done {
        color: var(--_text-muted);
      }
      .timer {
        font-size: var(--_size-large);
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
      .over,
      .late {
        color: var(--_red);
      }
      :host([data-theme$='dark']) .over,
      :host([data-theme$='dark']) .late {
        color: #fca5a5;
      }
    `,
  ];

  /** Id of the board whose huddle this is. */
  @property({ reflect: true }) unit = '';
  /** On a board with shifts, whose huddle this is (absent: the one nearest now). */
  @property({ reflect: true }) shift?: string;
  /** Minutes per part, "reflect,plan,improve". */
  @property({ attribute: 'time-boxes' }) timeBoxes = '5,3,2';
  /** The clock, in ms; replaceable so that tests and a kiosk's mocked time can drive it. */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  readonly #huddles = new LiveQueryController<Huddle[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('huddles', 'unitId', this.unit) : undefined),
  );
  readonly #board = new LiveQueryController<Unit | undefined>(
    this,
    () => this.activeStore,
    () => (this.unit ? recordById('units', this.unit) : undefined),
  );
  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? allOf('units') : undefined),
  );
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => (this.unit && (this.#board.value?.shifts?.length ?? 0) > 0 ? whereEquals('people', 'unitId', this.unit) : undefined),
  );
  readonly #ticker = new ClockController(this, () => this.running !== undefined);
  #announcedPart: AgendaPart | undefined;
  #announcedShift: string | undefined;

  /** The board's time zone (inherited from above): its huddle times are on that clock. */
  private get timeZone(): string | undefined {
    return calendarOf(this.unit, this.#units.value ?? []).timeZone;
  }

  /** The shift whose huddle this is, on a board with shifts. */
  get activeShift(): Shift | undefined {
    const shifts = shiftsOf(this.#board.value);
    // Most boards have no shifts: no clock to read on every tick.
    if (shifts.length === 0) return undefined;
    return shifts.find((s) => s.id === this.shift) ?? nearestShift(shifts, clockAt(new Date(this.clock()), this.timeZone).minutes);
  }

  /** Today on the board's site clock (the screen's day when it has no time zone). */
  private get today(): string {
    return siteDay(calendarOf(this.unit, this.#units.value ?? []), new Date(this.clock()), this.activeStore.today());
  }

  /** Today's huddle (of the shift), started or not. */
  private get todays(): Huddle | undefined {
    return huddleOfShift(this.#huddles.value ?? [], this.today, this.activeShift?.id, shiftsOf(this.#board.value));
  }

  /** Today's huddle while it runs. */
  get running(): Huddle | undefined {
    const huddle = this.todays;
    return huddle && !huddle.endedAt ? huddle : undefined;
  }

  /** True while the timer runs: a kiosk must not rotate away or reload now. */
  get isRunning(): boolean {
    return this.#ticker.ticking;
  }

  private get boxes(): Record<AgendaPart, number> {
    const minutes = this.timeBoxes.split(',').map((m) => Number(m.trim()));
    const valid = minutes.length === 3 && minutes.every((m) => Number.isFinite(m) && m > 0);
    return valid ? { reflect: minutes[0]! * 60, plan: minutes[1]! * 60, improve: minutes[2]! * 60 } : DEFAULT_TIME_BOXES;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The board follows the running part; announce a change of part (not every tick).
    const part = this.running ? huddleProgress(this.running, this.clock(), this.boxes).part : undefined;
    if (part !== this.#announcedPart) {
      this.#announcedPart = part;
      this.emit('agenda-part-changed', { part });
    }
    const shift = this.activeShift?.id;
    if (shift !== this.#announcedShift) {
      this.#announcedShift = shift;
      this.emit('huddle-shift-changed', { shift });
    }
  }

  protected override render() {
    // The parts need no data: draw them at once so that nothing below shifts when it arrives.
    const today = this.todays;
    const shift = this.activeShift;
    const leader = shift?.leaderId ? this.#people.value?.find((p) => p.id === shift.leaderId) : undefined;
    const progress = today ? huddleProgress(today, this.clock(), this.boxes) : undefined;
    const currentIndex = progress?.part ? AGENDA_PARTS.indexOf(progress.part) : progress?.ended ? AGENDA_PARTS.length : -1;
    return html`
      <section class="agenda" part="base" aria-label=${msg('Huddle agenda')}>
        ${this.renderShiftChoice(shift)}
        ${
          shift
            ? html`<strong class="shift" data-shift=${shift.id}><span class="user-text">${msg(str`${shift.name} huddle`)}</span>${
                leader ? html` · <span class="user-text">${msg(str`led by ${leader.name}`)}</span>` : nothing
              }</strong>`
            : nothing
        }
        <ol>
          ${AGENDA_PARTS.map(
            (part, index) => html`
            <li part="part" class=${index < currentIndex ? 'done' : ''} aria-current=${index === currentIndex ? 'step' : 'false'}>
              ${agendaPartName(part)} <span class="box">(${clock(this.boxes[part])})</span>
            </li>`,
          )}
        </ol>
        ${
          this.#huddles.loaded
            ? this.renderControls(today, progress)
            : html`<button class="primary" disabled>${this.errorText(this.#huddles.error) ?? msg('Start huddle')}</button>`
        }
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
      </section>
    `;
  }

  /** On a board with several shifts: which shift's huddle, one tap each. */
  private renderShiftChoice(active: Shift | undefined) {
    const shifts = shiftsOf(this.#board.value);
    if (shifts.length < 2) return nothing;
    return html`<span class="buttons" role="group" aria-label=${msg('Which shift’s huddle')}>
      ${shifts.map(
        (s) =>
          html`<button aria-pressed=${s.id === active?.id ? 'true' : 'false'} data-choose-shift=${s.id} @click=${() => (this.shift = s.id)}>
            <span class="user-text">${s.name}</span> ${formatTimeOfDay(s.at, this.locale)}
          </button>`,
      )}
    </span>`;
  }

  private renderControls(huddle: Huddle | undefined, progress: ReturnType<typeof huddleProgress> | undefined) {
    const huddleAt = this.activeShift?.at ?? this.#board.value?.huddleAt;
    if (!huddle || !progress) {
      return html`${huddleAt ? html`<span class="due">${msg(str`Huddle at ${formatTimeOfDay(huddleAt, this.locale)}`)}</span>` : nothing}
        <button class="primary" @click=${this.start}>${msg('Start huddle')}</button>`;
    }
    if (progress.ended) {
      return html`<span role="status">${msg(str`Huddle held: ${clock(progress.totalElapsed)} in all`)}</span>${this.renderPunctuality(huddle, huddleAt)}`;
    }
    const part = progress.part!;
    const last = part === AGENDA_PARTS.at(-1);
    return html`
      <span class="timer ${progress.overrun ? 'over' : ''}" part="timer" role="timer" aria-live="off">
        ${clock(progress.partElapsed)} / ${clock(this.boxes[part])}
        ${progress.overrun ? html`<span><span aria-hidden="true">▲ </span>${msg(str`${clock(progress.overrun)} over`)}</span>` : nothing}
      </span>
      ${
        last
          ? html`<button class="primary" @click=${() => this.advance(huddle, true)}>${msg('End huddle')}</button>`
          : html`<button class="primary" @click=${() => this.advance(huddle, false)}>${msg('Next part')}</button>`
      }
      ${this.renderPunctuality(huddle, huddleAt)}
    `;
  }

  /** Whether today's huddle started on time, in words and a symbol (never colour alone). */
  private renderPunctuality(huddle: Huddle, huddleAt: string | undefined) {
    if (!huddleAt) return nothing;
    const late = minutesLate(huddle.startedAt, huddleAt, this.timeZone);
    const time = formatTimeOfDay(huddleAt, this.locale);
    // Hours away from the huddle time it is another huddle (an evening one), not an early or late one.
    if (Math.abs(late) > NOT_THIS_HUDDLE_MINUTES) {
      const started = clockAt(huddle.startedAt, this.timeZone).minutes;
      const startedAt = `${String(Math.floor(started / 60)).padStart(2, '0')}:${String(started % 60).padStart(2, '0')}`;
      return html`<span data-late=${late}><span aria-hidden="true">✗ </span>${msg(str`Held at ${formatTimeOfDay(startedAt, this.locale)}, not at the huddle time (${time})`)}</span>`;
    }
    // The same time every day is the point, so a start well before the time is not on time either.
    if (late > ON_TIME_MINUTES) {
      return html`<span class="late" data-late=${late}><span aria-hidden="true">▲ </span>${msg(str`Started ${late} min late (huddle at ${time})`)}</span>`;
    }
    if (late < -ON_TIME_MINUTES) {
      return html`<span data-late=${late}><span aria-hidden="true">▼ </span>${msg(str`Started ${-late} min early (huddle at ${time})`)}</span>`;
    }
    return html`<span data-late=${late}><span aria-hidden="true">✓ </span>${msg('Started on time')}</span>`;
  }

  private async start(): Promise<void> {
    const shiftId = this.activeShift?.id;
    const huddle = await this.write(() => this.activeStore.startHuddle(this.unit, shiftId));
    if (huddle) this.emit('huddle-started', { huddle });
  }

  private async advance(huddle: Huddle, end: boolean): Promise<void> {
    const parts = closeRunningPart(huddle, this.clock());
    const saved = await this.write(() => this.activeStore.recordHuddleTime(huddle.id, parts, end));
    if (saved && end) this.emit('huddle-ended', { huddle: saved });
  }
}

customElements.get('huddle-agenda') ?? customElements.define('huddle-agenda', HuddleAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-agenda': HuddleAgenda;
  }
}

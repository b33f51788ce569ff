import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { whereEquals } from '../../store/queries.js';
import { newId } from '../../store/ids.js';
import { shiftsOf, type Person, type Shift, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';

/** A shift being edited: its time may still be empty. */
type ShiftRow = Omit<Shift, 'at'> & { at: string };

/**
 * @summary A board's shift huddles in the set-up: one per shift (early, late, night), each with its time and the shift leader or charge nurse who runs it. None: one huddle a day at the board's huddle time.
 *
 * @fires setup-saved - The shifts were saved. `detail.step` is `boards`.
 *
 * @csspart base - The form.
 */
export class SetupBoardShifts extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  @property({ attribute: false }) unit?: Unit;
  /** Called when the form is saved or cancelled (the boards step closes it). */
  @property({ attribute: false }) onDone: () => void = () => undefined;

  @state() private rows: ShiftRow[] = [];
  #loadedFor?: Unit;

  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('people', 'unitId', this.unit.id) : undefined),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.unit && this.unit !== this.#loadedFor) {
      this.#loadedFor = this.unit;
      this.rows = shiftsOf(this.unit).map((s) => ({ ...s }));
    }
  }

  protected override render() {
    const unit = this.unit;
    if (!unit) return nothing;
    // Leaders first: a shift is usually run by one, but anyone on the board may be named.
    const people = [...(this.#people.value ?? [])].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'leader' ? -1 : 1));
    return html`
      <form part="base" @submit=${this.save} aria-label=${msg(str`Shift huddles of ${unit.name}`)}>
        <p class="muted">${msg('One huddle per shift, each at its time and run by its shift leader. Without shifts the board holds one huddle a day at its huddle time.')}</p>
        <ul>
          ${this.rows.map(
            (row, i) => html`<li class="fields" data-shift-row=${i}>
              <label>${msg('Shift')}<input name="name" maxlength="120" autocomplete="off" .value=${row.name} @input=${(e: Event) => this.change(i, { name: (e.target as HTMLInputElement).value })} /></label>
              <label>${msg('Huddle at')}<input name="at" type="time" .value=${row.at} @input=${(e: Event) => this.change(i, { at: (e.target as HTMLInputElement).value })} /></label>
              <label>${msg('Led by')}<select name="leader" @change=${(e: Event) => this.change(i, { leaderId: (e.target as HTMLSelectElement).value || undefined })}>
                <option value="" ?selected=${!row.leaderId}>${msg('(nobody named)')}</option>
                ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === row.leaderId}>${p.name}</option>`)}
              </select></label>
              <button type="button" aria-label=${msg(str`Remove the shift ${row.name || i + 1}`)} @click=${() => (this.rows = this.rows.filter((_, j) => j !== i))}>${msg('Remove')}</button>
            </li>`,
          )}
        </ul>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        <div class="buttons">
          <button type="button" @click=${() => (this.rows = [...this.rows, { id: newId(), name: '', at: '' }])}>${msg('Add a shift')}</button>
          <button class="primary" type="submit">${msg('Save shifts')}</button>
          <button type="button" @click=${() => this.onDone()}>${msg('Cancel')}</button>
        </div>
      </form>
    `;
  }

  private change(index: number, patch: Partial<ShiftRow>): void {
    this.rows = this.rows.map((row, i) => {
      if (i !== index) return row;
      const next = { ...row, ...patch };
      if (next.leaderId === undefined) delete next.leaderId;
      return next;
    });
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const unit = this.unit!;
    const rows = this.rows.map((row) => ({ ...row, name: row.name.trim() }));
    const unnamed = rows.findIndex((row) => !row.name);
    if (unnamed >= 0) {
      this.writeError = msg(str`Give shift ${unnamed + 1} a name (early, late, night...).`);
      return;
    }
    const untimed = rows.find((row) => !row.at);
    if (untimed) {
      this.writeError = msg(str`Give the ${untimed.name} shift the time of its huddle.`);
      return;
    }
    const saved = await this.write(() => this.activeStore.updateUnit(unit.id, { shifts: rows.length ? rows : undefined }));
    if (!saved) return;
    this.emit('setup-saved', { step: 'boards' });
    this.onDone();
  }
}

customElements.get('setup-board-shifts') ?? customElements.define('setup-board-shifts', SetupBoardShifts);

declare global {
  interface HTMLElementTagNameMap {
    'setup-board-shifts': SetupBoardShifts;
  }
}

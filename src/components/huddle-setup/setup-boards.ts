import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { keyed } from 'lit/directives/keyed.js';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf, orgSettings } from '../../store/queries.js';
import { DEFAULT_TIERS, boardTree, shiftsOf, tierLabel, type OrgSettings, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';
import { formatDay, formatTimeOfDay } from '../format.js';
import { workingWeekText } from './setup-board-calendar.js';
import './setup-board-calendar.js';
import './setup-board-shifts.js';

type Editing = { id: string; mode: 'rename' | 'time' | 'calendar' | 'shifts' | 'move' | 'retire' };

/**
 * @summary Set-up step 2: the board tree - add, rename, move and retire boards, and choose where each escalates.
 *
 * @fires setup-saved - A board was added or changed. `detail.step` is `boards`.
 *
 * @csspart base - The whole step.
 * @csspart board - One board in the tree.
 */
export class SetupBoards extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  /** The tier of the board being added; until chosen, the top tier for an empty tree, else tier 1. */
  @state() private chosenTier?: number;
  @state() private editing?: Editing;

  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => allOf('units', { includeRetired: true }),
  );
  readonly #org = new LiveQueryController<OrgSettings | undefined>(
    this,
    () => this.activeStore,
    () => orgSettings(),
  );

  private get addTier(): number {
    const empty = !(this.#units.value ?? []).some((u) => !u.deletedAt);
    return this.chosenTier ?? (empty ? this.tiers.length : 1);
  }

  private get tiers(): OrgSettings['tiers'] {
    return this.#org.value?.tiers ?? DEFAULT_TIERS;
  }

  protected override render() {
    const units = this.#units.value;
    if (!units) return html`<p role="status">${this.errorText(this.#units.error) ?? msg('Loading…')}</p>`;
    const tree = boardTree(units);
    const retired = units.filter((u) => u.deletedAt);
    return html`
      <section part="base" aria-labelledby="boards-title">
        <h2 id="boards-title">${msg('Boards')}</h2>
        <p class="muted">${msg('Each board escalates to the board above it. Retired boards keep their history in reports.')}</p>
        ${tree.length === 0 ? html`<p>${msg('No boards yet: add the top one first.')}</p>` : html`<ul>${tree.map(({ unit, depth }) => this.renderBoard(unit, depth, units))}</ul>`}
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${this.renderAddForm(units)}
        ${
          retired.length
            ? html`<h3>${msg(str`Retired boards (${retired.length})`)}</h3>
          <ul>${retired.map((u) => html`<li class="row muted"><span class="user-text">${u.name}</span><span>${tierLabel({ tiers: this.tiers }, u.tier)}</span></li>`)}</ul>`
            : nothing
        }
      </section>
    `;
  }

  private parentsFor(tier: number, units: readonly Unit[], except?: string): Unit[] {
    return units.filter((u) => !u.deletedAt && u.tier === tier + 1 && u.id !== except).sort((a, b) => a.name.localeCompare(b.name));
  }

  private renderBoard(unit: Unit, depth: number, units: readonly Unit[]) {
    const editing = this.editing?.id === unit.id ? this.editing.mode : undefined;
    const parent = units.find((u) => u.id === unit.parentId);
    return html`
      <li class="row depth-${Math.min(depth, 4)}" part="board" data-unit=${unit.id}>
        <span><strong class="user-text">${unit.name}</strong> · ${tierLabel({ tiers: this.tiers }, unit.tier)}
          ${parent ? html` · <span class="user-text">${msg(str`escalates to ${parent.name}`)}</span>` : nothing}
          ${unit.huddleAt ? html` · <span class="huddle-at">${msg(str`huddle at ${formatTimeOfDay(unit.huddleAt, this.locale)}`)}</span>` : nothing}
          ${this.calendarText(unit)}</span>
        ${
          editing === 'rename'
            ? html`<form @submit=${(e: Event) => this.rename(e, unit)} aria-label=${msg(str`Rename ${unit.name}`)}>
              <label>${msg('New name')}<input name="name" maxlength="120" required .value=${unit.name} /></label>
              <div class="buttons"><button class="primary" type="submit">${msg('Save name')}</button><button type="button" @click=${this.stopEditing}>${msg('Cancel')}</button></div>
            </form>`
            : editing === 'time'
              ? html`<form @submit=${(e: Event) => this.setTime(e, unit)} aria-label=${msg(str`Huddle time of ${unit.name}`)}>
                <label>${msg('Huddle time')}<input name="huddleAt" type="time" .value=${unit.huddleAt ?? ''} /></label>
                <p class="muted">${msg('A huddle that starts within 5 minutes of this time is on time.')}</p>
                <div class="buttons">
                  <button class="primary" type="submit">${msg('Save time')}</button>
                  ${unit.huddleAt ? html`<button type="button" @click=${() => this.saveTime(unit, undefined)}>${msg('No fixed time')}</button>` : nothing}
                  <button type="button" @click=${this.stopEditing}>${msg('Cancel')}</button>
                </div>
              </form>`
              : editing === 'shifts'
                ? html`<setup-board-shifts .store=${this.activeStore} theme=${this.effectiveTheme} .unit=${unit} .onDone=${() => this.stopEditing()}></setup-board-shifts>`
                : editing === 'calendar'
                  ? html`<setup-board-calendar .store=${this.activeStore} theme=${this.effectiveTheme} .unit=${unit} .units=${units} .onDone=${() => this.stopEditing()}></setup-board-calendar>`
                  : editing === 'move'
                    ? html`<form @submit=${(e: Event) => this.move(e, unit)} aria-label=${msg(str`Move ${unit.name}`)}>
                <label>${msg('Escalates to')}<select name="parent">
                  ${this.parentsFor(unit.tier, units, unit.id).map((p) => html`<option value=${p.id} ?selected=${p.id === unit.parentId}>${p.name}</option>`)}
                </select></label>
                <div class="buttons"><button class="primary" type="submit">${msg('Move board')}</button><button type="button" @click=${this.stopEditing}>${msg('Cancel')}</button></div>
              </form>`
                    : editing === 'retire'
                      ? html`<div class="buttons" role="group" aria-label=${msg(str`Retire ${unit.name}?`)}>
                  <span>${msg('Retire this board? It leaves the boards and lists; its history stays in reports.')}</span>
                  <button class="primary" @click=${() => this.retire(unit, units)}>${msg('Retire board')}</button>
                  <button @click=${this.stopEditing}>${msg('Cancel')}</button>
                </div>`
                      : html`<span class="buttons">
                  <button @click=${() => this.edit(unit, 'rename')}>${msg('Rename')}</button>
                  <button @click=${() => this.edit(unit, 'time')}>${msg('Huddle time')}</button>
                  <button @click=${() => this.edit(unit, 'shifts')}>${msg('Shifts')}</button>
                  <button @click=${() => this.edit(unit, 'calendar')}>${msg('Calendar')}</button>
                  ${this.parentsFor(unit.tier, units, unit.id).length > 0 ? html`<button @click=${() => this.edit(unit, 'move')}>${msg('Move')}</button>` : nothing}
                  <button @click=${() => this.edit(unit, 'retire')}>${msg('Retire')}</button>
                </span>`
        }
      </li>
    `;
  }

  /** What the board set of its own calendar, in a few words; nothing when it takes the board above's. */
  private calendarText(unit: Unit) {
    const parts = [
      ...(unit.workingDays ? [msg(str`works ${workingWeekText(unit.workingDays, this.locale)}`)] : []),
      ...(unit.closedDays?.length
        ? [msg(str`closed ${unit.closedDays.map((d) => formatDay(d, this.locale, { day: 'numeric', month: 'short' })).join(', ')}`)]
        : []),
      ...(unit.timeZone ? [unit.timeZone] : []),
      ...(unit.shifts?.length
        ? [
            msg(
              str`shift huddles ${shiftsOf(unit)
                .map((s) => `${s.name} ${formatTimeOfDay(s.at, this.locale)}`)
                .join(', ')}`,
            ),
          ]
        : []),
    ];
    return parts.length ? html` · <span class="calendar">${parts.join(' · ')}</span>` : nothing;
  }

  private renderAddForm(units: readonly Unit[]) {
    const top = this.addTier >= this.tiers.length;
    const parents = this.parentsFor(this.addTier, units);
    return html`
      <form @submit=${this.add} aria-label=${msg('New board')}>
        <h3>${msg('Add a board')}</h3>
        <div class="fields">
          <label>${msg('Name')}<input name="name" maxlength="120" autocomplete="off" /></label>
          <label>${msg('Tier')}<select name="tier" @change=${(e: Event) => (this.chosenTier = Number((e.target as HTMLSelectElement).value))}>
            ${this.tiers.map((t, i) => html`<option value=${i + 1} ?selected=${i + 1 === this.addTier}>${i + 1}: ${t.unit}</option>`)}
          </select></label>
          ${
            top
              ? nothing
              : // The first board above is the choice (an option added after "No board above" would
                // not take the choice by itself), in a new select whenever the boards above change.
                keyed(
                  parents.map((p) => p.id).join(),
                  html`<label>${msg('Escalates to')}<select name="parent">
                ${parents.map((p, i) => html`<option value=${p.id} ?selected=${i === 0}>${p.name}</option>`)}
                <option value="">${
                  parents.length === 0
                    ? msg(str`No board above: it is the top board (or add a ${tierLabel({ tiers: this.tiers }, this.addTier + 1)} first)`)
                    : msg('No board above: it is the top board')
                }</option>
              </select></label>`,
                )
          }
          <label>${msg('Huddle time (optional)')}<input name="huddleAt" type="time" /></label>
          <button class="primary" type="submit">${msg('Add board')}</button>
        </div>
      </form>
    `;
  }

  private edit(unit: Unit, mode: Editing['mode']): void {
    this.writeError = '';
    this.editing = { id: unit.id, mode };
  }

  private stopEditing(): void {
    this.editing = undefined;
  }

  private async add(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const parentId = (form.elements.namedItem('parent') as HTMLSelectElement | null)?.value ?? '';
    const top = this.addTier >= this.tiers.length;
    if (!name) {
      this.writeError = msg('Give the board a name.');
      return;
    }
    // A board of a lower tier may be the top one (a site that starts with one department): it
    // escalates nowhere until a board is added above it and it is moved under it.
    const huddleAt = (form.elements.namedItem('huddleAt') as HTMLInputElement).value;
    const unit = await this.write(() =>
      this.activeStore.createUnit({ name, tier: this.addTier, ...(top || !parentId ? {} : { parentId }), ...(huddleAt ? { huddleAt } : {}) }),
    );
    if (!unit) return;
    form.reset();
    this.emit('setup-saved', { step: 'boards' });
  }

  private async rename(event: Event, unit: Unit): Promise<void> {
    event.preventDefault();
    const name = ((event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement).value.trim();
    if (!name) {
      this.writeError = msg('Give the board a name.');
      return;
    }
    if (await this.write(() => this.activeStore.updateUnit(unit.id, { name }))) this.saved();
  }

  private setTime(event: Event, unit: Unit): void {
    event.preventDefault();
    const huddleAt = ((event.target as HTMLFormElement).elements.namedItem('huddleAt') as HTMLInputElement).value;
    if (!huddleAt) {
      this.writeError = msg('Type the time of the huddle, or choose No fixed time.');
      return;
    }
    void this.saveTime(unit, huddleAt);
  }

  /** Sets the board's huddle time; undefined clears it (no fixed time). */
  private async saveTime(unit: Unit, huddleAt: string | undefined): Promise<void> {
    if (await this.write(() => this.activeStore.updateUnit(unit.id, { huddleAt }))) this.saved();
  }

  private async move(event: Event, unit: Unit): Promise<void> {
    event.preventDefault();
    const parentId = ((event.target as HTMLFormElement).elements.namedItem('parent') as HTMLSelectElement).value;
    if (await this.write(() => this.activeStore.updateUnit(unit.id, { parentId }))) this.saved();
  }

  private async retire(unit: Unit, units: readonly Unit[]): Promise<void> {
    const children = units.filter((u) => u.parentId === unit.id && !u.deletedAt);
    if (children.length > 0) {
      this.writeError = msg(str`${unit.name} still has ${children.length} boards under it: move or retire them first.`);
      return;
    }
    const done = await this.retireRecord('units', unit.id);
    if (done) this.saved();
  }

  private saved(): void {
    this.editing = undefined;
    this.emit('setup-saved', { step: 'boards' });
  }
}

customElements.get('setup-boards') ?? customElements.define('setup-boards', SetupBoards);

declare global {
  interface HTMLElementTagNameMap {
    'setup-boards': SetupBoards;
  }
}

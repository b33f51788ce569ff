import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf, whereEquals } from '../../store/queries.js';
import {
  boardTree,
  KPI_CATEGORIES,
  addDays,
  daysOfMonth,
  monthOf,
  type Day,
  type Kpi,
  type KpiAggregate,
  type KpiCategory,
  type KpiValue,
  type Unit,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';
import '../kpi-calendar/kpi-calendar.js';
import { kpiCategoryName } from '../enum-words.js';

type KpiDraft = Pick<Kpi, 'name' | 'category' | 'measure' | 'target' | 'betterWhen' | 'amberBand' | 'rollup' | 'aggregate'>;

/** A KPI stores how it adds up only when it is not the default (a mean). */
const aggregateField = (aggregate: KpiAggregate): Pick<Kpi, 'aggregate'> => (aggregate === 'mean' ? {} : { aggregate });

const NEW_KPI: KpiDraft = { name: '', category: 'S', measure: '', target: 0, betterWhen: 'lower' };

/** How far example days fall from the target, as a share of it: some good, some just off, some far off. */
const EXAMPLE_SPREAD = [-0.1, 0.02, -0.04, 0.12, -0.06, 0.04, 0.25, -0.02, 0.08, -0.08];

/**
 * Values for a month that has none yet, spread around the target on both sides, so the
 * preview shows what the threshold and amber band will do before any result is recorded.
 */
export function exampleValues(kpi: KpiDraft, month: string, until: Day): Pick<KpiValue, 'day' | 'value'>[] {
  const scale = Math.abs(kpi.target) || Math.max(kpi.amberBand ?? 0, 1);
  const worse = kpi.betterWhen === 'higher' ? -1 : 1;
  return daysOfMonth(month)
    .filter((day) => day <= until)
    .map((day, i) => ({ day, value: Math.round((kpi.target + worse * scale * EXAMPLE_SPREAD[i % EXAMPLE_SPREAD.length]!) * 10) / 10 }));
}

/**
 * @summary Set-up step 4: each board's KPIs - SQDCP category or custom, measure, target, direction, amber band and roll-up - with a live letter-calendar preview.
 *
 * @fires setup-saved - A KPI was added, changed or retired. `detail.step` is `kpis`.
 *
 * @csspart base - The whole step.
 * @csspart preview - The letter calendar drawn from the KPI being edited.
 */
export class SetupKpis extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  @state() private board = '';
  /** The KPI being edited (undefined: a new one) and what the form holds now. */
  @state() private editingId?: string;
  @state() private draft: KpiDraft = NEW_KPI;
  @state() private done = '';

  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => allOf('units'),
  );
  readonly #kpis = new LiveQueryController<Kpi[]>(
    this,
    () => this.activeStore,
    () => (this.boardId ? whereEquals('kpis', 'unitId', this.boardId) : undefined),
  );
  readonly #values = new LiveQueryController<KpiValue[]>(
    this,
    () => this.activeStore,
    () => (this.editingId ? whereEquals('kpiValues', 'kpiId', this.editingId) : undefined),
  );

  private get boardId(): string {
    if (this.board) return this.board;
    const tree = boardTree(this.#units.value ?? []);
    return (tree.find((t) => t.unit.tier === 1) ?? tree[0])?.unit.id ?? '';
  }

  protected override render() {
    const units = this.#units.value;
    if (!units) return html`<p role="status">${msg('Loading…')}</p>`;
    const tree = boardTree(units);
    const board = units.find((u) => u.id === this.boardId);
    const kpis = (this.#kpis.value ?? []).filter((k) => !k.deletedAt);
    return html`
      <section part="base" aria-labelledby="kpis-title">
        <h2 id="kpis-title">${msg('KPIs')}</h2>
        ${
          !board
            ? html`<p>${msg('Add boards first: every KPI belongs to a board.')}</p>`
            : html`
              <label>${msg('Board')} <select name="board" @change=${this.chooseBoard}>
                ${tree.map(({ unit, depth }) => html`<option value=${unit.id} ?selected=${unit.id === board.id}>${'– '.repeat(depth)}${unit.name}</option>`)}
              </select></label>
              ${kpis.length === 0 ? html`<p>${msg('No KPIs on this board yet.')}</p>` : html`<ul>${kpis.map((k) => this.renderKpi(k))}</ul>`}
              ${this.done ? html`<p role="status"><span aria-hidden="true">✓ </span>${this.done}</p>` : nothing}
              ${this.renderForm(board)}`
        }
      </section>
    `;
  }

  private renderKpi(kpi: Kpi) {
    return html`<li class="row" data-kpi=${kpi.id}>
      <span><strong>${kpi.category === 'custom' ? '•' : kpi.category}</strong> <span class="user-text">${kpi.name}</span> ·
        ${kpi.betterWhen === 'higher' ? msg(str`target ${kpi.target} ${kpi.measure} or more`) : msg(str`target ${kpi.target} ${kpi.measure} or less`)}
        ${kpi.rollup ? html` · ${msg('rolled up from the boards below')}` : nothing}</span>
      <span class="buttons">
        <button @click=${() => this.edit(kpi)} aria-label=${msg(str`Edit ${kpi.name}`)}>${msg('Edit')}</button>
        <button @click=${() => this.retire(kpi)} aria-label=${msg(str`Retire ${kpi.name}`)}>${msg('Retire')}</button>
      </span>
    </li>`;
  }

  private renderForm(board: Unit) {
    const draft = this.draft;
    const yesterday = addDays(this.activeStore.today(), -1);
    const month = monthOf(yesterday);
    const real = this.editingId ? (this.#values.value ?? []) : [];
    const stamp = { createdAt: '', updatedAt: '' };
    const previewKpi: Kpi = { ...draft, id: 'preview', unitId: board.id, name: draft.name || msg('New KPI'), ...stamp };
    const values: KpiValue[] = real.length ? real : exampleValues(draft, month, yesterday).map((v) => ({ ...v, id: v.day, kpiId: 'preview', ...stamp }));
    return html`
      <form @submit=${this.save} @input=${this.readDraft} @change=${this.readDraft} aria-label=${this.editingId ? msg('Edit KPI') : msg('New KPI')}>
        <h3>${this.editingId ? msg('Edit KPI') : msg('Add a KPI')}</h3>
        <div class="fields">
          <label>${msg('Name')}<input name="name" maxlength="120" autocomplete="off" .value=${draft.name} /></label>
          <label>${msg('Category')}<select name="category">
            ${KPI_CATEGORIES.map((c) => html`<option value=${c} ?selected=${c === draft.category}>${kpiCategoryName(c)}</option>`)}
          </select></label>
          <label>${msg('Measured in')}<input name="measure" maxlength="30" autocomplete="off" placeholder=${msg('%, min, incidents')} .value=${draft.measure} /></label>
        </div>
        <div class="fields">
          <label>${msg('Target')}<input name="target" type="number" step="any" inputmode="decimal" .value=${String(draft.target)} /></label>
          <label>${msg('Better when')}<select name="betterWhen">
            <option value="higher" ?selected=${draft.betterWhen === 'higher'}>${msg('higher (at or above target)')}</option>
            <option value="lower" ?selected=${draft.betterWhen === 'lower'}>${msg('lower (at or below target)')}</option>
          </select></label>
          <label>${msg('Over a week or month')}<select name="aggregate">
            <option value="mean" ?selected=${(draft.aggregate ?? 'mean') === 'mean'}>${msg('average it (a rate, a percentage)')}</option>
            <option value="sum" ?selected=${draft.aggregate === 'sum'}>${msg('add it up (a count: incidents, units)')}</option>
            <option value="last" ?selected=${draft.aggregate === 'last'}>${msg('take the latest (a level: backlog, beds free)')}</option>
          </select></label>
          <label>${msg('Amber band (optional)')}<input name="amberBand" type="number" min="0" step="any" inputmode="decimal" .value=${draft.amberBand === undefined ? '' : String(draft.amberBand)} /></label>
          ${
            board.tier > 1
              ? html`<label><input type="checkbox" name="rollup" .checked=${draft.rollup === true} /> ${msg('Roll up from the boards below')}</label>`
              : nothing
          }
        </div>
        <div part="preview">
          <p class="muted">${real.length ? msg("Preview: this month's recorded results against the threshold above.") : msg('Preview: example results around the target, to show what the threshold and amber band do.')}</p>
          <kpi-calendar .store=${this.activeStore} .preview=${{ kpi: previewKpi, values }} theme=${this.effectiveTheme}></kpi-calendar>
        </div>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        <div class="buttons">
          <button class="primary" type="submit">${this.editingId ? msg('Save KPI') : msg('Add KPI')}</button>
          ${this.editingId ? html`<button type="button" @click=${this.newKpi}>${msg('Cancel')}</button>` : nothing}
        </div>
      </form>
    `;
  }

  /** The form's fields as a draft; an unreadable number keeps the previous one for the preview. */
  private readDraft(event: Event): void {
    const form = event.currentTarget as HTMLFormElement;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;
    const number = (name: string) => (field(name)?.value.trim() === '' ? undefined : field(name)!.valueAsNumber);
    const target = number('target');
    const band = number('amberBand');
    this.draft = {
      name: field('name')!.value,
      category: (form.elements.namedItem('category') as HTMLSelectElement).value as KpiCategory,
      measure: field('measure')!.value,
      target: target !== undefined && Number.isFinite(target) ? target : this.draft.target,
      betterWhen: (form.elements.namedItem('betterWhen') as HTMLSelectElement).value as Kpi['betterWhen'],
      ...(band !== undefined && Number.isFinite(band) && band >= 0 ? { amberBand: band } : {}),
      ...(field('rollup')?.checked ? { rollup: true } : {}),
      ...aggregateField((form.elements.namedItem('aggregate') as HTMLSelectElement).value as KpiAggregate),
    };
  }

  private chooseBoard(event: Event): void {
    this.board = (event.target as HTMLSelectElement).value;
    this.newKpi();
  }

  private newKpi(): void {
    this.editingId = undefined;
    this.draft = NEW_KPI;
    this.writeError = '';
  }

  private edit(kpi: Kpi): void {
    this.editingId = kpi.id;
    this.draft = {
      name: kpi.name,
      category: kpi.category,
      measure: kpi.measure,
      target: kpi.target,
      betterWhen: kpi.betterWhen,
      ...(kpi.amberBand !== undefined ? { amberBand: kpi.amberBand } : {}),
      ...(kpi.rollup ? { rollup: true } : {}),
      ...aggregateField(kpi.aggregate ?? 'mean'),
    };
    this.writeError = '';
    this.done = '';
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const target = form.elements.namedItem('target') as HTMLInputElement;
    const band = form.elements.namedItem('amberBand') as HTMLInputElement;
    this.done = '';
    if (!this.draft.name.trim()) {
      this.writeError = msg('Give the KPI a name.');
      return;
    }
    if (target.value.trim() === '' || !Number.isFinite(target.valueAsNumber)) {
      this.writeError = msg('The target must be a number.');
      return;
    }
    if (band.value.trim() !== '' && !(band.valueAsNumber >= 0)) {
      this.writeError = msg('The amber band must be a number of 0 or more, or empty.');
      return;
    }
    const draft = { ...this.draft, name: this.draft.name.trim(), measure: this.draft.measure.trim() };
    const id = this.editingId;
    const saved = await this.write(() =>
      id
        ? this.activeStore.updateKpi(id, { ...draft, amberBand: draft.amberBand, rollup: draft.rollup, aggregate: draft.aggregate })
        : this.activeStore.createKpi({ ...draft, unitId: this.boardId }),
    );
    if (!saved) return;
    this.done = id ? msg(str`Saved ${saved.name}.`) : msg(str`Added ${saved.name}.`);
    this.newKpi();
    this.emit('setup-saved', { step: 'kpis' });
  }

  private async retire(kpi: Kpi): Promise<void> {
    const done = await this.retireRecord('kpis', kpi.id);
    if (!done) return;
    if (this.editingId === kpi.id) this.newKpi();
    this.done = msg(str`Retired ${kpi.name}; its results stay in reports.`);
    this.emit('setup-saved', { step: 'kpis' });
  }
}

customElements.get('setup-kpis') ?? customElements.define('setup-kpis', SetupKpis);

declare global {
  interface HTMLElementTagNameMap {
    'setup-kpis': SetupKpis;
  }
}

import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { whereEquals } from '../../store/queries.js';
import type { Experiment } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';

type ExperimentField = 'targetCondition' | 'actualCondition' | 'obstacle' | 'result' | 'learning' | 'nextStep' | 'expectation';
const FIELDS: readonly ExperimentField[] = ['targetCondition', 'actualCondition', 'obstacle', 'result', 'learning', 'nextStep', 'expectation'];

/**
 * @summary "Improve for tomorrow": the board's current experiments as a storyboard -
 * target condition, actual condition, obstacle, last step and what was learned, next step
 * and what we expect.
 *
 * @attr unit - Id of the board.
 *
 * @fires experiment-saved - An experiment was added, edited or closed. `detail.experiment` is the stored record.
 *
 * @csspart base - The whole panel.
 * @csspart experiment - One experiment's storyboard.
 * @csspart form - The edit form.
 */
export class ImprovementCard extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      h3 {
        margin: 0;
        font-size: var(--_size-large);
      }
      dl {
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 16em), 1fr));
        gap: var(--_space);
      }
      dl div {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_surface-raised);
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
      }
      textarea {
        width: 100%;
      }
    `,
  ];

  /** Id of the board. */
  @property({ reflect: true }) unit = '';

  /** The experiment being edited: its id, or 'new'. */
  @state() private editing: string | undefined;

  readonly #experiments = new LiveQueryController<Experiment[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('experiments', 'unitId', this.unit) : undefined),
  );

  private label(field: ExperimentField): string {
    return {
      targetCondition: msg('Target condition'),
      actualCondition: msg('Actual condition now'),
      obstacle: msg('Obstacle we work on'),
      result: msg('Last step: what happened'),
      learning: msg('What we learned'),
      nextStep: msg('Next step'),
      expectation: msg('What we expect'),
    }[field];
  }

  protected override render() {
    const experiments = this.#experiments.value;
    if (!experiments) return html`<p role="status">${this.errorText(this.#experiments.error) ?? msg('Loading…')}</p>`;
    const active = experiments.filter((e) => e.status === 'active').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    return html`
      <section part="base" aria-labelledby="imp-title">
        <header>
          <h2 id="imp-title">${msg('Improvement')}</h2>
          ${this.editing ? nothing : html`<button class="primary" @click=${() => this.edit('new')}>${msg('New experiment')}</button>`}
        </header>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${this.editing === 'new' ? this.renderForm(undefined) : nothing}
        ${active.length === 0 && this.editing !== 'new' ? html`<p>${msg('No experiment running. What is the next target condition?')}</p>` : nothing}
        ${active.map((experiment) => (this.editing === experiment.id ? this.renderForm(experiment) : this.renderStoryboard(experiment)))}
      </section>
    `;
  }

  private renderStoryboard(experiment: Experiment) {
    return html`
      <article class="card" part="experiment" data-experiment=${experiment.id} aria-labelledby="exp-${experiment.id}">
        <h3 id="exp-${experiment.id}" class="user-text">${experiment.title}</h3>
        <dl>
          ${FIELDS.map((field) => html`<div><dt>${this.label(field)}</dt><dd class="user-text">${experiment[field] || '–'}</dd></div>`)}
        </dl>
        <div class="buttons">
          <button @click=${() => this.edit(experiment.id)}>${msg('Update')}</button>
          <button @click=${() => this.closeExperiment(experiment)}>${msg('Close experiment')}</button>
        </div>
      </article>
    `;
  }

  private renderForm(experiment: Experiment | undefined) {
    return html`
      <form part="form" @submit=${(e: Event) => this.save(e, experiment)} aria-label=${experiment ? msg(str`Update ${experiment.title}`) : msg('New experiment')}>
        <label>${msg('Title')}<br /><input name="title" class="wide" maxlength="200" .value=${experiment?.title ?? ''} autocomplete="off" /></label>
        ${FIELDS.map(
          (field) => html`<label>${this.label(field)}<br /><textarea name=${field} maxlength="4000" .value=${experiment?.[field] ?? ''}></textarea></label>`,
        )}
        <div class="buttons">
          <button type="button" @click=${() => (this.editing = undefined)}>${msg('Cancel')}</button>
          <button class="primary" type="submit">${msg('Save experiment')}</button>
        </div>
      </form>
    `;
  }

  private edit(id: string): void {
    this.writeError = '';
    this.editing = id;
  }

  private async save(event: Event, current: Experiment | undefined): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement).value.trim();
    const title = value('title');
    if (!title) {
      this.writeError = msg('Give the experiment a short title.');
      return;
    }
    const fields = Object.fromEntries(FIELDS.map((field) => [field, value(field)])) as Record<ExperimentField, string>;
    const experiment = await this.write(() =>
      this.activeStore.saveExperiment({ ...(current ? { id: current.id } : {}), unitId: this.unit, title, ...fields, status: 'active' }),
    );
    if (!experiment) return;
    this.editing = undefined;
    this.emit('experiment-saved', { experiment });
  }

  private async closeExperiment(experiment: Experiment): Promise<void> {
    const { createdAt: _c, updatedAt: _u, ...fields } = experiment;
    const saved = await this.write(() => this.activeStore.saveExperiment({ ...fields, status: 'closed' }));
    if (saved) this.emit('experiment-saved', { experiment: saved });
  }
}

customElements.get('improvement-card') ?? customElements.define('improvement-card', ImprovementCard);

declare global {
  interface HTMLElementTagNameMap {
    'improvement-card': ImprovementCard;
  }
}

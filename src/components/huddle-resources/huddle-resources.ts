import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { whereEquals } from '../../store/queries.js';
import { RESOURCE_KINDS, type Person, type ResourceKind, type ResourceNeed } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { resourceKindWord } from '../enum-words.js';
import { AddFormController } from '../add-form.js';

/**
 * @summary "Plan to win today": the gaps in people, equipment, supplies and information,
 * and who closes each one.
 *
 * @attr unit - Id of the board.
 *
 * @fires resource-need-saved - A need was added or closed. `detail.need` is the stored record.
 *
 * @csspart base - The whole panel.
 * @csspart need - One need.
 * @csspart form - The add form.
 */
export class HuddleResources extends HuddleElement {
  static override styles = [tokens, controls, panelStyles];

  /** Id of the board. */
  @property({ reflect: true }) unit = '';

  @state() private kind: ResourceKind = 'people';
  @state() private owner: string | undefined;

  readonly #form = new AddFormController(this, 'description');
  readonly #needs = new LiveQueryController<ResourceNeed[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('resourceNeeds', 'unitId', this.unit) : undefined),
  );
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('people', 'unitId', this.unit) : undefined),
  );

  protected override render() {
    const needs = this.#needs.value;
    if (!needs) return html`<p role="status">${this.errorText(this.#needs.error) ?? msg('Loading…')}</p>`;
    const today = this.activeStore.today();
    // Open gaps from any day, and what was closed today so the team sees it done.
    const shown = needs
      .filter((n) => !n.closed || (n.day === today && n.closed))
      .sort((a, b) => Number(a.closed) - Number(b.closed) || a.day.localeCompare(b.day));
    const open = shown.filter((n) => !n.closed).length;
    const name = (id: string | undefined) => this.#people.value?.find((p) => p.id === id)?.name;
    return html`
      <section part="base" aria-labelledby="res-title">
        <header>
          <h2 id="res-title">${msg('Resource needs')}</h2>
          <span>${msg(str`${open} open`)}</span>
          ${this.#form.open ? nothing : html`<button class="primary" @click=${this.startAdding}>${msg('Add a need')}</button>`}
        </header>
        ${this.#form.open ? this.renderForm() : nothing}
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${shown.length === 0 ? html`<p>${msg('No gaps today.')}</p>` : nothing}
        <ul>
          ${shown.map((need) => {
            const owner = name(need.ownerId);
            return html`<li class="row" part="need" data-need=${need.id}>
              <span>
                <strong>${resourceKindWord(need.kind)}:</strong> <span class="user-text">${need.description}</span><br />
                ${
                  need.closed
                    ? html`<span class="muted"><span aria-hidden="true">✓ </span>${msg('Closed')}</span>`
                    : owner
                      ? html`<span class="muted user-text">${msg(str`${owner} closes it`)}</span>`
                      : html`<span class="flag"><span aria-hidden="true">? </span>${msg('Nobody closes it yet')}</span>`
                }
              </span>
              ${need.closed ? nothing : html`<button @click=${() => this.close(need)}>${msg('Mark closed')}</button>`}
            </li>`;
          })}
        </ul>
      </section>
    `;
  }

  private renderForm() {
    return html`
      <form part="form" @submit=${this.add} aria-label=${msg('New resource need')}>
        <fieldset>
          <legend>${msg('What is short?')}</legend>
          ${RESOURCE_KINDS.map((kind) => html`<button type="button" aria-pressed=${this.kind === kind ? 'true' : 'false'} @click=${() => (this.kind = kind)}>${resourceKindWord(kind)}</button>`)}
        </fieldset>
        <label>${msg('What exactly?')}<br /><input name="description" class="wide" maxlength="200" autocomplete="off" /></label>
        <fieldset>
          <legend>${msg('Who closes the gap?')}</legend>
          ${(this.#people.value ?? []).map(
            (person) =>
              html`<button type="button" aria-pressed=${this.owner === person.id ? 'true' : 'false'} @click=${() => (this.owner = person.id)}><span class="user-text">${person.name}</span></button>`,
          )}
        </fieldset>
        ${this.#form.buttons(msg('Save need'))}
      </form>
    `;
  }

  private startAdding(): void {
    this.#form.start(() => {
      this.kind = 'people';
      this.owner = undefined;
      this.writeError = '';
    });
  }

  private async add(event: Event): Promise<void> {
    const description = this.#form.text(event, 'description');
    if (!description) {
      this.writeError = msg('Write what is short first.');
      return;
    }
    const need = await this.#form.save(() =>
      this.write(() =>
        this.activeStore.addResourceNeed({
          unitId: this.unit,
          day: this.activeStore.today(),
          kind: this.kind,
          description,
          ...(this.owner ? { ownerId: this.owner } : {}),
        }),
      ),
    );
    if (!need) return;
    this.emit('resource-need-saved', { need });
  }

  private async close(need: ResourceNeed): Promise<void> {
    const saved = await this.write(() => this.activeStore.setResourceNeedClosed(need.id, true));
    if (saved) this.emit('resource-need-saved', { need: saved });
  }
}

customElements.get('huddle-resources') ?? customElements.define('huddle-resources', HuddleResources);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-resources': HuddleResources;
  }
}

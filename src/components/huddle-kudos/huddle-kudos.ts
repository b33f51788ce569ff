import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { whereEquals } from '../../store/queries.js';
import type { Person, Recognition } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { AddFormController } from '../add-form.js';

/**
 * @summary Recognition: today's kudos to a person or the whole team, shown on the board for the day.
 *
 * @attr unit - Id of the board.
 *
 * @fires recognition-added - A kudos was added. `detail.recognition` is the stored record.
 *
 * @csspart base - The whole panel.
 * @csspart kudos - One kudos.
 * @csspart form - The add form.
 */
export class HuddleKudos extends HuddleElement {
  static override styles = [tokens, controls, panelStyles];

  /** Id of the board. */
  @property({ reflect: true }) unit = '';

  /** Who the kudos is for; undefined is the whole team. */
  @state() private person: string | undefined;

  readonly #form = new AddFormController(this, 'text');
  readonly #kudos = new LiveQueryController<Recognition[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('recognitions', 'unitId', this.unit) : undefined),
  );
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('people', 'unitId', this.unit) : undefined),
  );

  protected override render() {
    const kudos = this.#kudos.value;
    if (!kudos) return html`<p role="status">${this.errorText(this.#kudos.error) ?? msg('Loading…')}</p>`;
    const today = this.activeStore.today();
    const shown = kudos.filter((k) => k.day === today);
    const name = (id: string | undefined) => (id === undefined ? msg('The whole team') : (this.#people.value?.find((p) => p.id === id)?.name ?? ''));
    return html`
      <section part="base" aria-labelledby="kudos-title">
        <header>
          <h2 id="kudos-title">${msg('Recognition')}</h2>
          ${this.#form.open ? nothing : html`<button class="primary" @click=${this.startAdding}><span aria-hidden="true">★ </span>${msg('Give kudos')}</button>`}
        </header>
        ${this.#form.open ? this.renderForm() : nothing}
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${shown.length === 0 && !this.#form.open ? html`<p>${msg('No kudos yet today.')}</p>` : nothing}
        <ul>
          ${shown.map(
            (k) =>
              html`<li class="row" part="kudos"><span><span aria-hidden="true">★ </span><strong class="user-text">${name(k.personId)}</strong>: <span class="user-text">${k.text}</span></span></li>`,
          )}
        </ul>
      </section>
    `;
  }

  private renderForm() {
    return html`
      <form part="form" @submit=${this.add} aria-label=${msg('New kudos')}>
        <fieldset>
          <legend>${msg('For whom?')}</legend>
          <button type="button" aria-pressed=${this.person === undefined ? 'true' : 'false'} @click=${() => (this.person = undefined)}>${msg('The whole team')}</button>
          ${(this.#people.value ?? []).map(
            (p) =>
              html`<button type="button" aria-pressed=${this.person === p.id ? 'true' : 'false'} @click=${() => (this.person = p.id)}><span class="user-text">${p.name}</span></button>`,
          )}
        </fieldset>
        <label>${msg('What for?')}<br /><input name="text" class="wide" maxlength="200" autocomplete="off" /></label>
        ${this.#form.buttons(msg('Save kudos'))}
      </form>
    `;
  }

  private startAdding(): void {
    this.#form.start(() => {
      this.person = undefined;
      this.writeError = '';
    });
  }

  private async add(event: Event): Promise<void> {
    const text = this.#form.text(event, 'text');
    if (!text) {
      this.writeError = msg('Say what the kudos is for.');
      return;
    }
    const recognition = await this.#form.save(() =>
      this.write(() =>
        this.activeStore.addRecognition({ unitId: this.unit, day: this.activeStore.today(), text, ...(this.person ? { personId: this.person } : {}) }),
      ),
    );
    if (!recognition) return;
    this.emit('recognition-added', { recognition });
  }
}

customElements.get('huddle-kudos') ?? customElements.define('huddle-kudos', HuddleKudos);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-kudos': HuddleKudos;
  }
}

import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf } from '../../store/queries.js';
import { COACHING_KINDS, coachingDirection, proposeDefaultCascade, type CoachingKind, type CoachingPair, type Person, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';
import { coachingKindName } from '../enum-words.js';

/**
 * @summary Set-up step 5: who coaches whom, how and how often - proposed from the board tree with one tap, then edited.
 *
 * @fires setup-saved - Pairs were added, changed or retired. `detail.step` is `cascade`.
 *
 * @csspart base - The whole step.
 * @csspart pair - One coaching pair.
 */
export class SetupCascade extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  @state() private done = '';

  readonly #pairs = new LiveQueryController<CoachingPair[]>(
    this,
    () => this.activeStore,
    () => allOf('coachingPairs'),
  );
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => allOf('people'),
  );
  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => allOf('units'),
  );

  protected override render() {
    const pairs = this.#pairs.value;
    const people = this.#people.value;
    if (!pairs || !people || !this.#units.value) return html`<p role="status">${msg('Loading…')}</p>`;
    const name = (id: string) => people.find((p) => p.id === id)?.name ?? msg('someone retired');
    const sorted = [...people].sort((a, b) => a.name.localeCompare(b.name));
    return html`
      <section part="base" aria-labelledby="cascade-title">
        <h2 id="cascade-title">${msg('Coaching cascade')}</h2>
        <p class="muted">${msg('The usual start: each leader coaches the leaders of the boards directly below - huddle observations weekly at the front line, coaching the coach every two weeks above it.')}</p>
        <div class="buttons"><button class="primary" @click=${this.propose}>${msg('Propose the default cascade')}</button></div>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${this.done ? html`<p role="status"><span aria-hidden="true">✓ </span>${this.done}</p>` : nothing}
        ${
          pairs.length === 0
            ? html`<p>${msg('Nobody coaches anybody yet.')}</p>`
            : html`<ul>${pairs.map(
                (pair) => html`<li class="row" part="pair" data-pair=${pair.id}>
                <span><strong class="user-text">${name(pair.coachId)}</strong> → <strong class="user-text">${name(pair.learnerId)}</strong> · ${coachingKindName(pair.kind)}</span>
                <span class="buttons">
                  <label>${msg('every')} <input type="number" name="cadence" min="1" max="365" .value=${String(pair.cadenceDays)} aria-label=${msg(str`Days between sessions of ${name(pair.coachId)} and ${name(pair.learnerId)}`)}
                    @change=${(e: Event) => this.setCadence(pair, e.target as HTMLInputElement)} /> ${msg('days')}</label>
                  <button @click=${() => this.retire(pair)} aria-label=${msg(str`Retire the pair ${name(pair.coachId)} and ${name(pair.learnerId)}`)}>${msg('Retire')}</button>
                </span>
              </li>`,
              )}</ul>`
        }
        <form @submit=${this.add} aria-label=${msg('New coaching pair')}>
          <h3>${msg('Add a pair')}</h3>
          <div class="fields">
            <label>${msg('Coach')}<select name="coach">${sorted.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>
            <label>${msg('Learner')}<select name="learner">${sorted.map((p) => html`<option value=${p.id}>${p.name}</option>`)}</select></label>
            <label>${msg('How')}<select name="kind">${COACHING_KINDS.map((k) => html`<option value=${k}>${coachingKindName(k)}</option>`)}</select></label>
            <label>${msg('Every how many days')}<input type="number" name="cadence" min="1" max="365" value="7" /></label>
            <button class="primary" type="submit">${msg('Add pair')}</button>
          </div>
        </form>
      </section>
    `;
  }

  private async propose(): Promise<void> {
    this.done = '';
    const proposed = proposeDefaultCascade(this.#units.value ?? [], this.#people.value ?? [], this.#pairs.value ?? []);
    if (proposed.length === 0) {
      this.writeError = msg('The board tree gives no new pairs: every pair it implies exists, or boards have no leader yet.');
      return;
    }
    const saved = await this.write(() => this.activeStore.saveCoachingPairs(proposed));
    if (!saved) return;
    this.done = msg(str`Added ${saved.length} pairs from the board tree; change any of them below.`);
    this.emit('setup-saved', { step: 'cascade' });
  }

  private async add(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const [coachId, learnerId, cadenceDays] = [value('coach'), value('learner'), Number(value('cadence'))];
    this.done = '';
    if (coachId === learnerId) {
      this.writeError = msg('Choose two different people: nobody coaches themselves here.');
      return;
    }
    const tier = (id: string) => this.#units.value?.find((u) => u.id === this.#people.value?.find((p) => p.id === id)?.unitId)?.tier ?? 0;
    const direction = coachingDirection(tier(coachId), tier(learnerId));
    const pair = await this.write(() => this.activeStore.saveCoachingPair({ coachId, learnerId, kind: value('kind') as CoachingKind, direction, cadenceDays }));
    if (!pair) return;
    this.emit('setup-saved', { step: 'cascade' });
  }

  private async setCadence(pair: CoachingPair, input: HTMLInputElement): Promise<void> {
    const { createdAt: _c, updatedAt: _u, ...fields } = pair;
    const saved = await this.write(() => this.activeStore.saveCoachingPair({ ...fields, cadenceDays: input.valueAsNumber }));
    if (!saved) input.value = String(pair.cadenceDays); // the message says why; the field shows what is stored
  }

  private async retire(pair: CoachingPair): Promise<void> {
    const done = await this.retireRecord('coachingPairs', pair.id);
    if (done) this.emit('setup-saved', { step: 'cascade' });
  }
}

customElements.get('setup-cascade') ?? customElements.define('setup-cascade', SetupCascade);

declare global {
  interface HTMLElementTagNameMap {
    'setup-cascade': SetupCascade;
  }
}

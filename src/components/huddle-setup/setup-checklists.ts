import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf } from '../../store/queries.js';
import { newId } from '../../store/ids.js';
import { localChecklist } from '../checklist-words.js';
import { addBehaviour, currentChecklist, moveBehaviour, setBehaviourRetired, type BehaviourGroup, type ChecklistTemplate } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';
import { coachingKindName } from '../enum-words.js';

type RatedKind = 'huddle-observation' | 'coaching-the-coach';
const RATED_KINDS: RatedKind[] = ['huddle-observation', 'coaching-the-coach'];

/**
 * @summary Set-up step 6: the behaviours coaches rate - add, reorder and retire them; sessions rated on older versions stay readable.
 *
 * @fires setup-saved - A checklist was saved as a new version. `detail.step` is `checklists`.
 *
 * @csspart base - The whole step.
 * @csspart behaviour - One behaviour of the checklist.
 */
export class SetupChecklists extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  @state() private kind: RatedKind = 'huddle-observation';
  /** The groups being edited; undefined until the first change (then saving makes a version). */
  @state() private groups?: BehaviourGroup[];
  @state() private done = '';

  readonly #templates = new LiveQueryController<ChecklistTemplate[]>(
    this,
    () => this.activeStore,
    () => allOf('checklists'),
  );

  protected override render() {
    const templates = this.#templates.value;
    if (!templates) return html`<p role="status">${msg('Loading…')}</p>`;
    const template = localChecklist(currentChecklist(templates, this.kind));
    const groups = this.groups ?? template.groups;
    return html`
      <section part="base" aria-labelledby="checklists-title">
        <h2 id="checklists-title">${msg('Observation checklists')}</h2>
        <p class="muted">${msg('Retired behaviours are no longer asked, but sessions rated on them keep their ratings and labels.')}</p>
        <div class="buttons" role="group" aria-label=${msg('Checklist')}>
          ${RATED_KINDS.map((k) => html`<button aria-pressed=${this.kind === k ? 'true' : 'false'} @click=${() => this.choose(k)}>${coachingKindName(k)}</button>`)}
        </div>
        <p>${msg(str`Version ${template.version}`)}${this.groups ? html` · <strong>${msg('changed, not saved yet')}</strong>` : nothing}</p>
        ${groups.map(
          (group) => html`
            <h3 class="user-text">${group.label}</h3>
            <ul>
              ${group.behaviours.map(
                (b, i) => html`<li class="row ${b.retired ? 'muted' : ''}" part="behaviour" data-behaviour=${b.id}>
                  <span><span class="user-text">${b.label}</span>${b.retired ? html` · <em>${msg('retired')}</em>` : nothing}</span>
                  <span class="buttons">
                    <button ?disabled=${i === 0} @click=${() => this.change(moveBehaviour(groups, b.id, -1))} aria-label=${msg(str`Move up: ${b.label}`)}><span aria-hidden="true">↑</span></button>
                    <button ?disabled=${i === group.behaviours.length - 1} @click=${() => this.change(moveBehaviour(groups, b.id, 1))} aria-label=${msg(str`Move down: ${b.label}`)}><span aria-hidden="true">↓</span></button>
                    <button @click=${() => this.change(setBehaviourRetired(groups, b.id, !b.retired))} aria-label=${b.retired ? msg(str`Bring back: ${b.label}`) : msg(str`Retire: ${b.label}`)}>${b.retired ? msg('Bring back') : msg('Retire')}</button>
                  </span>
                </li>`,
              )}
            </ul>
            <form @submit=${(e: Event) => this.add(e, groups, group.id)} aria-label=${msg(str`New behaviour in ${group.label}`)}>
              <div class="fields">
                <label>${msg('New behaviour')}<input name="label" maxlength="200" autocomplete="off" /></label>
                <button type="submit">${msg('Add behaviour')}</button>
              </div>
            </form>
          `,
        )}
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${this.done ? html`<p role="status"><span aria-hidden="true">✓ </span>${this.done}</p>` : nothing}
        <div class="buttons">
          <button class="primary" ?disabled=${!this.groups} @click=${() => this.save(template)}>${msg('Save checklist')}</button>
          ${this.groups ? html`<button @click=${() => (this.groups = undefined)}>${msg('Undo changes')}</button>` : nothing}
        </div>
      </section>
    `;
  }

  private choose(kind: RatedKind): void {
    this.kind = kind;
    this.groups = undefined;
    this.done = '';
    this.writeError = '';
  }

  private change(groups: BehaviourGroup[]): void {
    this.groups = groups;
    this.done = '';
  }

  private add(event: Event, groups: BehaviourGroup[], groupId: string): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('label') as HTMLInputElement;
    const label = input.value.trim();
    if (!label) {
      this.writeError = msg('Describe the behaviour a coach should look for.');
      return;
    }
    this.writeError = '';
    this.change(addBehaviour(groups, groupId, label, newId()));
    input.value = '';
  }

  private async save(template: ChecklistTemplate): Promise<void> {
    const groups = this.groups;
    if (!groups) return;
    const saved = await this.write(() =>
      this.activeStore.saveChecklist({ id: template.id, kind: template.kind, name: template.name, groups, basedOnVersion: template.version }),
    );
    if (!saved) return;
    this.groups = undefined;
    this.done = msg(str`Saved as version ${saved.version}. Sessions rated on earlier versions keep their ratings.`);
    this.emit('setup-saved', { step: 'checklists' });
  }
}

customElements.get('setup-checklists') ?? customElements.define('setup-checklists', SetupChecklists);

declare global {
  interface HTMLElementTagNameMap {
    'setup-checklists': SetupChecklists;
  }
}

import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { download } from '../download.js';
import { personalRecords } from '../../store/queries.js';
import { erasedName, everythingAbout, type Person } from '../../model/index.js';
import type { PersonDataRequest } from '../events.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';

/**
 * @summary A person's rights over their data, in the set-up: everything about them as a JSON file, and erasure after a confirmation that says what it removes and what it keeps.
 *
 * @fires person-data-requested - Before doing it here: a host with a server answers it (see PersonDataRequest).
 * @fires setup-saved - The person was erased. `detail.step` is `people`.
 *
 * @csspart base - The whole panel.
 */
export class SetupPersonData extends HuddleElement {
  static override styles = [tokens, controls, panelStyles];

  /** Whose data. */
  @property({ attribute: false }) person?: Person;

  @state() private confirming = false;
  @state() private busy = false;
  @state() private done = '';

  protected override render() {
    const person = this.person;
    if (!person) return nothing;
    return html`
      <div part="base" role="group" aria-label=${msg(str`Data about ${person.name}`)}>
        <div class="buttons">
          <button ?disabled=${this.busy} @click=${this.exportData}>${msg('Download everything about them (JSON)')}</button>
          ${this.confirming ? nothing : html`<button ?disabled=${this.busy} @click=${() => (this.confirming = true)}>${msg('Erase this person…')}</button>`}
        </div>
        ${
          this.confirming
            ? html`<div role="alertdialog" aria-labelledby="erase-what">
              <p id="erase-what">${msg(
                str`Erase ${person.name}? Their name becomes "${erasedName(person.id)}", their e-mail goes, and the words of every coaching conversation they were in are removed, for both people in it. The conversations, scores, actions and figures stay. This cannot be undone.`,
              )}</p>
              <div class="buttons">
                <button class="primary" ?disabled=${this.busy} @click=${this.erase}>${msg('Erase person')}</button>
                <button @click=${() => (this.confirming = false)}>${msg('Cancel')}</button>
              </div>
            </div>`
            : nothing
        }
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${this.done ? html`<p role="status"><span aria-hidden="true">✓ </span>${this.done}</p>` : nothing}
      </div>
    `;
  }

  /** The host's answer to the request, when it gives one. */
  #askHost(action: PersonDataRequest['action']): Promise<unknown> | undefined {
    let answer: Promise<unknown> | undefined;
    this.emit('person-data-requested', { personId: this.person!.id, action, respondWith: (promise) => (answer = promise) });
    return answer;
  }

  private async exportData(): Promise<void> {
    const person = this.person!;
    this.done = '';
    this.writeError = '';
    this.busy = true;
    try {
      const about = (await this.#askHost('export')) ?? everythingAbout(person.id, await this.activeStore.get(personalRecords()));
      download(`person-${person.id}.json`, JSON.stringify(about, null, 2), 'application/json');
      this.done = msg(str`Everything about ${person.name} is downloaded. It holds personal data: hand it to them, and keep no copy.`);
    } catch (error) {
      this.writeError = this.errorText(error as Error);
    } finally {
      this.busy = false;
    }
  }

  private async erase(): Promise<void> {
    const name = this.person!.name;
    const id = this.person!.id;
    this.done = '';
    this.busy = true;
    const changed = await this.write(() => this.#askHost('erase') ?? this.activeStore.erasePerson(id));
    this.busy = false;
    if (changed === undefined) return;
    this.confirming = false;
    this.done = msg(str`${name} is erased: they are now "${erasedName(id)}", and no conversation they were in keeps its words.`);
    this.emit('setup-saved', { step: 'people' });
  }
}

customElements.get('setup-person-data') ?? customElements.define('setup-person-data', SetupPersonData);

declare global {
  interface HTMLElementTagNameMap {
    'setup-person-data': SetupPersonData;
  }
}

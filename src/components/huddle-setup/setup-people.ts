import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf, orgSettings } from '../../store/queries.js';
import { newId } from '../../store/ids.js';
import { peopleFileProblemText, peopleProblemText } from './import-words.js';
import {
  boardTree,
  DEFAULT_TIERS,
  PEOPLE_COLUMNS,
  previewPeopleImport,
  roleLabel,
  type OrgSettings,
  type PeopleImportPreview,
  type Person,
  type PersonRole,
  type Unit,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';
import './setup-person-data.js';

/** Larger files are not an HR export of one site; refuse them before reading. */
const MAX_FILE_BYTES = 1_000_000;

/**
 * @summary Set-up step 3: people one by one, or many at once from a CSV pasted or exported by an HR system, previewed before anything is saved.
 *
 * @fires setup-saved - People were added or retired. `detail.step` is `people`.
 *
 * @csspart base - The whole step.
 * @csspart preview - The table that checks each pasted row.
 */
export class SetupPeople extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  @state() private addBoard = '';
  @state() private preview?: PeopleImportPreview;
  @state() private done = '';
  @state() private retiring?: string;
  /** The person whose data rights (export, erasure) are open. */
  @state() private dataOf?: string;

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
  readonly #org = new LiveQueryController<OrgSettings | undefined>(
    this,
    () => this.activeStore,
    () => orgSettings(),
  );

  private get org(): Pick<OrgSettings, 'tiers' | 'memberLabel'> {
    return this.#org.value ?? { tiers: DEFAULT_TIERS, memberLabel: 'Operator' };
  }

  protected override render() {
    const people = this.#people.value;
    const units = this.#units.value;
    if (!people || !units) return html`<p role="status">${msg('Loading…')}</p>`;
    const tree = boardTree(units);
    return html`
      <section part="base" aria-labelledby="people-title">
        <h2 id="people-title">${msg('People')}</h2>
        ${tree.length === 0 ? html`<p>${msg('Add boards first: every person belongs to a board.')}</p>` : html`${this.renderAddOne(tree.map((t) => t.unit))}${this.renderImport()}`}
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${this.done ? html`<p role="status"><span aria-hidden="true">✓ </span>${this.done}</p>` : nothing}
        ${tree.map(({ unit }) =>
          this.renderBoardPeople(
            unit,
            people.filter((p) => p.unitId === unit.id),
          ),
        )}
      </section>
    `;
  }

  private renderAddOne(boards: Unit[]) {
    const board = boards.find((u) => u.id === this.addBoard) ?? boards[0]!;
    const leaderTitle = this.org.tiers[board.tier - 1]?.leader ?? msg('Leader');
    return html`
      <form @submit=${this.addOne} aria-label=${msg('New person')}>
        <h3>${msg('Add a person')}</h3>
        <div class="fields">
          <label>${msg('Name')}<input name="name" maxlength="120" autocomplete="off" /></label>
          <label>${msg('Board')}<select name="board" @change=${(e: Event) => (this.addBoard = (e.target as HTMLSelectElement).value)}>
            ${boards.map((u) => html`<option value=${u.id} ?selected=${u.id === board.id}>${u.name}</option>`)}
          </select></label>
          <label>${msg('Role')}<select name="role">
            <option value="member">${this.org.memberLabel}</option>
            <option value="leader">${leaderTitle}</option>
          </select></label>
          <label>${msg('E-mail (optional, for signing in)')}<input name="email" type="email" maxlength="254" autocomplete="off" /></label>
          <button class="primary" type="submit">${msg('Add person')}</button>
        </div>
      </form>
    `;
  }

  private renderImport() {
    const preview = this.preview;
    const bad = preview?.rows.filter((r) => Object.keys(r.problems).length > 0).length ?? 0;
    return html`
      <form @submit=${this.check} aria-label=${msg('People from a file')}>
        <h3>${msg('Many people from a spreadsheet or HR file')}</h3>
        <p class="muted">${msg(str`One person per line: name, role, board, and (optional) coach and e-mail, separated by commas, semicolons or tabs. A first line with these column names is optional. Roles: ${[this.org.memberLabel, ...this.org.tiers.map((t) => t.leader)].join(', ')}.`)}</p>
        <label>${msg('Paste the lines here')}<textarea name="csv" spellcheck="false" @input=${() => (this.preview = undefined)}></textarea></label>
        <div class="buttons">
          <label>${msg('or choose a CSV file')} <input type="file" name="file" accept=".csv,.txt,text/csv,text/plain" @change=${this.readFile} /></label>
          <button type="submit">${msg('Check the list')}</button>
        </div>
        ${preview?.fileProblem ? html`<p class="error" role="alert">${peopleFileProblemText(preview.fileProblem)}</p>` : nothing}
        ${preview && !preview.fileProblem ? this.renderPreview(preview, bad) : nothing}
      </form>
    `;
  }

  private columnName(column: (typeof PEOPLE_COLUMNS)[number]): string {
    return { name: msg('Name'), role: msg('Role'), board: msg('Board'), coach: msg('Coach'), email: msg('E-mail') }[column];
  }

  private renderPreview(preview: PeopleImportPreview, bad: number) {
    return html`
      <table part="preview">
        <caption class="visually-hidden">${msg('Each line of the list, checked')}</caption>
        <thead><tr><th scope="col">${msg('Line')}</th>${PEOPLE_COLUMNS.map((c) => html`<th scope="col">${this.columnName(c)}</th>`)}</tr></thead>
        <tbody>
          ${preview.rows.map((row) => {
            const wrong = Object.keys(row.problems).length > 0;
            return html`<tr class=${wrong ? 'bad' : ''} data-line=${row.line}>
              <th scope="row">${wrong ? html`<span aria-hidden="true">✗ </span>` : html`<span aria-hidden="true">✓ </span>`}${row.line}<span class="visually-hidden">${wrong ? msg(': needs fixing') : msg(': good')}</span></th>
              ${PEOPLE_COLUMNS.map(
                (c) => html`<td aria-invalid=${row.problems[c] ? 'true' : 'false'}>
                <span class="user-text">${row.values[c]}</span>
                ${row.problems[c] ? html`<span class="problem" data-problem=${c}>${peopleProblemText(row.problems[c])}</span>` : nothing}
              </td>`,
              )}
            </tr>`;
          })}
        </tbody>
      </table>
      ${
        bad > 0
          ? html`<p class="error" role="alert">${msg(str`${bad} of ${preview.rows.length} lines need fixing. Nothing is saved until every line is right: correct the text above and check again.`)}</p>`
          : html`<div class="buttons">
            <button class="primary" type="button" @click=${this.saveImport}>${msg(str`Add ${preview.people.length} people`)}</button>
            ${preview.pairs.length ? html`<span>${msg(str`and ${preview.pairs.length} coaching pairs from the coach column`)}</span>` : nothing}
          </div>`
      }
    `;
  }

  private renderBoardPeople(unit: Unit, people: Person[]) {
    if (people.length === 0) return nothing;
    const sorted = [...people].sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === 'leader' ? -1 : 1));
    return html`
      <h3 class="user-text">${unit.name}</h3>
      <ul>
        ${sorted.map(
          (p) => html`<li class="row" data-person=${p.id}>
            <span><strong class="user-text">${p.name}</strong> · ${roleLabel(this.org, p, unit)}</span>
            ${
              this.retiring === p.id
                ? html`<span class="buttons">
                  <span>${msg('Retire? Their history stays in reports.')}</span>
                  <button class="primary" @click=${() => this.retire(p)}>${msg('Retire person')}</button>
                  <button @click=${() => (this.retiring = undefined)}>${msg('Cancel')}</button>
                </span>`
                : html`<span class="buttons">
                  <button aria-expanded=${this.dataOf === p.id ? 'true' : 'false'} aria-label=${msg(str`Data about ${p.name}`)} @click=${() => (this.dataOf = this.dataOf === p.id ? undefined : p.id)}>${msg('Their data')}</button>
                  <button @click=${() => (this.retiring = p.id)} aria-label=${msg(str`Retire ${p.name}`)}>${msg('Retire')}</button>
                </span>`
            }
            ${this.dataOf === p.id ? html`<setup-person-data .store=${this.activeStore} theme=${this.effectiveTheme} .person=${p}></setup-person-data>` : nothing}
          </li>`,
        )}
      </ul>
    `;
  }

  private async addOne(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const unitId = (form.elements.namedItem('board') as HTMLSelectElement).value;
    const role = (form.elements.namedItem('role') as HTMLSelectElement).value as PersonRole;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    this.done = '';
    if (!name) {
      this.writeError = msg("Write the person's name.");
      return;
    }
    const person = await this.write(() => this.activeStore.createPerson({ name, unitId, role, ...(email ? { email } : {}) }));
    if (!person) return;
    (form.elements.namedItem('name') as HTMLInputElement).value = '';
    (form.elements.namedItem('email') as HTMLInputElement).value = '';
    this.done = msg(str`Added ${person.name}.`);
    this.emit('setup-saved', { step: 'people' });
  }

  private async readFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      this.writeError = msg(str`${file.name} is larger than 1 MB; this does not look like a list of people.`);
      return;
    }
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="csv"]')!;
    area.value = await file.text();
    this.check();
  }

  private check(event?: Event): void {
    event?.preventDefault();
    const text = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="csv"]')!.value;
    this.writeError = '';
    this.done = '';
    this.preview = previewPeopleImport(text, { org: this.org, units: this.#units.value ?? [], people: this.#people.value ?? [], newId });
  }

  private async saveImport(): Promise<void> {
    const preview = this.preview;
    if (!preview || preview.people.length === 0) return;
    const added = await this.write(() => this.activeStore.addPeople(preview.people, preview.pairs));
    if (!added) return; // the list and its preview stay for another try
    this.preview = undefined;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="csv"]')!.value = '';
    this.done = preview.pairs.length
      ? msg(str`Added ${added.length} people and ${preview.pairs.length} coaching pairs.`)
      : msg(str`Added ${added.length} people.`);
    this.emit('setup-saved', { step: 'people' });
  }

  private async retire(person: Person): Promise<void> {
    const done = await this.retireRecord('people', person.id);
    if (!done) return;
    this.retiring = undefined;
    this.emit('setup-saved', { step: 'people' });
  }
}

customElements.get('setup-people') ?? customElements.define('setup-people', SetupPeople);

declare global {
  interface HTMLElementTagNameMap {
    'setup-people': SetupPeople;
  }
}

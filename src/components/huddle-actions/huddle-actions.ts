import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf, whereEquals } from '../../store/queries.js';
import {
  actionAgeDays,
  addDays,
  boardOrder,
  daysOverdue,
  canEscalate,
  endOfWorkWeek,
  onBoardOn,
  isOverdue,
  isUnassigned,
  type Action,
  type ActionStatus,
  type Day,
  type Escalation,
  type Person,
  type Unit,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { daysOverdueText, relativeDay } from '../format.js';
import { panelStyles } from '../panel-styles.js';
import { ACTION_STATUS_SYMBOL, actionStatusWord, escalationStateWord } from '../enum-words.js';
import { AddFormController } from '../add-form.js';

/** One tap moves an action on: open -> doing -> done; done reopens; blocked resumes as doing. */
const NEXT_STATUS: Record<ActionStatus, ActionStatus> = { open: 'doing', doing: 'done', done: 'open', blocked: 'doing' };
// Symbols from the basic geometric shapes, present in the fonts wall screens ship with.

type DuePick = 'today' | 'tomorrow' | 'week' | 'pick' | 'none';

/**
 * @summary The board's action list: add an action in a few taps, move it on with one tap,
 * escalate it to the parent board; overdue and unassigned items stand out.
 *
 * @attr unit - Id of the board (unit) whose actions are shown.
 * @attr page-size - How many actions one page shows before paging (the list never scrolls off a wall screen).
 *
 * @fires action-created - An action was added. `detail.action` is the stored record.
 * @fires action-updated - An action's status changed. `detail.action` is the stored record.
 * @fires action-escalated - An action was sent to the parent board. `detail` has the action and the escalation.
 *
 * @csspart base - The whole list.
 * @csspart form - The add-action form.
 * @csspart item - One action.
 */
export class HuddleActions extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      .counts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      li {
        display: grid;
        grid-template-columns: auto 1fr auto;
        gap: var(--_space);
        align-items: center;
        padding: var(--_space);
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
      li.overdue {
        border-color: var(--_red);
        border-width: 4px;
      }
      li.done .title {
        text-decoration: line-through;
      }
      .status {
        min-width: calc(var(--_target) * 2);
        font-weight: 700;
      }
      .item-actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        justify-content: end;
      }
      form.escalate-form {
        grid-column: 1 / -1;
        display: flex;
        flex-wrap: wrap;
        border: 0;
        padding: 0;
      }
      .escalate-form input {
        flex: 1 1 12em;
      }
      .pager {
        display: flex;
        align-items: center;
        gap: var(--_space);
        justify-content: end;
      }
      @container (max-width: 480px) {
        li {
          grid-template-columns: 1fr;
        }
        .item-actions {
          justify-content: start;
        }
      }
    `,
  ];

  /** Id of the board whose actions are shown. */
  @property({ reflect: true }) unit = '';
  /** Actions per page; the list pages instead of scrolling off a wall screen. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 8;

  @state() private page = 0;
  @state() private owner: string | undefined;
  @state() private due: DuePick = 'tomorrow';
  @state() private escalating: string | undefined;
  /** What was just done here, kept in sight - with an undo for a status change. */
  @state() private lastChange?: { action: Action; before?: ActionStatus };
  /** The action to bring into sight once it is listed (one just added lands on its page). */
  #follow: string | undefined;

  readonly #form = new AddFormController(this, 'title');
  readonly #actions = new LiveQueryController<Action[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('actions', 'unitId', this.unit) : undefined),
  );
  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('people', 'unitId', this.unit) : undefined),
  );
  readonly #sent = new LiveQueryController<Escalation[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('escalations', 'fromUnitId', this.unit) : undefined),
  );
  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => allOf('units'),
  );

  private get today(): Day {
    return this.activeStore.today();
  }

  /** The last `shown` list, for the answer and day it was worked out from (an update asks twice). */
  #shown: { all: readonly Action[]; today: Day; shown: Action[] } | undefined;

  /** The board's order of what it shows, as the list and the pager see it. */
  private shown(all: readonly Action[]): Action[] {
    const today = this.today;
    if (this.#shown?.all !== all || this.#shown.today !== today) this.#shown = { all, today, shown: boardOrder(all.filter(onBoardOn(today)), today) };
    return this.#shown.shown;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const follow = this.#follow;
    const index = follow && this.#actions.value ? this.shown(this.#actions.value).findIndex((a) => a.id === follow) : -1;
    if (index >= 0) {
      this.page = Math.floor(index / this.pageSize);
      this.#follow = undefined;
    }
  }

  protected override render() {
    const today = this.today;
    const all = this.#actions.value;
    if (!all) return html`<p role="status">${this.errorText(this.#actions.error) ?? msg('Loading actions…')}</p>`;
    const shown = this.shown(all);
    const open = shown.filter((a) => a.status !== 'done');
    const overdue = open.filter((a) => isOverdue(a, today)).length;
    const unassigned = open.filter((a) => isUnassigned(a)).length;
    const pages = Math.max(1, Math.ceil(shown.length / this.pageSize));
    const page = Math.min(this.page, pages - 1);
    const visible = shown.slice(page * this.pageSize, (page + 1) * this.pageSize);
    return html`
      <section part="base" aria-labelledby="actions-title">
        <header>
          <h2 id="actions-title">${msg('Actions')}</h2>
          <div class="counts">
            <span>${msg(str`${open.length} open`)}</span>
            ${overdue ? html`<span class="flag"><span aria-hidden="true">▲ </span>${msg(str`${overdue} overdue`)}</span>` : nothing}
            ${unassigned ? html`<span class="flag"><span aria-hidden="true">? </span>${msg(str`${unassigned} without owner`)}</span>` : nothing}
          </div>
          ${this.#form.open ? nothing : html`<button class="primary" @click=${this.startAdding}>${msg('Add action')}</button>`}
        </header>
        ${this.#form.open ? this.renderAddForm() : nothing}
        ${this.renderLastChange()}
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        ${shown.length === 0 ? html`<p>${msg('No open actions.')}</p>` : html`<ul>${visible.map((a) => this.renderItem(a))}</ul>`}
        ${
          pages > 1
            ? html`<nav class="pager" aria-label=${msg('Action pages')}>
              <button ?disabled=${page === 0} @click=${() => (this.page = page - 1)}>${msg('Previous')}</button>
              <span>${msg(str`Page ${page + 1} of ${pages}`)}</span>
              <button ?disabled=${page === pages - 1} @click=${() => (this.page = page + 1)}>${msg('Next')}</button>
            </nav>`
            : nothing
        }
      </section>
    `;
  }

  /** What was just done, in words, so it stays in sight wherever the action moved; a status change can be undone. */
  private renderLastChange() {
    const change = this.lastChange;
    if (!change) return nothing;
    const { action, before } = change;
    return html`<p class="last-change" role="status">
      <span aria-hidden="true">✓ </span>${
        before === undefined ? msg(str`Added "${action.title}".`) : msg(str`"${action.title}" is now ${actionStatusWord(action.status)}.`)
      }
      ${before === undefined ? nothing : html`<button @click=${() => this.undo(action, before)}>${msg(str`Undo (back to ${actionStatusWord(before)})`)}</button>`}
    </p>`;
  }

  private async undo(action: Action, before: ActionStatus): Promise<void> {
    const restored = await this.write(() => this.activeStore.setActionStatus(action.id, before));
    if (!restored) return;
    this.lastChange = undefined;
    this.#follow = restored.id;
    this.emit('action-updated', { action: restored });
  }

  private personName(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.#people.value?.find((p) => p.id === id)?.name;
  }

  private renderItem(action: Action) {
    const today = this.today;
    const overdue = isOverdue(action, today);
    const owner = this.personName(action.ownerId);
    const escalation = action.escalationId ? this.#sent.value?.find((e) => e.id === action.escalationId) : undefined;
    const parent = escalation ? this.#units.value?.find((u) => u.id === escalation.toUnitId) : undefined;
    const next = NEXT_STATUS[action.status];
    return html`
      <li part="item" class=${overdue ? 'overdue' : action.status === 'done' ? 'done' : ''} data-action=${action.id}>
        <button
          class="status"
          @click=${() => this.setStatus(action, next)}
          aria-label=${msg(str`${action.title}: ${actionStatusWord(action.status)}. Tap for ${actionStatusWord(next)}`)}
        >
          <span aria-hidden="true">${ACTION_STATUS_SYMBOL[action.status]} ${actionStatusWord(action.status)}</span>
        </button>
        <div>
          <div class="title user-text">${action.title}</div>
          <div class="meta">
            ${owner ? html`<span class="user-text">${owner}</span>` : action.status === 'done' ? nothing : html`<span class="flag"><span aria-hidden="true">? </span>${msg('No owner')}</span>`}
            ${
              overdue
                ? html`<span class="flag"><span aria-hidden="true">▲ </span>${daysOverdueText(daysOverdue(action, today), this.locale)}</span>`
                : action.due
                  ? html`<span>${msg(str`Due ${relativeDay(action.due, today, this.locale)}`)}</span>`
                  : nothing
            }
            <span>${msg(str`Raised ${relativeDay(addDays(today, -actionAgeDays(action, today)), today, this.locale)}`)}</span>
            ${
              escalation
                ? html`<span><span aria-hidden="true">⇧ </span>${msg(str`Escalated to ${parent?.name ?? msg('the parent board')}: ${escalationStateWord(escalation.state)}`)}</span>`
                : nothing
            }
          </div>
        </div>
        <div class="item-actions">
          ${
            // Done in one tap, whatever the status (the status button steps through them all).
            action.status !== 'done'
              ? html`<button class="done" @click=${() => this.setStatus(action, 'done')}>
                  <span aria-hidden="true">${ACTION_STATUS_SYMBOL.done} </span>${actionStatusWord('done')}
                </button>`
              : nothing
          }
          ${
            action.status !== 'done' && action.status !== 'blocked'
              ? html`<button @click=${() => this.setStatus(action, 'blocked')}>${msg('Blocked')}</button>`
              : nothing
          }
          ${
            canEscalate(
              action,
              this.#units.value?.find((u) => u.id === action.unitId),
              escalation,
            )
              ? html`<button @click=${() => (this.escalating = this.escalating === action.id ? undefined : action.id)} aria-expanded=${this.escalating === action.id ? 'true' : 'false'}>
                <span aria-hidden="true">⇧ </span>${msg('Escalate')}
              </button>`
              : nothing
          }
        </div>
        ${
          this.escalating === action.id
            ? html`<form class="escalate-form" @submit=${(e: Event) => this.escalate(e, action)}>
              <label class="visually-hidden" for="reason-${action.id}">${msg('Why can the team not solve it?')}</label>
              <input id="reason-${action.id}" name="reason" maxlength="4000" placeholder=${msg('Why can the team not solve it?')} autocomplete="off" />
              <button class="primary" type="submit">${msg('Send up')}</button>
            </form>`
            : nothing
        }
      </li>
    `;
  }

  private renderAddForm() {
    const team = this.#people.value ?? [];
    const duePicks: [DuePick, string][] = [
      ['today', msg('Today')],
      ['tomorrow', msg('Tomorrow')],
      ['week', msg('This week')],
      ['pick', msg('Pick a day')],
      ['none', msg('No date')],
    ];
    return html`
      <form class="add" part="form" @submit=${this.add} aria-label=${msg('New action')}>
        <label>
          <span>${msg('What needs doing?')}</span><br />
          <input name="title" maxlength="200" autocomplete="off" enterkeyhint="done" class="wide" />
        </label>
        <fieldset>
          <legend>${msg('Who owns it?')}</legend>
          ${team.map(
            (person) => html`<button type="button" aria-pressed=${this.owner === person.id ? 'true' : 'false'} @click=${() => (this.owner = person.id)}>
              <span class="user-text">${person.name}</span>
            </button>`,
          )}
          <button type="button" aria-pressed=${this.owner === undefined ? 'true' : 'false'} @click=${() => (this.owner = undefined)}>${msg('Nobody yet')}</button>
        </fieldset>
        <fieldset>
          <legend>${msg('When is it due?')}</legend>
          ${duePicks.map(([pick, label]) => html`<button type="button" aria-pressed=${this.due === pick ? 'true' : 'false'} @click=${() => (this.due = pick)}>${label}</button>`)}
          ${
            this.due === 'pick'
              ? html`<label><span class="visually-hidden">${msg('Due date')}</span><input name="due" type="date" min=${this.today} required /></label>`
              : nothing
          }
        </fieldset>
        ${this.#form.buttons(msg('Save action'), 'item-actions')}
      </form>
    `;
  }

  private startAdding(): void {
    this.#form.start(() => {
      this.owner = undefined;
      this.due = 'tomorrow';
      this.writeError = '';
    });
  }

  private dueDay(form: HTMLFormElement): Day | undefined {
    const today = this.today;
    switch (this.due) {
      case 'today':
        return today;
      case 'tomorrow':
        return addDays(today, 1);
      case 'week':
        return endOfWorkWeek(today);
      case 'pick':
        return (form.elements.namedItem('due') as HTMLInputElement).value || undefined;
      case 'none':
        return undefined;
    }
  }

  private async add(event: Event): Promise<void> {
    const form = event.target as HTMLFormElement;
    const title = this.#form.text(event, 'title');
    if (!title) {
      this.writeError = msg('Write what needs doing first.');
      return;
    }
    const due = this.dueDay(form);
    const action = await this.#form.save(() =>
      this.write(() => this.activeStore.createAction({ unitId: this.unit, title, ...(this.owner ? { ownerId: this.owner } : {}), ...(due ? { due } : {}) })),
    );
    if (!action) return; // the form keeps what was typed; the message says why
    this.lastChange = { action };
    this.#follow = action.id;
    this.emit('action-created', { action });
  }

  private async setStatus(action: Action, status: ActionStatus): Promise<void> {
    const updated = await this.write(() => this.activeStore.setActionStatus(action.id, status));
    if (!updated) return;
    this.lastChange = { action: updated, before: action.status };
    // The board's order may move it to another page: the page follows it.
    this.#follow = updated.id;
    this.emit('action-updated', { action: updated });
  }

  private async escalate(event: Event, action: Action): Promise<void> {
    event.preventDefault();
    const reason = ((event.target as HTMLFormElement).elements.namedItem('reason') as HTMLInputElement).value.trim();
    if (!reason) {
      this.writeError = msg('Say why the team cannot solve it, so the next tier can help.');
      return;
    }
    const escalation = await this.write(() => this.activeStore.escalateAction(action.id, reason));
    if (!escalation) return;
    this.escalating = undefined;
    this.emit('action-escalated', { action: { ...action, escalationId: escalation.id }, escalation });
  }
}

customElements.get('huddle-actions') ?? customElements.define('huddle-actions', HuddleActions);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-actions': HuddleActions;
  }
}

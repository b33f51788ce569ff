import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf, escalationsOfUnit } from '../../store/queries.js';
import { escalationAgeDays, shownToSender, type Escalation, type EscalationState, type Unit } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { ESCALATION_SYMBOL, escalationStateWord } from '../enum-words.js';
import { panelStyles } from '../panel-styles.js';

/**
 * @summary What a board's children escalated to it (accept, resolve with a note, or return),
 * and what it sent up itself, with state and age until resolved.
 *
 * @attr unit - Id of the board.
 *
 * @fires escalation-updated - An escalation was accepted, resolved or returned. `detail.escalation` is the stored record.
 *
 * @csspart base - The whole panel.
 * @csspart received - One escalation received from a child board.
 * @csspart sent - One escalation this board sent up.
 */
export class HuddleEscalations extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      h3 {
        margin: 0;
        font-size: var(--_size);
      }
      .state {
        font-weight: 700;
        color: var(--_text);
      }
      li form {
        display: flex;
        flex-wrap: wrap;
        border: 0;
        padding: 0;
      }
      li form input {
        flex: 1 1 12em;
      }
    `,
  ];

  /** Id of the board. */
  @property({ reflect: true }) unit = '';

  /** Which escalation has its resolve / return note open, and for which answer. */
  @state() private answering: { id: string; state: 'resolved' | 'returned' } | undefined;

  readonly #escalations = new LiveQueryController<{ sent: Escalation[]; received: Escalation[] }>(
    this,
    () => this.activeStore,
    () => (this.unit ? escalationsOfUnit(this.unit) : undefined),
  );
  readonly #units = new LiveQueryController<Unit[]>(
    this,
    () => this.activeStore,
    () => allOf('units'),
  );

  private unitName(id: string): string {
    return this.#units.value?.find((u) => u.id === id)?.name ?? msg('another board');
  }

  protected override render() {
    const data = this.#escalations.value;
    if (!data) return html`<p role="status">${this.errorText(this.#escalations.error) ?? msg('Loading escalations…')}</p>`;
    const today = this.activeStore.today();
    const byAge = (a: Escalation, b: Escalation) => a.createdAt.localeCompare(b.createdAt);
    // Waiting here: open or accepted; a returned or resolved one is back with its sender.
    const received = data.received.filter((e) => e.state === 'open' || e.state === 'accepted').sort(byAge);
    const sent = data.sent.filter((e) => shownToSender(e, today)).sort(byAge);
    return html`
      <section part="base" aria-labelledby="esc-title">
        <h2 id="esc-title">${msg('Escalations')}</h2>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        <h3>${msg(str`Waiting on this board (${received.length})`)}</h3>
        ${
          received.length === 0 ? html`<p>${msg('Nothing escalated to this board.')}</p>` : html`<ul>${received.map((e) => this.renderReceived(e, today))}</ul>`
        }
        <h3>${msg(str`Sent up by this board (${sent.length})`)}</h3>
        ${sent.length === 0 ? html`<p>${msg('Nothing sent up and still open.')}</p>` : html`<ul>${sent.map((e) => this.renderSent(e, today))}</ul>`}
      </section>
    `;
  }

  private stateLine(escalation: Escalation) {
    return html`<span class="state"><span aria-hidden="true">${ESCALATION_SYMBOL[escalation.state]} </span>${escalationStateWord(escalation.state)}</span>`;
  }

  private renderReceived(escalation: Escalation, today: string) {
    const answering = this.answering?.id === escalation.id ? this.answering : undefined;
    return html`
      <li class="card" part="received" data-escalation=${escalation.id}>
        <div class="title user-text">${escalation.title}</div>
        <div class="meta">
          <span>${msg(str`From ${this.unitName(escalation.fromUnitId)}`)}</span>
          ${this.stateLine(escalation)}
          <span>${msg(str`${escalationAgeDays(escalation, today)} days old`)}</span>
        </div>
        <div class="user-text">${escalation.reason}</div>
        ${
          answering
            ? html`<form @submit=${(e: Event) => this.answer(e, escalation, answering.state)}>
              <label class="visually-hidden" for="note-${escalation.id}">${answering.state === 'resolved' ? msg('How was it resolved?') : msg('Why does it go back to the team?')}</label>
              <input id="note-${escalation.id}" name="note" maxlength="4000" autocomplete="off"
                placeholder=${answering.state === 'resolved' ? msg('How was it resolved?') : msg('Why does it go back to the team?')} />
              <button class="primary" type="submit">${answering.state === 'resolved' ? msg('Resolve') : msg('Return')}</button>
              <button type="button" @click=${() => (this.answering = undefined)}>${msg('Cancel')}</button>
            </form>`
            : html`<div class="buttons">
              ${escalation.state === 'open' ? html`<button @click=${() => this.setState(escalation, 'accepted')}>${msg('Accept')}</button>` : nothing}
              <button @click=${() => (this.answering = { id: escalation.id, state: 'resolved' })}>${msg('Resolve…')}</button>
              <button @click=${() => (this.answering = { id: escalation.id, state: 'returned' })}>${msg('Return…')}</button>
            </div>`
        }
      </li>
    `;
  }

  private renderSent(escalation: Escalation, today: string) {
    return html`
      <li class="card" part="sent" data-escalation=${escalation.id}>
        <div class="title user-text">${escalation.title}</div>
        <div class="meta">
          <span>${msg(str`To ${this.unitName(escalation.toUnitId)}`)}</span>
          ${this.stateLine(escalation)}
          <span>${msg(str`${escalationAgeDays(escalation, today)} days old`)}</span>
        </div>
        ${escalation.resolution ? html`<div class="user-text">${escalation.resolution}</div>` : nothing}
      </li>
    `;
  }

  private async setState(escalation: Escalation, state: EscalationState, note?: string): Promise<void> {
    const updated = await this.write(() => this.activeStore.setEscalationState(escalation.id, state, note));
    if (!updated) return;
    this.answering = undefined;
    this.emit('escalation-updated', { escalation: updated });
  }

  private answer(event: Event, escalation: Escalation, state: 'resolved' | 'returned'): void {
    event.preventDefault();
    const note = ((event.target as HTMLFormElement).elements.namedItem('note') as HTMLInputElement).value.trim();
    if (!note) {
      this.writeError =
        state === 'resolved' ? msg('Write how it was resolved, so the team knows.') : msg('Write why it goes back, so the team knows what to do.');
      return;
    }
    void this.setState(escalation, state, note);
  }
}

customElements.get('huddle-escalations') ?? customElements.define('huddle-escalations', HuddleEscalations);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-escalations': HuddleEscalations;
  }
}

import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { ClockController } from '../../controllers/clock.js';
import { controls, tokens } from '../../styles/tokens.js';
import { BoardGlanceController, boardHeaderStyles, HEADER_CLOCK_MS, renderBoardHeader } from './board-glance.js';

/**
 * @summary A board's header for any screen of that board - its name, tier, leader, date and time,
 * sync state and what is abnormal at a glance - exactly as on `<huddle-board>`, so a wall showing
 * the cascade, the pulse or the impact still says whose board it is and what needs attention.
 *
 * @attr unit - Id of the board (unit).
 *
 * @csspart header - Name, date and the at-a-glance summary.
 * @csspart summary - The at-a-glance list of what is abnormal.
 */
export class HuddleBoardHeader extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    boardHeaderStyles,
    css`
      :host {
        display: block;
        padding: var(--_space);
        background: var(--_surface-raised);
        color: var(--_text);
      }
      .waiting {
        margin: 0;
        font-size: var(--_size-title);
      }
    `,
  ];

  /** Id of the board (unit). */
  @property({ reflect: true }) unit = '';

  readonly #glance = new BoardGlanceController(
    this,
    () => this.activeStore,
    () => this.unit,
  );
  /** Redraws the time of day (stopped on disconnect). */
  protected readonly clock = new ClockController(this, () => true, HEADER_CLOCK_MS);

  protected override render() {
    const today = this.activeStore.today();
    const glance = this.#glance.glance(today);
    if (glance) return renderBoardHeader(glance, today, new Date(), this.locale, this.effectiveTheme);
    const unit = this.#glance.unit;
    const message =
      this.errorText(unit.error) ?? (unit.loaded && !unit.value ? msg(str`There is no board with id "${this.unit}".`) : msg('Opening the board…'));
    // The space a header takes, so the view below does not jump when it fills in.
    return html`<header part="header"><p class="waiting" role="status">${message}</p></header>`;
  }
}

customElements.get('huddle-board-header') ?? customElements.define('huddle-board-header', HuddleBoardHeader);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-board-header': HuddleBoardHeader;
  }
}

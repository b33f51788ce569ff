/**
 * The pulse: one tap on a 1-5 scale after a huddle or a coaching conversation, anonymous
 * unless the person signs it, then a thank-you with an optional comment. What it shows; the
 * element (feedback-loop.ts) holds the state and stores the answers.
 */
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { Feedback, FeedbackSubject } from '../../model/index.js';
import { SCORES, scoreLabel, type Score } from './scale.js';

export interface PulseView {
  subject: Exclude<FeedbackSubject, 'safety'>;
  /** The answer just stored, while the thank-you shows. */
  justStored: Feedback | undefined;
  /** The chosen score inside a form. */
  value: Score | undefined;
  /** The person may sign (on their own device, outside a form). */
  canSign: boolean;
  signed: boolean;
  choose(score: Score): void;
  sign(signed: boolean): void;
  sendComment(event: Event): void;
  typing(): void;
  done(): void;
}

export function renderPulse(view: PulseView) {
  if (view.justStored) {
    return html` <h2 id="fb-title" class="thanks" role="status">${msg('Thank you!')}</h2>
      <form class="comment" @submit=${view.sendComment} aria-label=${msg('Optional comment')}>
        <label>${msg('Anything to add? (optional)')}<input name="comment" class="wide" maxlength="400" autocomplete="off" @input=${view.typing} /></label>
        <div class="buttons">
          <button class="primary" type="submit">${msg('Send comment')}</button>
          <button type="button" @click=${view.done}>${msg('Done')}</button>
        </div>
      </form>`;
  }
  const question = view.subject === 'coaching' ? msg('How helpful was this coaching?') : msg("How useful was today's huddle?");
  return html`
    <h2 id="fb-title" class="question">${question}</h2>
    <div class="scale" role="group" aria-labelledby="fb-title">
      ${SCORES.map(
        (score) =>
          html`<button part="score" data-score=${score} aria-pressed=${view.value === score ? 'true' : 'false'} @click=${() => view.choose(score)}>
            ${scoreLabel(score)}
          </button>`,
      )}
    </div>
    ${
      view.canSign
        ? html`<label class="buttons"
          ><input type="checkbox" .checked=${view.signed} @change=${(e: Event) => view.sign((e.target as HTMLInputElement).checked)} />
          ${msg('Sign my answer with my name (otherwise it is anonymous)')}</label
        >`
        : html`<p class="muted">${msg('Anonymous: nobody sees who answered.')}</p>`
    }
  `;
}

/**
 * The pulse: one tap on a 1-5 scale after a huddle or a coaching conversation, anonymous
 * unless the person signs it, then a thank-you with an optional comment. What it shows; the
 * element (feedback-loop.ts) holds the state and stores the answers.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import type { Aggregate, Feedback, FeedbackSubject } from '../../model/index.js';
import { formatNumber } from '../format.js';
import { SCORES, scoreLabel, type Score } from './scale.js';

export interface PulseView {
  subject: Exclude<FeedbackSubject, 'safety'>;
  /** The answer just stored, while the thank-you shows. */
  justStored: Feedback | undefined;
  /** The chosen score inside a form. */
  value: Score | undefined;
  /** Today's answers on this board, for a wall the team answers at one after another; undefined elsewhere. */
  today: Aggregate | undefined;
  locale: string | undefined;
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
      ${renderToday(view)}
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
    ${renderToday(view)}
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

/**
 * How many answered today, so the next person sees their answer counted; the mean only once five
 * people answered (the anonymity threshold every feedback figure keeps).
 */
function renderToday(view: PulseView) {
  const today = view.today;
  if (!today) return nothing;
  if (today.count === 0) return html`<p class="today" data-today="0">${msg('No answers yet today.')}</p>`;
  const answers = today.count === 1 ? msg('Today: 1 answer') : msg(str`Today: ${today.count} answers`);
  return html`<p class="today" data-today=${today.count}>
    ${answers}${
      today.mean === null
        ? html` <span class="muted">${msg('(the average shows once 5 people answered)')}</span>`
        : html`, ${msg(str`average ${formatNumber(Math.round(today.mean * 10) / 10, view.locale)} of 5`)}`
    }
  </p>`;
}

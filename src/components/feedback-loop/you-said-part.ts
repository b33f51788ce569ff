/**
 * "You said, we did": the team's comments with what was done about each and how long it took;
 * a leader's device may reply. What it shows; the element stores the replies.
 */
import { html, nothing } from 'lit';
import { msg, str } from '@lit/localize';
import { youSaidWeDid, type Day, type Feedback, type FeedbackResponse } from '../../model/index.js';

export interface YouSaidView {
  unit: string;
  today: Day;
  feedback: Feedback[] | undefined;
  responses: FeedbackResponse[] | undefined;
  /** What stopped the lists from loading, in words. */
  problem: string | undefined;
  canRespond: boolean;
  /** The comment being answered, if any. */
  replying: string | undefined;
  startReply(feedbackId: string): void;
  reply(event: Event, feedback: Feedback): void;
}

export function renderYouSaid(view: YouSaidView) {
  if (!view.feedback || !view.responses) {
    return html`<h2 id="fb-title">${msg('You said, we did')}</h2>
      <p role=${view.problem ? 'alert' : 'status'}>${view.problem ?? msg('Loading…')}</p>`;
  }
  const comments = youSaidWeDid(view.feedback, view.responses, view.unit, view.today);
  return html`
    <h2 id="fb-title">${msg('You said, we did')}</h2>
    ${comments.length === 0 ? html`<p>${msg('No comments yet.')}</p>` : nothing}
    <ul>
      ${comments.map(
        (c) =>
          html`<li class="row" data-feedback=${c.feedback.id}>
            <span class="item">
              <span><strong>${msg('You said:')}</strong> <span class="user-text">${c.feedback.comment}</span></span>
              ${
                c.response
                  ? html`<span
                    ><strong><span aria-hidden="true">✓ </span>${msg('We did:')}</strong> <span class="user-text">${c.response.text}</span>
                    <span class="muted">(${msg(str`answered after ${c.ageDays} days`)})</span></span
                  >`
                  : html`<span class="flag"><span aria-hidden="true">… </span>${msg(str`No answer yet, ${c.ageDays} days`)}</span>`
              }
            </span>
            ${
              !c.response && view.canRespond
                ? view.replying === c.feedback.id
                  ? html`<form class="buttons" @submit=${(e: Event) => view.reply(e, c.feedback)}>
                    <label class="visually-hidden" for="reply-${c.feedback.id}">${msg('What did we do?')}</label>
                    <input id="reply-${c.feedback.id}" name="reply" maxlength="4000" autocomplete="off" placeholder=${msg('What did we do?')} />
                    <button class="primary" type="submit">${msg('Reply')}</button>
                  </form>`
                  : html`<button @click=${() => view.startReply(c.feedback.id)}>${msg('Reply…')}</button>`
                : nothing
            }
          </li>`,
      )}
    </ul>
  `;
}

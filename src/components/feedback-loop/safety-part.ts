/**
 * The psychological-safety pulse: one statement per stage (inclusion, learner, contributor,
 * challenger) on the 1-5 scale, always anonymous, and the team's profile over three months -
 * no figure where fewer than the model's minimum answered. What it shows; the element stores.
 */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { MIN_ANSWERS_FOR_BREAKDOWN, SAFETY_STAGES, safetyProfileOverTime, type Day, type Feedback, type SafetyStage } from '../../model/index.js';
import { safetyStageName } from '../enum-words.js';
import { formatDay, formatNumber } from '../format.js';
import { SCORES, scoreLabel, type Score } from './scale.js';

export interface SafetyView {
  unit: string;
  today: Day;
  locale: string | undefined;
  /** The board's answers so far, when loaded. */
  feedback: Feedback[] | undefined;
  answers: Partial<Record<SafetyStage, Score>>;
  thanked: boolean;
  answer(stage: SafetyStage, score: Score): void;
  submit(event: Event): void;
}

function statement(stage: SafetyStage): string {
  return {
    inclusion: msg('I feel I belong in this team.'),
    learner: msg('I can ask a question without being judged.'),
    contributor: msg('What I do here makes a difference.'),
    challenger: msg('I can question how we do things.'),
  }[stage];
}

export function renderSafety(view: SafetyView) {
  const complete = SAFETY_STAGES.every((stage) => view.answers[stage] !== undefined);
  const periods = view.feedback ? safetyProfileOverTime(view.feedback, view.unit, 3, 30, view.today) : [];
  const mean = (value: number | null) =>
    value === null ? msg(str`fewer than ${MIN_ANSWERS_FOR_BREAKDOWN} people answered`) : formatNumber(Math.round(value * 10) / 10, view.locale);
  return html`
    <h2 id="fb-title">${msg('How safe does it feel to speak up here?')}</h2>
    ${
      view.thanked
        ? html`<p class="thanks" role="status">${msg('Thank you! Your answers are anonymous.')}</p>`
        : html`<form @submit=${view.submit} aria-labelledby="fb-title">
          ${SAFETY_STAGES.map(
            (stage) => html`<div class="item" role="group" aria-label=${statement(stage)} data-stage=${stage}>
              <span>${statement(stage)}</span>
              <div class="scale">
                ${SCORES.map(
                  (score) =>
                    html`<button type="button" aria-pressed=${view.answers[stage] === score ? 'true' : 'false'} @click=${() => view.answer(stage, score)}>
                      ${scoreLabel(score)}
                    </button>`,
                )}
              </div>
            </div>`,
          )}
          <div class="buttons"><button class="primary" type="submit" ?disabled=${!complete}>${msg('Send my answers')}</button></div>
        </form>`
    }
    <table>
      <caption>
        ${msg(str`The team over the last three months (1 to 5; no figure from fewer than ${MIN_ANSWERS_FOR_BREAKDOWN} people)`)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Stage')}</th>
          ${periods.map((p) => html`<th scope="col">${formatDay(p.to, view.locale, { day: 'numeric', month: 'short' })}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${SAFETY_STAGES.map(
          (stage) =>
            html`<tr data-stage=${stage}>
              <th scope="row">${safetyStageName(stage)}</th>
              ${periods.map((p) => html`<td>${mean(p.profile[stage].mean)}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
  `;
}

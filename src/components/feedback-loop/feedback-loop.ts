import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { whereEquals } from '../../store/queries.js';
import {
  MIN_ANSWERS_FOR_BREAKDOWN,
  SAFETY_STAGES,
  safetyProfileOverTime,
  youSaidWeDid,
  type Feedback,
  type FeedbackResponse,
  type FeedbackSubject,
  type SafetyStage,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { formatDay, formatNumber } from '../format.js';
import { safetyStageName } from '../enum-words.js';

type Score = Feedback['score'];
const SCORES: Score[] = [1, 2, 3, 4, 5];
export type FeedbackMode = 'pulse' | 'safety' | 'you-said';

/**
 * @summary The feedback loop: a one-tap 1-5 pulse after a huddle or a coaching conversation
 * (anonymous by default; several people can answer one after another on a wall screen), the
 * psychological-safety pulse with the team's stage profile, and "you said, we did".
 * Inside a `<form>` it is a form control whose value is the score.
 *
 * @attr unit - Id of the board the feedback belongs to.
 * @attr mode - `pulse`, `safety` or `you-said`.
 * @attr subject - What the pulse is about: `huddle` or `coaching`.
 * @attr subject-id - Id of the huddle or coaching session asked about.
 * @attr person - Id of the person answering on their own device; lets them sign an answer.
 * @attr name - Form field name when inside a `<form>`.
 * @attr reset-seconds - How long the thank-you shows before the screen is ready for the next person.
 * @attr can-respond - Shows "Reply" on comments (for the team leader's device).
 *
 * @fires feedback-submitted - Answers were stored. `detail.feedback` lists the stored records.
 * @fires change - Inside a form: the chosen score changed.
 *
 * @csspart base - The whole panel.
 * @csspart score - One score button.
 */
export class FeedbackLoop extends HuddleElement {
  static formAssociated = true;

  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      .scale {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: var(--_space);
      }
      .scale button {
        min-height: calc(var(--_target) * 1.6);
        display: grid;
        place-items: center;
        padding: var(--_space);
      }
      .scale .number {
        font-size: var(--_size-title);
        font-weight: 800;
      }
      .question {
        font-size: var(--_size-large);
        font-weight: 700;
        margin: 0;
      }
      .thanks {
        font-size: var(--_size-large);
        font-weight: 700;
      }
      .item {
        display: grid;
        gap: var(--_space);
        padding-bottom: var(--_space);
        border-bottom: 1px solid var(--_border);
      }
    `,
  ];

  @property({ reflect: true }) unit = '';
  @property({ reflect: true }) mode: FeedbackMode = 'pulse';
  @property({ reflect: true }) subject: Exclude<FeedbackSubject, 'safety'> = 'huddle';
  @property({ attribute: 'subject-id' }) subjectId?: string;
  @property() person?: string;
  @property({ reflect: true }) name = '';
  @property({ type: Number, attribute: 'reset-seconds' }) resetSeconds = 8;
  @property({ type: Boolean, attribute: 'can-respond' }) canRespond = false;

  /** The chosen score when used as a form control. */
  @state() private value: Score | undefined;
  /** The answer just stored, while the thank-you shows. */
  @state() private justStored: Feedback | undefined;
  @state() private signed = false;
  @state() private safetyAnswers: Partial<Record<SafetyStage, Score>> = {};
  @state() private replying: string | undefined;

  readonly #internals = this.attachInternals();
  /** A second tap while the first is being stored must not make a second answer. */
  #busy = false;
  #resetTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #feedback = new LiveQueryController<Feedback[]>(
    this,
    () => this.activeStore,
    () => (this.unit && this.mode !== 'pulse' ? whereEquals('feedback', 'unitId', this.unit) : undefined),
  );
  readonly #responses = new LiveQueryController<FeedbackResponse[]>(
    this,
    () => this.activeStore,
    () => (this.unit && this.mode === 'you-said' ? whereEquals('feedbackResponses', 'unitId', this.unit) : undefined),
  );

  constructor() {
    super();
    this.onDisconnect(() => this.#clearResetTimer());
  }

  /** Inside a `<form>` the element is a form control; alone it stores answers itself. */
  private get inForm(): boolean {
    return this.#internals.form !== null;
  }

  formResetCallback(): void {
    this.value = undefined;
    this.#internals.setFormValue(null);
  }

  private scoreWord(score: Score): string {
    return [msg('Not at all'), msg('A little'), msg('Somewhat'), msg('Mostly'), msg('Very')][score - 1]!;
  }

  private stageStatement(stage: SafetyStage): string {
    return {
      inclusion: msg('I feel I belong in this team.'),
      learner: msg('I can ask a question without being judged.'),
      contributor: msg('What I do here makes a difference.'),
      challenger: msg('I can question how we do things.'),
    }[stage];
  }

  protected override render() {
    return html`<section part="base" aria-labelledby="fb-title">
      ${this.mode === 'safety' ? this.renderSafety() : this.mode === 'you-said' ? this.renderYouSaid() : this.renderPulse()}
      ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
    </section>`;
  }

  private renderPulse() {
    const question = this.subject === 'coaching' ? msg('How helpful was this coaching?') : msg("How useful was today's huddle?");
    if (this.justStored) {
      return html`
        <h2 id="fb-title" class="thanks" role="status">${msg('Thank you!')}</h2>
        <form class="comment" @submit=${this.sendComment} aria-label=${msg('Optional comment')}>
          <label>${msg('Anything to add? (optional)')}<input name="comment" class="wide" maxlength="400" autocomplete="off" @input=${this.restartResetTimer} /></label>
          <div class="buttons">
            <button class="primary" type="submit">${msg('Send comment')}</button>
            <button type="button" @click=${this.resetForNext}>${msg('Done')}</button>
          </div>
        </form>`;
    }
    return html`
      <h2 id="fb-title" class="question">${question}</h2>
      <div class="scale" role="group" aria-labelledby="fb-title">
        ${SCORES.map(
          (score) => html`<button part="score" data-score=${score} aria-pressed=${this.value === score ? 'true' : 'false'} @click=${() => this.choose(score)}>
            <span class="number">${score}</span><span>${this.scoreWord(score)}</span>
          </button>`,
        )}
      </div>
      ${
        this.person && !this.inForm
          ? html`<label class="buttons"><input type="checkbox" .checked=${this.signed} @change=${(e: Event) => (this.signed = (e.target as HTMLInputElement).checked)} />
            ${msg('Sign my answer with my name (otherwise it is anonymous)')}</label>`
          : html`<p class="muted">${msg('Anonymous: nobody sees who answered.')}</p>`
      }
    `;
  }

  private renderSafety() {
    const feedback = this.#feedback.value;
    const complete = SAFETY_STAGES.every((stage) => this.safetyAnswers[stage] !== undefined);
    const periods = feedback ? safetyProfileOverTime(feedback, this.unit, 3, 30, this.activeStore.today()) : [];
    const mean = (value: number | null) =>
      value === null ? msg(str`fewer than ${MIN_ANSWERS_FOR_BREAKDOWN} answers`) : formatNumber(Math.round(value * 10) / 10, this.locale);
    return html`
      <h2 id="fb-title">${msg('How safe does it feel to speak up here?')}</h2>
      ${
        this.justStored
          ? html`<p class="thanks" role="status">${msg('Thank you! Your answers are anonymous.')}</p>`
          : html`<form @submit=${this.submitSafety} aria-labelledby="fb-title">
            ${SAFETY_STAGES.map(
              (stage) => html`<div class="item" role="group" aria-label=${this.stageStatement(stage)} data-stage=${stage}>
                <span>${this.stageStatement(stage)}</span>
                <div class="scale">
                  ${SCORES.map(
                    (score) => html`<button type="button" aria-pressed=${this.safetyAnswers[stage] === score ? 'true' : 'false'}
                      @click=${() => (this.safetyAnswers = { ...this.safetyAnswers, [stage]: score })}>
                    <span class="number">${score}</span><span>${this.scoreWord(score)}</span></button>`,
                  )}
                </div>
              </div>`,
            )}
            <div class="buttons"><button class="primary" type="submit" ?disabled=${!complete}>${msg('Send my answers')}</button></div>
          </form>`
      }
      <table>
        <caption>${msg(str`The team over the last three months (1 to 5; no figure under ${MIN_ANSWERS_FOR_BREAKDOWN} answers)`)}</caption>
        <thead><tr><th scope="col">${msg('Stage')}</th>${periods.map((p) => html`<th scope="col">${formatDay(p.to, this.locale, { day: 'numeric', month: 'short' })}</th>`)}</tr></thead>
        <tbody>
          ${SAFETY_STAGES.map(
            (stage) => html`<tr data-stage=${stage}><th scope="row">${safetyStageName(stage)}</th>
              ${periods.map((p) => html`<td>${mean(p.profile[stage].mean)}</td>`)}</tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderYouSaid() {
    const feedback = this.#feedback.value;
    if (!feedback || !this.#responses.loaded) {
      const problem = this.#feedback.error ?? this.#responses.error;
      return html`<h2 id="fb-title">${msg('You said, we did')}</h2><p role=${problem ? 'alert' : 'status'}>${this.errorText(problem) ?? msg('Loading…')}</p>`;
    }
    const comments = youSaidWeDid(feedback, this.#responses.value ?? [], this.unit, this.activeStore.today());
    return html`
      <h2 id="fb-title">${msg('You said, we did')}</h2>
      ${comments.length === 0 ? html`<p>${msg('No comments yet.')}</p>` : nothing}
      <ul>
        ${comments.map(
          (c) => html`<li class="row" data-feedback=${c.feedback.id}>
            <span class="item">
              <span><strong>${msg('You said:')}</strong> <span class="user-text">${c.feedback.comment}</span></span>
              ${
                c.response
                  ? html`<span><strong><span aria-hidden="true">✓ </span>${msg('We did:')}</strong> <span class="user-text">${c.response.text}</span>
                    <span class="muted">(${msg(str`answered after ${c.ageDays} days`)})</span></span>`
                  : html`<span class="flag"><span aria-hidden="true">… </span>${msg(str`No answer yet, ${c.ageDays} days`)}</span>`
              }
            </span>
            ${
              !c.response && this.canRespond
                ? this.replying === c.feedback.id
                  ? html`<form class="buttons" @submit=${(e: Event) => this.reply(e, c.feedback)}>
                    <label class="visually-hidden" for="reply-${c.feedback.id}">${msg('What did we do?')}</label>
                    <input id="reply-${c.feedback.id}" name="reply" maxlength="4000" autocomplete="off" placeholder=${msg('What did we do?')} />
                    <button class="primary" type="submit">${msg('Reply')}</button>
                  </form>`
                  : html`<button @click=${() => (this.replying = c.feedback.id)}>${msg('Reply…')}</button>`
                : nothing
            }
          </li>`,
        )}
      </ul>
    `;
  }

  private async choose(score: Score): Promise<void> {
    if (this.inForm) {
      this.value = score;
      this.#internals.setFormValue(String(score));
      this.dispatchEvent(new Event('change', { bubbles: true }));
      return;
    }
    if (this.#busy) return;
    this.#busy = true;
    try {
      const signed = this.signed && this.person;
      const feedback = await this.write(() =>
        this.activeStore.submitFeedback({
          subject: this.subject,
          unitId: this.unit,
          score,
          anonymous: !signed,
          ...(signed ? { personId: this.person } : {}),
          ...(this.subjectId ? { subjectId: this.subjectId } : {}),
        }),
      );
      if (!feedback) return;
      this.justStored = feedback;
      this.emit('feedback-submitted', { feedback: [feedback] });
      this.restartResetTimer();
    } finally {
      this.#busy = false;
    }
  }

  private async sendComment(event: Event): Promise<void> {
    event.preventDefault();
    const comment = ((event.target as HTMLFormElement).elements.namedItem('comment') as HTMLInputElement).value.trim();
    if (comment && this.justStored) {
      const saved = await this.write(() => this.activeStore.commentOnFeedback(this.justStored!.id, comment));
      if (!saved) return;
    }
    this.resetForNext();
  }

  private async submitSafety(event: Event): Promise<void> {
    event.preventDefault();
    if (this.#busy) return;
    this.#busy = true;
    try {
      const drafts = SAFETY_STAGES.map((stage) => ({
        subject: 'safety' as const,
        unitId: this.unit,
        stage,
        itemId: `${stage}-1`,
        score: this.safetyAnswers[stage]!,
        anonymous: true,
      }));
      const feedback = await this.write(() => this.activeStore.submitSurvey(drafts));
      if (!feedback) return;
      this.justStored = feedback[0];
      this.emit('feedback-submitted', { feedback });
      this.restartResetTimer();
    } finally {
      this.#busy = false;
    }
  }

  private async reply(event: Event, feedback: Feedback): Promise<void> {
    event.preventDefault();
    const text = ((event.target as HTMLFormElement).elements.namedItem('reply') as HTMLInputElement).value.trim();
    if (!text) {
      this.writeError = msg('Write what was done about it.');
      return;
    }
    const response = await this.write(() => this.activeStore.respondToFeedback(feedback.id, text, this.person));
    if (response) this.replying = undefined;
  }

  /** The thank-you stays while the person types; then the screen is ready for the next one. */
  private restartResetTimer(): void {
    this.#clearResetTimer();
    this.#resetTimer = setTimeout(() => this.resetForNext(), this.resetSeconds * 1000);
  }

  #clearResetTimer(): void {
    if (this.#resetTimer !== undefined) clearTimeout(this.#resetTimer);
    this.#resetTimer = undefined;
  }

  private resetForNext(): void {
    this.#clearResetTimer();
    this.justStored = undefined;
    this.signed = false;
    this.safetyAnswers = {};
    this.writeError = '';
  }
}

customElements.get('feedback-loop') ?? customElements.define('feedback-loop', FeedbackLoop);

declare global {
  interface HTMLElementTagNameMap {
    'feedback-loop': FeedbackLoop;
  }
}

import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { whereEquals } from '../../store/queries.js';
import { SAFETY_STAGES, pulseSummary, type Feedback, type FeedbackResponse, type FeedbackSubject, type SafetyStage } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import type { Score } from './scale.js';
import { renderPulse } from './pulse-part.js';
import { renderSafety } from './safety-part.js';
import { weeklyRespondent } from './respondent.js';
import { renderYouSaid } from './you-said-part.js';

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
 * @attr show-today - Pulse: shows how many answered today, and their average once five people did (for a wall the team answers at).
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
      /* On a wall the pulse is the screen: the question on top, the five answers filling the rest. */
      :host([mode='pulse']) [part='base'] {
        display: flex;
        flex-direction: column;
        gap: var(--_space);
        height: 100%;
        box-sizing: border-box;
      }
      :host([mode='pulse']) .scale {
        flex: 1 1 auto;
      }
      .today {
        font-size: var(--_size-large);
        margin: 0;
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
  @property({ type: Boolean, attribute: 'show-today' }) showToday = false;

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
    () => (this.unit && (this.mode !== 'pulse' || this.showToday) ? whereEquals('feedback', 'unitId', this.unit) : undefined),
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

  protected override render() {
    const today = this.activeStore.today();
    const part =
      this.mode === 'safety'
        ? renderSafety({
            unit: this.unit,
            today,
            locale: this.locale,
            feedback: this.#feedback.value,
            answers: this.safetyAnswers,
            thanked: this.justStored !== undefined,
            answer: (stage, score) => (this.safetyAnswers = { ...this.safetyAnswers, [stage]: score }),
            submit: (event) => void this.submitSafety(event),
          })
        : this.mode === 'you-said'
          ? renderYouSaid({
              unit: this.unit,
              today,
              feedback: this.#feedback.value,
              responses: this.#responses.loaded ? (this.#responses.value ?? []) : undefined,
              problem: this.errorText(this.#feedback.error ?? this.#responses.error),
              canRespond: this.canRespond,
              replying: this.replying,
              startReply: (id) => (this.replying = id),
              reply: (event, feedback) => void this.reply(event, feedback),
            })
          : renderPulse({
              subject: this.subject,
              today: this.showToday ? pulseSummary(this.#feedback.value ?? [], this.unit, this.subject, today, today) : undefined,
              locale: this.locale,
              justStored: this.justStored,
              value: this.value,
              canSign: Boolean(this.person) && !this.inForm,
              signed: this.signed,
              choose: (score) => void this.choose(score),
              sign: (signed) => (this.signed = signed),
              sendComment: (event) => void this.sendComment(event),
              typing: () => this.restartResetTimer(),
              done: () => this.resetForNext(),
            });
    return html`<section part="base" aria-labelledby="fb-title">
      ${part} ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
    </section>`;
  }

  /** Who answers, as this device's weekly pseudonym; none on a shared screen (see respondent.ts). */
  private respondent(): { respondent?: string } {
    const respondent = this.settings.sharedScreen ? undefined : weeklyRespondent(this.activeStore.today());
    return respondent ? { respondent } : {};
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
          ...this.respondent(),
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
        ...this.respondent(),
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

import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { coachingDirectionName, coachingKindName, ratingName } from '../enum-words.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { SyncStateController } from '../../controllers/sync-state.js';
import { allOf, whereEquals } from '../../store/queries.js';
import {
  COACHING_DIRECTIONS,
  COACHING_KINDS,
  KATA_QUESTIONS,
  addDays,
  behaviourLabel,
  currentChecklist,
  conversationsOf,
  kataHints,
  type ChecklistTemplate,
  type CoachingDirection,
  type CoachingKind,
  type CoachingSession,
  type KataHint,
  type KataQuestion,
  type Person,
  type Rating,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { localChecklist } from '../checklist-words.js';
import { formatDay } from '../format.js';
import { privateWords } from '../private-words.js';
import { clearDraft, loadDraft, rememberCoach, rememberedCoach, saveDraft, type CoachingDraft } from './coaching-draft.js';

const RATINGS: Rating[] = [0, 1, 2];

/**
 * @summary One coaching conversation recorded in two minutes: a huddle observation, an
 * improvement (kata) conversation, or coaching the coach; down, peer or up (up may be
 * anonymous). The draft survives a reload; saving works offline.
 *
 * @attr kind - `huddle-observation`, `kata` or `coaching-the-coach`; the user can change it.
 * @attr direction - `down`, `peer` or `up`.
 * @attr coach - Id of the person coaching (the user); left out of an anonymous record.
 * @attr learner - Id of the person coached.
 * @attr huddle - Id of the observed huddle, linked to the record.
 * @attr draft-key - Names this card's draft, when a page has more than one card.
 *
 * @fires coaching-saved - The conversation was stored. `detail.session` is the stored record; an anonymous one has no author.
 *
 * @csspart base - The whole card.
 * @csspart checklist - The behaviours to rate.
 * @csspart questions - The kata questions.
 */
export class CoachingCard extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      form {
        border-color: var(--_border);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      .behaviour {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--_space);
        padding: calc(var(--_space) / 2) 0;
        border-bottom: 1px solid var(--_border);
      }
      h3 {
        margin: var(--_space) 0 0;
        font-size: var(--_size);
      }
      .hint {
        margin: 0;
        padding: calc(var(--_space) / 2) var(--_space);
        border-inline-start: 4px solid var(--_amber);
        background: var(--_surface-raised);
      }
      .last {
        padding: var(--_space);
        background: var(--_surface-raised);
        border-radius: var(--_radius);
      }
      textarea,
      input[type='text'],
      select {
        width: 100%;
      }
      .saved {
        font-weight: 700;
      }
      .read-back {
        padding: var(--_space);
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
      }
      .read-back h3 {
        margin: 0;
        font-size: var(--_size);
      }
      .read-back dt {
        font-weight: 700;
      }
      .read-back dd {
        margin: 0 0 var(--_space);
      }
    `,
  ];

  @property({ reflect: true }) kind: CoachingKind = 'huddle-observation';
  @property({ reflect: true }) direction: CoachingDirection = 'down';
  @property({ reflect: true }) coach = '';
  @property({ reflect: true }) learner = '';
  @property({ reflect: true }) huddle?: string;
  @property({ attribute: 'draft-key' }) draftKey = 'default';

  @state() private anonymous = false;
  @state() private ratings: Record<string, Rating> = {};
  @state() private answers: Partial<Record<KataQuestion, string>> = {};
  @state() private wentWell = '';
  @state() private evenBetter = '';
  @state() private focusText = '';
  @state() private followUpDate = '';
  @state() private savedNote = '';
  /** The conversation just saved, read back below the card until the next one starts. */
  @state() private saved?: CoachingSession;
  @state() private draftProblem = '';
  /** Clearing a card with a conversation on it asks first: it sits beside Save. */
  @state() private confirmingClear = false;

  #restored = false;

  /** A device signed in as a person records its conversations as that person. */
  readonly #sync = new SyncStateController(this);

  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => allOf('people'),
  );
  readonly #templates = new LiveQueryController<ChecklistTemplate[]>(
    this,
    () => this.activeStore,
    () => allOf('checklists'),
  );
  readonly #history = new LiveQueryController<CoachingSession[]>(
    this,
    () => this.activeStore,
    () => (this.learner ? whereEquals('coachingSessions', 'learnerId', this.learner) : undefined),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#restored) return;
    this.#restored = true;
    const draft = loadDraft(this.draftKey);
    if (draft) this.applyDraft(draft);
    else this.#startAsLastCoach = true;
  }

  /** Set until the first update, when the provider's settings (a shared screen or not) are current. */
  #startAsLastCoach = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A personal device starts as the coach of its last conversation; a shared screen never does.
    if (this.#startAsLastCoach) {
      this.#startAsLastCoach = false;
      if (!this.coach && !this.settings.sharedScreen) this.coach = rememberedCoach(this.draftKey) ?? '';
    }
  }

  private applyDraft(draft: CoachingDraft): void {
    Object.assign(this, {
      kind: draft.kind,
      direction: draft.direction,
      coach: draft.coach,
      learner: draft.learner,
      anonymous: draft.anonymous,
      ratings: draft.ratings ?? {},
      answers: draft.answers ?? {},
      wentWell: draft.wentWell ?? '',
      evenBetter: draft.evenBetter ?? '',
      focusText: draft.focus ?? '',
      followUpDate: draft.followUpDate ?? '',
    });
  }

  private get draft(): CoachingDraft {
    return {
      kind: this.kind,
      direction: this.direction,
      coach: this.coach,
      learner: this.learner,
      anonymous: this.anonymous,
      ratings: this.ratings,
      answers: this.answers,
      wentWell: this.wentWell,
      evenBetter: this.evenBetter,
      focus: this.focusText,
      followUpDate: this.followUpDate,
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const input: PropertyKey[] = [
      'kind',
      'direction',
      'coach',
      'learner',
      'anonymous',
      'ratings',
      'answers',
      'wentWell',
      'evenBetter',
      'focusText',
      'followUpDate',
    ];
    if (this.#restored && input.some((key) => (changed as Map<PropertyKey, unknown>).has(key)) && !this.savedNote) {
      this.draftProblem = saveDraft(this.draftKey, this.draft) ? '' : msg('This device cannot keep a draft (storage full or disabled): save before you leave.');
    }
  }

  /** The checklist used for this kind: the organisation's newest, else the one that ships. */
  /**
   * The conversation this one follows: the coach's own latest with the learner, this way round.
   * Another coach's thread is not theirs to continue, and an anonymous note continues none.
   */
  #previous(): CoachingSession | undefined {
    const coachId = this.#sync.state?.personId ?? this.coach;
    if (!this.learner || !coachId || (this.direction === 'up' && this.anonymous)) return undefined;
    return conversationsOf(this.#history.value ?? [], { coachId, learnerId: this.learner, direction: this.direction })[0];
  }

  private get template(): ChecklistTemplate | undefined {
    if (this.kind === 'kata') return undefined;
    return localChecklist(currentChecklist(this.#templates.value ?? [], this.kind));
  }

  private question(q: KataQuestion): string {
    return {
      targetCondition: msg('1. What is the target condition?'),
      actualCondition: msg('2. What is the actual condition now?'),
      reflection: msg('Reflect on the last step: what did you plan, what did you expect, what happened, what did you learn?'),
      obstacle: msg('3. What obstacles are in the way? Which one are you working on now?'),
      nextStep: msg('4. What is your next step or experiment? What do you expect?'),
      goSee: msg('5. How soon can we go and see what we learned from that step?'),
    }[q];
  }

  private hint(hint: KataHint): string {
    return {
      'target-needs-number': msg('A target condition is measurable: what number, by when?'),
      'actual-needs-data': msg('The actual condition is data, not opinion: what did you measure or see?'),
      'obstacle-is-lack': msg('"Lack of ..." names a solution, not an obstacle: what happens because of it?'),
      'step-is-solution': msg('"We need to ..." jumps to a solution: what will you try, and what do you expect to learn?'),
    }[hint];
  }

  protected override render() {
    const people = [...(this.#people.value ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    const signedIn = this.#sync.state?.personId;
    const today = this.activeStore.today();
    const previous = this.#previous();
    return html`
      <section part="base" aria-labelledby="card-title">
        <header><h2 id="card-title">${msg('Coaching card')}</h2><huddle-sync-status .theme=${this.effectiveTheme}></huddle-sync-status></header>
        ${this.#people.error ? html`<p class="error" role="alert">${this.errorText(this.#people.error)}</p>` : nothing}
        <form @submit=${this.save} aria-labelledby="card-title">
          <fieldset>
            <legend>${msg('Kind of conversation')}</legend>
            ${COACHING_KINDS.map((k) => html`<button type="button" aria-pressed=${this.kind === k ? 'true' : 'false'} @click=${() => (this.kind = k)}>${coachingKindName(k)}</button>`)}
          </fieldset>
          <fieldset>
            <legend>${msg('Direction')}</legend>
            ${COACHING_DIRECTIONS.map((d) => html`<button type="button" aria-pressed=${this.direction === d ? 'true' : 'false'} @click=${() => this.setDirection(d)}>${coachingDirectionName(d)}</button>`)}
            ${
              this.direction === 'up'
                ? html`<label class="choices"><input type="checkbox" .checked=${this.anonymous} @change=${(e: Event) => (this.anonymous = (e.target as HTMLInputElement).checked)} />
                  ${msg('Anonymous: the person coached never sees who wrote this')}</label>`
                : nothing
            }
          </fieldset>
          <label>${msg('Who is coached?')}
            <select name="learner" @change=${(e: Event) => (this.learner = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this.learner}>${msg('Choose a person')}</option>
              ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this.learner}>${p.name}</option>`)}
            </select>
          </label>
          ${
            this.anonymous
              ? nothing
              : signedIn
                ? html`<p class="signed-in">${msg('Who coaches?')} <strong class="user-text">${people.find((p) => p.id === signedIn)?.name ?? signedIn}</strong>
                    ${msg('(signed in on this device)')}</p>`
                : html`<label>${msg('Who coaches?')}
                <select name="coach" @change=${(e: Event) => (this.coach = (e.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!this.coach}>${msg('Choose a person')}</option>
                  ${people.map((p) => html`<option value=${p.id} ?selected=${p.id === this.coach}>${p.name}</option>`)}
                </select>
              </label>`
          }
          ${
            previous
              ? html`<p class="last" data-previous=${previous.id}>
                ${msg(str`Follows up on ${formatDay(previous.day, this.locale, { day: 'numeric', month: 'long' })}`)}:
                ${this.showsWordsOf(previous) ? html`<span class="user-text">${previous.focus || msg('no focus agreed')}</span>` : html`<span class="muted">${privateWords()}</span>`}
                ${previous.followUpDate ? html` · ${msg(str`follow-up agreed for ${formatDay(previous.followUpDate, this.locale, { day: 'numeric', month: 'long' })}`)}` : nothing}
              </p>`
              : nothing
          }
          ${this.kind === 'kata' ? this.renderKata() : this.renderChecklist()}
          <label>${msg('What went well')}<textarea name="wentWell" maxlength="4000" .value=${this.wentWell} @input=${(e: Event) => (this.wentWell = (e.target as HTMLTextAreaElement).value)}></textarea></label>
          <label>${msg('Even better if')}<textarea name="evenBetter" maxlength="4000" .value=${this.evenBetter} @input=${(e: Event) => (this.evenBetter = (e.target as HTMLTextAreaElement).value)}></textarea></label>
          <label>${msg('One focus for next time')}<input type="text" name="focus" maxlength="200" .value=${this.focusText} @input=${(e: Event) => (this.focusText = (e.target as HTMLInputElement).value)} /></label>
          <fieldset>
            <legend>${msg('Follow-up')}</legend>
            <button type="button" aria-pressed=${this.followUpDate === addDays(today, 7) ? 'true' : 'false'} @click=${() => (this.followUpDate = addDays(today, 7))}>${msg('In a week')}</button>
            <button type="button" aria-pressed=${this.followUpDate === addDays(today, 14) ? 'true' : 'false'} @click=${() => (this.followUpDate = addDays(today, 14))}>${msg('In two weeks')}</button>
            <label><span class="visually-hidden">${msg('Follow-up date')}</span>
              <input type="date" name="followUpDate" min=${today} .value=${this.followUpDate} @change=${(e: Event) => (this.followUpDate = (e.target as HTMLInputElement).value)} />
            </label>
          </fieldset>
          <div class="buttons">
            <button class="primary" type="submit">${msg('Save coaching')}</button>
            <button type="button" @click=${this.askToClear}>${msg('Clear')}</button>
          </div>
          ${
            this.confirmingClear
              ? html`<div class="buttons" role="alertdialog" aria-labelledby="clear-question">
                <span id="clear-question">${msg('Clear everything on this card? What was typed and rated is not kept.')}</span>
                <button type="button" @click=${this.reset}>${msg('Yes, clear the card')}</button>
                <button type="button" class="primary" @click=${() => (this.confirmingClear = false)}>${msg('Keep it')}</button>
              </div>`
              : nothing
          }
          ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
          ${this.draftProblem ? html`<p class="error" role="alert">${this.draftProblem}</p>` : nothing}
          <p class="saved" role="status">${this.savedNote}</p>
          ${this.saved ? this.renderSaved(this.saved, people) : nothing}
        </form>
      </section>
    `;
  }

  private renderChecklist() {
    const template = this.template;
    if (!template) return nothing;
    return html`
      <div part="checklist" role="group" aria-label=${msg(str`${template.name}: rate what you saw`)}>
        ${template.groups.map((group) => {
          const behaviours = group.behaviours.filter((b) => !b.retired);
          if (behaviours.length === 0) return nothing;
          return html`
            <h3 class="user-text">${group.label}</h3>
            ${behaviours.map(
              (b) => html`<div class="behaviour" role="group" aria-label=${b.label} data-behaviour=${b.id}>
                <span class="user-text">${b.label}</span>
                <span class="buttons">
                  ${RATINGS.map((r) => html`<button type="button" aria-pressed=${this.ratings[b.id] === r ? 'true' : 'false'} @click=${() => this.rate(b.id, r)}>${ratingName(r)}</button>`)}
                </span>
              </div>`,
            )}
          `;
        })}
      </div>
    `;
  }

  private renderKata() {
    const hints = kataHints(this.answers);
    return html`
      <div part="questions">
        ${KATA_QUESTIONS.map((q) => {
          const hint = hints[q];
          return html`<label>
              ${this.question(q)}
              <textarea name=${q} maxlength="4000" .value=${this.answers[q] ?? ''} aria-describedby=${hint ? `hint-${q}` : nothing}
                @input=${(e: Event) => (this.answers = { ...this.answers, [q]: (e.target as HTMLTextAreaElement).value })}></textarea>
            </label>
            ${hint ? html`<p class="hint" id="hint-${q}" data-hint=${hint}><span aria-hidden="true">! </span>${this.hint(hint)}</p>` : nothing}`;
        })}
      </div>
    `;
  }

  /**
   * The conversation just saved, read back: what the coach did stays in sight. Its words show only
   * where they may (not on a shared screen: they belong to the people in the conversation).
   */
  private renderSaved(session: CoachingSession, people: Person[]) {
    const learner = people.find((p) => p.id === session.learnerId)?.name ?? '';
    const template = session.kind === 'kata' ? undefined : localChecklist(currentChecklist(this.#templates.value ?? [], session.kind));
    const rated = Object.entries(session.ratings).map(([id, rating]) => `${(template && behaviourLabel(template, id)) ?? id}: ${ratingName(rating)}`);
    const words: [string, string | undefined][] = [
      ...KATA_QUESTIONS.map((q): [string, string | undefined] => [this.question(q), session.answers?.[q]]),
      [msg('Went well:'), session.wentWell],
      [msg('Even better if:'), session.evenBetter],
      [msg('Focus:'), session.focus],
    ];
    return html`<section class="read-back" part="saved" aria-labelledby="saved-title">
      <h3 id="saved-title" class="user-text">
        ${msg(str`Saved: ${coachingKindName(session.kind)} with ${learner}, ${formatDay(session.day, this.locale, { day: 'numeric', month: 'long' })}`)}
      </h3>
      ${
        this.showsWordsOf(session)
          ? html`<dl>
              ${rated.length ? html`<dt>${msg('Rated:')}</dt><dd class="user-text">${rated.join(' · ')}</dd>` : nothing}
              ${words.map(([label, text]) => (text ? html`<dt>${label}</dt><dd class="user-text">${text}</dd>` : nothing))}
              ${session.followUpDate ? html`<dt>${msg('Follow-up:')}</dt><dd>${formatDay(session.followUpDate, this.locale, { weekday: 'long', day: 'numeric', month: 'long' })}</dd>` : nothing}
            </dl>`
          : html`<p class="muted">${rated.length === 1 ? msg('1 behaviour rated.') : msg(str`${rated.length} behaviours rated.`)} ${privateWords()}</p>`
      }
      <div class="buttons"><button type="button" @click=${() => (this.saved = undefined)}>${msg('Done reading')}</button></div>
    </section>`;
  }

  private setDirection(direction: CoachingDirection): void {
    this.direction = direction;
    if (direction !== 'up') this.anonymous = false;
  }

  private rate(behaviourId: string, rating: Rating): void {
    this.ratings = { ...this.ratings, [behaviourId]: rating };
  }

  /** Whether anything was typed or rated on the card. */
  private get holdsInput(): boolean {
    const typed = [this.wentWell, this.evenBetter, this.focusText, ...Object.values(this.answers)].some((text) => (text ?? '').trim() !== '');
    return typed || Object.keys(this.ratings).length > 0;
  }

  private askToClear(): void {
    if (this.holdsInput) this.confirmingClear = true;
    else this.reset();
  }

  private reset(): void {
    this.confirmingClear = false;
    clearDraft(this.draftKey);
    Object.assign(this, { ratings: {}, answers: {}, wentWell: '', evenBetter: '', focusText: '', followUpDate: '', anonymous: false });
    this.writeError = '';
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    this.savedNote = '';
    if (!this.learner) {
      this.writeError = msg('Choose who is coached.');
      return;
    }
    const anonymous = this.direction === 'up' && this.anonymous;
    // On a device signed in as a person, the coach is that person: the server records nothing else.
    const coach = this.#sync.state?.personId ?? this.coach;
    if (!anonymous && !coach) {
      this.writeError = msg('Choose who coaches.');
      return;
    }
    const template = this.template;
    const previous = this.#previous();
    const answers = Object.fromEntries(Object.entries(this.answers).filter(([, v]) => v && v.trim() !== ''));
    const session = await this.write(() =>
      this.activeStore.saveCoachingSession({
        kind: this.kind,
        direction: this.direction,
        anonymous,
        ...(anonymous ? {} : { coachId: coach }),
        learnerId: this.learner,
        day: this.activeStore.today(),
        ...(template && template.id ? { templateId: template.id, templateVersion: template.version } : {}),
        ratings: this.kind === 'kata' ? {} : this.ratings,
        ...(this.kind === 'kata' ? { answers } : {}),
        wentWell: this.wentWell.trim(),
        evenBetter: this.evenBetter.trim(),
        focus: this.focusText.trim(),
        ...(this.followUpDate ? { followUpDate: this.followUpDate } : {}),
        ...(this.huddle ? { huddleId: this.huddle } : {}),
        ...(previous ? { previousSessionId: previous.id } : {}),
      }),
    );
    if (!session) return; // the card keeps everything typed; the message says why
    this.reset();
    if (!anonymous && !this.settings.sharedScreen) rememberCoach(this.draftKey, coach!);
    this.saved = session;
    this.savedNote = msg('Saved. Thank you for coaching.');
    this.emit('coaching-saved', { session });
  }
}

customElements.get('coaching-card') ?? customElements.define('coaching-card', CoachingCard);

declare global {
  interface HTMLElementTagNameMap {
    'coaching-card': CoachingCard;
  }
}

import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { coachingKindName, ratingName } from '../enum-words.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { allOf } from '../../store/queries.js';
import { localChecklist } from '../checklist-words.js';
import {
  KATA_QUESTIONS,
  behaviourLabel,
  defaultChecklist,
  followUpsOwed,
  historyOf,
  openFocus,
  consistentShare,
  type ChecklistTemplate,
  type CoachingSession,
  type KataQuestion,
  type Person,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { daysOverdueText, formatDay, relativeDay } from '../format.js';
import { privateWords } from '../private-words.js';

/**
 * @summary Follow-through for one person: the coaching they received (the open focus and
 * follow-up date first, then the history with its threads) and the follow-ups they owe as
 * a coach, due or overdue. An anonymous conversation never shows who wrote it.
 *
 * @attr person - Id of the person whose journal this is.
 *
 * @fires follow-up-requested - The coach tapped "Follow up now". `detail` has the learner and the session it follows.
 *
 * @csspart base - The whole journal.
 * @csspart session - One conversation in the history.
 * @csspart follow-up - One follow-up owed.
 */
export class CoachingJournal extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      h3 {
        margin: var(--_space) 0 0;
        font-size: var(--_size);
      }
      .focus {
        padding: var(--_space);
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
      }
      .row {
        display: grid;
        gap: calc(var(--_space) / 2);
      }
    `,
  ];

  /** Id of the person whose journal this is. */
  @property({ reflect: true }) person = '';

  readonly #people = new LiveQueryController<Person[]>(
    this,
    () => this.activeStore,
    () => allOf('people'),
  );
  readonly #sessions = new LiveQueryController<CoachingSession[]>(
    this,
    () => this.activeStore,
    () => allOf('coachingSessions'),
  );
  readonly #checklists = new LiveQueryController<ChecklistTemplate[]>(
    this,
    () => this.activeStore,
    () => allOf('checklists', { includeRetired: true }),
  );

  /**
   * What a session's ratings were about, in words. Behaviours are only ever retired, never
   * removed, so the checklist's current version still names what an older version rated.
   */
  private ratingsOf(session: CoachingSession): string[] {
    if (session.kind === 'kata') return [];
    const template = localChecklist(
      this.#checklists.value?.find((t) => t.id === session.templateId) ?? { ...defaultChecklist(session.kind), createdAt: '', updatedAt: '' },
    );
    return Object.entries(session.ratings).map(([id, rating]) => `${behaviourLabel(template, id) ?? id}: ${ratingName(rating)}`);
  }

  /** Short labels: the journal recalls the learner's answers, the card asks the full questions. */
  private kataLabel(q: KataQuestion): string {
    return {
      targetCondition: msg('Target condition:'),
      actualCondition: msg('Actual condition:'),
      reflection: msg('Last step:'),
      obstacle: msg('Obstacle:'),
      nextStep: msg('Next step:'),
      goSee: msg('Go and see:'),
    }[q];
  }

  /** A conversation's words, or - where they may not be shown - that they stay with the people in it. */
  #words(session: CoachingSession | undefined, words: string) {
    return !session || this.showsWordsOf(session) ? html`<span class="user-text">${words}</span>` : html`<span class="muted">${privateWords()}</span>`;
  }

  private renderWords(session: CoachingSession) {
    return html`${session.wentWell ? html`<span><strong>${msg('Went well:')}</strong> <span class="user-text">${session.wentWell}</span></span>` : nothing}
    ${session.evenBetter ? html`<span><strong>${msg('Even better if:')}</strong> <span class="user-text">${session.evenBetter}</span></span>` : nothing}
    ${session.focus ? html`<span><strong>${msg('Focus:')}</strong> <span class="user-text">${session.focus}</span></span>` : nothing}
    ${Object.keys(session.ratings).length ? html`<span><strong>${msg('Rated:')}</strong> <span class="user-text">${this.ratingsOf(session).join(' · ')}</span></span>` : nothing}
    ${KATA_QUESTIONS.map((q) => (session.answers?.[q] ? html`<span><strong>${this.kataLabel(q)}</strong> <span class="user-text">${session.answers[q]}</span></span>` : nothing))}`;
  }

  protected override render() {
    const sessions = this.#sessions.value;
    const people = this.#people.value;
    if (!sessions || !people) return html`<p role="status">${this.errorText(this.#sessions.error) ?? msg('Loading…')}</p>`;
    const today = this.activeStore.today();
    const name = (id: string | undefined) => people.find((p) => p.id === id)?.name ?? msg('someone no longer here');
    const day = (d: string) => formatDay(d, this.locale, { day: 'numeric', month: 'long' });
    const focus = openFocus(sessions, this.person);
    const history = historyOf(sessions, this.person);
    const owed = followUpsOwed(sessions, this.person, today);
    return html`
      <section part="base" aria-labelledby="journal-title">
        <header><h2 id="journal-title" class="user-text">${msg(str`Coaching journal of ${name(this.person)}`)}</h2></header>
        ${
          focus
            ? html`<p class="focus"><strong>${msg('Working on:')}</strong> ${this.#words(
                sessions.find((s) => s.id === focus.sessionId),
                focus.focus,
              )}
              ${focus.followUpDate ? html`<br />${msg(str`Follow-up ${relativeDay(focus.followUpDate, today, this.locale)} (${day(focus.followUpDate)})`)}` : nothing}</p>`
            : html`<p>${msg('No open focus.')}</p>`
        }

        <h3>${msg(str`Follow-ups I owe (${owed.length})`)}</h3>
        ${
          owed.length === 0
            ? html`<p>${msg('None due.')}</p>`
            : html`<ul>
              ${owed.map(
                ({ session, daysLate }) => html`<li class="row" part="follow-up" data-session=${session.id}>
                  <span><strong class="user-text">${name(session.learnerId)}</strong>: ${this.#words(session, session.focus || msg('no focus agreed'))}</span>
                  <span class=${daysLate > 0 ? 'flag' : ''}>${daysLate > 0 ? html`<span aria-hidden="true">▲ </span>${daysOverdueText(daysLate, this.locale)}` : msg('Due today')}</span>
                  <span class="buttons"><button @click=${() => this.emit('follow-up-requested', { learnerId: session.learnerId, previousSessionId: session.id })}>${msg('Follow up now')}</button></span>
                </li>`,
              )}
            </ul>`
        }

        <h3>${msg(str`Coaching received (${history.length})`)}</h3>
        ${
          history.length === 0
            ? html`<p>${msg('No coaching recorded yet.')}</p>`
            : html`<ul>
              ${history.map((session) => {
                const consistent = consistentShare(session);
                return html`<li class="row" part="session" data-session=${session.id}>
                  <span><strong>${day(session.day)}</strong> · ${coachingKindName(session.kind)} ·
                    ${session.anonymous ? msg('anonymous') : html`<span class="user-text">${msg(str`with ${name(session.coachId)}`)}</span>`}
                    ${consistent === null ? nothing : html` · ${msg(str`${Math.round(consistent * 100)} % of behaviours seen consistently`)}`}</span>
                  ${this.showsWordsOf(session) ? this.renderWords(session) : html`<span class="muted">${privateWords()}</span>`}
                  ${session.previousSessionId ? html`<span class="muted">${msg('Follows up an earlier conversation')}</span>` : nothing}
                </li>`;
              })}
            </ul>`
        }
      </section>
    `;
  }
}

customElements.get('coaching-journal') ?? customElements.define('coaching-journal', CoachingJournal);

declare global {
  interface HTMLElementTagNameMap {
    'coaching-journal': CoachingJournal;
  }
}

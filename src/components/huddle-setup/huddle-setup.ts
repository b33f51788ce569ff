import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { SETUP_STEPS, isSetupStep, type SetupStep } from './setup-steps.js';
import './setup-organisation.js';
import './setup-boards.js';
import './setup-people.js';
import './setup-kpis.js';
import './setup-cascade.js';
import './setup-checklists.js';

interface GuidedProgress {
  step: SetupStep;
  done: SetupStep[];
  skipped: SetupStep[];
}

/** Reads saved progress; anything unreadable starts the guide from the beginning. */
function readProgress(key: string): GuidedProgress {
  const start: GuidedProgress = { step: 'organisation', done: [], skipped: [] };
  try {
    const raw = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<GuidedProgress> | null;
    if (!raw || !isSetupStep(raw.step)) return start;
    return { step: raw.step, done: (raw.done ?? []).filter(isSetupStep), skipped: (raw.skipped ?? []).filter(isSetupStep) };
  } catch {
    return start;
  }
}

/**
 * @summary Set up a real organisation without editing files: tiers and roles in its own words, the board tree, people (one by one or from an HR file), KPIs, the coaching cascade and observation checklists. Nothing is ever hard-deleted: retired records keep their history in reports.
 *
 * @attr step - The step shown: organisation, boards, people, kpis, cascade or checklists.
 * @attr guided - Walks through the steps in order, each one skippable; the step reached is remembered, so a reload resumes there.
 * @attr progress-key - Where the guided progress is remembered (localStorage key).
 *
 * @fires setup-saved - A step saved something. `detail.step` names it.
 * @fires setup-finished - The guided set-up reached its end.
 *
 * @csspart base - The whole set-up.
 * @csspart steps - The list of steps.
 */
export class HuddleSetup extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      nav ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
      }
      button[aria-current='step'] {
        border-color: var(--_accent);
        border-width: 4px;
        font-weight: 700;
      }
      .guide {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: center;
        justify-content: space-between;
        padding: var(--_space);
        border-top: 2px solid var(--_border);
      }
    `,
  ];

  /** The step shown. */
  @property({ reflect: true }) step: SetupStep = 'organisation';
  /** Walk through the steps in order, each skippable, resuming where the last visit stopped. */
  @property({ type: Boolean, reflect: true }) guided = false;
  /** Where guided progress is remembered. */
  @property({ attribute: 'progress-key' }) progressKey = 'huddle-setup-progress';

  @state() private progress: GuidedProgress = { step: 'organisation', done: [], skipped: [] };
  /** Something was typed or chosen in the step since it last saved. */
  @state() private unsaved = false;
  /** Leaving a step with unsaved edits waits for a yes: what to do then. */
  @state() private leaving?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.guided) {
      this.progress = readProgress(this.progressKey);
      this.step = this.progress.step;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!isSetupStep(this.step)) this.step = 'organisation';
  }

  private stepName(step: SetupStep): string {
    return {
      organisation: msg('Organisation'),
      boards: msg('Boards'),
      people: msg('People'),
      kpis: msg('KPIs'),
      cascade: msg('Coaching cascade'),
      checklists: msg('Checklists'),
    }[step];
  }

  private stepMark(step: SetupStep): string {
    if (!this.guided) return '';
    if (this.progress.done.includes(step)) return msg(' (done)');
    if (this.progress.skipped.includes(step)) return msg(' (skipped)');
    return '';
  }

  protected override render() {
    const index = SETUP_STEPS.indexOf(this.step);
    const next = SETUP_STEPS[index + 1];
    const props = { store: this.activeStore, theme: this.effectiveTheme };
    return html`
      <div part="base">
        <nav part="steps" aria-label=${msg('Set-up steps')}>
          <ol>
            ${SETUP_STEPS.map(
              (step, i) => html`<li><button aria-current=${step === this.step ? 'step' : 'false'} @click=${() => this.leave(() => this.go(step))}>
                ${i + 1}. ${this.stepName(step)}${this.stepMark(step)}
              </button></li>`,
            )}
          </ol>
        </nav>
        <div @input=${() => (this.unsaved = true)} @setup-saved=${() => (this.unsaved = false)}>${this.renderStep(this.step, props)}</div>
        ${
          this.leaving
            ? html`<div class="guide" role="alertdialog" aria-labelledby="leave-question">
              <span id="leave-question">${msg(str`${this.stepName(this.step)} has changes that are not saved yet.`)}</span>
              <span class="buttons">
                <button class="primary" @click=${() => (this.leaving = undefined)}>${msg('Stay and save them')}</button>
                <button @click=${this.leaveAnyway}>${msg('Go on without them')}</button>
              </span>
            </div>`
            : nothing
        }
        ${
          this.guided
            ? html`<div class="guide">
              <span>${msg(str`Step ${index + 1} of ${SETUP_STEPS.length}: ${this.stepName(this.step)}`)}</span>
              <span class="buttons">
                ${
                  next
                    ? html`<button @click=${() => this.leave(() => this.advance('skipped'))}>${msg('Skip this step')}</button>
                      <button class="primary" @click=${() => this.leave(() => this.advance('done'))}>${msg(str`Next: ${this.stepName(next)}`)}</button>`
                    : html`<button class="primary" @click=${() => this.leave(() => this.advance('done'))}>${msg('Finish set-up')}</button>`
                }
              </span>
            </div>`
            : nothing
        }
      </div>
    `;
  }

  private renderStep(step: SetupStep, p: { store: HuddleSetup['activeStore']; theme: string }) {
    switch (step) {
      case 'organisation':
        return html`<setup-organisation .store=${p.store} theme=${p.theme}></setup-organisation>`;
      case 'boards':
        return html`<setup-boards .store=${p.store} theme=${p.theme}></setup-boards>`;
      case 'people':
        return html`<setup-people .store=${p.store} theme=${p.theme}></setup-people>`;
      case 'kpis':
        return html`<setup-kpis .store=${p.store} theme=${p.theme}></setup-kpis>`;
      case 'cascade':
        return html`<setup-cascade .store=${p.store} theme=${p.theme}></setup-cascade>`;
      case 'checklists':
        return html`<setup-checklists .store=${p.store} theme=${p.theme}></setup-checklists>`;
    }
  }

  /** Leaves the step at once, or - with edits not saved - after asking. */
  private leave(then: () => void): void {
    if (this.unsaved) this.leaving = then;
    else then();
  }

  private leaveAnyway(): void {
    const then = this.leaving;
    this.leaving = undefined;
    this.unsaved = false;
    then?.();
  }

  private go(step: SetupStep): void {
    this.unsaved = false;
    this.step = step;
    if (this.guided) this.remember({ ...this.progress, step });
  }

  private advance(how: 'done' | 'skipped'): void {
    const step = this.step;
    const done = this.progress.done.filter((s) => s !== step);
    const skipped = this.progress.skipped.filter((s) => s !== step);
    (how === 'done' ? done : skipped).push(step);
    const next = SETUP_STEPS[SETUP_STEPS.indexOf(step) + 1];
    this.unsaved = false;
    if (!next) {
      localStorage.removeItem(this.progressKey);
      this.progress = { step: 'organisation', done: [], skipped: [] };
      this.emit('setup-finished', {});
      return;
    }
    this.step = next;
    this.remember({ step: next, done, skipped });
  }

  private remember(progress: GuidedProgress): void {
    this.progress = progress;
    try {
      localStorage.setItem(this.progressKey, JSON.stringify(progress));
    } catch {
      // Private mode or a full disk: the guide still works, it just starts over next time.
    }
  }
}

customElements.get('huddle-setup') ?? customElements.define('huddle-setup', HuddleSetup);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-setup': HuddleSetup;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { orgSettings } from '../../store/queries.js';
import type { OrgSettings, TierLabels } from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { setupStyles } from './setup-styles.js';

/**
 * Ready-made words for the two kinds of organisation the method is used in most, in the
 * screen's language (a German ward is a "Station", not a "Unit"); read when used, so a change
 * of language applies.
 */
const presets = (): Record<'plant' | 'hospital', { tiers: TierLabels[]; memberLabel: string }> => ({
  plant: {
    tiers: [
      { unit: msg('Team'), leader: msg('Team leader') },
      { unit: msg('Area'), leader: msg('Supervisor') },
      { unit: msg('Plant'), leader: msg('Manager') },
    ],
    memberLabel: msg('Operator'),
  },
  hospital: {
    tiers: [
      { unit: msg('Unit'), leader: msg('Charge nurse') },
      { unit: msg('Department'), leader: msg('Unit manager') },
      { unit: msg('Hospital'), leader: msg('Director of nursing') },
    ],
    memberLabel: msg('Nurse'),
  },
});

/** Locales shipped with translations; any other BCP 47 tag still formats dates and numbers. */
const LOCALES: [string, string][] = [
  ['en', 'English'],
  ['de', 'Deutsch'],
  ['es', 'Español'],
];

/** The screen's language when it is one shipped, else English (a new organisation's default). */
const shippedLocale = (locale: string | undefined): string => LOCALES.find(([tag]) => tag === locale?.split('-')[0])?.[0] ?? 'en';

/**
 * @summary Set-up step 1: the organisation's name, its locale, its own words for tiers and roles, and who reads coaching words and sees the cascade's gaps on shared screens.
 *
 * @fires setup-saved - The organisation settings were saved. `detail.step` is `organisation`.
 *
 * @csspart base - The whole step.
 */
export class SetupOrganisation extends HuddleElement {
  static override styles = [tokens, controls, panelStyles, setupStyles];

  /** The words being edited; filled from the stored settings once they load. */
  @state() private draft?: Omit<OrgSettings, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;
  @state() private saved = false;

  readonly #org = new LiveQueryController<OrgSettings | undefined>(
    this,
    () => this.activeStore,
    () => orgSettings(),
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.draft || !this.#org.loaded) return;
    const org = this.#org.value;
    this.draft = org
      ? {
          name: org.name,
          locale: org.locale,
          tiers: org.tiers,
          memberLabel: org.memberLabel,
          ...(org.coachingWordsReadBy ? { coachingWordsReadBy: org.coachingWordsReadBy } : {}),
          ...(org.cascadeGapsOnSharedScreens ? { cascadeGapsOnSharedScreens: org.cascadeGapsOnSharedScreens } : {}),
          ...(org.coachingWordsKeptMonths ? { coachingWordsKeptMonths: org.coachingWordsKeptMonths } : {}),
        }
      : { name: '', locale: shippedLocale(this.locale), ...presets().plant };
  }

  protected override render() {
    const draft = this.draft;
    if (!draft) return html`<p role="status">${msg('Loading…')}</p>`;
    return html`
      <form part="base" @submit=${this.save} @input=${() => (this.saved = false)} aria-labelledby="org-title">
        <h2 id="org-title">${msg('Organisation')}</h2>
        <div class="fields">
          <label
            >${msg('Name of the organisation')} <span class="required">${msg('(required)')}</span
            ><input name="name" maxlength="120" required autocomplete="organization" .value=${draft.name}
          /></label>
          <label>${msg('Language')}
            <select name="locale" @change=${(e: Event) => (this.draft = { ...draft, locale: (e.target as HTMLSelectElement).value })}>
              ${LOCALES.map(([tag, name]) => html`<option value=${tag} ?selected=${draft.locale.split('-')[0] === tag}>${name}</option>`)}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>${msg('Start from the words of')}</legend>
          <button type="button" @click=${() => this.usePreset('plant')}>${msg('A plant: Team, Area, Plant')}</button>
          <button type="button" @click=${() => this.usePreset('hospital')}>${msg('A hospital: Unit, Department, Hospital')}</button>
        </fieldset>
        <h3>${msg('Tiers, from the front line up')}</h3>
        ${draft.tiers.map(
          (tier, i) => html`<div class="fields" data-tier=${i + 1}>
            <label>${msg(str`Tier ${i + 1}: a board is called`)}<input name="unit-${i}" maxlength="60" required .value=${tier.unit} /></label>
            <label>${msg(str`Tier ${i + 1}: its leader is called`)}<input name="leader-${i}" maxlength="60" required .value=${tier.leader} /></label>
          </div>`,
        )}
        <div class="buttons">
          <button type="button" ?disabled=${draft.tiers.length >= 5} @click=${() => this.setTierCount(draft.tiers.length + 1)}>${msg('Add a tier')}</button>
          <button type="button" ?disabled=${draft.tiers.length <= 2} @click=${() => this.setTierCount(draft.tiers.length - 1)}>${msg('Remove the top tier')}</button>
        </div>
        <div class="fields">
          <label>${msg('A team member is called')}<input name="member" maxlength="60" required .value=${draft.memberLabel} /></label>
        </div>
        <fieldset>
          <legend>${msg('Privacy')}</legend>
          <div class="fields">
            <label
              >${msg("Who reads a coaching conversation's words")}
              <select name="words">
                <option value="pair" ?selected=${draft.coachingWordsReadBy !== 'pair-and-line'}>${msg('Its coach and its learner only')}</option>
                <option value="pair-and-line" ?selected=${draft.coachingWordsReadBy === 'pair-and-line'}>${msg("Also the learner's line above")}</option>
              </select></label
            >
            <label
              >${msg('On shared screens, where the cascade is broken shows')}
              <select name="gaps">
                <option value="counts" ?selected=${(draft.cascadeGapsOnSharedScreens ?? 'counts') === 'counts'}>${msg('How many, no one named')}</option>
                <option value="roles" ?selected=${draft.cascadeGapsOnSharedScreens === 'roles'}>${msg('The roles of the people in them')}</option>
                <option value="names" ?selected=${draft.cascadeGapsOnSharedScreens === 'names'}>${msg('Their names')}</option>
              </select></label
            >
            <label
              >${msg('Months a coaching conversation keeps its words (empty: always)')}
              <input name="keep-months" type="number" min="1" max="120" step="1" .value=${draft.coachingWordsKeptMonths ? String(draft.coachingWordsKeptMonths) : ''}
            /></label>
          </div>
        </fieldset>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        <div class="buttons">
          <button class="primary" type="submit">${msg('Save organisation')}</button>
          ${this.saved ? html`<span role="status"><span aria-hidden="true">✓ </span>${msg('Saved')}</span>` : nothing}
        </div>
      </form>
    `;
  }

  /** What the form holds now, so a preset or tier change keeps what was typed elsewhere. */
  private read(): NonNullable<SetupOrganisation['draft']> {
    const form = this.renderRoot.querySelector('form')!;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    return {
      name: value('name'),
      locale: value('locale'),
      tiers: this.draft!.tiers.map((_, i) => ({ unit: value(`unit-${i}`), leader: value(`leader-${i}`) })),
      memberLabel: value('member'),
      coachingWordsReadBy: value('words') === 'pair-and-line' ? 'pair-and-line' : 'pair',
      cascadeGapsOnSharedScreens: value('gaps') === 'names' ? 'names' : value('gaps') === 'roles' ? 'roles' : 'counts',
      ...(value('keep-months') ? { coachingWordsKeptMonths: Number(value('keep-months')) } : {}),
    };
  }

  private usePreset(id: 'plant' | 'hospital'): void {
    const preset = presets()[id];
    this.draft = { ...this.read(), tiers: preset.tiers, memberLabel: preset.memberLabel };
    this.saved = false;
  }

  private setTierCount(count: number): void {
    const current = this.read();
    const tiers = current.tiers.slice(0, count);
    while (tiers.length < count) tiers.push({ unit: '', leader: '' });
    this.draft = { ...current, tiers };
    this.saved = false;
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.read();
    const blank = draft.tiers.findIndex((t) => !t.unit || !t.leader);
    if (!draft.name || blank >= 0 || !draft.memberLabel) {
      this.writeError = !draft.name
        ? msg('Give the organisation a name.')
        : blank >= 0
          ? msg(str`Name tier ${blank + 1} and its leader.`)
          : msg('Say what a team member is called.');
      return;
    }
    this.draft = draft;
    const saved = await this.write(() => this.activeStore.saveOrgSettings(draft));
    if (!saved) return;
    this.saved = true;
    this.emit('setup-saved', { step: 'organisation' });
  }
}

customElements.get('setup-organisation') ?? customElements.define('setup-organisation', SetupOrganisation);

declare global {
  interface HTMLElementTagNameMap {
    'setup-organisation': SetupOrganisation;
  }
}

import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { HuddleElement } from '../huddle-element.js';
import { LiveQueryController } from '../../controllers/live-query.js';
import { cascadeFigures, orgSettings, whereEquals, type CascadeFigures } from '../../store/queries.js';
import {
  roleLabel,
  sessionsOfPair,
  tierLabel,
  type CascadeGap,
  type CascadePair,
  type CoachingPair,
  type CoachingSession,
  type OrgSettings,
  type Person,
} from '../../model/index.js';
import { controls, tokens } from '../../styles/tokens.js';
import { panelStyles } from '../panel-styles.js';
import { formatDay, relativeDay } from '../format.js';
import { privateWords } from '../private-words.js';
import { SyncStateController } from '../../controllers/sync-state.js';
import { PAIR_STATE_SYMBOL, pairStateWord } from '../enum-words.js';

const CADENCES = [7, 14, 21, 28];

/**
 * @summary Who coaches whom, tier by tier: every pair with its last session, cadence and
 * state (on track, due, overdue, never), whether each person both gives and receives
 * coaching, and the gaps - a coach nobody coaches, a team leader never observed,
 * follow-ups not kept. Tap a pair for its history and to change its cadence. A tier of
 * more people than `people-per-tier` pages; the gaps and figures count everyone.
 *
 * @attr people-per-tier - People per page of a tier (default 12: a couple of screenfuls on a wall).
 *
 * @csspart base - The whole cascade.
 * @csspart gaps - The list of gaps.
 * @csspart definition - How the cadence figures are counted (one tap away).
 * @csspart tier - One tier's people, a page at a time (`people-per-tier`).
 * @csspart pair - One coaching pair.
 */
export class CoachingCascade extends HuddleElement {
  static override styles = [
    tokens,
    controls,
    panelStyles,
    css`
      .tiers {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      h3 {
        margin: 0 0 var(--_space);
        font-size: var(--_size);
      }
      .people {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr));
      }
      .person {
        border: 2px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        background: var(--_surface);
        display: grid;
        gap: calc(var(--_space) / 2);
        align-content: start;
      }
      .person.gap {
        border-color: var(--_red);
        border-width: 4px;
      }
      .badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--_space);
        font-size: var(--_size-small);
      }
      button.pair {
        text-align: start;
        padding: calc(var(--_space) / 2) var(--_space);
        width: 100%;
      }
      .state-overdue,
      .state-never {
        font-weight: 700;
        color: var(--_red);
      }
      :host([data-theme$='dark']) .state-overdue,
      :host([data-theme$='dark']) .state-never {
        color: #fca5a5;
      }
      .pager {
        display: flex;
        align-items: center;
        gap: var(--_space);
        margin-top: var(--_space);
      }
      .detail {
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
        padding: var(--_space);
        display: grid;
        gap: var(--_space);
      }
    `,
  ];

  /** The pair whose history is open. */
  @state() private openPair: Pick<CoachingPair, 'id' | 'learnerId'> | undefined;
  /** Who is signed in or tapped in, when the store syncs: on a shared screen, who may open a pair's history. */
  readonly #sync = new SyncStateController(this);
  /** People shown per tier on one page: a tier of thousands pages instead of drawing everyone. */
  @property({ type: Number, attribute: 'people-per-tier' }) peoplePerTier = 12;
  /** The page shown of each tier (absent: the first). */
  @state() private tierPages: ReadonlyMap<number, number> = new Map();

  readonly #org = new LiveQueryController<OrgSettings | undefined>(
    this,
    () => this.activeStore,
    () => orgSettings(),
  );
  readonly #figures = new LiveQueryController<CascadeFigures>(
    this,
    () => this.activeStore,
    () => cascadeFigures(this.activeStore.today()),
  );
  /** The conversations of the open pair's learner, read when a pair is opened (the figures need none). */
  readonly #openSessions = new LiveQueryController<CoachingSession[]>(
    this,
    () => this.activeStore,
    () => (this.openPair ? whereEquals('coachingSessions', 'learnerId', this.openPair.learnerId) : undefined),
  );

  private gapText(gap: CascadeGap, name: (p: Person) => string): string {
    switch (gap.kind) {
      case 'coach-not-coached':
        return msg(str`${name(gap.person)} coaches others but nobody coaches them`);
      case 'leader-never-observed':
        return msg(str`Nobody has observed ${name(gap.person)}'s huddle`);
      case 'follow-ups-not-kept':
        return msg(str`${gap.missed} follow-ups with ${name(gap.person)} were not kept`);
    }
  }

  /** The gaps as how many of each kind: what a shared screen says unless the organisation chose names or roles. */
  private gapCounts(gaps: readonly CascadeGap[]): [CascadeGap['kind'], string][] {
    const of = (kind: CascadeGap['kind']) => gaps.filter((g) => g.kind === kind);
    const counted: [CascadeGap['kind'], string][] = [];
    const notCoached = of('coach-not-coached').length;
    // The one-form of each sentence for 1: "1 leaders' huddles" is not English (nor German, nor Spanish).
    if (notCoached)
      counted.push([
        'coach-not-coached',
        notCoached === 1 ? msg('1 person who coaches others is coached by nobody') : msg(str`${notCoached} who coach others are coached by nobody`),
      ]);
    const neverObserved = of('leader-never-observed').length;
    if (neverObserved)
      counted.push([
        'leader-never-observed',
        neverObserved === 1 ? msg("1 leader's huddle was never observed") : msg(str`${neverObserved} leaders' huddles were never observed`),
      ]);
    const missed = of('follow-ups-not-kept').reduce((sum, g) => sum + (g.kind === 'follow-ups-not-kept' ? g.missed : 0), 0);
    if (missed) counted.push(['follow-ups-not-kept', missed === 1 ? msg('1 follow-up was not kept') : msg(str`${missed} follow-ups were not kept`)]);
    return counted;
  }

  protected override render() {
    const data = this.#figures.value;
    if (!data || !this.#org.loaded) return html`<p role="status">${this.errorText(this.#figures.error) ?? msg('Loading the cascade…')}</p>`;
    const org = this.#org.value;
    const today = this.activeStore.today();
    const { cascade, adherence } = data;
    const unitOf = new Map(data.units.map((u) => [u.id, u]));
    const personName = new Map(data.people.map((p) => [p.id, p.name]));
    const name = (p: Person) => p.name;
    const roleOf = (p: Person) => (org ? roleLabel(org, p, unitOf.get(p.unitId)) : msg('someone'));
    // On a shared screen the gaps name people only if the organisation chose so (visibility.ts).
    const gapsShown = this.settings.sharedScreen ? (org?.cascadeGapsOnSharedScreens ?? 'counts') : 'names';
    const gapsOf = new Set(gapsShown === 'names' ? cascade.gaps.map((g) => g.person.id) : []);
    const tiers = [...new Set(cascade.people.map((p) => p.tier))].sort((a, b) => b - a);
    const percent = (value: number | null | undefined) => (value === null || value === undefined ? msg('too early to tell') : `${Math.round(value * 100)} %`);
    const open = this.openPair ? cascade.people.flatMap((p) => p.gives).find((g) => g.pair.id === this.openPair?.id) : undefined;

    return html`
      <section part="base" aria-labelledby="cascade-title">
        <header><h2 id="cascade-title">${msg('Coaching cascade')}</h2></header>
        ${this.writeError ? html`<p class="error" role="alert">${this.writeError}</p>` : nothing}
        <div part="gaps">
          <h3>${msg(str`Where the cascade is broken (${cascade.gaps.length})`)}</h3>
          ${
            cascade.gaps.length === 0
              ? html`<p>${msg('No gaps: everyone who coaches is coached, every team leader is observed.')}</p>`
              : gapsShown === 'counts'
                ? html`<ul>${this.gapCounts(cascade.gaps).map(([kind, text]) => html`<li class="row" data-gap=${kind}><span class="flag"><span aria-hidden="true">▲ </span>${text}</span></li>`)}</ul>`
                : html`<ul>${cascade.gaps.map((g) => html`<li class="row" data-gap=${g.kind}><span class="flag"><span aria-hidden="true">▲ </span><span class="user-text">${this.gapText(g, gapsShown === 'roles' ? roleOf : name)}</span></span></li>`)}</ul>`
          }
        </div>
        ${open ? this.renderDetail(open, personName) : nothing}
        <table>
          <caption class="visually-hidden">${msg('Cadence kept per tier')}</caption>
          <thead><tr><th scope="col">${msg('Tier coached')}</th><th scope="col">${msg('Last 4 weeks')}</th><th scope="col">${msg('Last 12 weeks')}</th></tr></thead>
          <tbody>
            ${tiers
              .filter((t) => adherence[0].has(t) || adherence[1].has(t))
              .map(
                (tier) =>
                  html`<tr data-tier=${tier}><th scope="row">${org ? tierLabel(org, tier) : msg(str`Tier ${tier}`)}</th><td>${percent(adherence[0].get(tier))}</td><td>${percent(adherence[1].get(tier))}</td></tr>`,
              )}
          </tbody>
        </table>
        <details part="definition">
          <summary>${msg('How this is counted')}</summary>
          <p>${msg(
            'Per tier coached: for each coaching pair whose learner is on that tier, the share of its cadence windows in the last 4 or 12 weeks (each week for a weekly pair) that held a conversation - counted from the day the pair began, each window under the cadence it had then; the mean over the pairs. A pair is due one cadence after its last conversation and overdue after a grace of a fifth of its cadence (at least a day); a new pair is on track until its first conversation is due.',
          )}</p>
        </details>
        <div class="tiers">
          ${tiers.map((tier) => {
            const inTier = cascade.people.filter((p) => p.tier === tier);
            const name = org ? tierLabel(org, tier) : msg(str`Tier ${tier}`);
            const size = Math.max(1, this.peoplePerTier);
            const pages = Math.ceil(inTier.length / size);
            const page = Math.min(this.tierPages.get(tier) ?? 0, pages - 1);
            const first = page * size;
            const onPage = inTier.slice(first, first + size);
            return html`<div part="tier" data-tier=${tier}>
              <h3>${name} (${inTier.length})</h3>
              <ul class="people">
                ${onPage.map(
                  (entry) => html`<li class="person ${gapsOf.has(entry.person.id) ? 'gap' : ''}" data-person=${entry.person.id}>
                    <strong class="user-text">${entry.person.name}</strong>
                    <span class="muted">${org ? roleLabel(org, entry.person, unitOf.get(entry.person.unitId)) : ''}</span>
                    <span class="badges">
                      <span>${entry.gives.length ? html`<span aria-hidden="true">✓ </span>${msg(str`coaches ${entry.gives.length}`)}` : html`<span aria-hidden="true">– </span>${msg('coaches nobody')}`}</span>
                      ${
                        entry.receives.some((r) => r.status.state !== 'never')
                          ? html`<span><span aria-hidden="true">✓ </span>${msg('is coached')}</span>`
                          : tier === tiers[0]
                            ? html`<span class="muted">${msg('top of the cascade')}</span>`
                            : html`<span class="flag"><span aria-hidden="true">✗ </span>${msg('not coached')}</span>`
                      }
                    </span>
                    ${entry.gives.map((g) => this.renderPair(g, personName, today))}
                  </li>`,
                )}
              </ul>
              ${
                pages > 1
                  ? html`<nav class="pager" aria-label=${msg(str`${name}: pages`)}>
                    <button ?disabled=${page === 0} @click=${() => this.showPage(tier, page - 1)}>${msg('Previous')}</button>
                    <span>${msg(str`${first + 1}–${first + onPage.length} of ${inTier.length}`)}</span>
                    <button ?disabled=${page === pages - 1} @click=${() => this.showPage(tier, page + 1)}>${msg('Next')}</button>
                  </nav>`
                  : nothing
              }
            </div>`;
          })}
        </div>
      </section>
    `;
  }

  private showPage(tier: number, page: number): void {
    this.tierPages = new Map([...this.tierPages, [tier, page]]);
  }

  private renderPair(entry: CascadePair, personName: Map<string, string>, today: string) {
    const { pair, status } = entry;
    const last = status.lastDay ? msg(str`last ${relativeDay(status.lastDay, today, this.locale)}`) : msg('no session yet');
    const direction = pair.direction === 'down' ? '→' : pair.direction === 'peer' ? '↔' : '↑';
    return html`<button class="pair" part="pair" data-pair=${pair.id} data-state=${status.state} aria-expanded=${this.openPair?.id === pair.id ? 'true' : 'false'}
        @click=${() => (this.openPair = this.openPair?.id === pair.id ? undefined : pair)}>
      <span aria-hidden="true">${direction} </span><span class="user-text">${personName.get(pair.learnerId) ?? ''}</span>:
      <span class="state-${status.state}"><span aria-hidden="true">${PAIR_STATE_SYMBOL[status.state]} </span>${pairStateWord(status.state)}</span>
      · ${last} · ${msg(str`every ${pair.cadenceDays} days`)}
    </button>`;
  }

  private renderDetail(entry: CascadePair, personName: Map<string, string>) {
    const { pair } = entry;
    const read = this.#openSessions.loaded ? this.#openSessions.value : undefined;
    const sessions = read ? sessionsOfPair(pair, read).sort((a, b) => b.day.localeCompare(a.day)) : undefined;
    const title = html`<h3 class="user-text">${msg(str`${personName.get(pair.coachId) ?? ''} coaching ${personName.get(pair.learnerId) ?? ''}`)}</h3>`;
    const close = html`<div class="buttons"><button @click=${() => (this.openPair = undefined)}>${msg('Close')}</button></div>`;
    // On a shared screen a pair's history is opened by a person who tapped in, not by whoever passes.
    if (this.settings.sharedScreen && !this.#sync.state?.personId) {
      return html`<div class="detail" role="region" aria-label=${msg('Pair history')} data-detail=${pair.id}>
        ${title}
        <p data-tap-in-needed>${msg("On a shared screen, tap in as yourself to open a pair's history and change its cadence.")}</p>
        ${close}
      </div>`;
    }
    return html`
      <div class="detail" role="region" aria-label=${msg('Pair history')} data-detail=${pair.id}>
        ${title}
        <label>${msg('Cadence')}
          <select name="cadence" @change=${(e: Event) => this.setCadence(pair, Number((e.target as HTMLSelectElement).value))}>
            ${[...new Set([...CADENCES, pair.cadenceDays])]
              .sort((a, b) => a - b)
              .map((days) => html`<option value=${days} ?selected=${days === pair.cadenceDays}>${msg(str`every ${days} days`)}</option>`)}
          </select>
        </label>
        ${
          !sessions
            ? html`<p role="status">${this.errorText(this.#openSessions.error) ?? msg('Loading the conversations…')}</p>`
            : sessions.length === 0
              ? html`<p>${msg('No conversation recorded for this pair.')}</p>`
              : html`<ul>
              ${sessions.map(
                (s) => html`<li class="row"><span><strong>${formatDay(s.day, this.locale, { day: 'numeric', month: 'short' })}</strong>:
                ${this.showsWordsOf(s) ? html`<span class="user-text">${s.focus || s.wentWell || '–'}</span>` : html`<span class="muted">${privateWords()}</span>`}</span></li>`,
              )}
            </ul>`
        }
        ${close}
      </div>
    `;
  }

  private async setCadence(pair: CoachingPair, cadenceDays: number): Promise<void> {
    const { createdAt: _c, updatedAt: _u, ...fields } = pair;
    await this.write(() => this.activeStore.saveCoachingPair({ ...fields, cadenceDays }));
  }
}

customElements.get('coaching-cascade') ?? customElements.define('coaching-cascade', CoachingCascade);

declare global {
  interface HTMLElementTagNameMap {
    'coaching-cascade': CoachingCascade;
  }
}

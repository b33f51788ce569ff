/**
 * The kiosk shell: starts the screen (start-up.ts: its settings, and on a first start the
 * demo organisation or a guided set-up), then shows the configured views. One
 * `<huddle-provider>` around everything owns the store and, on a screen that syncs, the sync
 * client. What keeps a screen right for months is in screen-life/, one controller per job:
 * rotation, midnight, wake lock, relock, update reload, crash recovery, online state.
 * Colours come from the design tokens, so the screen's theme reaches every kiosk screen.
 */
import type { DemoKind } from '../src/demo/index.js';
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { keyed } from 'lit/directives/keyed.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { getDefaultStore } from '../src/store/default-store.js';
import type { IdbHuddleStore } from '../src/store/idb-store.js';
import type { SyncClient } from '../src/sync/sync-client.js';
import { allOf, orgSettings, recordById, whereEquals } from '../src/store/queries.js';
import { LiveQueryController } from '../src/controllers/live-query.js';
import { SyncStateController } from '../src/controllers/sync-state.js';
import { huddleOfDay, leaderOf, shiftLeaderOf, shiftsOf, type Huddle, type Person, type Unit } from '../src/model/index.js';
import { tokens } from '../src/styles/tokens.js';
import { loadProblemWords } from '../src/components/load-problem-words.js';
import type { HuddleProvider } from '../src/components/huddle-provider/huddle-provider.js';
import { elementTheme, KIOSK_VIEWS, type KioskConfig, type KioskView } from './config.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { viewName } from './view-names.js';
import { SETUP_PROGRESS_KEY, isEmpty, setupInProgress } from './first-start.js';
import { isPhone, readConfig, type Phase } from './start-up.js';
import { keepDeviceToken, moveTokenOutOfUrl, signInAddress } from './device-token.js';
import { ActivityController } from './screen-life/activity.js';
import { DayController } from './screen-life/day.js';
import { WakeLockController } from './screen-life/wake-lock.js';
import { RotationController } from './screen-life/rotation.js';
import { ViewPager } from './screen-life/view-pager.js';
import { RelockController } from './screen-life/relock.js';
import { UpdateReloadController, hasUnsavedInput } from './screen-life/update-reload.js';
import { RECOVERY_SECONDS, RecoveryController } from './screen-life/recovery.js';
import { OnlineController } from './screen-life/online.js';
import { TapOutController } from './screen-life/tap-out.js';
import './phone-link.js';
import './tap-in.js';
import './board-overview.js';
import './pin-pad.js';
import '../src/components/huddle-provider/huddle-provider.js';
import '../src/components/huddle-board/huddle-board.js';
import '../src/components/huddle-board/huddle-board-header.js';
import '../src/components/huddle-escalations/huddle-escalations.js';
import '../src/components/coaching-cascade/coaching-cascade.js';
import '../src/components/feedback-loop/feedback-loop.js';
import '../src/components/coaching-impact/coaching-impact.js';
import '../src/components/coaching-card/coaching-card.js';

/** An error's message in the page's language: the words load with the first problem shown. */
async function problemMessage(error: Error): Promise<string> {
  await loadProblemWords().catch(() => undefined);
  return error.message;
}

/** A sync server and this device's token: the provider opens one database per server. */
interface SyncTarget {
  server: string;
  token: string;
}

export class KioskApp extends LitElement {
  @state() private phase: Phase = { name: 'starting' };
  @state() private viewIndex = 0;
  @state() private askingPin = false;
  @state() private showSettings = false;
  @state() private showPhoneLink = false;
  /** On a coach's phone: who the coach is (from their token), and the board's leader. */
  @state() private coach: string | undefined;
  @state() private cardLearner: string | undefined;
  @state() private syncTarget: SyncTarget | undefined;
  /** Set by the provider once the screen syncs. */
  @state() private sync: SyncClient | undefined;
  /** On a wall: the person tapped in, who records as themselves; and whether their card is open. */
  @state() private tappedIn: string | undefined;
  @state() private showTapIn = false;
  @state() private showCard = false;
  /** On a person's own device: the code to tap in on a wall. */
  @state() private showTapInCode = false;

  /** What to do once the PIN is accepted (open settings, or just unlock). */
  #afterPin: (() => void) | undefined;
  #store: IdbHuddleStore = getDefaultStore();
  readonly #teardown: (() => void)[] = [];

  readonly #activity = new ActivityController(this);
  /** Today, moved on at midnight without a reload: the views re-mount for the new day. */
  readonly calendar = new DayController(this, () => this.#forgetOldWords());
  readonly #wakeLock = new WakeLockController(this);
  readonly #rotation = new RotationController(this);
  /** A view taller than the screen shows a page at a time (the settings scroll: an administrator's form). */
  readonly #pager = new ViewPager(this, () =>
    this.showSettings ? undefined : (this.renderRoot.querySelector<HTMLElement>('main > :last-child:not(.message)') ?? undefined),
  );
  readonly #relock = new RelockController(this, this.#activity);
  readonly #recovery = new RecoveryController(this);
  readonly #online = new OnlineController(this);
  readonly #tapOut = new TapOutController(this, this.#activity);
  readonly #syncState = new SyncStateController(this, () => this.sync);
  readonly #tappedInPerson = new LiveQueryController<Person | undefined>(
    this,
    () => this.#store,
    () => (this.tappedIn ? recordById('people', this.tappedIn) : undefined),
  );
  readonly #update = new UpdateReloadController(
    this,
    () => this.#activity.idleFor(this.#config?.quiet ?? 60) && !this.huddleRunning && !hasUnsavedInput(this.renderRoot),
  );
  readonly #huddles = new LiveQueryController<Huddle[]>(
    this,
    () => this.#store,
    () => (this.phase.name === 'ready' && this.phase.config.unit ? whereEquals('huddles', 'unitId', this.phase.config.unit) : undefined),
  );

  readonly #board = new LiveQueryController<Unit | undefined>(
    this,
    () => this.#store,
    () => (this.phase.name === 'ready' && this.phase.config.unit ? recordById('units', this.phase.config.unit) : undefined),
  );

  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--_surface);
        color: var(--_text);
        /* Kiosk screens below read the tokens from here (they inherit through shadow roots). */
        --_problem-text: var(--_red);
      }
      :host([data-theme$='dark']) {
        --_problem-text: #fca5a5;
      }
      .view {
        height: 100vh;
        display: grid;
        grid-template-rows: 1fr auto;
      }
      main {
        display: grid;
        grid-template-rows: 1fr;
        min-height: 0;
      }
      /* A board's header above the view, then the view filling the rest of the screen. */
      main.with-header {
        grid-template-rows: auto 1fr;
      }
      /* A view taller than the screen is paged from the bar (ViewPager), never scrolled. */
      main > :last-child {
        display: block;
        box-sizing: border-box;
        height: 100%;
        min-height: 0;
        overflow: hidden;
      }
      /* Margins on a wall: nothing touches the screen's edge. */
      main.with-header > :last-child {
        padding: var(--_space) calc(var(--_space) * 2);
      }
      /* The settings are an administrator's form: it scrolls. */
      main > kiosk-settings:last-child {
        overflow: auto;
      }
      /* Two instruments side by side (the feedback view), paged together when long. */
      main > .pair:last-child {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        align-items: start;
        gap: var(--_space);
      }
      /* Wall sizes: 24 px text and 64 px targets at 1080p, scaled with the screen at 4K. */
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        padding: 4px 8px;
        background: var(--_surface-raised);
        font:
          max(24px, 1.25vw) system-ui,
          sans-serif;
      }
      nav button {
        min-height: max(64px, 3.4vw);
        min-width: max(64px, 3.4vw);
        padding: 0 16px;
        font: inherit;
        border: 2px solid var(--_border);
        border-radius: 8px;
        background: var(--_surface);
        color: var(--_text);
      }
      nav button:disabled {
        opacity: 0.55;
      }
      .pager {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .pager.unneeded {
        display: none;
      }
      @media (max-width: 1000px) {
        .pager.unneeded {
          display: flex;
          visibility: hidden;
        }
      }
      nav button[aria-current='true'] {
        background: var(--_accent);
        border-color: var(--_accent);
        color: var(--_on-accent);
        font-weight: 700;
      }
      :focus-visible {
        outline: 3px solid var(--_focus);
        outline-offset: 2px;
      }
      .sign-in-again {
        margin: 0;
        flex-basis: 100%;
        font-weight: 700;
      }
      .sign-in-again a {
        color: inherit;
      }
      .tapped-in {
        align-self: center;
        padding: 4px 12px;
        border: 2px solid var(--_accent);
        border-radius: 8px;
      }
      .badge {
        margin-inline-start: auto;
        align-self: center;
        padding: 4px 12px;
        border-radius: 8px;
        background: var(--_amber);
        color: var(--_on-status);
        font-weight: 700;
      }
      .message {
        display: grid;
        place-content: center;
        min-height: 100vh;
        padding: 32px;
        font:
          32px system-ui,
          sans-serif;
        text-align: center;
      }
      .message h1 {
        font-size: 48px;
      }
      .message code {
        font-size: 28px;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 24px;
      }
      .choices button {
        min-height: 96px;
        padding: 0 48px;
        font: inherit;
        font-weight: 700;
        border: 3px solid var(--_accent);
        border-radius: 12px;
        background: var(--_surface);
        color: var(--_accent);
      }
      .choices button.primary {
        background: var(--_accent);
        color: var(--_on-accent);
      }
      .hint {
        font-size: 24px;
        color: var(--_text-muted);
      }
      .setup {
        min-height: 100vh;
        padding: 24px 32px;
        font:
          24px system-ui,
          sans-serif;
        background: var(--_surface-raised);
        color: var(--_text);
      }
      .setup h1 {
        margin: 0;
      }
      .notice {
        position: fixed;
        inset: auto 24px 24px 24px;
        padding: 24px;
        border-radius: 12px;
        background: var(--_text);
        color: var(--_surface);
        font:
          28px system-ui,
          sans-serif;
      }
    `,
  ];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The store the screen shows: the provider's, on the database of its sync server if it syncs. */
  get store(): IdbHuddleStore {
    return this.#store;
  }

  get #config(): KioskConfig | undefined {
    return 'config' in this.phase ? this.phase.config : undefined;
  }

  /** True while today's huddle on this screen's board is running. */
  get huddleRunning(): boolean {
    const huddle = huddleOfDay(this.#huddles.value ?? [], this.calendar.day);
    return huddle !== undefined && !huddle.endedAt;
  }

  /** The start-up phase the screen is in (`ready` once it shows its views). */
  get phaseName(): Phase['name'] {
    return this.phase.name;
  }

  /** Shows the view at `index` of the configured views, as a tap on the bar does. */
  showView(index: number): void {
    this.viewIndex = index;
  }

  /** A new build is ready: reload into it at the first quiet moment (see UpdateReloadController). */
  updateReady(): void {
    this.#update.updateReady();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An element refused a write because edits are locked: ask for the PIN.
    const onLocked = () => (this.askingPin = true);
    this.addEventListener('edit-locked', onLocked);
    this.#teardown.push(() => this.removeEventListener('edit-locked', onLocked));
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const teardown of this.#teardown.splice(0)) teardown();
  }

  /** Whom the card shows: taken while it is not on screen, so a huddle starting never changes it under someone filling it in. */
  #observed: { learner?: string; huddle?: string } | undefined;

  protected override willUpdate(): void {
    // A screen that shows only the card takes it once someone is known.
    if (!this.#cardShown || !this.#observed?.learner) this.#observed = this.#cardSubject();
    // The tokens select on data-theme, like every huddle element's.
    const theme = this.#theme;
    if (this.dataset['theme'] !== theme) this.dataset['theme'] = theme;
    // What most screens never show loads when it is about to be shown (the elements upgrade then):
    // a wall's first start downloads the board, not the set-up or the admin's settings.
    if (this.phase.name === 'setting-up') void import('../src/components/huddle-setup/huddle-setup.js');
    if (this.showSettings) void import('./kiosk-settings.js');
  }

  /** A demo organisation's generator is loaded only to load it. */
  async #loadDemo(kind: DemoKind): Promise<void> {
    const { loadDemoOrganisation } = await import('../src/demo/index.js');
    await loadDemoOrganisation(this.#store, { kind });
  }

  async #start(): Promise<void> {
    const config = await readConfig();
    if (!('views' in config)) {
      this.phase = config;
      return;
    }
    if (config.server) {
      if (!config.token) {
        this.phase = { name: 'unknown-coach', server: config.server };
        return;
      }
      moveTokenOutOfUrl(config.server, config.token);
      await this.#startSync(config, { server: config.server, token: config.token });
      return;
    }
    try {
      if (setupInProgress()) {
        this.phase = { name: 'setting-up', config };
        return;
      }
      if (await isEmpty(this.#store)) {
        if (config.firstRun === 'ask') {
          this.phase = { name: 'welcome', config };
          return;
        }
        await this.#loadDemo(config.firstRun === 'hospital-demo' ? 'hospital' : 'plant');
      }
    } catch (error) {
      this.phase = { name: 'failed', message: await problemMessage(error as Error) };
      return;
    }
    this.#ready(config);
  }

  /**
   * A screen that syncs takes its organisation from the server: no demo, no set-up here. The
   * provider opens the server's database and starts the sync; the screen opens once that
   * database holds the organisation (at once when it already did, offline too).
   */
  async #startSync(config: KioskConfig, target: SyncTarget): Promise<void> {
    this.syncTarget = target;
    this.phase = { name: 'waiting-for-server', config };
    await this.updateComplete;
    const provider = this.renderRoot.querySelector<HuddleProvider>('huddle-provider')!;
    await provider.updateComplete;
    this.#store = provider.store as IdbHuddleStore;
    await this.#openWhenFilled(config);
  }

  /** The provider started the sync client: follow it until the organisation has arrived. */
  #syncStarted(event: CustomEvent<{ sync: SyncClient }>): void {
    const { sync } = event.detail;
    this.sync = sync;
    const config = this.#config;
    let known = false;
    this.#teardown.push(
      sync.subscribe(() => {
        if (sync.who && !known && this.syncTarget) {
          known = true;
          keepDeviceToken(this.syncTarget.server, this.syncTarget.token, sync.who.role);
          this.coach = sync.who.personId;
        }
        if (config) void this.#openWhenFilled(config);
        this.requestUpdate();
      }),
    );
  }

  async #openWhenFilled(config: KioskConfig): Promise<void> {
    if (this.phase.name !== 'waiting-for-server') return;
    const filled = !(await isEmpty(this.#store));
    // Another sync answer may have opened the screen while this one looked.
    if (filled && this.phase.name === 'waiting-for-server') this.#ready(config);
  }

  async #tryDemo(config: KioskConfig, kind: DemoKind): Promise<void> {
    this.phase = { name: 'starting' };
    try {
      await this.#loadDemo(kind);
    } catch (error) {
      this.phase = { name: 'failed', message: await problemMessage(error as Error) };
      return;
    }
    this.#ready(config);
  }

  /** The screen's normal life: views, PIN, midnight, wake lock, rotation. */
  #ready(config: KioskConfig): void {
    this.phase = { name: 'ready', config };
    if (config.unit) {
      // The card - on a coach's phone, or a person tapped in on the wall - is for the board's leader.
      const unit = config.unit;
      // A read that fails (the screen taken off the page meanwhile) leaves the card to choose.
      void Promise.all([this.#store.get(allOf('people')), this.#store.get(recordById('units', unit))]).then(
        ([people, board]) => (this.cardLearner = leaderOf(people, unit, board)?.id),
        () => undefined,
      );
    }
    // Without a locale in the screen's settings, the organisation's chosen language applies.
    if (!config.locale) {
      void this.#store.get(orgSettings()).then(
        (org) => {
          if (org?.locale) document.documentElement.lang = org.locale;
        },
        () => undefined,
      );
    }
    this.#forgetOldWords();
    if (config.pin) this.#relock.start(config.lock);
    this.#wakeLock.start();
    if (config.rotate > 0 && config.views.length > 1 && config.unit) {
      this.#rotation.start({
        everySeconds: config.rotate,
        // Not while someone is at the screen, a huddle timer runs, or the settings are open.
        // A coaching card left open with nothing typed closes; one being filled in stays.
        mayTurn: () =>
          this.#activity.idleFor(config.quiet) && !this.huddleRunning && !this.showSettings && !(this.showCard && hasUnsavedInput(this.renderRoot)),
        // A view of several pages shows each before the next view.
        turn: () => {
          if (!this.showCard && this.#pager.show(this.#pager.page + 1)) return;
          this.showCard = false;
          this.viewIndex = (this.viewIndex + 1) % config.views.length;
        },
      });
    }
  }

  /**
   * Retention on a screen without a server (with one, the server applies it to every device):
   * at start and each new day, conversations past the organisation's months lose their words.
   * A failure (a full disk) leaves them for the next day's try; nothing else depends on it.
   */
  #forgetOldWords(): void {
    if (this.phase.name !== 'ready' || this.phase.config.server) return;
    void this.#store.forgetOldWords().catch(() => undefined);
  }

  /**
   * A person tapped in: the screen records as them - edits unlocked, as they are known now - until
   * they sign out or leave the screen alone for `tapOut` seconds.
   */
  #tappedInAs(personId: string, config: KioskConfig): void {
    this.showTapIn = false;
    this.tappedIn = personId;
    this.#relock.unlock();
    this.#tapOut.start(config.tapOut, () => void this.#signOutTapIn(config));
  }

  /** Back to a signed-out wall: the card closes (its draft stays the person's), edits lock again. */
  async #signOutTapIn(config: KioskConfig): Promise<void> {
    this.#tapOut.stop();
    this.tappedIn = undefined;
    this.showCard = false;
    if (config.pin) this.#relock.lock();
    await this.sync?.tapOut();
  }

  /**
   * A person's device whose sign-in ended (revoked, expired): nothing is lost - what was saved waits
   * in the outbox, a draft stays a draft - and a new sign-in on this server sends it as theirs.
   */
  private renderSignInAgain(config: KioskConfig) {
    if (!this.#syncState.state?.signInNeeded || !this.sync?.who?.personId || !config.server) return nothing;
    return html`<p class="sign-in-again" role="alert">
      ${msg('Your sign-in has ended. What you recorded is kept on this device and is sent once you sign in again.')}
      <a class="sign-in" href=${signInAddress(config.server)}>${msg('Sign in again')}</a>
    </p>`;
  }

  /**
   * The way to the coaching card from a board: a supervisor at the wall observes today's huddle
   * without the screen's settings (a person tapped in has their own button, beside their name).
   */
  private renderCoachThisHuddle(config: KioskConfig) {
    if (this.showSettings || this.tappedIn || isPhone(config) || config.views.includes('card')) return nothing;
    return this.showCard
      ? html`<button aria-pressed="true" @click=${() => (this.showCard = false)}>${msg('Close the coaching card')}</button>`
      : html`<button aria-pressed="false" @click=${() => this.#withPin(config, () => (this.showCard = true))}>${msg('Coach this huddle')}</button>`;
  }

  /** The bar's part for signing in as a person: tap in on a wall, or make the code for it on one's own device. */
  private renderPersonal(config: KioskConfig) {
    const who = this.sync?.who;
    if (!who || this.showSettings) return nothing;
    if (who.role !== 'wall') return who.personId ? html`<button @click=${() => (this.showTapInCode = true)}>${msg('Tap in on a wall')}</button>` : nothing;
    if (!this.tappedIn) return html`<button @click=${() => (this.showTapIn = true)}>${msg('Tap in')}</button>`;
    const name = this.#tappedInPerson.value?.name ?? '…';
    const left = this.#tapOut.secondsLeft;
    return html`<span class="tapped-in" role="status"
        >${msg('Recording as')} <strong>${name}</strong>${
          left === undefined ? nothing : html` · ${msg(str`signing out in ${left} s: touch the screen to stay`)}`
        }</span
      >
      <button aria-pressed=${this.showCard ? 'true' : 'false'} @click=${() => (this.showCard = !this.showCard)}>${msg('Coaching card')}</button>
      <button @click=${() => void this.#signOutTapIn(config)}>${msg('Sign out')}</button>`;
  }

  /** Runs `then` now, or after the PIN when edits are locked. */
  #withPin(config: KioskConfig, then: () => void): void {
    if (!config.pin || !this.#relock.locked) {
      then();
      return;
    }
    this.#afterPin = then;
    this.askingPin = true;
  }

  private renderView(view: KioskView, config: KioskConfig) {
    const unit = config.unit!;
    switch (view) {
      case 'board':
        return html`<huddle-board unit=${unit} theme=${this.#theme}></huddle-board>`;
      case 'escalations':
        return html`<huddle-board unit=${unit} view="escalations" theme=${this.#theme}></huddle-board>`;
      case 'cascade':
        return html`<coaching-cascade theme=${this.#theme}></coaching-cascade>`;
      case 'feedback':
        // The team's two loops side by side: how safe it feels to speak up, and what was done about what was said.
        return html`<div class="pair">
          <feedback-loop unit=${unit} mode="safety" theme=${this.#theme}></feedback-loop>
          <feedback-loop unit=${unit} mode="you-said" theme=${this.#theme}></feedback-loop>
        </div>`;
      case 'safety':
        return html`<feedback-loop unit=${unit} mode="safety" theme=${this.#theme}></feedback-loop>`;
      case 'you-said':
        return html`<feedback-loop unit=${unit} mode="you-said" theme=${this.#theme}></feedback-loop>`;
      case 'impact':
        return html`<coaching-impact unit=${unit} theme=${this.#theme}></coaching-impact>`;
      case 'pulse':
        // A phone answers for itself and reads no one else's answers: today's count is the wall's.
        return html`<feedback-loop unit=${unit} mode="pulse" ?show-today=${!isPhone(config)} theme=${this.#theme}></feedback-loop>`;
      case 'card': {
        const { learner, huddle } = this.#observed ?? this.#cardSubject();
        // A person tapped in keeps a draft of their own on the wall: nobody after them sees it.
        return html`<coaching-card
          coach=${this.coach ?? ''}
          learner=${learner ?? ''}
          huddle=${ifDefined(huddle)}
          draft-key=${this.tappedIn ? `tap-in:${this.tappedIn}` : 'default'}
          theme=${this.#theme}
        ></coaching-card>`;
      }
    }
  }

  protected override render() {
    const config = this.#config;
    const target = this.syncTarget;
    return html`<huddle-provider
        database=${target ? `huddle-elements@${new URL(target.server).host}` : nothing}
        .server=${target?.server ?? ''}
        .token=${target?.token ?? ''}
        theme=${this.#theme}
        locale=${config?.locale ?? ''}
        ?edits-locked=${this.#relock.locked}
        ?shared-screen=${!(this.sync?.who?.personId || (config && isPhone(config)))}
        @sync-started=${this.#syncStarted}
        >${this.renderPhase()}</huddle-provider
      >${
        this.#recovery.crashed
          ? html`<div class="notice" role="alert">
            ${msg(str`Something went wrong on this screen. It restarts by itself in ${RECOVERY_SECONDS} seconds; nothing saved is lost.`)}
          </div>`
          : nothing
      }`;
  }

  /** Every screen's content is in a landmark: the ready screens' own, the messages' here. */
  private renderPhase() {
    return this.phase.name === 'ready' ? this.renderReady(this.phase.config) : html`<main>${this.renderMessage()}</main>`;
  }

  private renderMessage() {
    switch (this.phase.name) {
      case 'starting':
        return html`<div class="message" role="status">${msg('Opening the board…')}</div>`;
      case 'failed':
        return html`<div class="message" role="alert"><h1>${msg('The board cannot open its data')}</h1><p>${this.phase.message}</p></div>`;
      case 'bad-config':
        return html`<div class="message" role="alert">
          <h1>${msg("This screen's settings need a fix")}</h1>
          <p>${this.phase.error.message}</p>
          <p>${msg('Views:')} ${KIOSK_VIEWS.map((k) => html`<code>${k}</code> `)}</p>
        </div>`;
      case 'unknown-coach':
        return html`<div class="message" role="alert">
          <h1>${msg('This phone does not know you yet')}</h1>
          <p>${msg("Open the personal link your administrator sent you once on this phone, then scan the board's code again.")}</p>
          <p><a class="sign-in" href=${signInAddress(this.phase.server)}>${msg('Sign in with your organisation account')}</a></p>
        </div>`;
      case 'sign-in-refused':
        return html`<div class="message" role="alert">
          <h1>${msg('Sign-in did not work')}</h1>
          <p>${this.phase.message}</p>
        </div>`;
      case 'waiting-for-server':
        return html`<div class="message" role="status">
          <h1>${msg('Waiting for the organisation')}</h1>
          <p>${msg(str`This screen takes its boards from ${this.phase.config.server}; they show as soon as it answers.`)}</p>
          ${this.sync ? html`<huddle-sync-status .source=${this.sync}></huddle-sync-status>` : nothing}
        </div>`;
      case 'welcome': {
        const { config } = this.phase;
        return html`<div class="message">
          <h1>${msg('A new board screen')}</h1>
          <p>${msg('There is no organisation on this screen yet.')}</p>
          <div class="choices">
            <button class="primary" @click=${() => this.#tryDemo(config, 'plant')}>${msg('Try the plant demo')}</button>
            <button class="primary" @click=${() => this.#tryDemo(config, 'hospital')}>${msg('Try the hospital demo')}</button>
            <button @click=${() => (this.phase = { name: 'setting-up', config })}>${msg('Set up my organisation')}</button>
          </div>
          <p class="hint">${msg('The plant has six teams on one shift and 90 days of history; the hospital has three wards, each with an early, a late and a night huddle run by its charge nurse. Clear the demo from Settings when you are ready for your own.')}</p>
        </div>`;
      }
      case 'setting-up': {
        const { config } = this.phase;
        return html`<div class="setup">
          <h1>${msg('Set up your organisation')}</h1>
          <p>${msg('Each step can be skipped and done later from Settings; if this screen is closed, the set-up resumes here.')}</p>
          <huddle-setup guided progress-key=${SETUP_PROGRESS_KEY} theme=${this.#theme} @setup-finished=${() => this.#ready(config)}></huddle-setup>
        </div>`;
      }
      case 'ready':
        return nothing;
    }
  }

  /**
   * Whom a coaching card on this board observes: today's huddle - on a board with shifts, the
   * leader of that shift's huddle (the night's charge nurse) - else the board's leader.
   */
  #cardSubject(): { learner?: string; huddle?: string } {
    const huddle = huddleOfDay(this.#huddles.value ?? [], this.calendar.day);
    const learner = (huddle && shiftLeaderOf(huddle, shiftsOf(this.#board.value))) ?? this.cardLearner;
    return { ...(learner ? { learner } : {}), ...(huddle ? { huddle: huddle.id } : {}) };
  }

  /** The elements' theme: the screen's, at the wall's sizes when it is dark. */
  get #theme(): ThemeName {
    return elementTheme(this.#config?.theme ?? 'wall');
  }

  /** True while a coaching card is on the screen. */
  get #cardShown(): boolean {
    const config = this.#config;
    if (!config || this.showSettings) return false;
    return this.showCard || config.views[this.viewIndex % config.views.length] === 'card';
  }

  private renderReady(config: KioskConfig) {
    // Every board with its figures; its bar leads to the settings (after a set-up, the way on).
    if (!config.unit)
      return html`<div class="view">
        <main>${this.showSettings ? this.renderSettings(config) : html`<kiosk-board-overview .store=${this.#store}></kiosk-board-overview>`}</main>
        <nav aria-label=${msg('Views')}>
          ${this.renderSettingsButton(config, msg('Back to the boards'))} ${this.renderPager()}
          ${this.sync ? html`<huddle-sync-status .source=${this.sync} theme=${this.#theme}></huddle-sync-status>` : nothing}
        </nav>
      </div>
      ${this.renderPinPad(config)}`;
    const view = config.views[this.viewIndex % config.views.length]!;
    const locked = this.#relock.locked;
    const shown = this.showCard ? 'card' : view;
    // Every wall screen of a board says whose board it is and what is abnormal; the board says it itself.
    const header = !this.showSettings && !isPhone(config) && shown !== 'board' && shown !== 'escalations';
    return html`<div class="view">
        <main class=${header ? 'with-header' : ''}>
          ${header ? html`<huddle-board-header unit=${config.unit} theme=${this.#theme}></huddle-board-header>` : nothing}
          ${
            this.showSettings
              ? this.renderSettings(config)
              : this.showCard
                ? keyed(`${this.calendar.day}:card:${this.tappedIn ?? ''}`, this.renderView('card', config))
                : keyed(`${this.calendar.day}:${view}`, this.renderView(view, config))
          }
        </main>
        <nav aria-label=${msg('Views')}>
          ${
            config.views.length > 1 && !this.showSettings
              ? config.views.map(
                  (v, i) => html`<button aria-current=${i === this.viewIndex ? 'true' : 'false'} @click=${() => this.showView(i)}>${viewName(v)}</button>`,
                )
              : nothing
          }
          ${this.renderSettingsButton(config, msg('Back to the board'))}
          ${
            this.sync && config.server && config.token && !isPhone(config) && !this.showSettings
              ? html`<button @click=${() => (this.showPhoneLink = true)}>${msg('Answer on your phone')}</button>`
              : nothing
          }
          ${this.renderCoachThisHuddle(config)} ${this.renderPersonal(config)} ${this.renderSignInAgain(config)}
          ${
            config.pin
              ? locked
                ? html`<button @click=${() => (this.askingPin = true)}>${msg('Locked: tap to unlock')}</button>`
                : html`<button @click=${() => this.#relock.lock()}>${msg('Unlocked: lock now')}</button>`
              : nothing
          }
          ${
            // Last among the buttons: a view turning out to need pages moves no button under a finger.
            this.renderPager()
          }
          ${
            this.sync
              ? // In the bar every view shares, rather than in each view's own header.
                html`<huddle-sync-status .source=${this.sync} theme=${this.#theme}></huddle-sync-status>`
              : this.#online.offline
                ? html`<span class="badge" role="status">${msg('Offline: changes are kept on this screen')}</span>`
                : nothing
          }
        </nav>
      </div>
      ${
        this.showPhoneLink && config.server && config.token
          ? html`<kiosk-phone-link
            .server=${config.server}
            .token=${config.token}
            .unit=${config.unit}
            @phone-link-closed=${() => (this.showPhoneLink = false)}
          ></kiosk-phone-link>`
          : nothing
      }
      ${
        this.showTapIn && this.sync
          ? html`<kiosk-tap-in
            .sync=${this.sync}
            @tap-in-done=${(e: CustomEvent<{ personId: string }>) => this.#tappedInAs(e.detail.personId, config)}
            @tap-in-cancelled=${() => (this.showTapIn = false)}
          ></kiosk-tap-in>`
          : nothing
      }
      ${
        this.showTapInCode && config.server && this.syncTarget
          ? html`<kiosk-tap-in-code
            .server=${config.server}
            .token=${this.syncTarget.token}
            @tap-in-code-closed=${() => (this.showTapInCode = false)}
          ></kiosk-tap-in-code>`
          : nothing
      }
      ${this.renderPinPad(config)}`;
  }

  /** Previous and next page of a view taller than the screen, and which page shows. */
  private renderPager() {
    const { page, pages } = this.#pager;
    if (this.showSettings) return nothing;
    // A view that fits has no pager, except on a narrow screen, where the bar wraps and its
    // views nearly always page: there the pager keeps its place, unseen, so that when the view
    // grows into pages as its data arrives the bar keeps its height and nothing above it moves.
    return html`<span class="pager ${pages < 2 ? 'unneeded' : ''}" role="group" aria-label=${msg('Pages')}>
      <button ?disabled=${page === 0} @click=${() => this.#pager.show(page - 1)}><span aria-hidden="true">◀ </span>${msg('Previous page')}</button>
      <span role="status">${msg(str`Page ${page + 1} of ${pages}`)}</span>
      <button ?disabled=${page === pages - 1} @click=${() => this.#pager.show(page + 1)}>${msg('Next page')}<span aria-hidden="true"> ▶</span></button>
    </span>`;
  }

  private renderSettings(config: KioskConfig) {
    return html`<kiosk-settings .store=${this.#store} .config=${config} .syncRole=${this.sync?.who?.role}></kiosk-settings>`;
  }

  /** The way into the settings (behind the PIN on a locked screen), and back out to `back`. */
  private renderSettingsButton(config: KioskConfig, back: string) {
    if (isPhone(config)) return nothing;
    return this.showSettings
      ? html`<button @click=${() => (this.showSettings = false)}>${back}</button>`
      : html`<button @click=${() => this.#withPin(config, () => (this.showSettings = true))}>${msg('Settings')}</button>`;
  }

  /** The PIN pad, while a change on a locked screen waits for it. */
  private renderPinPad(config: KioskConfig) {
    if (!this.askingPin || !config.pin) return nothing;
    return html`<kiosk-pin-pad
      .pin=${config.pin}
      @pin-accepted=${() => {
        this.#relock.unlock();
        this.askingPin = false;
        this.#afterPin?.();
        this.#afterPin = undefined;
      }}
      @pin-cancelled=${() => {
        this.askingPin = false;
        this.#afterPin = undefined;
      }}
    ></kiosk-pin-pad>`;
  }
}

customElements.get('kiosk-app') ?? customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}

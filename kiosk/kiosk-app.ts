/**
 * The kiosk shell: reads its configuration, opens the device's database (on a first start,
 * offering the demo organisation or a guided set-up), and shows the configured views, rotating between them
 * when nobody is touching the screen and no huddle timer runs. It keeps the screen awake,
 * moves to the new day at midnight without a reload, shows when it is offline, and recovers
 * from an uncaught error with a calm notice. Bad configuration gets a full-screen message.
 */
import { LitElement, css, html, nothing } from 'lit';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { keyed } from 'lit/directives/keyed.js';
import { getDefaultStore } from '../src/store/default-store.js';
import { IdbHuddleStore } from '../src/store/idb-store.js';
import type { SyncClient } from '../src/sync/sync-client.js';
import './phone-link.js';
import { orgSettings, whereEquals } from '../src/store/queries.js';
import { LiveQueryController } from '../src/controllers/live-query.js';
import { huddleOfDay, localDay, type Huddle } from '../src/model/index.js';
import { SETUP_PROGRESS_KEY, isEmpty, setupInProgress } from './first-start.js';
import { loadDemoOrganisation } from '../src/demo/index.js';
import { ConfigError, KIOSK_VIEWS, languageTag, parseConfig, type KioskConfig, type KioskView } from './config.js';
import { viewName } from './view-names.js';
import { errorText } from '../src/components/problem-words.js';
import './board-overview.js';
import './pin-pad.js';
import './kiosk-settings.js';
import '../src/components/huddle-provider/huddle-provider.js';
import '../src/components/huddle-board/huddle-board.js';
import '../src/components/huddle-escalations/huddle-escalations.js';
import '../src/components/coaching-cascade/coaching-cascade.js';
import '../src/components/feedback-loop/feedback-loop.js';
import '../src/components/coaching-impact/coaching-impact.js';
import '../src/components/huddle-setup/huddle-setup.js';
import '../src/components/coaching-card/coaching-card.js';
import { keepDeviceToken, moveTokenOutOfUrl, queryWithKeptToken } from './device-token.js';

type Phase =
  | { name: 'starting' }
  | { name: 'welcome'; config: KioskConfig }
  | { name: 'setting-up'; config: KioskConfig }
  | { name: 'ready'; config: KioskConfig }
  | { name: 'waiting-for-server'; config: KioskConfig }
  | { name: 'unknown-coach'; server: string }
  | { name: 'bad-config'; error: ConfigError }
  | { name: 'failed'; message: string };

/** A phone opened from a board's QR code: only the pulse or the card, nothing to set up or unlock. */
const isPhone = (config: KioskConfig) => config.views.length === 1 && (config.views[0] === 'pulse' || config.views[0] === 'card');

const RECOVERY_SECONDS = 30;

/** True when any text field on screen, through every shadow root, holds something typed. */
function hasUnsavedInput(root: ParentNode): boolean {
  for (const element of root.querySelectorAll('*')) {
    if (
      (element instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit'].includes(element.type)) ||
      element instanceof HTMLTextAreaElement
    ) {
      if (element.value.trim() !== '') return true;
    }
    if (element.shadowRoot && hasUnsavedInput(element.shadowRoot)) return true;
  }
  return false;
}

/** kiosk.json beside index.html: undefined when there is none. */
async function loadConfigFile(): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch('./kiosk.json', { cache: 'no-store' });
  } catch {
    return undefined; // offline and not cached: run on the URL alone
  }
  // Servers with a single-page fallback answer a missing file with index.html.
  if (!response.ok || (response.headers.get('content-type') ?? '').includes('text/html')) return undefined;
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError('kiosk.json', 'kiosk.json', (error as Error).message, 'json');
  }
}

export class KioskApp extends LitElement {
  static override properties = {
    phase: { state: true },
    viewIndex: { state: true },
    day: { state: true },
    offline: { state: true },
    crashed: { state: true },
    locked: { state: true },
    askingPin: { state: true },
    showSettings: { state: true },
    showPhoneLink: { state: true },
    coach: { state: true },
    cardLearner: { state: true },
  };
  declare phase: Phase;
  declare viewIndex: number;
  declare day: string;
  declare offline: boolean;
  declare crashed: boolean;
  /** Edits need the PIN (when one is configured); reading never does. */
  declare locked: boolean;
  declare askingPin: boolean;
  declare showSettings: boolean;
  declare showPhoneLink: boolean;
  /** On a coach's phone: who the coach is (from their token), and the board's leader. */
  declare coach: string | undefined;
  declare cardLearner: string | undefined;
  /** What to do once the PIN is accepted (open settings, or just unlock). */
  #afterPin: (() => void) | undefined;
  #relock: ReturnType<typeof setInterval> | undefined;

  /** The default database, or one per sync server when the screen syncs. */
  store: IdbHuddleStore = getDefaultStore();
  /** Set when the screen syncs with a server. */
  #sync: SyncClient | undefined;
  #lastTouch = 0;
  #rotation: ReturnType<typeof setInterval> | undefined;
  #midnight: ReturnType<typeof setTimeout> | undefined;
  #wakeLock: WakeLockSentinel | undefined;
  readonly #teardown: (() => void)[] = [];

  readonly #huddles = new LiveQueryController<Huddle[]>(
    this,
    () => this.store,
    () => {
      const unit = this.phase.name === 'ready' ? this.phase.config.unit : undefined;
      return unit ? whereEquals('huddles', 'unitId', unit) : undefined;
    },
  );

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
    }
    .view {
      height: 100vh;
      display: grid;
      grid-template-rows: 1fr auto;
    }
    .view > huddle-provider > * {
      display: block;
      height: 100%;
      min-height: 0;
      overflow: hidden;
    }
    /* Wall sizes: 24 px text and 64 px targets at 1080p, scaled with the screen at 4K. */
    nav {
      display: flex;
      gap: 8px;
      padding: 4px 8px;
      background: #e5e7eb;
      font: max(24px, 1.25vw) system-ui, sans-serif;
    }
    nav button {
      min-height: max(64px, 3.4vw);
      min-width: max(64px, 3.4vw);
      padding: 0 16px;
      font: inherit;
      border: 2px solid #4b5563;
      border-radius: 8px;
      background: #fff;
      color: #000;
    }
    nav button[aria-current='true'] {
      background: #0b4f8a;
      border-color: #0b4f8a;
      color: #fff;
      font-weight: 700;
    }
    .badge {
      margin-inline-start: auto;
      align-self: center;
      padding: 4px 12px;
      border-radius: 8px;
      background: #7a4700;
      color: #fff;
      font-weight: 700;
    }
    .message {
      display: grid;
      place-content: center;
      min-height: 100vh;
      padding: 32px;
      font: 32px system-ui, sans-serif;
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
      border: 3px solid #0b4f8a;
      border-radius: 12px;
      background: #fff;
      color: #0b4f8a;
    }
    .choices button.primary {
      background: #0b4f8a;
      color: #fff;
    }
    .hint {
      font-size: 24px;
      color: #374151;
    }
    .setup {
      min-height: 100vh;
      padding: 24px 32px;
      font: 24px system-ui, sans-serif;
      background: #f4f6f8;
      color: #000;
    }
    .setup h1 {
      margin: 0;
    }
    .notice {
      position: fixed;
      inset: auto 24px 24px 24px;
      padding: 24px;
      border-radius: 12px;
      background: #111827;
      color: #fff;
      font: 28px system-ui, sans-serif;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    this.phase = { name: 'starting' };
    this.viewIndex = 0;
    this.day = localDay();
    this.offline = !navigator.onLine;
    this.crashed = false;
    this.locked = false;
    this.askingPin = false;
    this.showSettings = false;
    this.showPhoneLink = false;
    this.coach = undefined;
    this.cardLearner = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const listen = <K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void) => {
      window.addEventListener(type, handler);
      this.#teardown.push(() => window.removeEventListener(type, handler));
    };
    // Any touch or key means someone is at the screen: rotation waits.
    listen('pointerdown', () => (this.#lastTouch = Date.now()));
    listen('keydown', () => (this.#lastTouch = Date.now()));
    listen('online', () => (this.offline = false));
    listen('offline', () => (this.offline = true));
    listen('error', (event) => this.#recover(event.message));
    listen('unhandledrejection', (event) => this.#recover(String(event.reason)));
    // An element refused a write because edits are locked: ask for the PIN.
    this.addEventListener('edit-locked', () => (this.askingPin = true));
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        void this.#keepAwake();
        this.#checkDay(); // a frozen page may have slept through midnight
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    this.#teardown.push(() => document.removeEventListener('visibilitychange', onVisible));
    void this.#start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const teardown of this.#teardown.splice(0)) teardown();
    clearInterval(this.#rotation);
    clearInterval(this.#relock);
    clearInterval(this.#updateCheck);
    clearTimeout(this.#midnight);
    void this.#wakeLock?.release().catch(() => undefined);
  }

  async #start(): Promise<void> {
    let config: KioskConfig;
    try {
      config = parseConfig(await loadConfigFile(), queryWithKeptToken(location.search));
    } catch (error) {
      if (error instanceof ConfigError) {
        // Say it in the language the screen was set to, if that setting itself is good, else
        // in the browser's: whoever fixes the address should be able to read the message.
        document.documentElement.lang = languageTag(new URLSearchParams(location.search).get('locale')) ?? navigator.language;
        this.phase = { name: 'bad-config', error };
        return;
      }
      throw error;
    }
    if (config.locale) document.documentElement.lang = config.locale;
    if (config.server) {
      const token = config.token;
      if (!token) {
        this.phase = { name: 'unknown-coach', server: config.server };
        return;
      }
      moveTokenOutOfUrl(config.server, token);
      await this.#startSync(config, config.server, token);
      return;
    }
    try {
      if (setupInProgress()) {
        this.phase = { name: 'setting-up', config };
        return;
      }
      if (await isEmpty(this.store)) {
        if (config.firstRun === 'ask') {
          this.phase = { name: 'welcome', config };
          return;
        }
        await loadDemoOrganisation(this.store);
      }
    } catch (error) {
      this.phase = { name: 'failed', message: errorText(error as Error) };
      return;
    }
    this.#ready(config);
  }

  /**
   * A screen that syncs takes its organisation from the server: no demo, no set-up here. It
   * opens once its database holds the organisation (at once when it already did, offline too).
   */
  async #startSync(config: KioskConfig, server: string, token: string): Promise<void> {
    // One database per server, so a screen moved to another server never mixes organisations.
    this.store = new IdbHuddleStore({ name: `huddle-elements@${new URL(server).host}` });
    // Loaded only by screens that sync.
    const [{ SyncClient }] = await Promise.all([import('../src/sync/sync-client.js'), import('../src/components/huddle-sync-status/huddle-sync-status.js')]);
    const sync = new SyncClient({ store: this.store, server, token });
    this.#sync = sync;
    this.#teardown.push(() => sync.stop());
    const openWhenFilled = async () => {
      if (this.phase.name === 'ready' || (await isEmpty(this.store))) return;
      this.#ready(config);
    };
    this.#teardown.push(sync.subscribe(() => void openWhenFilled()));
    this.phase = { name: 'waiting-for-server', config };
    await openWhenFilled();
    await sync.start();
    if (sync.who) keepDeviceToken(server, token, sync.who.role);
    this.coach = sync.who?.personId;
    await openWhenFilled();
  }

  async #tryDemo(config: KioskConfig): Promise<void> {
    this.phase = { name: 'starting' };
    try {
      await loadDemoOrganisation(this.store);
    } catch (error) {
      this.phase = { name: 'failed', message: errorText(error as Error) };
      return;
    }
    this.#ready(config);
  }

  /** The screen's normal life: views, PIN, midnight, wake lock, rotation. */
  #ready(config: KioskConfig): void {
    this.phase = { name: 'ready', config };
    if (config.unit && config.views.includes('card')) {
      // The card on a coach's phone is for the board's leader.
      const unit = config.unit;
      void this.store.get(whereEquals('people', 'unitId', unit)).then((people) => {
        this.cardLearner = people.find((p) => p.role === 'leader' && !p.deletedAt)?.id;
      });
    }
    // Without a locale in the screen's settings, the organisation's chosen language applies.
    if (!config.locale) {
      void this.store.get(orgSettings()).then((org) => {
        if (org?.locale) document.documentElement.lang = org.locale;
      });
    }
    this.locked = config.pin !== undefined;
    if (config.pin) {
      // After an idle period edits lock again, so the next passer-by cannot change the board.
      this.#relock = setInterval(() => {
        if (!this.locked && Date.now() - this.#lastTouch > config.lock * 1000) this.locked = true;
      }, 5000);
    }
    this.#scheduleMidnight();
    void this.#keepAwake();
    if (config.rotate > 0 && config.views.length > 1 && config.unit) {
      this.#rotation = setInterval(() => this.#rotate(config), config.rotate * 1000);
    }
  }

  /** Next view, unless someone touched the screen recently or a huddle timer runs. */
  #rotate(config: KioskConfig): void {
    if (Date.now() - this.#lastTouch < config.quiet * 1000) return;
    if (this.huddleRunning || this.showSettings) return;
    this.viewIndex = (this.viewIndex + 1) % config.views.length;
  }

  /** True while today's huddle on this screen's board is running. */
  get huddleRunning(): boolean {
    const huddle = huddleOfDay(this.#huddles.value ?? [], localDay());
    return huddle !== undefined && !huddle.endedAt;
  }

  #scheduleMidnight(): void {
    clearTimeout(this.#midnight);
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    this.#midnight = setTimeout(() => {
      this.#checkDay();
      this.#scheduleMidnight();
    }, next.getTime() - now.getTime());
  }

  /** A new day re-mounts the views, so every figure is computed for the new today. */
  #checkDay(): void {
    const today = localDay();
    if (today !== this.day) this.day = today;
  }

  async #keepAwake(): Promise<void> {
    if (!('wakeLock' in navigator) || document.visibilityState !== 'visible') return;
    try {
      this.#wakeLock = await navigator.wakeLock.request('screen');
    } catch {
      // Not granted (battery saver, no user gesture yet): the screen's own settings apply.
    }
  }

  /**
   * A new build is ready. Reload into it at the first quiet moment: nobody touched the screen
   * for the quiet period, no huddle timer runs, and no field anywhere holds unsaved input.
   */
  updateReady(): void {
    if (this.#updateCheck) return;
    const quiet = this.phase.name === 'ready' ? this.phase.config.quiet : 60;
    this.#updateCheck = setInterval(() => {
      if (Date.now() - this.#lastTouch < quiet * 1000 || this.huddleRunning || hasUnsavedInput(this.renderRoot)) return;
      clearInterval(this.#updateCheck);
      location.reload();
    }, 1000);
  }
  #updateCheck: ReturnType<typeof setInterval> | undefined;

  /** Runs `then` now, or after the PIN when edits are locked. */
  #withPin(config: KioskConfig, then: () => void): void {
    if (!config.pin || !this.locked) {
      then();
      return;
    }
    this.#afterPin = then;
    this.askingPin = true;
  }

  #recover(detail: string): void {
    // Chromium reports this benign layout notice as an error event; it needs no restart.
    if (/ResizeObserver loop/.test(detail) || this.crashed) return;
    this.crashed = true;
    setTimeout(() => location.reload(), RECOVERY_SECONDS * 1000);
  }

  private renderView(view: KioskView, config: KioskConfig) {
    const unit = config.unit!;
    const store = this.store;
    switch (view) {
      case 'board':
        return html`<huddle-board unit=${unit} theme=${config.theme} .store=${store}></huddle-board>`;
      case 'escalations':
        return html`<huddle-board unit=${unit} view="escalations" theme=${config.theme} .store=${store}></huddle-board>`;
      case 'cascade':
        return html`<coaching-cascade theme=${config.theme} .store=${store}></coaching-cascade>`;
      case 'feedback':
        return html`<feedback-loop unit=${unit} theme=${config.theme} .store=${store}></feedback-loop>`;
      case 'impact':
        return html`<coaching-impact unit=${unit} theme=${config.theme} .store=${store}></coaching-impact>`;
      case 'pulse':
        return html`<feedback-loop unit=${unit} mode="pulse" theme=${config.theme} .store=${store}></feedback-loop>`;
      case 'card':
        return html`<coaching-card coach=${this.coach ?? ''} learner=${this.cardLearner ?? ''} theme=${config.theme} .store=${store}></coaching-card>`;
    }
  }

  protected override render() {
    const notice = this.crashed
      ? html`<div class="notice" role="alert">${msg(str`Something went wrong on this screen. It restarts by itself in ${RECOVERY_SECONDS} seconds; nothing saved is lost.`)}</div>`
      : nothing;
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
        </div>`;
      case 'waiting-for-server': {
        return html`<div class="message" role="status">
          <h1>${msg('Waiting for the organisation')}</h1>
          <p>${msg(str`This screen takes its boards from ${this.phase.config.server}; they show as soon as it answers.`)}</p>
          ${this.#sync ? html`<huddle-sync-status .source=${this.#sync}></huddle-sync-status>` : nothing}
        </div>`;
      }
      case 'welcome': {
        const { config } = this.phase;
        return html`<div class="message">
          <h1>${msg('A new board screen')}</h1>
          <p>${msg('There is no organisation on this screen yet.')}</p>
          <div class="choices">
            <button class="primary" @click=${() => this.#tryDemo(config)}>${msg('Try the demo')}</button>
            <button @click=${() => (this.phase = { name: 'setting-up', config })}>${msg('Set up my organisation')}</button>
          </div>
          <p class="hint">${msg('The demo is a plant with six teams and 90 days of history; clear it from Settings when you are ready for your own.')}</p>
        </div>`;
      }
      case 'setting-up': {
        const { config } = this.phase;
        return html`<div class="setup">
          <h1>${msg('Set up your organisation')}</h1>
          <p>${msg('Each step can be skipped and done later from Settings; if this screen is closed, the set-up resumes here.')}</p>
          <huddle-setup guided progress-key=${SETUP_PROGRESS_KEY} theme="light" .store=${this.store} @setup-finished=${() => this.#ready(config)}></huddle-setup>
        </div>`;
      }
      case 'ready': {
        const { config } = this.phase;
        if (!config.unit) return html`<kiosk-board-overview .store=${this.store}></kiosk-board-overview>${notice}`;
        const view = config.views[this.viewIndex % config.views.length]!;
        return html`<div class="view">
            <huddle-provider .store=${this.store} theme=${config.theme} locale=${config.locale ?? ''} ?edits-locked=${this.locked}>
              ${
                this.showSettings
                  ? html`<kiosk-settings .store=${this.store} .config=${config} .syncRole=${this.#sync?.who?.role}></kiosk-settings>`
                  : keyed(`${this.day}:${view}`, this.renderView(view, config))
              }
            </huddle-provider>
            <nav aria-label=${msg('Views')}>
              ${
                config.views.length > 1 && !this.showSettings
                  ? config.views.map(
                      (v, i) =>
                        html`<button aria-current=${i === this.viewIndex ? 'true' : 'false'} @click=${() => (this.viewIndex = i)}>${viewName(v)}</button>`,
                    )
                  : nothing
              }
              ${
                isPhone(config)
                  ? nothing
                  : this.showSettings
                    ? html`<button @click=${() => (this.showSettings = false)}>${msg('Back to the board')}</button>`
                    : html`<button @click=${() => this.#withPin(config, () => (this.showSettings = true))}>${msg('Settings')}</button>`
              }
              ${
                this.#sync && config.server && config.token && !isPhone(config) && !this.showSettings
                  ? html`<button @click=${() => (this.showPhoneLink = true)}>${msg('Answer on your phone')}</button>`
                  : nothing
              }
              ${
                config.pin
                  ? this.locked
                    ? html`<button @click=${() => (this.askingPin = true)}>${msg('Locked: tap to unlock')}</button>`
                    : html`<button @click=${() => (this.locked = true)}>${msg('Unlocked: lock now')}</button>`
                  : nothing
              }
              ${
                this.#sync
                  ? // In the bar every view shares, rather than in each view's own header.
                    html`<huddle-sync-status .source=${this.#sync} theme=${config.theme}></huddle-sync-status>`
                  : this.offline
                    ? html`<span class="badge" role="status">${msg('Offline: changes are kept on this screen')}</span>`
                    : nothing
              }
            </nav>
          </div>
          ${
            this.showPhoneLink && config.server && config.token
              ? html`<kiosk-phone-link .server=${config.server} .token=${config.token} .unit=${config.unit} @phone-link-closed=${() => (this.showPhoneLink = false)}></kiosk-phone-link>`
              : nothing
          }
          ${
            this.askingPin && config.pin
              ? html`<kiosk-pin-pad .pin=${config.pin}
                @pin-accepted=${() => {
                  this.locked = false;
                  this.askingPin = false;
                  this.#lastTouch = Date.now();
                  this.#afterPin?.();
                  this.#afterPin = undefined;
                }}
                @pin-cancelled=${() => {
                  this.askingPin = false;
                  this.#afterPin = undefined;
                }}></kiosk-pin-pad>`
              : nothing
          }
          ${notice}`;
      }
    }
  }
}

customElements.get('kiosk-app') ?? customElements.define('kiosk-app', KioskApp);

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}

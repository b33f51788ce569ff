import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { storeContext } from '../../context/store-context.js';
import { syncContext } from '../../context/sync-context.js';
import type { SyncClient, SyncStateSource } from '../../sync/sync-client.js';
import { DEFAULT_SETTINGS, settingsContext, type HuddleSettings, type ThemeName } from '../../context/settings-context.js';
import { IdbHuddleStore } from '../../store/idb-store.js';
import { getDefaultStore } from '../../store/default-store.js';
import type { HuddleStore } from '../../store/contract.js';
import { useHuddleLocale } from '../../locales/localization.js';
import { loadProblemWords } from '../load-problem-words.js';

const THEMES: readonly ThemeName[] = ['light', 'dark', 'wall', 'wall-dark'];

/**
 * @summary Gives every huddle element inside it one store and one set of display settings.
 *
 * @slot - The elements that share this provider's store and settings.
 *
 * @fires sync-started - The provider started syncing its store with `server`; `detail.sync` is the client (its state, and who the server says this device is).
 *
 * Put several boards, a coaching card and a feedback loop inside one provider and they all
 * read and write the same data, and update together. Without a provider each element uses
 * the shared default IndexedDB store.
 *
 * With `server` and `token`, the provider's IndexedDB store syncs with a huddle sync server
 * (see server/): changes from other devices arrive live, this device's changes are queued
 * while offline and uploaded on reconnect, and elements that write show the sync state.
 */
export class HuddleProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * The store to provide. Defaults to the shared IndexedDB store, or to one on the database
   * named by `database`. A host may set its own object implementing `HuddleStore`.
   */
  @provide({ context: storeContext })
  @property({ attribute: false })
  store: HuddleStore = getDefaultStore();

  /** Name of the IndexedDB database to use, e.g. one per organisation on a shared device. */
  @property({ reflect: true }) database?: string;

  /** BCP 47 locale for dates and numbers; empty uses the page's `lang`. */
  @property({ reflect: true }) locale = '';

  /** `light`, `dark`, `wall` or `wall-dark` (large type and targets for a wall-mounted screen, light or dark). */
  @property({ reflect: true }) theme: ThemeName = 'light';

  /** Locks edits on a shared screen until a PIN unlocks them. */
  @property({ type: Boolean, reflect: true, attribute: 'edits-locked' }) editsLocked = false;

  /**
   * A screen many people pass (a wall): no coaching conversation's words are shown in it, even
   * when the store holds them (a kiosk without a server). A person's own device leaves it off.
   */
  @property({ type: Boolean, reflect: true, attribute: 'shared-screen' }) sharedScreen = false;

  /** Address of a huddle sync server; with `token`, the store syncs with it. */
  @property({ reflect: true }) server = '';

  /** This device's token from the server's admin (`npm run server -- token create`). */
  @property() token = '';

  @provide({ context: settingsContext })
  protected settings: HuddleSettings = DEFAULT_SETTINGS;

  /** The sync state elements show; set from outside to share a client the host runs itself. */
  @provide({ context: syncContext })
  @property({ attribute: false })
  sync?: SyncStateSource;

  #ownStore: IdbHuddleStore | undefined;
  #ownSync: SyncClient | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale') && this.locale) void useHuddleLocale(this.locale);
    if (changed.has('database') && this.database) this.#openOwnStore(this.database);
    if (changed.has('server') || changed.has('token') || changed.has('store')) void this.#startOwnSync();
    // The elements below show the sync state with <huddle-sync-status>; it is defined only
    // when there is a state to show, so pages that never sync do not load it.
    if (changed.has('sync') && this.sync) void import('../huddle-sync-status/huddle-sync-status.js');
    if (changed.has('locale') || changed.has('theme') || changed.has('editsLocked') || changed.has('sharedScreen')) {
      this.settings = {
        locale: this.locale,
        theme: THEMES.includes(this.theme) ? this.theme : 'light',
        editsLocked: this.editsLocked,
        sharedScreen: this.sharedScreen,
      };
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A store or sync this provider opened is its own to close; one set from outside is not.
    this.#stopOwnSync();
    this.#ownStore?.close();
    this.#ownStore = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a move in the page: reopen the database it had.
    if (this.hasUpdated && this.database && !this.#ownStore) this.#openOwnStore(this.database);
    if (this.hasUpdated) void this.#startOwnSync();
  }

  /** Loaded only when a page syncs, so a provider without a server stays small. */
  async #startOwnSync(): Promise<void> {
    this.#stopOwnSync();
    const { server, token, store } = this;
    if (!server || !token || !(store instanceof IdbHuddleStore)) return;
    // With the client, the words for what a sync may refuse (it reports them as it meets them).
    const [{ SyncClient }] = await Promise.all([import('../../sync/sync-client.js'), loadProblemWords()]);
    // Settings may have changed, or the provider left the page, while the code loaded.
    if (server !== this.server || token !== this.token || store !== this.store || !this.isConnected || this.#ownSync) return;
    const sync = new SyncClient({ store, server, token });
    this.#ownSync = sync;
    this.sync = sync;
    this.dispatchEvent(new CustomEvent('sync-started', { detail: { sync }, bubbles: true, composed: true }));
    void sync.start();
  }

  #stopOwnSync(): void {
    if (!this.#ownSync) return;
    this.#ownSync.stop();
    if (this.sync === this.#ownSync) this.sync = undefined;
    this.#ownSync = undefined;
  }

  #openOwnStore(name: string): void {
    this.#ownStore?.close();
    this.#ownStore = new IdbHuddleStore({ name });
    this.store = this.#ownStore;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

customElements.get('huddle-provider') ?? customElements.define('huddle-provider', HuddleProvider);

declare global {
  interface HTMLElementTagNameMap {
    'huddle-provider': HuddleProvider;
  }
}

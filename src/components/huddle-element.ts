/**
 * The base of every huddle element: finds the store (an explicit `store` property, else the
 * nearest `<huddle-provider>`, else the shared default IndexedDB store) and drains a list of
 * teardown functions on disconnect.
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../context/store-context.js';
import { DEFAULT_SETTINGS, settingsContext, type HuddleSettings } from '../context/settings-context.js';
import { getDefaultStore } from '../store/default-store.js';
import type { HuddleStore } from '../store/contract.js';

export class HuddleElement extends LitElement {
  /** A store to use instead of the provided or default one (e.g. a host's REST-backed store). */
  @property({ attribute: false }) store?: HuddleStore;

  @consume({ context: storeContext, subscribe: true })
  @state()
  protected providedStore?: HuddleStore;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  protected providedSettings?: HuddleSettings;

  readonly #teardown: (() => void)[] = [];

  /** The store this element reads and writes through. */
  protected get activeStore(): HuddleStore {
    return this.store ?? this.providedStore ?? getDefaultStore();
  }

  protected get settings(): HuddleSettings {
    return this.providedSettings ?? DEFAULT_SETTINGS;
  }

  /** Registers something to release when the element leaves the page. */
  protected onDisconnect(teardown: () => void): void {
    this.#teardown.push(teardown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const teardown of this.#teardown.splice(0)) teardown();
  }
}

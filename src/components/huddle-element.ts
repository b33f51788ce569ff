/**
 * The base of every huddle element: finds the store (an explicit `store` property, else the
 * nearest `<huddle-provider>`, else the shared default IndexedDB store), applies the theme,
 * re-renders when the locale changes, and drains a list of teardown functions on
 * disconnect.
 */
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { msg, updateWhenLocaleChanges } from '@lit/localize';
import { storeContext } from '../context/store-context.js';
import { DEFAULT_SETTINGS, settingsContext, type HuddleSettings, type ThemeName } from '../context/settings-context.js';
import { defaultStoreOnDemand } from '../store/default-store-on-demand.js';
import type { HuddleStore } from '../store/contract.js';
import type { CoachingSession, EntityKind } from '../model/index.js';
import { heldWithoutWords } from '../model/visibility.js';
import type { HuddleEventMap } from './events.js';
import { PAGE_LANG_CHANGED, followPageLanguage } from '../locales/localization.js';
import { loadProblemWords } from './load-problem-words.js';

// One page-wide watcher of <html lang> for all elements, living as long as the page.
followPageLanguage();

/**
 * The design tokens every huddle element reads (src/styles/tokens.ts): set them on the element
 * or any ancestor to restyle; each has a default per theme (`light`, `dark`, `wall`, `wall-dark`).
 *
 * @fires edit-locked - A write was refused because edits are locked on this screen (`<huddle-provider edits-locked>`); what was typed stays.
 *
 * @cssprop --he-font-family - Text font.
 * @cssprop --he-font-size - Body text size (the wall theme: at least 24 px).
 * @cssprop --he-font-size-small - Secondary text size.
 * @cssprop --he-font-size-large - Emphasised text size.
 * @cssprop --he-font-size-title - Heading size.
 * @cssprop --he-space - The spacing unit.
 * @cssprop --he-radius - Corner radius of cards and buttons.
 * @cssprop --he-target-size - Smallest touch target (48 px; 64 px on the wall).
 * @cssprop --he-color-surface - Background.
 * @cssprop --he-color-surface-raised - Background of cards and raised areas.
 * @cssprop --he-color-text - Text colour.
 * @cssprop --he-color-text-muted - Secondary text colour.
 * @cssprop --he-color-border - Borders and dividers.
 * @cssprop --he-color-accent - Primary buttons and links.
 * @cssprop --he-color-on-accent - Text on the accent colour.
 * @cssprop --he-color-focus - Keyboard focus ring.
 * @cssprop --he-status-green - "On target" (always with a symbol and a word).
 * @cssprop --he-status-amber - "Close to target".
 * @cssprop --he-status-red - "Missed".
 * @cssprop --he-status-none - "No data".
 * @cssprop --he-on-status - Symbols and text on a status colour.
 */
export class HuddleElement extends LitElement {
  /** A store to use instead of the provided or default one (e.g. a host's REST-backed store). */
  @property({ attribute: false }) store?: HuddleStore;

  /** `light`, `dark`, `wall` or `wall-dark`; defaults to the provider's theme, else `light`. */
  @property({ reflect: true }) theme?: ThemeName;

  @consume({ context: storeContext, subscribe: true })
  @state()
  protected providedStore?: HuddleStore;

  @consume({ context: settingsContext, subscribe: true })
  @state()
  protected providedSettings?: HuddleSettings;

  /** What the last write from this element failed with, shown to the user until the next try. */
  @state() protected writeError = '';

  readonly #teardown: (() => void)[] = [];
  #wordsAsked = false;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
    // Dates and numbers follow the page's whole tag, which may change within a language.
    const redraw = () => this.requestUpdate();
    this.addController({
      hostConnected: () => window.addEventListener(PAGE_LANG_CHANGED, redraw),
      hostDisconnected: () => window.removeEventListener(PAGE_LANG_CHANGED, redraw),
    });
  }

  /** The store this element reads and writes through. */
  protected get activeStore(): HuddleStore {
    return this.store ?? this.providedStore ?? defaultStoreOnDemand();
  }

  protected get settings(): HuddleSettings {
    return this.providedSettings ?? DEFAULT_SETTINGS;
  }

  /**
   * Whether this element may show a conversation's words: not on a shared screen, and not when
   * the store holds it without them (the server gave this device only that it happened).
   */
  protected showsWordsOf(session: CoachingSession): boolean {
    return !this.settings.sharedScreen && !heldWithoutWords(session);
  }

  protected get effectiveTheme(): ThemeName {
    return this.theme ?? this.settings.theme;
  }

  /**
   * Locale for dates and numbers: the provider's, else the nearest `lang` - looked for across
   * shadow roots, so an element inside another element (a set-up step in the kiosk) reads the
   * page's language - else the browser's.
   */
  protected get locale(): string | undefined {
    return this.settings.locale || composedLang(this) || undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The theme's tokens select on data-theme, so a provided theme works without an attribute.
    if (this.dataset['theme'] !== this.effectiveTheme) this.dataset['theme'] = this.effectiveTheme;
  }

  /** Registers something to release when the element leaves the page. */
  protected onDisconnect(teardown: () => void): void {
    this.#teardown.push(teardown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const teardown of this.#teardown.splice(0)) teardown();
  }

  /** Dispatches one of the package's typed events; they bubble and cross shadow roots. */
  protected emit<K extends keyof HuddleEventMap>(type: K, detail: HuddleEventMap[K]['detail']): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /**
   * What went wrong, in the page's language: the message of an error that carries a problem is
   * worded when read, and the words load with the first one (the element renders again then).
   */
  protected errorText(error: Error): string;
  protected errorText(error: Error | undefined): string | undefined;
  protected errorText(error: Error | undefined): string | undefined {
    // The words for problems load with the first one shown (then this renders again).
    if (error && !this.#wordsAsked) {
      this.#wordsAsked = true;
      void loadProblemWords().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
    return error?.message;
  }

  /** Retires (soft-deletes) a record through the same gate as every write; true when it was retired. */
  protected async retireRecord(kind: EntityKind, id: string): Promise<boolean> {
    const done = await this.write(async () => {
      await this.activeStore.retire(kind, id);
      return true;
    });
    return done === true;
  }

  /**
   * Runs a write and keeps its failure visible (invalid input, full disk...). Resolves with
   * the result, or undefined when it failed, so the caller keeps the user's input.
   */
  protected async write<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.writeError = '';
    if (this.settings.editsLocked) {
      // Reading needs no PIN on a shared screen; changing data does. The input stays.
      this.writeError = msg('Changes are locked on this screen: enter the PIN, then try again.');
      this.emit('edit-locked', {});
      return undefined;
    }
    try {
      return await action();
    } catch (error) {
      await loadProblemWords().catch(() => undefined);
      this.writeError = (error as Error).message;
      return undefined;
    }
  }
}

/** The `lang` of the nearest element that has one, crossing from a shadow root to its host. */
function composedLang(from: Element): string | undefined {
  for (let node: Element | null = from; node;) {
    const lang = node.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/**
 * Runtime switching of the elements' language (English, German, Spanish) with @lit/localize.
 * The language follows the page: the `lang` of <html> (watched, so changing it switches every
 * element), or a `<huddle-provider locale>` when one is set. Other tags fall back by their
 * language (`de-AT` -> German) and else to English; dates and numbers still use the full tag.
 * Lit's localization is one per page, configured here: a host app that also configures
 * @lit/localize for its own texts will conflict with it (a known limit).
 */
import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from './locale-codes.js';

type Shipped = (typeof targetLocales)[number];

type Catalogue = (typeof import('./generated/de.js'))['templates'];

const CATALOGUES: Record<Shipped, () => Promise<{ templates: Catalogue }>> = {
  de: () => import('./generated/de.js'),
  es: () => import('./generated/es.js'),
};

/**
 * The built catalogues key each message by the first 9 characters of its id ("s" and 8 of
 * its 16 hex digits; scripts/locales.mjs shortens them and refuses a clash), so the lookup
 * @lit/localize makes with the full id is shortened the same way.
 */
function byShortId(templates: Catalogue): Catalogue {
  return new Proxy(templates, {
    get: (target, id) => (typeof id === 'string' ? target[id.slice(0, 9) as keyof Catalogue] : undefined),
  });
}

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: async (locale) => ({ templates: byShortId((await CATALOGUES[locale as Shipped]()).templates) }),
});

/** The shipped language for a BCP 47 tag: `de-CH` -> `de`, `fr` -> `en`. */
export function shippedLocale(tag: string | null | undefined): string {
  const language = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return (targetLocales as readonly string[]).includes(language) ? language : sourceLocale;
}

/** Shows every element in the language of `tag`; resolves once its texts are loaded. */
export async function useHuddleLocale(tag: string | null | undefined): Promise<void> {
  const locale = shippedLocale(tag);
  if (locale !== getLocale()) await setLocale(locale);
}

let watching = false;

/**
 * Fired on `window` when the page's `lang` changes, whether or not its language does: dates and
 * numbers follow the whole tag ("25 Nov" in en-GB, "Nov 25" in en-US), and a change within a
 * language (a kiosk taking its organisation's en-GB) switches no texts to redraw them.
 */
export const PAGE_LANG_CHANGED = 'huddle-page-lang-changed';

/** Follows the page's `lang` from now on (called when the first element connects). */
export function followPageLanguage(): void {
  if (watching) return;
  watching = true;
  const root = document.documentElement;
  void useHuddleLocale(root.lang);
  new MutationObserver(() => {
    void useHuddleLocale(root.lang);
    window.dispatchEvent(new Event(PAGE_LANG_CHANGED));
  }).observe(root, { attributes: true, attributeFilter: ['lang'] });
}

export { getLocale };

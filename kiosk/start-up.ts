/**
 * How a kiosk starts: its settings (kiosk.json beside the page, then the address), and what
 * the device's database holds decides the first screen - a welcome on an empty database, the
 * guided set-up it was in the middle of, or the views. Screen life after that (rotation,
 * midnight, wake lock, relock, updates, recovery) is in screen-life/.
 */
import { ConfigError, languageTag, parseConfig, type KioskConfig } from './config.js';
import { queryWithKeptToken, redeemSignInCode, SignInFailed } from './device-token.js';

/** What a kiosk shows while and after it starts. */
export type Phase =
  | { name: 'starting' }
  | { name: 'welcome'; config: KioskConfig }
  | { name: 'setting-up'; config: KioskConfig }
  | { name: 'ready'; config: KioskConfig }
  | { name: 'waiting-for-server'; config: KioskConfig }
  | { name: 'unknown-coach'; server: string }
  | { name: 'sign-in-refused'; message: string }
  | { name: 'bad-config'; error: ConfigError }
  | { name: 'failed'; message: string };

/** A phone opened from a board's QR code: only the pulse or the card, nothing to set up or unlock. */
export const isPhone = (config: KioskConfig) => config.views.length === 1 && (config.views[0] === 'pulse' || config.views[0] === 'card');

/**
 * The last kiosk.json the page was given: a wall restarted while its network is down (or takes
 * requests and never answers) opens with the settings it had, not as an unset screen.
 */
const KEPT_SETTINGS_KEY = 'huddle-elements:kiosk.json';

/** How long a start waits for kiosk.json before it goes on with the kept copy. */
const SETTINGS_WAIT_MS = 5000;

/** kiosk.json beside index.html: undefined when there is none. */
async function loadConfigFile(): Promise<unknown> {
  let text: string | undefined;
  try {
    const response = await fetch('./kiosk.json', { cache: 'no-store', signal: AbortSignal.timeout(SETTINGS_WAIT_MS) });
    // Servers with a single-page fallback answer a missing file with index.html.
    if (response.status === 404 || (response.ok && (response.headers.get('content-type') ?? '').includes('text/html'))) {
      forgetKeptSettings();
      return undefined;
    }
    // Any other failure (a proxy's 502, a server restarting) is the network's, not "no file".
    text = response.ok ? await response.text() : keptSettings();
  } catch {
    text = keptSettings(); // offline, or no answer in time
  }
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError('kiosk.json', 'kiosk.json', (error as Error).message, 'json');
  }
  keepSettings(text);
  return parsed;
}

const keptSettings = (): string | undefined => localStorage.getItem(KEPT_SETTINGS_KEY) ?? undefined;

function forgetKeptSettings(): void {
  localStorage.removeItem(KEPT_SETTINGS_KEY);
}

function keepSettings(text: string): void {
  try {
    localStorage.setItem(KEPT_SETTINGS_KEY, text);
  } catch {
    // A full disk: this start has its settings; an offline start would run on the address alone.
  }
}

/**
 * The screen's settings, or the phase that says what is wrong with them. The page's language
 * follows the settings; a bad setting is said in the language the screen was set to, if that
 * setting itself is good, else in the browser's - whoever fixes the address must read it.
 */
export async function readConfig(): Promise<KioskConfig | Extract<Phase, { name: 'bad-config' | 'sign-in-refused' }>> {
  try {
    const query = queryWithKeptToken(location.search);
    await redeemSignInCode(query);
    const config = parseConfig(await loadConfigFile(), query);
    if (config.locale) document.documentElement.lang = config.locale;
    return config;
  } catch (error) {
    if (error instanceof SignInFailed) return { name: 'sign-in-refused', message: error.message };
    if (!(error instanceof ConfigError)) throw error;
    document.documentElement.lang = languageTag(new URLSearchParams(location.search).get('locale')) ?? navigator.language;
    return { name: 'bad-config', error };
  }
}

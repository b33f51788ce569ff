/**
 * Kiosk configuration: an optional kiosk.json beside index.html, overridden by the URL query
 * (?unit=unit-line-1&views=board,cascade&rotate=60&theme=wall&first-run=demo). Every problem names the key
 * and the values it accepts, so whoever set up the screen can fix it from across the room.
 */
import { msg, str } from '@lit/localize';
import type { ThemeName } from '../src/context/settings-context.js';

export const KIOSK_VIEWS = ['board', 'escalations', 'cascade', 'feedback', 'safety', 'you-said', 'impact', 'pulse', 'card'] as const;
export type KioskView = (typeof KIOSK_VIEWS)[number];
const THEMES = ['light', 'dark', 'wall'] as const;

/**
 * The elements' theme for the screen's: a kiosk is read from across a room, so `dark` keeps the
 * wall's sizes (`wall-dark`); `light` is the intranet's sizes, for a desk screen.
 */
export const elementTheme = (theme: KioskConfig['theme']): ThemeName => (theme === 'dark' ? 'wall-dark' : theme);

export interface KioskConfig {
  /** The board this screen belongs to; none shows the overview of all boards. */
  unit?: string;
  views: KioskView[];
  /** Seconds each view shows before the next; 0 means no rotation. */
  rotate: number;
  theme: (typeof THEMES)[number];
  locale?: string;
  /** Seconds without a touch before rotation resumes. */
  quiet: number;
  /** When set, changing data needs this PIN; reading never does. */
  pin?: string;
  /** Seconds without a touch before edits lock again. */
  lock: number;
  /** Seconds without a touch before a person tapped in on this screen is signed out. */
  tapOut: number;
  /** On an empty database: ask (try the demo, or set up the organisation), or load the demo at once. */
  firstRun: 'ask' | 'demo' | 'hospital-demo';
  /** A huddle sync server's address; with `token`, this screen shares its data with every device of the organisation. */
  server?: string;
  /** This screen's device token (from `npm run server -- token create`). */
  token?: string;
}

export const DEFAULT_CONFIG: KioskConfig = { views: ['board'], rotate: 0, theme: 'wall', quiet: 60, lock: 120, tapOut: 90, firstRun: 'ask' };

/**
 * A bad setting: which key, where it was set, what it was, and (in the message) what it accepts.
 * The message is composed each time it is read, so a screen shows it in its language even when
 * that language's texts arrive after the error.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly key: string,
    readonly source: 'url' | 'kiosk.json',
    readonly got: string,
    /** For the file as a whole: it must be a JSON object, or it is not JSON at all. */
    readonly fileMustBe?: 'object' | 'json',
  ) {
    super();
  }

  override get message(): string {
    const accepted = acceptedValues(this.key, this.fileMustBe);
    return this.source === 'url'
      ? msg(str`"${this.key}" in the address is "${this.got}", but it must be ${accepted}.`)
      : msg(str`"${this.key}" in the kiosk.json file is "${this.got}", but it must be ${accepted}.`);
  }
}

type Raw = Record<string, unknown>;

const KNOWN_KEYS = ['unit', 'views', 'rotate', 'theme', 'locale', 'quiet', 'pin', 'lock', 'tap-out', 'first-run', 'server', 'token'];

/** What a setting accepts, in words. */
function acceptedValues(key: string, fileMustBe?: 'object' | 'json'): string {
  const example = '{"unit": "unit-line-1", "rotate": 60}';
  if (fileMustBe) return fileMustBe === 'object' ? msg(str`an object such as ${example}`) : msg(str`valid JSON such as ${example}`);
  switch (key) {
    case 'unit':
      return msg('the id of a board, e.g. unit-line-1');
    case 'views':
      return msg(str`a comma-separated list of: ${KIOSK_VIEWS.join(', ')}`);
    case 'rotate':
      return msg('a whole number of seconds from 10 to 3600, or 0 for no rotation');
    case 'theme':
      return THEMES.join(', ');
    case 'locale':
      return msg('a language tag such as en-GB, de or es');
    case 'quiet':
      return msg('a whole number of seconds from 5 to 3600');
    case 'pin':
      return msg('4 to 8 digits');
    case 'lock':
    case 'tap-out':
      return msg('a whole number of seconds from 10 to 3600');
    case 'first-run':
      return msg('ask, demo or hospital-demo');
    case 'server':
      return msg('the http:// or https:// address of a huddle sync server');
    case 'token':
      return msg('the device token an admin made with "npm run server -- token create" (starts with he_)');
    default:
      return msg(str`one of the known settings (${KNOWN_KEYS.join(', ')})`);
  }
}

/** `text` when it is one language tag the browser understands, else undefined. */
export function languageTag(text: string | null): string | undefined {
  try {
    return text && Intl.getCanonicalLocales(text).length === 1 ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A setting's value as text. A kiosk.json value can be any JSON, including an object whose
 * "toString" is not a function, which String() cannot convert: show it as JSON instead.
 */
function asText(value: unknown): string {
  try {
    return Array.isArray(value) ? value.join(',') : String(value);
  } catch {
    return JSON.stringify(value) ?? '';
  }
}

function apply(config: KioskConfig, raw: Raw, source: 'url' | 'kiosk.json'): KioskConfig {
  const next = { ...config };
  for (const [key, value] of Object.entries(raw)) {
    const text = asText(value);
    const fail = (): never => {
      throw new ConfigError(key, source, text.slice(0, 80));
    };
    switch (key) {
      case 'unit':
        // eslint-disable-next-line no-control-regex -- finding control characters is the point
        if (!/^[^\u0000-\u001f]{1,100}$/.test(text)) fail();
        next.unit = text;
        break;
      case 'views': {
        const views = text
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);
        if (views.length === 0 || views.some((v) => !(KIOSK_VIEWS as readonly string[]).includes(v))) fail();
        next.views = [...new Set(views)] as KioskView[];
        break;
      }
      case 'rotate': {
        const seconds = Number(text);
        if (!/^\d+$/.test(text.trim()) || (seconds !== 0 && (seconds < 10 || seconds > 3600))) fail();
        next.rotate = seconds;
        break;
      }
      case 'quiet': {
        const seconds = Number(text);
        if (!/^\d+$/.test(text.trim()) || seconds < 5 || seconds > 3600) fail();
        next.quiet = seconds;
        break;
      }
      case 'pin':
        if (!/^\d{4,8}$/.test(text)) fail();
        next.pin = text;
        break;
      case 'lock':
      case 'tap-out': {
        const seconds = Number(text);
        if (!/^\d+$/.test(text.trim()) || seconds < 10 || seconds > 3600) fail();
        if (key === 'lock') next.lock = seconds;
        else next.tapOut = seconds;
        break;
      }
      case 'first-run':
        if (text !== 'ask' && text !== 'demo' && text !== 'hospital-demo') fail();
        next.firstRun = text as KioskConfig['firstRun'];
        break;
      case 'theme':
        if (!(THEMES as readonly string[]).includes(text)) fail();
        next.theme = text as KioskConfig['theme'];
        break;
      case 'server':
        next.server = serverAddress(text) ?? fail();
        break;
      case 'token':
        if (!/^he_[A-Za-z0-9_-]{16,100}$/.test(text)) fail();
        next.token = text;
        break;
      case 'locale':
        next.locale = languageTag(text) ?? fail();
        break;
      default:
        fail();
    }
  }
  return next;
}

/** A sync server's address as the screen keeps it (origin and path, no trailing slash), or undefined. */
export function serverAddress(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** The configuration from kiosk.json (already parsed, may be undefined) and the URL query. */
export function parseConfig(file: unknown, query: URLSearchParams): KioskConfig {
  let config = DEFAULT_CONFIG;
  if (file !== undefined) {
    if (typeof file !== 'object' || file === null || Array.isArray(file)) {
      throw new ConfigError('kiosk.json', 'kiosk.json', JSON.stringify(file)?.slice(0, 80) ?? '', 'object');
    }
    config = apply(config, file as Raw, 'kiosk.json');
  }
  const result = apply(config, Object.fromEntries(query), 'url');
  // One without the other is a half-done set-up: say so rather than run unsynced unnoticed.
  // The exception is a coach's phone opening the coaching card from a board's QR code: it
  // uses the token this phone remembers from the coach's personal link.
  const coachPhone = result.views.length === 1 && result.views[0] === 'card';
  if (result.server && !result.token && !coachPhone) throw new ConfigError('token', query.has('server') ? 'url' : 'kiosk.json', '');
  if (result.token && !result.server) throw new ConfigError('server', query.has('token') ? 'url' : 'kiosk.json', '');
  return result;
}

/**
 * Kiosk configuration: an optional kiosk.json beside index.html, overridden by the URL query
 * (?unit=unit-line-1&views=board,cascade&rotate=60&theme=wall&first-run=demo). Every problem names the key
 * and the values it accepts, so whoever set up the screen can fix it from across the room.
 */
export const KIOSK_VIEWS = ['board', 'escalations', 'cascade', 'feedback', 'impact', 'pulse', 'card'] as const;
export type KioskView = (typeof KIOSK_VIEWS)[number];
const THEMES = ['light', 'dark', 'wall'] as const;

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
  /** On an empty database: ask (try the demo, or set up the organisation), or load the demo at once. */
  firstRun: 'ask' | 'demo';
  /** A huddle sync server's address; with `token`, this screen shares its data with every device of the organisation. */
  server?: string;
  /** This screen's device token (from `npm run server -- token create`). */
  token?: string;
}

export const DEFAULT_CONFIG: KioskConfig = { views: ['board'], rotate: 0, theme: 'wall', quiet: 60, lock: 120, firstRun: 'ask' };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly key: string,
    readonly accepted: string,
    readonly source: 'url' | 'kiosk.json',
    readonly got: string,
  ) {
    super(`"${key}" in the ${source === 'url' ? 'address' : 'kiosk.json file'} is "${got}", but it must be ${accepted}.`);
  }
}

type Raw = Record<string, unknown>;

const KEYS: Record<string, string> = {
  unit: 'the id of a board, e.g. unit-line-1',
  views: `a comma-separated list of: ${KIOSK_VIEWS.join(', ')}`,
  rotate: 'a whole number of seconds from 10 to 3600, or 0 for no rotation',
  theme: THEMES.join(', '),
  locale: 'a language tag such as en-GB, de or es',
  quiet: 'a whole number of seconds from 5 to 3600',
  pin: '4 to 8 digits',
  lock: 'a whole number of seconds from 10 to 3600',
  'first-run': 'ask or demo',
  server: 'the http:// or https:// address of a huddle sync server',
  token: 'the device token an admin made with "npm run server -- token create" (starts with he_)',
};

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
      throw new ConfigError(key, KEYS[key] ?? `one of the known settings (${Object.keys(KEYS).join(', ')})`, source, text.slice(0, 80));
    };
    switch (key) {
      case 'unit':
        if (!/^[^\u0000-\u001f]{1,100}$/.test(text)) fail();
        next.unit = text;
        break;
      case 'views': {
        const views = text.split(',').map((v) => v.trim()).filter(Boolean);
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
      case 'lock': {
        const seconds = Number(text);
        if (!/^\d+$/.test(text.trim()) || seconds < 10 || seconds > 3600) fail();
        next.lock = seconds;
        break;
      }
      case 'first-run':
        if (text !== 'ask' && text !== 'demo') fail();
        next.firstRun = text as KioskConfig['firstRun'];
        break;
      case 'theme':
        if (!(THEMES as readonly string[]).includes(text)) fail();
        next.theme = text as KioskConfig['theme'];
        break;
      case 'server': {
        let url: URL | undefined;
        try {
          url = new URL(text);
        } catch {
          fail();
        }
        if (url!.protocol !== 'http:' && url!.protocol !== 'https:') fail();
        next.server = url!.origin + url!.pathname.replace(/\/+$/, '');
        break;
      }
      case 'token':
        if (!/^he_[A-Za-z0-9_-]{16,100}$/.test(text)) fail();
        next.token = text;
        break;
      case 'locale':
        try {
          if (Intl.getCanonicalLocales(text).length !== 1) fail();
        } catch {
          fail();
        }
        next.locale = text;
        break;
      default:
        fail();
    }
  }
  return next;
}

/** The configuration from kiosk.json (already parsed, may be undefined) and the URL query. */
export function parseConfig(file: unknown, query: URLSearchParams): KioskConfig {
  let config = DEFAULT_CONFIG;
  if (file !== undefined) {
    if (typeof file !== 'object' || file === null || Array.isArray(file)) {
      throw new ConfigError('kiosk.json', 'an object such as {"unit": "unit-line-1", "rotate": 60}', 'kiosk.json', JSON.stringify(file)?.slice(0, 80) ?? '');
    }
    config = apply(config, file as Raw, 'kiosk.json');
  }
  const result = apply(config, Object.fromEntries(query), 'url');
  // One without the other is a half-done set-up: say so rather than run unsynced unnoticed.
  // The exception is a coach's phone opening the coaching card from a board's QR code: it
  // uses the token this phone remembers from the coach's personal link.
  const coachPhone = result.views.length === 1 && result.views[0] === 'card';
  if (result.server && !result.token && !coachPhone) throw new ConfigError('token', KEYS['token']!, query.has('server') ? 'url' : 'kiosk.json', '');
  if (result.token && !result.server) throw new ConfigError('server', KEYS['server']!, query.has('token') ? 'url' : 'kiosk.json', '');
  return result;
}

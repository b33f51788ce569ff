/**
 * A tiny declarative schema: each field has a check that returns what is wrong with a value,
 * as data (see problems.ts). Used both for writes through the store and for every record of
 * an import, so the two can never disagree about what a valid record is.
 */
import { isDay } from './dates.js';
import { describeProblem, wordWhenRead, type ValueProblem } from './problems.js';

/** Returns what is wrong, or undefined when the value is fine. */
export type Check = (value: unknown) => ValueProblem | undefined;

export interface FieldSpec {
  check: Check;
  optional?: boolean;
}

export type Schema = Record<string, FieldSpec>;

/** A rejected input, naming the entity, the field and what is wrong with it (see problems.ts). */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly entity: string,
    readonly field: string,
    readonly problem: ValueProblem,
  ) {
    super();
    wordWhenRead(this, () => `${entity}: ${field} ${describeProblem(problem)}`);
  }
}

/**
 * Characters no person types and no screen shows: C0 controls but tab, line feed and
 * carriage return; DEL and the C1 controls. A NUL also cannot be stored by PostgreSQL.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Half of a UTF-16 pair without its other half: not a character, and not valid UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `value` holds half of a UTF-16 pair without its other half. */
export function hasBrokenCharacter(value: string): boolean {
  return value.search(LONE_SURROGATE) >= 0;
}

/** Why a text cannot be stored as it is (see `cleanText`), or undefined. */
export function textProblem(value: string): ValueProblem | undefined {
  const control = value.search(CONTROL);
  if (control >= 0) {
    const character = value.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    return { code: 'control-character', character, position: control + 1 };
  }
  const broken = value.search(LONE_SURROGATE);
  if (broken >= 0) return { code: 'broken-character', position: broken + 1 };
  return undefined;
}

/**
 * Text as a person meant it: invisible control characters (a paste from a PDF or a
 * terminal) dropped, and a broken half-character replaced by U+FFFD. What devices do to text
 * before they store it; the validation refuses text that was not cleaned.
 */
export function cleanText(value: string): string {
  return value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** `cleanText` on every string of a value (record fields, lists, maps), keys included. */
export function cleanTexts<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map(cleanTexts) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [cleanText(key), cleanTexts(inner)])) as T;
  }
  return value;
}

const tooLong = (max: number, has: number): ValueProblem => ({ code: 'too-long', max, has });
const tooMany = (max: number): ValueProblem => ({ code: 'too-many', max });

export const required = (check: Check): FieldSpec => ({ check });
export const optional = (check: Check): FieldSpec => ({ check, optional: true });

/** A string holding something other than white space, at most `max` characters. */
export const text =
  (max: number): Check =>
  (value) => {
    if (typeof value !== 'string') return { code: 'not-text' };
    if (value.trim() === '') return { code: 'empty' };
    if (value.length > max) return tooLong(max, value.length);
    return textProblem(value);
  };

/** A string that may be empty (a free-text answer not given yet). */
export const freeText =
  (max: number): Check =>
  (value) => {
    if (typeof value !== 'string') return { code: 'not-text' };
    if (value.length > max) return tooLong(max, value.length);
    return textProblem(value);
  };

export const finiteNumber: Check = (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : { code: 'not-number' });

export const integerBetween =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max ? undefined : { code: 'not-whole-number', min, max };

export const nonNegative: Check = (value) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? undefined : { code: 'negative' });

export const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : { code: 'not-boolean' });

export const day: Check = (value) => (isDay(value) ? undefined : { code: 'not-day' });

/** A time of day, `HH:MM` on the 24-hour clock. */
export const timeOfDay: Check = (value) => (typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? undefined : { code: 'not-time' });

/** An IANA time zone this browser or server knows, e.g. `Europe/Berlin`. */
export const timeZoneName: Check = (value) => (typeof value === 'string' && value.length <= 64 && knownTimeZone(value) ? undefined : { code: 'not-time-zone' });

function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const isoTimestamp: Check = (value) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : { code: 'not-timestamp' };

/** An id: non-empty, no control characters, bounded. */
export const id: Check = (value) =>
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  typeof value === 'string' && value.length > 0 && value.length <= 100 && !/[\u0000-\u001f]/.test(value) && textProblem(value) === undefined
    ? undefined
    : { code: 'not-id' };

export const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && values.includes(value) ? undefined : { code: 'not-one-of', values };

export const listOf =
  (item: Check, max: number): Check =>
  (value) => {
    if (!Array.isArray(value)) return { code: 'not-list' };
    if (value.length > max) return tooMany(max);
    for (const [index, entry] of value.entries()) {
      const problem = item(entry);
      if (problem) return { code: 'in-entry', entry: index + 1, inner: problem };
    }
    return undefined;
  };

export const mapOf =
  (entry: Check, max: number): Check =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { code: 'not-object' };
    const entries = Object.entries(value);
    if (entries.length > max) return tooMany(max);
    for (const [key, inner] of entries) {
      const problem = id(key) ?? entry(inner);
      if (problem) return { code: 'in-entry', entry: key, inner: problem };
    }
    return undefined;
  };

/** A nested object checked against its own schema. */
export const shape =
  (schema: Schema): Check =>
  (value) => {
    const problem = firstProblem(schema, value);
    return problem && { code: 'in-field', field: problem.field, inner: problem.problem };
  };

/** The first thing wrong with `value` against `schema`, fields in schema order. */
export function firstProblem(schema: Schema, value: unknown): { field: string; problem: ValueProblem } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { field: '(record)', problem: { code: 'not-object' } };
  }
  const record = value as Record<string, unknown>;
  for (const [field, spec] of Object.entries(schema)) {
    const fieldValue = record[field];
    if (fieldValue === undefined) {
      if (!spec.optional) return { field, problem: { code: 'required' } };
      continue;
    }
    const problem = spec.check(fieldValue);
    if (problem) return { field, problem };
  }
  for (const field of Object.keys(record)) {
    if (!(field in schema)) return { field, problem: { code: 'unknown-field' } };
  }
  return undefined;
}

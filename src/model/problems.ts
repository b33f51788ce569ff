/**
 * What can be wrong with a record, a write, a backup file or the device's storage, as data: a
 * code and the values that explain it. The model decides; whoever shows it words it - the
 * elements in the page's language (src/components/problem-words.ts), the server and logs in
 * English (problem-text.ts) - by registering words with `useProblemWords`. An error carrying a
 * problem words its message when it is read, in the words registered then. So nothing below
 * the elements needs a localisation runtime, and a page carries one set of words, not two.
 */

/** Something wrong with one value. */
export type ValueProblem =
  | { code: 'required' }
  | { code: 'unknown-field' }
  | { code: 'not-text' }
  | { code: 'empty' }
  | { code: 'too-long'; max: number; has: number }
  | { code: 'too-many'; max: number }
  | { code: 'control-character'; character: string; position: number }
  | { code: 'broken-character'; position: number }
  | { code: 'not-number' }
  | { code: 'not-whole-number'; min: number; max: number }
  | { code: 'negative' }
  | { code: 'not-boolean' }
  | { code: 'not-day' }
  | { code: 'not-time' }
  | { code: 'not-timestamp' }
  | { code: 'not-id' }
  | { code: 'not-one-of'; values: readonly string[] }
  | { code: 'not-list' }
  | { code: 'not-object' }
  | { code: 'not-time-zone' }
  /** Inside a list (`entry` counts from 1) or a map (`entry` is the key). */
  | { code: 'in-entry'; entry: number | string; inner: ValueProblem }
  /** Inside a nested object. */
  | { code: 'in-field'; field: string; inner: ValueProblem }
  // Rules that tie the fields of one record together.
  | { code: 'value-or-met' }
  | { code: 'coach-in-anonymous' }
  | { code: 'anonymous-not-up' }
  | { code: 'coach-required' }
  | { code: 'learner-is-coach' }
  | { code: 'kind-not-this-way'; kind: string; direction: string }
  | { code: 'person-in-anonymous' }
  | { code: 'same-board' }
  | { code: 'id-not-derived'; expected: string };

/** A write refused by the rules of the domain, given the records it touches. */
export type WriteProblem =
  | { code: 'already-escalated' }
  | { code: 'no-parent-board'; board: string }
  | { code: 'not-parent-board'; expected: string }
  // Who may write: a coaching conversation is recorded, and changed, by its coach alone.
  | { code: 'not-the-author'; author: string }
  | { code: 'no-author' }
  | { code: 'not-own-conversation'; coach: string };

/** A backup file that cannot be restored. */
export type FileProblem =
  | { code: 'not-json'; detail: string }
  | { code: 'not-export'; format: string }
  | { code: 'no-schema-version' }
  | { code: 'newer-schema'; version: number; supported: number }
  | { code: 'no-data' }
  | { code: 'unknown-collection'; collection: string; known: readonly string[] }
  | { code: 'not-a-list'; collection: string }
  | { code: 'bad-record'; collection: string; index: number; id?: string; field: string; inner: ValueProblem }
  | { code: 'duplicate-id'; collection: string; index: number; id: string };

/** The device's storage refused (the IndexedDB store's `StorageError`). */
export type StorageProblemCode = 'quota' | 'closed' | 'blocked' | 'version' | 'not-found' | 'conflict' | 'unknown';
export type StorageRefusal = { code: 'storage'; storage: StorageProblemCode; detail?: string };

export type Problem = ValueProblem | WriteProblem | FileProblem | StorageRefusal;

/** How to word each kind of problem; `useProblemWords` takes any part of it. */
export type ProblemWords = { [C in Problem['code']]: (problem: Extract<Problem, { code: C }>) => string };

const registered: Partial<ProblemWords> = {};
let everyProblem: ((problem: Problem) => string) | undefined;

/**
 * Words problems from now on: words per code (later registrations win), or one function for
 * every code not worded separately (the server: `useProblemWords(problemText)`).
 */
export function useProblemWords(words: Partial<ProblemWords> | ((problem: Problem) => string)): void {
  if (typeof words === 'function') everyProblem = words;
  else Object.assign(registered, words);
}

/** The problem in the registered words; without any, its code and values (for a developer). */
export function describeProblem(problem: Problem): string {
  const words = (registered[problem.code] as ((problem: Problem) => string) | undefined) ?? everyProblem;
  if (words) return words(problem);
  const { code, ...values } = problem;
  return Object.keys(values).length > 0 ? `${code} ${JSON.stringify(values)}` : code;
}

/**
 * Gives an error a message worded when it is read, so it follows the words registered (and the
 * page's language) at that moment rather than when it was thrown.
 */
export function wordWhenRead(error: Error, message: () => string): void {
  Object.defineProperty(error, 'message', { get: message, configurable: true, enumerable: false });
}

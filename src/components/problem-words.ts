/**
 * The model's problems in the page's language: a bad field, a refused write, the device's
 * storage refusing. Elements register these words with the model when they show their first
 * problem (load-problem-words.ts), so every such error's message is worded here, when it is
 * read (see src/model/problems.ts). A backup file's problems are worded in
 * file-problem-words.ts, loaded only where a file is restored. Only types are imported from
 * the model, so this chunk shares no code with the page that loads it.
 */
import { msg, str } from '@lit/localize';
import type { Problem, ProblemWords, StorageProblemCode, ValueProblem } from '../model/problems.js';

const storageWords = (problem: StorageProblemCode): string =>
  ({
    quota: msg('The device has no storage space left for this board, so nothing was saved. Free some space or export and clear old data.'),
    closed: msg("The board's database was closed (another window may be upgrading it), so nothing was saved. Reload the page."),
    blocked: msg("The board's database is held open by an older version in another tab. Close the other tabs of this board, then reload."),
    version: msg('This database was written by a newer version of the board. Update the app or open it where it was written.'),
    'not-found': msg('The record no longer exists.'),
    conflict: msg('The change does not fit the current state of the record.'),
    unknown: msg('The browser refused to save, so nothing was saved.'),
  })[problem];

/** The words, given how to word a problem nested in another (an entry of a list, a field of an object). */
export const problemWords = (describeProblem: (problem: Problem) => string): Partial<ProblemWords> => ({
  required: () => msg('is required'),
  'unknown-field': () => msg('is not a known field'),
  'not-text': () => msg('must be text'),
  empty: () => msg('must not be empty'),
  'too-long': ({ max, has }) => msg(str`must be at most ${max} characters (has ${has})`),
  'too-many': ({ max }) => msg(str`must have at most ${max} entries`),
  'control-character': ({ character, position }) => msg(str`must not contain control characters (U+${character} at position ${position})`),
  'broken-character': ({ position }) => msg(str`contains a broken character at position ${position} (half of a UTF-16 pair)`),
  'not-number': () => msg('must be a number'),
  'not-whole-number': ({ min, max }) => msg(str`must be a whole number from ${min} to ${max}`),
  negative: () => msg('must be a number of 0 or more'),
  'not-boolean': () => msg('must be true or false'),
  'not-day': () => msg('must be a date written YYYY-MM-DD'),
  'not-time': () => msg('must be a time written HH:MM (24-hour clock)'),
  'not-timestamp': () => msg('must be an ISO timestamp'),
  'not-id': () => msg('must be an id (1-100 characters, no control characters)'),
  'not-one-of': ({ values }) => {
    const list = values.join(', ');
    return msg(str`must be one of: ${list}`);
  },
  'not-list': () => msg('must be a list'),
  'not-object': () => msg('must be an object'),
  'not-time-zone': () => msg('must be a time zone such as Europe/Berlin'),
  'in-entry': ({ entry, inner }) => {
    const problem = describeProblem(inner);
    return typeof entry === 'number' ? msg(str`entry ${entry} ${problem}`) : msg(str`entry "${entry}" ${problem}`);
  },
  'in-field': ({ field, inner }: { field: string; inner: ValueProblem }) => `${field} ${describeProblem(inner)}`,
  'value-or-met': () => msg('or met is required'),
  'coach-in-anonymous': () => msg('must be left out of an anonymous session'),
  'anonymous-not-up': () => msg('is only allowed for coaching up'),
  'coach-required': () => msg('is required unless the session is anonymous'),
  'learner-is-coach': () => msg('must be someone other than the coach'),
  'kind-not-this-way': ({ kind, direction }) => msg(str`does not go ${direction} for a ${kind} conversation`),
  'person-in-anonymous': () => msg('must be left out of an anonymous answer'),
  'same-board': () => msg('must be another board than the sender'),
  'id-not-derived': ({ expected }) => msg(str`must be "${expected}" (one record per day)`),
  'already-escalated': () => msg('this action is already escalated'),
  'no-parent-board': ({ board }) => msg(str`board "${board}" has no parent board to escalate to`),
  'not-parent-board': ({ expected }) => msg(str`must be the parent board of the sender ("${expected}")`),
  'not-the-author': ({ author }) => msg(str`must be the person signed in ("${author}"): a coaching conversation is recorded by its coach`),
  'no-author': () => msg('needs a person signed in: this token belongs to no one, and a coaching conversation is recorded by its coach'),
  'not-own-conversation': ({ coach }) => msg(str`must stay "${coach}": only its coach may change this coaching conversation`),
  storage: ({ storage, detail }) => (detail ? `${storageWords(storage)} (${detail})` : storageWords(storage)),
});

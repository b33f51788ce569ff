/**
 * Every problem in plain English: what the server answers and logs, and what tests read. A
 * page registers its own words instead (src/components/problem-words.ts), so a browser never
 * loads these. `useProblemWords(problemText)` makes errors' messages English.
 */
import type { Problem, StorageProblemCode } from './problems.js';

/** The record a file problem is about, as people count: "actions record 3 (id "a-7")". */
function recordLabel(p: { collection: string; index: number; id?: string }): string {
  return p.id !== undefined ? `${p.collection} record ${p.index + 1} (id "${p.id}")` : `${p.collection} record ${p.index + 1}`;
}

/** The problem in plain English: for the server's answers, logs and tests. */
export function problemText(problem: Problem): string {
  switch (problem.code) {
    case 'required':
      return 'is required';
    case 'unknown-field':
      return 'is not a known field';
    case 'not-text':
      return 'must be text';
    case 'empty':
      return 'must not be empty';
    case 'too-long':
      return `must be at most ${problem.max} characters (has ${problem.has})`;
    case 'too-many':
      return `must have at most ${problem.max} entries`;
    case 'control-character':
      return `must not contain control characters (U+${problem.character} at position ${problem.position})`;
    case 'broken-character':
      return `contains a broken character at position ${problem.position} (half of a UTF-16 pair)`;
    case 'not-number':
      return 'must be a number';
    case 'not-whole-number':
      return `must be a whole number from ${problem.min} to ${problem.max}`;
    case 'negative':
      return 'must be a number of 0 or more';
    case 'not-boolean':
      return 'must be true or false';
    case 'not-day':
      return 'must be a date written YYYY-MM-DD';
    case 'not-time':
      return 'must be a time written HH:MM (24-hour clock)';
    case 'not-timestamp':
      return 'must be an ISO timestamp';
    case 'not-id':
      return 'must be an id (1-100 characters, no control characters)';
    case 'not-one-of':
      return `must be one of: ${problem.values.join(', ')}`;
    case 'not-list':
      return 'must be a list';
    case 'not-object':
      return 'must be an object';
    case 'in-entry':
      return typeof problem.entry === 'number'
        ? `entry ${problem.entry} ${problemText(problem.inner)}`
        : `entry "${problem.entry}" ${problemText(problem.inner)}`;
    case 'in-field':
      return `${problem.field} ${problemText(problem.inner)}`;
    case 'not-time-zone':
      return 'must be a time zone such as Europe/Berlin';
    case 'value-or-met':
      return 'or met is required';
    case 'coach-in-anonymous':
      return 'must be left out of an anonymous session';
    case 'anonymous-not-up':
      return 'is only allowed for coaching up';
    case 'coach-required':
      return 'is required unless the session is anonymous';
    case 'learner-is-coach':
      return 'must be someone other than the coach';
    case 'kind-not-this-way':
      return `does not go ${problem.direction} for a ${problem.kind} conversation`;
    case 'person-in-anonymous':
      return 'must be left out of an anonymous answer';
    case 'same-board':
      return 'must be another board than the sender';
    case 'id-not-derived':
      return `must be "${problem.expected}" (one record per day)`;
    case 'already-escalated':
      return 'this action is already escalated';
    case 'no-parent-board':
      return `board "${problem.board}" has no parent board to escalate to`;
    case 'not-parent-board':
      return `must be the parent board of the sender ("${problem.expected}")`;
    case 'not-the-author':
      return `must be the person signed in ("${problem.author}"): a coaching conversation is recorded by its coach`;
    case 'no-author':
      return 'needs a person signed in: this token belongs to no one, and a coaching conversation is recorded by its coach';
    case 'not-own-conversation':
      return `must stay "${problem.coach}": only its coach may change this coaching conversation`;
    case 'not-json':
      return `The file is not valid JSON: ${problem.detail}`;
    case 'not-export':
      return `The file is not a huddle-elements export (its "format" should be "${problem.format}").`;
    case 'no-schema-version':
      return 'The file has no valid "schemaVersion".';
    case 'newer-schema':
      return `The file was exported by a newer version (schema ${problem.version}; this app reads up to ${problem.supported}). Update the app first.`;
    case 'no-data':
      return 'The file has no "data" object.';
    case 'unknown-collection':
      return `The file has an unknown collection "${problem.collection}". Known: ${problem.known.join(', ')}.`;
    case 'not-a-list':
      return `"${problem.collection}" must be a list of records.`;
    case 'bad-record':
      return `${recordLabel(problem)}: ${problem.field} ${problemText(problem.inner)}.`;
    case 'duplicate-id':
      return `${recordLabel(problem)}: the id is used twice in "${problem.collection}".`;
    case 'storage':
      return problem.detail ? `${STORAGE[problem.storage]} (${problem.detail})` : STORAGE[problem.storage];
  }
}

const STORAGE: Record<StorageProblemCode, string> = {
  quota: 'The device has no storage space left for this board, so nothing was saved. Free some space or export and clear old data.',
  closed: "The board's database was closed (another window may be upgrading it), so nothing was saved. Reload the page.",
  blocked: "The board's database is held open by an older version in another tab. Close the other tabs of this board, then reload.",
  version: 'This database was written by a newer version of the board. Update the app or open it where it was written.',
  'not-found': 'The record no longer exists.',
  conflict: 'The change does not fit the current state of the record.',
  unknown: 'The browser refused to save, so nothing was saved.',
};

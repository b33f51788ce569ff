/**
 * What can be wrong with a record, a write or a backup file, as data: a code and the values
 * that explain it. The model decides; whoever shows it words it - elements and the kiosk in
 * the page's language (`src/components/problem-words.ts`), the server and logs in English
 * (`problemText` below). So nothing below the elements needs a localisation runtime.
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
  | { code: 'person-in-anonymous' }
  | { code: 'same-board' }
  | { code: 'id-not-derived'; expected: string };

/** A write refused by the rules of the domain, given the records it touches. */
export type WriteProblem = { code: 'already-escalated' } | { code: 'no-parent-board'; board: string } | { code: 'not-parent-board'; expected: string };

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

export type Problem = ValueProblem | WriteProblem | FileProblem;

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
  }
}

/**
 * The model's problems (src/model/problems.ts) and the store's errors in the page's language.
 * The model says what is wrong as data; here, and only here, it becomes words on a screen.
 */
import { msg, str } from '@lit/localize';
import { ImportError, ValidationError, WriteRefused, type Problem } from '../model/index.js';
import { StorageError, type StorageProblem } from '../store/errors.js';

function recordLabel(p: { collection: string; index: number; id?: string }): string {
  const { collection, index, id } = p;
  return id !== undefined ? msg(str`${collection} record ${index + 1} (id "${id}")`) : msg(str`${collection} record ${index + 1}`);
}

/** One problem, worded for the page. */
export function wordProblem(problem: Problem): string {
  switch (problem.code) {
    case 'required':
      return msg('is required');
    case 'unknown-field':
      return msg('is not a known field');
    case 'not-text':
      return msg('must be text');
    case 'empty':
      return msg('must not be empty');
    case 'too-long': {
      const { max, has } = problem;
      return msg(str`must be at most ${max} characters (has ${has})`);
    }
    case 'too-many': {
      const { max } = problem;
      return msg(str`must have at most ${max} entries`);
    }
    case 'control-character': {
      const { character, position } = problem;
      return msg(str`must not contain control characters (U+${character} at position ${position})`);
    }
    case 'broken-character': {
      const { position } = problem;
      return msg(str`contains a broken character at position ${position} (half of a UTF-16 pair)`);
    }
    case 'not-number':
      return msg('must be a number');
    case 'not-whole-number': {
      const { min, max } = problem;
      return msg(str`must be a whole number from ${min} to ${max}`);
    }
    case 'negative':
      return msg('must be a number of 0 or more');
    case 'not-boolean':
      return msg('must be true or false');
    case 'not-day':
      return msg('must be a date written YYYY-MM-DD');
    case 'not-time':
      return msg('must be a time written HH:MM (24-hour clock)');
    case 'not-timestamp':
      return msg('must be an ISO timestamp');
    case 'not-id':
      return msg('must be an id (1-100 characters, no control characters)');
    case 'not-one-of': {
      const values = problem.values.join(', ');
      return msg(str`must be one of: ${values}`);
    }
    case 'not-list':
      return msg('must be a list');
    case 'not-object':
      return msg('must be an object');
    case 'in-entry': {
      const inner = wordProblem(problem.inner);
      const { entry } = problem;
      return typeof entry === 'number' ? msg(str`entry ${entry} ${inner}`) : msg(str`entry "${entry}" ${inner}`);
    }
    case 'in-field':
      return `${problem.field} ${wordProblem(problem.inner)}`;
    case 'value-or-met':
      return msg('or met is required');
    case 'coach-in-anonymous':
      return msg('must be left out of an anonymous session');
    case 'anonymous-not-up':
      return msg('is only allowed for coaching up');
    case 'coach-required':
      return msg('is required unless the session is anonymous');
    case 'learner-is-coach':
      return msg('must be someone other than the coach');
    case 'person-in-anonymous':
      return msg('must be left out of an anonymous answer');
    case 'same-board':
      return msg('must be another board than the sender');
    case 'id-not-derived': {
      const { expected } = problem;
      return msg(str`must be "${expected}" (one record per day)`);
    }
    case 'already-escalated':
      return msg('this action is already escalated');
    case 'no-parent-board': {
      const { board } = problem;
      return msg(str`board "${board}" has no parent board to escalate to`);
    }
    case 'not-parent-board': {
      const { expected } = problem;
      return msg(str`must be the parent board of the sender ("${expected}")`);
    }
    case 'not-json': {
      const { detail } = problem;
      return msg(str`The file is not valid JSON: ${detail}`);
    }
    case 'not-export': {
      const { format } = problem;
      return msg(str`The file is not a huddle-elements export (its "format" should be "${format}").`);
    }
    case 'no-schema-version':
      return msg('The file has no valid "schemaVersion".');
    case 'newer-schema': {
      const { version, supported } = problem;
      return msg(str`The file was exported by a newer version (schema ${version}; this app reads up to ${supported}). Update the app first.`);
    }
    case 'no-data':
      return msg('The file has no "data" object.');
    case 'unknown-collection': {
      const { collection } = problem;
      const known = problem.known.join(', ');
      return msg(str`The file has an unknown collection "${collection}". Known: ${known}.`);
    }
    case 'not-a-list': {
      const { collection } = problem;
      return msg(str`"${collection}" must be a list of records.`);
    }
    case 'bad-record':
      return `${recordLabel(problem)}: ${problem.field} ${wordProblem(problem.inner)}.`;
    case 'duplicate-id': {
      const label = recordLabel(problem);
      const { collection } = problem;
      return msg(str`${label}: the id is used twice in "${collection}".`);
    }
  }
}

function wordStorageProblem(problem: StorageProblem): string {
  switch (problem) {
    case 'quota':
      return msg('The device has no storage space left for this board, so nothing was saved. Free some space or export and clear old data.');
    case 'closed':
      return msg("The board's database was closed (another window may be upgrading it), so nothing was saved. Reload the page.");
    case 'blocked':
      return msg("The board's database is held open by an older version in another tab. Close the other tabs of this board, then reload.");
    case 'version':
      return msg('This database was written by a newer version of the board. Update the app or open it where it was written.');
    case 'not-found':
      return msg('The record no longer exists.');
    case 'conflict':
      return msg('The change does not fit the current state of the record.');
    case 'unknown':
      return msg('The browser refused to save, so nothing was saved.');
  }
}

/** What went wrong, in the page's language when the error is one the model or store knows. */
export function errorText(error: Error): string;
export function errorText(error: Error | undefined): string | undefined;
export function errorText(error: Error | undefined): string | undefined {
  if (!error) return undefined;
  if (error instanceof ValidationError) return `${error.entity}: ${error.field} ${wordProblem(error.problem)}`;
  if (error instanceof WriteRefused || error instanceof ImportError) return wordProblem(error.problem);
  if (error instanceof StorageError) {
    const words = wordStorageProblem(error.problem);
    return error.detail ? `${words} (${error.detail})` : words;
  }
  return error.message;
}

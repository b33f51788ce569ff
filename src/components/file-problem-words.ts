/**
 * A backup file's problems in the page's language, registered with the model where files are
 * restored (the kiosk's settings), so elements that never restore do not carry them.
 */
import { msg, str } from '@lit/localize';
import type { FileProblem, Problem, ProblemWords } from '../model/problems.js';

function recordLabel({ collection, index, id }: { collection: string; index: number; id?: string }): string {
  const number = index + 1;
  return id !== undefined ? msg(str`${collection} record ${number} (id "${id}")`) : msg(str`${collection} record ${number}`);
}

/** The words, given how to word the problem of the record's field. */
export const fileProblemWords = (describeProblem: (problem: Problem) => string): Partial<ProblemWords> => ({
  'not-json': ({ detail }) => msg(str`The file is not valid JSON: ${detail}`),
  'not-export': ({ format }) => msg(str`The file is not a huddle-elements export (its "format" should be "${format}").`),
  'no-schema-version': () => msg('The file has no valid "schemaVersion".'),
  'newer-schema': ({ version, supported }) =>
    msg(str`The file was exported by a newer version (schema ${version}; this app reads up to ${supported}). Update the app first.`),
  'no-data': () => msg('The file has no "data" object.'),
  'unknown-collection': ({ collection, known }) => {
    const list = known.join(', ');
    return msg(str`The file has an unknown collection "${collection}". Known: ${list}.`);
  },
  'not-a-list': ({ collection }) => msg(str`"${collection}" must be a list of records.`),
  'bad-record': (problem: Extract<FileProblem, { code: 'bad-record' }>) => `${recordLabel(problem)}: ${problem.field} ${describeProblem(problem.inner)}.`,
  'duplicate-id': (problem: Extract<FileProblem, { code: 'duplicate-id' }>) => {
    const label = recordLabel(problem);
    const { collection } = problem;
    return msg(str`${label}: the id is used twice in "${collection}".`);
  },
});

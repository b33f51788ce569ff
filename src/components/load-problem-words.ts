/**
 * Registers the page's words for problems with the model, loading them on first need: most
 * screens never show a problem, so no page downloads the words up front. `withFiles` adds the
 * words for a refused backup file (where one is restored).
 */
import { describeProblem, useProblemWords } from '../model/problems.js';

let loading: Promise<void> | undefined;
let loadingFiles: Promise<void> | undefined;

export function loadProblemWords(options: { withFiles?: boolean } = {}): Promise<void> {
  loading ??= import('./problem-words.js').then(({ problemWords }) => useProblemWords(problemWords(describeProblem)));
  if (!options.withFiles) return loading;
  loadingFiles ??= loading.then(() => import('./file-problem-words.js')).then(({ fileProblemWords }) => useProblemWords(fileProblemWords(describeProblem)));
  return loadingFiles;
}

/**
 * Errors a write can end in besides invalid input (a model ValidationError) and a refusal
 * by the rules (a model WriteRefused). The message is English, for logs and hosts; elements
 * word `problem` in the page's language (src/components/problem-words.ts).
 */

export type StorageProblem = 'quota' | 'closed' | 'blocked' | 'version' | 'not-found' | 'conflict' | 'unknown';

const MESSAGES: Record<StorageProblem, string> = {
  quota: 'The device has no storage space left for this board, so nothing was saved. Free some space or export and clear old data.',
  closed: "The board's database was closed (another window may be upgrading it), so nothing was saved. Reload the page.",
  blocked: "The board's database is held open by an older version in another tab. Close the other tabs of this board, then reload.",
  version: 'This database was written by a newer version of the board. Update the app or open it where it was written.',
  'not-found': 'The record no longer exists.',
  conflict: 'The change does not fit the current state of the record.',
  unknown: 'The browser refused to save, so nothing was saved.',
};

/** A write the browser or the data refused; `problem` says which, the message says it plainly. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly problem: StorageProblem,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${MESSAGES[problem]} (${detail})` : MESSAGES[problem], options);
  }
}

/** Maps what IndexedDB throws to a StorageError that says what happened. */
export function toStorageError(error: unknown): Error {
  if (error instanceof StorageError || (error instanceof Error && (error.name === 'ValidationError' || error.name === 'WriteRefused'))) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'QuotaExceededError':
      return new StorageError('quota', undefined, { cause: error });
    case 'InvalidStateError':
    case 'TransactionInactiveError':
      return new StorageError('closed', undefined, { cause: error });
    case 'VersionError':
      return new StorageError('version', undefined, { cause: error });
    case 'AbortError':
      // Chromium reports a quota refusal at commit time as an abort whose message names it.
      return /quota/i.test(detail) ? new StorageError('quota', undefined, { cause: error }) : new StorageError('unknown', detail, { cause: error });
    default:
      return new StorageError('unknown', detail, { cause: error });
  }
}

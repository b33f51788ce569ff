/**
 * Errors a write can end in besides invalid input (which is a model ValidationError). Their
 * messages are shown to people at the board as they are, so they are in the page's language.
 */
import { msg } from '@lit/localize';

export type StorageProblem = 'quota' | 'closed' | 'blocked' | 'version' | 'not-found' | 'conflict' | 'unknown';

function messageOf(problem: StorageProblem): string {
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

/** A write the browser or the data refused; `problem` says which, the message says it plainly. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly problem: StorageProblem,
    detail?: string,
    options?: { cause?: unknown },
  ) {
    super(detail ? `${messageOf(problem)} (${detail})` : messageOf(problem), options);
  }
}

/** Maps what IndexedDB throws to a StorageError that says what happened. */
export function toStorageError(error: unknown): Error {
  if (error instanceof StorageError || (error instanceof Error && error.name === 'ValidationError')) return error;
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

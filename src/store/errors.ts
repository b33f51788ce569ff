/**
 * Errors a write can end in besides invalid input (a model ValidationError) and a refusal
 * by the rules (a model WriteRefused). The message is the registered words for the problem
 * (see src/model/problems.ts): the page's language where the elements are loaded.
 */
import { describeProblem, wordWhenRead, type StorageProblemCode } from '../model/problems.js';

export type StorageProblem = StorageProblemCode;

/** A write the browser or the data refused; `problem` says which, the message says it plainly. */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly problem: StorageProblem,
    readonly detail?: string,
    options?: { cause?: unknown },
  ) {
    super(undefined, options);
    wordWhenRead(this, () => describeProblem({ code: 'storage', storage: problem, ...(detail ? { detail } : {}) }));
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

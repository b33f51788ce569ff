/**
 * Group commit for pushes. Every push of an organisation holds its counter's row lock until it
 * commits, so with one transaction per push an organisation stores at most one push per disk
 * flush, however many devices it has (bench:sync measured ~110 a second). Here the pushes of an
 * organisation that arrive while its previous batch is being stored wait, and are stored
 * together in one transaction when it ends: a wall that pushes alone is stored at once, and
 * under load many devices share each flush. Each push is still checked as if it came alone
 * and is stored or refused whole (sync-service.ts `pushBatch`).
 */
import type { PushResponse, SyncOp } from '../src/protocol/sync.js';
import type { Database } from './db.js';
import { pushBatch, type PushRequest, type Pusher } from './sync-service.js';

/** Ops in one batch: a few large pushes, or many taps. */
const OPS_PER_BATCH = 2000;

interface Waiting extends PushRequest {
  resolve: (response: PushResponse) => void;
  reject: (error: unknown) => void;
}

/** Runs a batch when it is the organisation's turn at the database (fair-queue.ts). */
export type TurnAtDatabase = <T>(org: string, task: () => Promise<T>) => Promise<T>;

export class PushBatches {
  /** Pushes waiting for their organisation's running batch to end. */
  readonly #waiting = new Map<string, Waiting[]>();
  readonly #storing = new Set<string>();

  constructor(
    readonly db: Database,
    readonly turn: TurnAtDatabase,
  ) {}

  /** Stores `ops` as `who` with the organisation's next batch; resolves or rejects for this push alone. */
  push(who: Pusher, ops: readonly SyncOp[]): Promise<PushResponse> {
    return new Promise((resolve, reject) => {
      const queue = this.#waiting.get(who.org) ?? [];
      queue.push({ who, ops, resolve, reject });
      this.#waiting.set(who.org, queue);
      if (!this.#storing.has(who.org)) void this.#store(who.org);
    });
  }

  /** Pushes waiting, over every organisation. */
  get waiting(): number {
    let count = 0;
    for (const queue of this.#waiting.values()) count += queue.length;
    return count;
  }

  async #store(org: string): Promise<void> {
    this.#storing.add(org);
    try {
      while (this.#waiting.has(org)) {
        // One turn of the event loop first: requests read in the same turn as this one join it.
        // (An embedded database runs a transaction without giving the event loop a turn, so
        // without this every push read meanwhile would start its own, one after another.)
        await new Promise((resolve) => setImmediate(resolve));
        let batch: Waiting[] = [];
        try {
          // Taken when the turn comes, not before: what arrived while waiting for it goes too.
          const outcomes = await this.turn(org, () => pushBatch(this.db, org, (batch = this.#take(org))));
          outcomes.forEach((outcome, i) => (outcome.ok ? batch[i]!.resolve(outcome.response) : batch[i]!.reject(outcome.error)));
        } catch (error) {
          // The transaction failed (the database, not a push): nothing of the batch is stored.
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.#storing.delete(org);
    }
  }

  /** The organisation's oldest waiting pushes, up to a batch's ops (always at least one). */
  #take(org: string): Waiting[] {
    const queue = this.#waiting.get(org);
    if (!queue) return [];
    let ops = 0;
    let count = 0;
    while (count < queue.length && (count === 0 || ops + queue[count]!.ops.length <= OPS_PER_BATCH)) ops += queue[count++]!.ops.length;
    const batch = queue.splice(0, count);
    if (queue.length === 0) this.#waiting.delete(org);
    return batch;
  }
}

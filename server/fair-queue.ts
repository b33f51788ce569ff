/**
 * Fair turns at the database between organisations. Requests wait in one queue per
 * organisation and the queues take turns, so one organisation's burst of large pushes waits
 * behind itself, not in front of another organisation's pull: that pull waits for at most
 * the transactions already running. No organisation may hold every slot, so another always
 * gets the next free one.
 */
export class FairQueue {
  readonly #waiting = new Map<string, (() => void)[]>();
  readonly #running = new Map<string, number>();
  /** When each key last got a turn (a count of turns given): the longest waiting goes next. */
  readonly #servedAt = new Map<string, number>();
  #turns = 0;
  #active = 0;
  readonly #perKey: number;

  /** `slots`: transactions at once (1 on PGlite, which runs one at a time anyway). */
  constructor(readonly slots: number) {
    this.#perKey = Math.max(1, slots - 1);
  }

  /** Runs `task` when it is `key`'s turn; resolves or rejects with it. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.#active++;
        this.#running.set(key, (this.#running.get(key) ?? 0) + 1);
        task()
          .then(resolve, reject)
          .finally(() => {
            this.#active--;
            const left = (this.#running.get(key) ?? 1) - 1;
            if (left > 0) this.#running.set(key, left);
            else {
              this.#running.delete(key);
              // Forgotten once idle, so the map holds only organisations with work under way.
              if (!this.#waiting.has(key)) this.#servedAt.delete(key);
            }
            // Through the event loop, not straight on: an embedded database runs on this
            // thread, so a transaction started at once would keep every request that arrived
            // meanwhile - another organisation's pull among them - unread and out of the queue.
            setImmediate(() => this.#next());
          });
      };
      const queue = this.#waiting.get(key) ?? [];
      queue.push(start);
      this.#waiting.set(key, queue);
      this.#next();
    });
  }

  /** Requests waiting for a turn, over every key. */
  get waiting(): number {
    let count = 0;
    for (const queue of this.#waiting.values()) count += queue.length;
    return count;
  }

  #next(): void {
    while (this.#active < this.slots) {
      const key = this.#nextKey();
      if (key === undefined) return;
      const queue = this.#waiting.get(key)!;
      const start = queue.shift()!;
      if (queue.length === 0) this.#waiting.delete(key);
      this.#servedAt.set(key, ++this.#turns);
      start();
    }
  }

  /** The waiting key that got its last turn longest ago (a key new to the queue first). */
  #nextKey(): string | undefined {
    let next: string | undefined;
    let oldest = Infinity;
    for (const key of this.#waiting.keys()) {
      if ((this.#running.get(key) ?? 0) >= this.#perKey) continue;
      const served = this.#servedAt.get(key) ?? 0;
      if (served < oldest) {
        oldest = served;
        next = key;
      }
    }
    return next;
  }
}

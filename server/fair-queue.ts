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
            if (left === 0) this.#running.delete(key);
            else this.#running.set(key, left);
            this.#next();
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
      // Moving the key to the back of the map's order is what makes the queues take turns.
      this.#waiting.delete(key);
      if (queue.length > 0) this.#waiting.set(key, queue);
      start();
    }
  }

  #nextKey(): string | undefined {
    for (const key of this.#waiting.keys()) if ((this.#running.get(key) ?? 0) < this.#perKey) return key;
    return undefined;
  }
}

/**
 * Fans database notifications out to the live connections of each organisation. One LISTEN
 * per instance; each connection registers a callback and removes it when it closes.
 */
import type { Database } from './db.js';
import { NOTIFY_CHANNEL } from './sync-service.js';

export class LiveHub {
  readonly #listeners = new Map<string, Set<(cursor: number) => void>>();
  #stop: (() => Promise<void>) | undefined;

  async start(db: Database): Promise<void> {
    this.#stop = await db.listen(NOTIFY_CHANNEL, (payload) => {
      const [org, seq] = payload.split(' ');
      for (const listener of this.#listeners.get(org ?? '') ?? []) listener(Number(seq));
    });
  }

  subscribe(org: string, listener: (cursor: number) => void): () => void {
    const set = this.#listeners.get(org) ?? new Set();
    set.add(listener);
    this.#listeners.set(org, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(org);
    };
  }

  get connections(): number {
    let count = 0;
    for (const set of this.#listeners.values()) count += set.size;
    return count;
  }

  async stop(): Promise<void> {
    await this.#stop?.();
    this.#listeners.clear();
  }
}

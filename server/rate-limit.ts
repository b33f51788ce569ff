/**
 * A token bucket per caller: `perMinute` requests a minute on average, bursts up to a
 * minute's worth. Kept in memory, so with several instances each one limits on its own.
 * At most `maxKeys` callers are remembered; the one heard from longest ago is forgotten
 * first (it had a full bucket again long since, or will get a fresh minute).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    readonly maxKeys = 10_000,
  ) {}

  /** True when `key` may make a request now (and counts it). */
  take(key: string): boolean {
    const bucket = this.#refilled(key);
    // Re-inserted so that the map's order is "heard from longest ago" first.
    this.#buckets.delete(key);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > this.maxKeys) this.#buckets.delete(this.#buckets.keys().next().value!);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** True when `key` has used its budget (nothing is counted). */
  exhausted(key: string): boolean {
    return this.#buckets.has(key) && this.#refilled(key).tokens < 1;
  }

  /** Seconds until `key` may try again. */
  retryAfter(key: string): number {
    const bucket = this.#buckets.get(key);
    return bucket ? Math.max(1, Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute)) : 0;
  }

  #refilled(key: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    return bucket;
  }
}

/**
 * A token bucket per caller: `perMinute` requests a minute on average, bursts up to a
 * minute's worth. Kept in memory, so with several instances each one limits on its own.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `key` may make a request now (and counts it). */
  take(key: string): boolean {
    const now = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) / 60_000) * this.perMinute);
    bucket.at = now;
    if (this.#buckets.size > 10_000) this.#buckets.clear(); // bounded memory, at worst a fresh minute for all
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Seconds until `key` may try again. */
  retryAfter(key: string): number {
    const bucket = this.#buckets.get(key);
    return bucket ? Math.ceil(((1 - bucket.tokens) * 60) / this.perMinute) : 0;
  }
}

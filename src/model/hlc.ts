/**
 * A hybrid logical clock: wall-clock milliseconds, a counter for events in the same
 * millisecond (or while the wall clock lags behind a time already seen), and the node that
 * made the stamp. Stamps are fixed-width strings, so comparing two stamps as strings orders
 * them; no two nodes ever make the same stamp, so the order is total.
 *
 * Why not the wall clock alone: a tablet whose clock is five minutes slow would lose every
 * edit it makes against a kiosk with the right time, even edits made later. The HLC never
 * goes backwards and moves past every stamp it has seen.
 */

/**
 * How far ahead of what a node believes is the server's time a stamp it accepts from
 * elsewhere may be. The server re-stamps every op stamped ahead of its own clock, so an
 * honest stamp is never ahead of the server; this tolerance covers the error of a device's
 * estimate of the server's time (half a round trip) and nothing more. A stamp beyond it
 * was made by a broken or hostile device, and adopting it would let that stamp win over
 * every honest edit until its time comes (or, near the top of the range, stop the clock).
 */
export const CLOCK_TOLERANCE_MS = 5_000;

/**
 * How far its own last stamp may lead the corrected wall clock before a clock starts again
 * from the wall clock. Up to this, a clock set back keeps counting on from its last stamp, so
 * a device's later edit never sorts before its earlier one. Beyond it, the last stamp was a
 * bad one (adopted before stamps were bounded, up to the top of the range, where the next
 * stamp would not even be well-formed): carrying it on would put every later write there.
 */
export const MAX_OWN_LEAD_MS = 24 * 3600_000;

/** A stamp, e.g. `0001763812345678:0000:k3f9a2`. */
export type Hlc = string;

/** The lowest stamp: what a field with no known clock (data from before sync) counts as. */
export const ZERO_HLC: Hlc = '';

const COUNTER_MAX = 0xffff;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

/** Node ids are short, url-safe and never contain the separator. */
export const NODE_PATTERN = /^[a-z0-9]{4,32}$/;
const STAMP_PATTERN = /^(\d{16}):([0-9a-f]{4}):([a-z0-9]{4,32})$/;

export function formatHlc({ ms, counter, node }: HlcParts): Hlc {
  return `${String(ms).padStart(16, '0')}:${counter.toString(16).padStart(4, '0')}:${node}`;
}

export function parseHlc(stamp: string): HlcParts | undefined {
  const match = STAMP_PATTERN.exec(stamp);
  if (!match) return undefined;
  return { ms: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && STAMP_PATTERN.test(value);
}

/** A new random node id for a device or a server. */
export function newNodeId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/** The wall-clock milliseconds of a stamp (0 for one that is not a stamp). */
export function hlcMs(stamp: Hlc): number {
  return parseHlc(stamp)?.ms ?? 0;
}

/**
 * One node's clock. `now` is injectable so tests can give nodes skewed or frozen clocks.
 * `offsetMs` corrects a device's wall clock to the server's (a wall TV an hour fast, a
 * tablet a day slow): the sync client learns it from every answer and the store keeps it.
 */
export class HybridClock {
  #last: HlcParts;
  /** `#last` as text: stamps sort as text in the order of time, so most stamps heard need no parsing. */
  #lastText: Hlc;
  /** Added to the wall clock: the server's time minus this device's, as last measured. */
  offsetMs = 0;

  constructor(
    readonly node: string,
    last: Hlc = ZERO_HLC,
    private readonly now: () => number = Date.now,
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`not a clock node id: ${node}`);
    const parsed = parseHlc(last);
    this.#last = parsed ? { ...parsed, node } : { ms: 0, counter: 0, node };
    this.#lastText = formatHlc(this.#last);
  }

  /** The last stamp made or seen, to persist and resume from. */
  get last(): Hlc {
    return this.#lastText;
  }

  /** The corrected wall clock: what this node believes the server's time is. */
  wallNow(): number {
    return this.now() + this.offsetMs;
  }

  /**
   * True when a stamp is further ahead of the corrected wall clock than any honest one can
   * be - or is not a stamp at all (a malformed one left by the overflow bad stamps caused).
   */
  isAhead(stamp: Hlc): boolean {
    if (stamp === ZERO_HLC) return false;
    const parsed = parseHlc(stamp);
    return !parsed || parsed.ms > this.wallNow() + CLOCK_TOLERANCE_MS;
  }

  /**
   * A stamp for a local event: later than every stamp this clock has made or seen - unless
   * that one leads the corrected wall clock by more than MAX_OWN_LEAD_MS: then the clock
   * starts again from the wall clock rather than carry a bad time into every later write.
   */
  tick(): Hlc {
    const wall = this.wallNow();
    if (this.#last.ms > wall + MAX_OWN_LEAD_MS) this.#last = { ms: wall, counter: 0, node: this.node };
    this.#setLast(wall > this.#last.ms ? { ms: wall, counter: 0, node: this.node } : this.#advance(this.#last.ms, this.#last.counter));
    return this.#lastText;
  }

  /**
   * Takes note of a stamp from elsewhere, so the next local stamp comes after it. A stamp
   * beyond the tolerance is ignored: no device moves its clock into the future on the word
   * of another.
   */
  receive(stamp: Hlc): void {
    // Not after this clock's last stamp: nothing to learn (a new screen hears ~70,000 stamps).
    if (stamp <= this.#lastText) return;
    const remote = parseHlc(stamp);
    if (!remote || this.isAhead(stamp)) return;
    if (remote.ms > this.#last.ms || (remote.ms === this.#last.ms && remote.counter > this.#last.counter)) {
      this.#setLast({ ms: remote.ms, counter: remote.counter, node: this.node });
    }
  }

  #setLast(parts: HlcParts): void {
    this.#last = parts;
    this.#lastText = formatHlc(parts);
  }

  #advance(ms: number, counter: number): HlcParts {
    // A counter overflow borrows the next millisecond rather than wrapping (which would
    // make a later stamp sort earlier).
    return counter >= COUNTER_MAX ? { ms: ms + 1, counter: 0, node: this.node } : { ms, counter: counter + 1, node: this.node };
  }
}

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

/**
 * One node's clock. `now` is injectable so tests can give nodes skewed or frozen clocks.
 */
export class HybridClock {
  #last: HlcParts;

  constructor(
    readonly node: string,
    last: Hlc = ZERO_HLC,
    private readonly now: () => number = Date.now,
  ) {
    if (!NODE_PATTERN.test(node)) throw new Error(`not a clock node id: ${node}`);
    const parsed = parseHlc(last);
    this.#last = parsed ? { ...parsed, node } : { ms: 0, counter: 0, node };
  }

  /** The last stamp made or seen, to persist and resume from. */
  get last(): Hlc {
    return formatHlc(this.#last);
  }

  /** A stamp for a local event: later than every stamp this clock has made or seen. */
  tick(): Hlc {
    const wall = this.now();
    this.#last = wall > this.#last.ms ? { ms: wall, counter: 0, node: this.node } : this.#advance(this.#last.ms, this.#last.counter);
    return formatHlc(this.#last);
  }

  /** Takes note of a stamp from elsewhere, so the next local stamp comes after it. */
  receive(stamp: Hlc): void {
    const remote = parseHlc(stamp);
    if (!remote) return;
    if (remote.ms > this.#last.ms || (remote.ms === this.#last.ms && remote.counter > this.#last.counter)) {
      this.#last = { ms: remote.ms, counter: remote.counter, node: this.node };
    }
  }

  #advance(ms: number, counter: number): HlcParts {
    // A counter overflow borrows the next millisecond rather than wrapping (which would
    // make a later stamp sort earlier).
    return counter >= COUNTER_MAX ? { ms: ms + 1, counter: 0, node: this.node } : { ms, counter: counter + 1, node: this.node };
  }
}

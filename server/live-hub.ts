/**
 * Fans database notifications out to the live connections of each organisation - to a wall
 * only those of its boards and its line. One LISTEN per instance for changes and one for
 * revoked tokens; each connection registers itself and
 * is removed when it closes. Connections are capped per token and per organisation, and a
 * revoked token's connections are closed at once on every instance.
 */
import type { Database } from './db.js';
import { NOTIFY_CHANNEL, parseChangeNotice } from './change-notice.js';

/** Where a revoke is announced to every instance (payload: the token's hash). */
export const REVOKE_CHANNEL = 'huddle_revoke';

export interface LiveLimits {
  perToken: number;
  perOrg: number;
}

interface Connection {
  tokenHash: string;
  onChange: (cursor: number) => void;
  close: () => void;
  /** Whether a change to these boards concerns it (a wall: its boards and its line); absent: every change. */
  hears?: (boards: readonly string[]) => boolean;
}

export class LiveHub {
  readonly #byOrg = new Map<string, Set<Connection>>();
  readonly #revokeListeners = new Set<(tokenHash: string) => void>();
  #stops: (() => Promise<void>)[] = [];

  constructor(readonly limits: LiveLimits = { perToken: 4, perOrg: 2000 }) {}

  async start(db: Database): Promise<void> {
    this.#stops.push(
      await db.listen(NOTIFY_CHANNEL, (payload) => {
        const { org, seq, boards } = parseChangeNotice(payload);
        for (const connection of this.#byOrg.get(org) ?? []) {
          // A wall of a large organisation hears of its own boards' changes, not of every board's.
          if (boards.length === 0 || !connection.hears || connection.hears(boards)) connection.onChange(seq);
        }
      }),
      await db.listen(REVOKE_CHANNEL, (tokenHash) => this.#revoked(tokenHash)),
    );
  }

  /**
   * Registers a live connection; returns how to remove it, or why it may not open (a cap
   * reached). `close` is called when the token is revoked.
   */
  subscribe(
    org: string,
    tokenHash: string,
    onChange: (cursor: number) => void,
    close: () => void,
    hears?: (boards: readonly string[]) => boolean,
  ): (() => void) | { refused: string } {
    const connections = this.#byOrg.get(org) ?? new Set<Connection>();
    if (connections.size >= this.limits.perOrg)
      return { refused: `this organisation has ${this.limits.perOrg} live connections open, the most allowed (LIVE_PER_ORG)` };
    let ofToken = 0;
    for (const c of connections) if (c.tokenHash === tokenHash) ofToken++;
    if (ofToken >= this.limits.perToken)
      return { refused: `this token has ${this.limits.perToken} live connections open, the most allowed: close another screen using it` };
    const connection: Connection = { tokenHash, onChange, close, ...(hears ? { hears } : {}) };
    connections.add(connection);
    this.#byOrg.set(org, connections);
    return () => {
      connections.delete(connection);
      if (connections.size === 0 && this.#byOrg.get(org) === connections) this.#byOrg.delete(org);
    };
  }

  /** Calls `listener` with the hash of every token revoked, here or on another instance. */
  onRevoke(listener: (tokenHash: string) => void): () => void {
    this.#revokeListeners.add(listener);
    return () => this.#revokeListeners.delete(listener);
  }

  get connections(): number {
    let count = 0;
    for (const set of this.#byOrg.values()) count += set.size;
    return count;
  }

  async stop(): Promise<void> {
    for (const stop of this.#stops.splice(0)) await stop();
    this.#byOrg.clear();
  }

  #revoked(tokenHash: string): void {
    for (const listener of this.#revokeListeners) listener(tokenHash);
    for (const connections of this.#byOrg.values()) {
      for (const connection of [...connections]) if (connection.tokenHash === tokenHash) connection.close();
    }
  }
}

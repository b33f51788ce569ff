/**
 * What an IT department's Prometheus scrapes at `/metrics`: requests by route and status,
 * ops applied (per organisation) and refused (by reason), push and pull latency, live
 * connections, the database's connections and queue, the last backup, and the process's own
 * figures (memory, CPU, event-loop lag). Labels are routes, statuses, reasons and organisation
 * ids - never a person, a record id or a token.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

/** Why a push was refused, as the `reason` label says it. */
export type RefusalReason = 'invalid' | 'forbidden' | 'too-large' | 'rate-limited' | 'not-json';

/** Figures read when scraped rather than counted as they happen. */
export interface MetricSources {
  liveConnections: () => number;
  database: () => { kind: string; total: number; idle: number; waiting: number };
}

/** Seconds: a push or pull is expected well under a second; the tail shows a struggling database. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class ServerMetrics {
  readonly registry = new Registry();
  readonly #requests = new Counter({
    name: 'huddle_http_requests_total',
    help: 'HTTP requests answered, by route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly #applied = new Counter({
    name: 'huddle_ops_applied_total',
    help: 'Ops stored by pushes, per organisation.',
    labelNames: ['org'] as const,
    registers: [this.registry],
  });
  readonly #duplicates = new Counter({
    name: 'huddle_ops_duplicate_total',
    help: 'Ops pushed again that the server already had (a retry after a lost answer).',
    registers: [this.registry],
  });
  readonly #refused = new Counter({
    name: 'huddle_ops_refused_total',
    help: 'Ops in pushes the server refused as a whole, by reason.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly #latency = new Histogram({
    name: 'huddle_sync_duration_seconds',
    help: 'Time to answer a push or a pull, waiting for the database included.',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly #lastBackup = new Gauge({
    name: 'huddle_last_backup_timestamp_seconds',
    help: 'When the last backup was written completely (0: none since start).',
    registers: [this.registry],
  });

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry, prefix: 'huddle_' });
    new Gauge({
      name: 'huddle_live_connections',
      help: 'Live channels (server-sent events) open to devices.',
      registers: [this.registry],
      collect() {
        this.set(sources.liveConnections());
      },
    });
    new Gauge({
      name: 'huddle_db_connections',
      help: 'Database connections by state (PGlite: one, in this process).',
      labelNames: ['kind', 'state'] as const,
      registers: [this.registry],
      collect() {
        const db = sources.database();
        this.set({ kind: db.kind, state: 'total' }, db.total);
        this.set({ kind: db.kind, state: 'idle' }, db.idle);
        this.set({ kind: db.kind, state: 'waiting' }, db.waiting);
      },
    });
  }

  /** A figure read when scraped, from a part that is made after the metrics (the app's queue). */
  observe(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** Counts every answer by its route pattern (so a record id in a path makes no new series). */
  requests(): MiddlewareHandler {
    return async (c, next) => {
      await next();
      this.#requests.inc({ method: c.req.method, route: routeOf(c), status: String(c.res.status) });
    };
  }

  /** Starts timing a push or pull; call the result when it is answered. */
  timer(operation: 'push' | 'pull'): () => void {
    const end = this.#latency.startTimer({ operation });
    return () => void end();
  }

  pushed(org: string, applied: number, duplicates: number): void {
    if (applied > 0) this.#applied.inc({ org }, applied);
    if (duplicates > 0) this.#duplicates.inc(duplicates);
  }

  refused(reason: RefusalReason, ops: number): void {
    this.#refused.inc({ reason }, Math.max(1, ops));
  }

  backedUp(at: Date): void {
    this.#lastBackup.set(at.getTime() / 1000);
  }
}

/** The kiosk's files are one route: each file its own series would grow with every release. */
export function routeOf(c: Context): string {
  const path = c.req.path;
  if (!(path.startsWith('/api/') || path.startsWith('/auth/') || path === '/metrics')) return 'kiosk';
  // The route that answers (middleware is registered for every method); an address no route
  // answers is one series, not one per address.
  const handlers = matchedRoutes(c).filter((route) => route.method !== 'ALL');
  return handlers.at(-1)?.path ?? 'unknown';
}

/**
 * One JSON line per request, for the site's log collector: a request id (the proxy's, when it
 * sends a sane one, so the proxy's and the server's lines can be joined), method, route
 * pattern, status, milliseconds and organisation. Never a query string, a path's ids, a body
 * or a token: a kiosk URL may carry a token and paths name people.
 */
import type { MiddlewareHandler } from 'hono';
import { routeOf } from './metrics.js';

export type LogLine = Record<string, unknown>;
export type Log = (line: LogLine) => void;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Writes each line as JSON on standard error, where systemd's journal and containers collect it. */
export const jsonLog: Log = (line) => process.stderr.write(`${JSON.stringify(line)}\n`);

export function requestLog(
  log: Log,
  { everyRequest }: { everyRequest: boolean },
): MiddlewareHandler<{ Variables: { requestId: string; who?: { org: string } } }> {
  return async (c, next) => {
    const incoming = c.req.header('X-Request-Id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    const started = performance.now();
    await next();
    // The live channel answers at once and stays open: its line says it opened.
    if (!everyRequest && c.res.status < 400) return;
    log({
      at: new Date().toISOString(),
      level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
      msg: 'request',
      req: id,
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('who') ? { org: c.get('who')?.org } : {}),
    });
  };
}

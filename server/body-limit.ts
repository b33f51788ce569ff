/**
 * A request body of at most `maxBytes`, else `tooLarge` answers. A body that says its length
 * (every device's push: fetch sends a Content-Length) is judged by it and left unread here,
 * so that the handler reads it straight from the socket (Node stops at that length); only a
 * chunked body is counted as it streams, by hono/body-limit. (hono/body-limit alone turned
 * every request into a web Request with a web stream to read: a fifth of the server's CPU a
 * push in bench:sync.)
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function limitBody(maxBytes: number, tooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    const bytes = Number(length);
    if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > maxBytes) return tooLarge(c);
    await next();
  };
}

/**
 * CORS for the API: any origin may call it (a device proves itself by its token, never by a
 * cookie), with the methods and headers the API uses; a preflight is answered here.
 *
 * The headers are set before the handler runs (`c.header`), not on a response made early:
 * hono/cors set them on Hono's default response, and Hono then rebuilt every answer around
 * that one as a web stream (bench:sync, one op per push: most of the server's CPU a push).
 */
import type { MiddlewareHandler } from 'hono';

export function apiCors({ methods, headers }: { methods: readonly string[]; headers: readonly string[] }): MiddlewareHandler {
  const allowMethods = methods.join(',');
  const allowHeaders = headers.join(',');
  return async (c, next) => {
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.method !== 'OPTIONS') return next();
    c.header('Access-Control-Allow-Methods', allowMethods);
    c.header('Access-Control-Allow-Headers', allowHeaders);
    return c.body(null, 204);
  };
}

/**
 * Headers that keep the kiosk page and the API answers from being misused: the strict
 * Content-Security-Policy the kiosk is tested under (test/e2e/csp.e2e.mjs), no MIME
 * sniffing, no framing (unless an intranet sets FRAME_ANCESTORS), no referrer (a kiosk URL
 * may have held a token), and API answers that no cache keeps.
 */
import type { MiddlewareHandler } from 'hono';

export const KIOSK_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

export function securityHeaders({ frameAncestors }: { frameAncestors: string }): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith('/api/')) {
      // Before the handler: Hono adds them to the answer it makes. Set after it, each rebuilt
      // the answer as a web stream (bench:sync: a tenth of the server's CPU a push).
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Referrer-Policy', 'no-referrer');
      c.header('Cache-Control', 'no-store');
      return next();
    }
    // After it for the kiosk's files: the static server makes its own answers.
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', `${KIOSK_POLICY}; frame-ancestors ${frameAncestors}`);
    if (frameAncestors === "'none'") c.header('X-Frame-Options', 'DENY');
  };
}

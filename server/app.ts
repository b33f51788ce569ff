/**
 * The HTTP API (Hono): who am I, push, pull, a live channel (server-sent events), phone
 * links; and the built kiosk as static files, so a phone that scans a board's QR code is
 * served by the same server. Bearer tokens only (no cookies), so any origin may call it.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import { checkPushBody, SYNC_LIMITS, SyncProtocolError } from '../src/sync/protocol.js';
import type { Database } from './db.js';
import type { LiveHub } from './live-hub.js';
import { RateLimiter } from './rate-limit.js';
import { AccessError, pull, push } from './sync-service.js';
import { createToken, lookupToken, TokenError, type Principal } from './tokens.js';

export interface AppOptions {
  db: Database;
  hub: LiveHub;
  /** Requests a minute per token. */
  ratePerMinute: number;
  /** Folder of the built kiosk, served at / (skipped when absent). */
  kioskDir?: string;
  /** Seconds between keep-alive comments on live connections. */
  heartbeatSeconds?: number;
}

type Env = { Variables: { who: Principal } };

/** Phone links last a working day: long enough for a shift, short enough that a photo of the QR code goes stale. */
const PHONE_LINK_SECONDS = 12 * 3600;

export function createApp({ db, hub, ratePerMinute, kioskDir, heartbeatSeconds = 25 }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const limiter = new RateLimiter(ratePerMinute);
  const tokenCache = new Map<string, { who: Principal | undefined; until: number }>();

  app.use('/api/*', cors({ origin: '*', allowHeaders: ['Authorization', 'Content-Type'], allowMethods: ['GET', 'POST', 'OPTIONS'] }));
  app.get('/api/health', (c) => c.json({ ok: true, storage: db.kind }));

  app.use('/api/*', async (c, next) => {
    const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) return c.json({ error: 'send the device token as "Authorization: Bearer <token>"' }, 401);
    // A short cache keeps a busy board from costing a query per request; a revoked token
    // stops working within this many seconds.
    let cached = tokenCache.get(token);
    if (!cached || cached.until < Date.now()) {
      cached = { who: await lookupToken(db, token), until: Date.now() + 10_000 };
      if (tokenCache.size > 10_000) tokenCache.clear();
      tokenCache.set(token, cached);
    }
    if (!cached.who) return c.json({ error: 'this token is unknown, revoked or expired: ask an admin for a new one' }, 401);
    if (!limiter.take(cached.who.tokenHash)) {
      c.header('Retry-After', String(limiter.retryAfter(cached.who.tokenHash)));
      return c.json({ error: `too many requests: at most ${ratePerMinute} a minute per device` }, 429);
    }
    c.set('who', cached.who);
    await next();
  });

  app.get('/api/whoami', (c) => {
    const { tokenHash: _hidden, ...who } = c.get('who');
    return c.json(who);
  });

  app.post(
    '/api/sync/push',
    bodyLimit({ maxSize: SYNC_LIMITS.bodyBytes, onError: (c) => c.json({ error: `a push is at most ${SYNC_LIMITS.bodyBytes} bytes: send fewer ops at a time` }, 413) }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return c.json({ error: 'the body is not JSON' }, 400);
      }
      try {
        const ops = checkPushBody(body);
        return c.json(await push(db, c.get('who'), ops));
      } catch (error) {
        return rejected(c, error);
      }
    },
  );

  app.get('/api/sync/pull', async (c) => {
    const cursor = Number(c.req.query('cursor') ?? '0');
    if (!Number.isSafeInteger(cursor) || cursor < 0) return c.json({ error: 'cursor must be a whole number, 0 or more' }, 400);
    return c.json(await pull(db, c.get('who'), cursor));
  });

  app.get('/api/sync/live', (c) =>
    streamSSE(c, async (stream) => {
      const who = c.get('who');
      let wake: (() => void) | undefined;
      const closed = new Promise<void>((resolve) => (wake = resolve));
      const unsubscribe = hub.subscribe(who.org, (cursor) => void stream.writeSSE({ event: 'changed', data: String(cursor) }).catch(() => wake?.()));
      const heartbeat = setInterval(() => void stream.write(': still here\n\n').catch(() => wake?.()), heartbeatSeconds * 1000);
      stream.onAbort(() => wake?.());
      try {
        await stream.writeSSE({ event: 'ready', data: '' });
        await closed;
      } finally {
        clearInterval(heartbeat);
        unsubscribe();
      }
    }),
  );

  // An admin makes device tokens here while the server runs (the command line needs the
  // embedded database to itself).
  app.post('/api/tokens', async (c) => {
    const who = c.get('who');
    if (who.role !== 'admin') return c.json({ error: 'only an admin token can make tokens' }, 403);
    const body = (await c.req.json().catch(() => undefined)) as { role?: unknown; unit?: unknown; person?: unknown; label?: unknown } | undefined;
    const text = (value: unknown) => (typeof value === 'string' && value.length <= 200 ? value : undefined);
    const role = body?.role;
    if (role !== 'wall' && role !== 'coach' && role !== 'admin') return c.json({ error: 'role must be wall, coach or admin' }, 400);
    try {
      const token = await createToken(db, { org: who.org, role, unitId: text(body?.unit), personId: text(body?.person), label: text(body?.label) ?? '' });
      return c.json({ token });
    } catch (error) {
      if (error instanceof TokenError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });

  app.post('/api/phone-link', async (c) => {
    const who = c.get('who');
    if (who.role === 'pulse') return c.json({ error: 'a phone link cannot make phone links' }, 403);
    const unitId = c.req.query('unit') ?? who.unitId;
    if (!unitId) return c.json({ error: 'say which board: ?unit=BOARD_ID' }, 400);
    if (who.role === 'wall' && unitId !== who.unitId) return c.json({ error: `a wall token makes phone links for its own board (${who.unitId})` }, 403);
    const token = await createToken(db, { org: who.org, role: 'pulse', unitId, label: 'phone link', ttlSeconds: PHONE_LINK_SECONDS });
    return c.json({ token, unitId, expiresInSeconds: PHONE_LINK_SECONDS });
  });

  if (kioskDir) app.use('/*', serveStatic({ root: kioskDir }));
  return app;
}

function rejected(c: Context<Env>, error: unknown) {
  if (error instanceof SyncProtocolError) return c.json({ error: error.message, opIndex: error.opIndex, field: error.field }, 400);
  if (error instanceof AccessError) return c.json({ error: error.message, opIndex: error.opIndex }, 403);
  throw error;
}

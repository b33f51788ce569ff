/**
 * The HTTP API (Hono): who am I, push, pull, a live channel (server-sent events), phone
 * links, device tokens; and the built kiosk as static files, so a phone that scans a board's
 * QR code is served by the same server. Bearer tokens only (no cookies), so any origin may
 * call the API.
 *
 * Nothing a device sends is trusted: stamps are bounded by the server's clock, every op is
 * checked by the protocol and the model, each token has a rate budget (all phone links of a
 * board share one), guessing tokens is throttled per address, live connections are capped,
 * and organisations take turns at the database.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { checkPushBody, SYNC_LIMITS, SyncProtocolError, type SyncOp, type WhoAmIResponse } from '../src/protocol/sync.js';
import { problemText } from '../src/model/problem-text.js';
import { ENTITY_KINDS } from '../src/model/types.js';
import { isDay, localDay } from '../src/model/dates.js';
import { useProblemWords } from '../src/model/problems.js';
import type { Database } from './db.js';
import { FairQueue } from './fair-queue.js';
import { isEntityKind, recordHistory } from './history.js';
import type { ServerMetrics } from './metrics.js';
import { schemaState } from './migrations.js';
import { jsonLog, requestLog, type Log } from './request-log.js';
import { erasePerson, exportPerson } from './personal-data.js';
import { OidcRefused, type OidcSignIn } from './oidc.js';
import {
  createSignInCode,
  createTapInCode,
  listSignInCodes,
  PERSONAL_ROLES,
  redeemSignInCode,
  revokeSignInCode,
  SignInRefused,
  tapIn,
  type PersonalRole,
} from './sign-in.js';
import type { LiveHub } from './live-hub.js';
import { RateLimiter } from './rate-limit.js';
import { readerScope } from './record-boards.js';
import { securityHeaders } from './security-headers.js';
import { apiCors } from './api-cors.js';
import { limitBody } from './body-limit.js';
import { PushBatches } from './push-batches.js';
import { AccessError, pull } from './sync-service.js';
import { createPhoneLink, createToken, hashToken, listTokens, lookupToken, revokeToken, TokenError, type Principal } from './tokens.js';

// The server answers and logs in English: every problem the model raises is worded so.
useProblemWords(problemText);

export interface AppOptions {
  db: Database;
  hub: LiveHub;
  /** Requests a minute per token (per board for all its phone links). */
  ratePerMinute: number;
  /** Requests with an unknown token a minute per address before it must wait. */
  badTokensPerMinute?: number;
  /** Folder of the built kiosk, served at / (skipped when absent). */
  kioskDir?: string;
  /** Seconds between keep-alive comments on live connections. */
  heartbeatSeconds?: number;
  /** Who may frame the kiosk (CSP frame-ancestors): `'none'` unless an intranet needs it. */
  frameAncestors?: string;
  /** Take the caller's address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy?: boolean;
  /** Sign-in with the organisation's identity provider, when it is set up. */
  oidc?: OidcSignIn;
  /** Where errors (and requests) are reported: never record contents or tokens (see `logFailure`). */
  log?: Log;
  /** A line for every request, not only for those that failed. */
  logRequests?: boolean;
  /** Counted for `/metrics`; without it there is no `/metrics`. */
  metrics?: ServerMetrics;
  /** When set, `/metrics` answers only "Authorization: Bearer <this>". */
  metricsToken?: string;
}

type Env = { Variables: { who: Principal; ops?: readonly SyncOp[]; requestId: string } };

/** Phone links last a working day: long enough for a shift, short enough that a photo of the QR code goes stale. */
const PHONE_LINK_SECONDS = 12 * 3600;
/** Tokens remembered between lookups: a busy board costs no query per request. */
const TOKEN_CACHE_SIZE = 5000;
const TOKEN_CACHE_MS = 10_000;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function createApp(options: AppOptions): Hono<Env> {
  const { db, hub, ratePerMinute, kioskDir, heartbeatSeconds = 25 } = options;
  const log = options.log ?? jsonLog;
  const metrics = options.metrics;
  const app = new Hono<Env>();
  const limiter = new RateLimiter(ratePerMinute);
  const guesses = new RateLimiter(options.badTokensPerMinute ?? 30);
  const tokenCache = new Map<string, { who: Principal | undefined; until: number }>();
  // PGlite runs one transaction at a time; a PostgreSQL pool runs up to its size.
  const turns = new FairQueue(db.kind === 'pglite' ? 1 : 8);
  metrics?.observe('huddle_db_queued_requests', "Requests waiting for their organisation's turn at the database.", () => turns.waiting);
  const batches = new PushBatches(db, (org, task) => turns.run(org, task));
  metrics?.observe('huddle_push_waiting', "Pushes waiting for their organisation's running batch to be stored.", () => batches.waiting);
  hub.onRevoke((hash) => {
    for (const [token, entry] of tokenCache) if (entry.who?.tokenHash === hash) tokenCache.delete(token);
  });

  app.use('*', requestLog(log, { everyRequest: options.logRequests ?? false }));
  if (metrics) app.use('*', metrics.requests());
  app.use('*', securityHeaders({ frameAncestors: options.frameAncestors ?? "'none'" }));
  app.use('/api/*', apiCors({ headers: ['Authorization', 'Content-Type'], methods: ['GET', 'POST', 'DELETE', 'OPTIONS'] }));
  // Alive: the process answers. Ready: it can serve - the database answers and its tables are
  // this version's (a load balancer sends no device to an instance that is not).
  app.get('/api/health', (c) => c.json({ ok: true, storage: db.kind }));
  app.get('/api/ready', async (c) => {
    const state = await schemaState(db).catch((error: unknown) => ({
      ready: false as const,
      reason: `the database does not answer: ${(error as Error).message}`,
    }));
    return c.json({ ...state, storage: db.kind }, state.ready ? 200 : 503);
  });
  if (metrics) {
    app.get('/metrics', async (c) => {
      // Organisations' activity is not for anyone on the network: without a token, only this
      // machine (a local Prometheus, or the reverse proxy's own allow list) reads it.
      if (options.metricsToken ? c.req.header('Authorization') !== `Bearer ${options.metricsToken}` : !LOOPBACK.has(getConnInfo(c).remote.address ?? ''))
        return c.text(
          options.metricsToken
            ? 'send the METRICS_TOKEN as "Authorization: Bearer <token>"\n'
            : 'metrics are read from this machine only, or set METRICS_TOKEN\n',
          401,
        );
      return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
    });
  }

  const addressOf = (c: Context<Env>): string => {
    const forwarded = options.trustProxy ? c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim() : undefined;
    return forwarded || (getConnInfo(c).remote.address ?? 'unknown');
  };

  // Sign-in with the identity provider: there and back, then the kiosk redeems a one-time code.
  app.get('/auth/login', async (c) => {
    if (!options.oidc) return c.html(signInPage('This server has no identity provider set up: ask your admin for a personal sign-in link.'), 404);
    try {
      return c.redirect((await options.oidc.start(c.req.query('return') ?? '')).href, 302);
    } catch (error) {
      if (error instanceof OidcRefused) return c.html(signInPage(error.message), 503);
      throw error;
    }
  });
  app.get('/auth/callback', async (c) => {
    if (!options.oidc) return c.html(signInPage('This server has no identity provider set up.'), 404);
    const error = c.req.query('error');
    if (error) return c.html(signInPage(`The identity provider said: ${c.req.query('error_description') ?? error}. Start again.`), 400);
    try {
      return c.redirect((await options.oidc.finish(new URL(c.req.url).search.slice(1))).href, 302);
    } catch (refused) {
      if (refused instanceof OidcRefused) return c.html(signInPage(`Sign-in did not work: ${refused.message}.`), 403);
      throw refused;
    }
  });

  // A person redeems a one-time sign-in code for their own token: the one call without a token.
  // Wrong codes count as guesses, like unknown tokens, so an address cannot try codes for long.
  app.post('/api/sign-in', async (c) => {
    const address = addressOf(c);
    if (guesses.exhausted(address)) {
      c.header('Retry-After', String(guesses.retryAfter(address)));
      return c.json({ error: 'too many wrong codes from this address: wait a minute' }, 429);
    }
    const body = (await c.req.json().catch(() => undefined)) as { code?: unknown } | undefined;
    const code = body?.code;
    if (typeof code !== 'string' || code.length === 0 || code.length > 40) return c.json({ error: 'send {"code": "XXXXX-XXXXX"}', field: 'code' }, 400);
    try {
      const signedIn = await redeemSignInCode(db, code);
      return c.json(signedIn);
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      guesses.take(address);
      return c.json({ error: error.message, field: 'code' }, 400);
    }
  });

  app.use('/api/*', async (c, next) => {
    const token = /^Bearer (\S{1,200})$/.exec(c.req.header('Authorization') ?? '')?.[1];
    if (!token) return c.json({ error: 'send the device token as "Authorization: Bearer <token>"' }, 401);
    let cached = tokenCache.get(token);
    if (!cached || cached.until < Date.now()) {
      // An address that keeps sending unknown tokens is guessing: it waits before the next lookup.
      const address = addressOf(c);
      if (guesses.exhausted(address)) {
        c.header('Retry-After', String(guesses.retryAfter(address)));
        return c.json({ error: 'too many unknown tokens from this address: wait a minute' }, 429);
      }
      cached = { who: await lookupToken(db, token), until: Date.now() + TOKEN_CACHE_MS };
      if (!cached.who) guesses.take(address);
      tokenCache.delete(token);
      tokenCache.set(token, cached);
      if (tokenCache.size > TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
    }
    const who = cached.who;
    if (!who) return c.json({ error: 'this token is unknown, revoked or expired: ask an admin for a new one' }, 401);
    // All phone links of a board share one budget: minting more links buys no more requests.
    const budget = who.role === 'pulse' ? `phones:${who.org}:${who.unitId}` : who.tokenHash;
    if (!limiter.take(budget)) {
      if (c.req.path === '/api/sync/push') metrics?.refused('rate-limited', 0);
      c.header('Retry-After', String(limiter.retryAfter(budget)));
      return c.json({ error: `too many requests: at most ${ratePerMinute} a minute per device` }, 429);
    }
    c.set('who', who);
    await next();
  });

  app.get('/api/whoami', (c) => {
    const { tokenHash: _hidden, ...who } = c.get('who');
    return c.json({ ...who, serverTime: Date.now() } satisfies WhoAmIResponse);
  });

  app.post(
    '/api/sync/push',
    limitBody(SYNC_LIMITS.bodyBytes, (c) => {
      metrics?.refused('too-large', 0);
      // The rest of the body is never read, so the connection cannot carry another request:
      // said, so that a client does not send its next one down a socket about to close.
      c.header('Connection', 'close');
      return c.json({ error: `a push is at most ${SYNC_LIMITS.bodyBytes} bytes: send fewer ops at a time` }, 413);
    }),
    async (c) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        metrics?.refused('not-json', 0);
        return c.json({ error: 'the body is not JSON' }, 400);
      }
      const answered = metrics?.timer('push');
      try {
        const ops = checkPushBody(body);
        c.set('ops', ops);
        const who = c.get('who');
        const result = await batches.push(who, ops);
        metrics?.pushed(who.org, result.applied, result.duplicates);
        return c.json(result);
      } catch (error) {
        if (error instanceof AccessError || error instanceof SyncProtocolError)
          metrics?.refused(error instanceof AccessError ? 'forbidden' : 'invalid', c.get('ops')?.length ?? 0);
        return rejected(c, error);
      } finally {
        answered?.();
      }
    },
  );

  app.get('/api/sync/pull', async (c) => {
    const cursor = Number(c.req.query('cursor') ?? '0');
    if (!Number.isSafeInteger(cursor) || cursor < 0) return c.json({ error: 'cursor must be a whole number, 0 or more' }, 400);
    // A new screen asks for its share recent first, then the history before that day (scope.ts).
    const recentFrom = c.req.query('from');
    const historyBefore = c.req.query('before');
    if (recentFrom !== undefined && historyBefore !== undefined) return c.json({ error: 'from and before cannot be asked together', field: 'before' }, 400);
    for (const [field, day] of [
      ['from', recentFrom],
      ['before', historyBefore],
    ] as const)
      if (day !== undefined && !isDay(day)) return c.json({ error: `${field} must be a day written YYYY-MM-DD`, field }, 400);
    const part = recentFrom ? { recentFrom } : historyBefore ? { historyBefore } : { whole: true as const };
    const who = c.get('who');
    const answered = metrics?.timer('pull');
    try {
      return c.json(await turns.run(who.org, () => pull(db, who, cursor, part)));
    } finally {
      answered?.();
    }
  });

  app.get('/api/sync/live', async (c) => {
    const who = c.get('who');
    let wake: (() => void) | undefined;
    const closed = new Promise<void>((resolve) => (wake = resolve));
    let notify: (cursor: number) => void = () => undefined;
    // A wall or a person's device hears of the changes to its boards and its line (as the tree
    // stood when it connected; a change to the tree reaches every screen, and devices reconnect).
    const scope = await readerScope(db, who, localDay());
    const registered = hub.subscribe(
      who.org,
      who.tokenHash,
      (cursor) => notify(cursor),
      () => wake?.(),
      scope && ((boards) => boards.some((board) => scope.boards.has(board) || scope.line.has(board))),
    );
    if (typeof registered !== 'function') return c.json({ error: registered.refused }, 429);
    return streamSSE(c, async (stream) => {
      notify = (cursor) => void stream.writeSSE({ event: 'changed', data: String(cursor) }).catch(() => wake?.());
      const heartbeat = setInterval(() => void stream.write(': still here\n\n').catch(() => wake?.()), heartbeatSeconds * 1000);
      stream.onAbort(() => wake?.());
      try {
        await stream.writeSSE({ event: 'ready', data: '' });
        await closed;
      } finally {
        clearInterval(heartbeat);
        registered();
      }
    });
  });

  // Device tokens, for an admin while the server runs (the command line needs the embedded
  // database to itself): make, list, revoke.
  app.use('/api/tokens/*', adminOnly);
  app.use('/api/tokens', adminOnly);
  app.post('/api/tokens', async (c) => {
    const who = c.get('who');
    const body = (await c.req.json().catch(() => undefined)) as { role?: unknown; unit?: unknown; person?: unknown; label?: unknown } | undefined;
    const text = (value: unknown) => (typeof value === 'string' && value.length <= 200 ? value : undefined);
    const role = body?.role;
    if (role !== 'wall' && role !== 'coach' && role !== 'admin' && role !== 'member')
      return c.json({ error: 'role must be wall, coach, member or admin', field: 'role' }, 400);
    try {
      const token = await createToken(db, { org: who.org, role, unitId: text(body?.unit), personId: text(body?.person), label: text(body?.label) ?? '' });
      return c.json({ token, id: hashToken(token).slice(0, 12) });
    } catch (error) {
      if (error instanceof TokenError) return c.json({ error: error.message }, 400);
      throw error;
    }
  });
  app.get('/api/tokens', async (c) => c.json({ tokens: await listTokens(db, c.get('who').org) }));
  app.delete('/api/tokens/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await revokeToken(db, c.get('who').org, id))) return c.json({ error: `no working token with id ${id} in this organisation`, field: 'id' }, 404);
    return c.json({ revoked: id });
  });

  // Sign-in codes for people, for an admin: make, list, revoke.
  app.use('/api/sign-in-codes/*', adminOnly);
  app.use('/api/sign-in-codes', adminOnly);
  app.post('/api/sign-in-codes', async (c) => {
    const body = (await c.req.json().catch(() => undefined)) as { person?: unknown; role?: unknown; hours?: unknown } | undefined;
    if (typeof body?.person !== 'string' || body.person.length === 0 || body.person.length > 100)
      return c.json({ error: 'say whose code it is: {"person": "PERSON_ID"}', field: 'person' }, 400);
    if (body.role !== undefined && !PERSONAL_ROLES.includes(body.role as PersonalRole))
      return c.json({ error: `role must be one of ${PERSONAL_ROLES.join(', ')}`, field: 'role' }, 400);
    if (body.hours !== undefined && typeof body.hours !== 'number') return c.json({ error: 'hours must be a whole number', field: 'hours' }, 400);
    try {
      return c.json(
        await createSignInCode(db, { org: c.get('who').org, personId: body.person, role: body.role as PersonalRole | undefined, hours: body.hours }),
      );
    } catch (error) {
      if (error instanceof TokenError) return c.json({ error: error.message, field: /^hours/.test(error.message) ? 'hours' : 'person' }, 400);
      throw error;
    }
  });
  app.get('/api/sign-in-codes', async (c) => c.json({ codes: await listSignInCodes(db, c.get('who').org) }));
  app.delete('/api/sign-in-codes/:id', async (c) => {
    const id = c.req.param('id');
    if (!(await revokeSignInCode(db, c.get('who').org, id)))
      return c.json({ error: `no unused sign-in code with id ${id} in this organisation`, field: 'id' }, 404);
    return c.json({ revoked: id });
  });

  // Tap-in on a shared wall: a person's own device makes a short code, the wall redeems it for a
  // token of the person that the wall uses until it signs out. Wrong codes count against the wall.
  app.post('/api/me/tap-in-code', async (c) => {
    const who = c.get('who');
    const role = who.role;
    if (!who.personId || (role !== 'admin' && role !== 'coach' && role !== 'member'))
      return c.json({ error: 'only a device signed in as a person makes tap-in codes' }, 403);
    return c.json(await createTapInCode(db, who.org, who.personId, role));
  });
  app.post('/api/tap-in', async (c) => {
    const who = c.get('who');
    if (who.role !== 'wall' || !who.unitId) return c.json({ error: 'people tap in on a wall screen, with its token' }, 403);
    if (guesses.exhausted(who.tokenHash)) {
      c.header('Retry-After', String(guesses.retryAfter(who.tokenHash)));
      return c.json({ error: 'too many wrong codes on this screen: wait a minute' }, 429);
    }
    const body = (await c.req.json().catch(() => undefined)) as { code?: unknown } | undefined;
    const code = body?.code;
    if (typeof code !== 'string' || code.length === 0 || code.length > 40) return c.json({ error: 'send {"code": "1234 5678"}', field: 'code' }, 400);
    try {
      return c.json(await tapIn(db, { org: who.org, unitId: who.unitId }, code));
    } catch (error) {
      if (!(error instanceof SignInRefused)) throw error;
      guesses.take(who.tokenHash);
      return c.json({ error: error.message, field: 'code' }, 400);
    }
  });
  // A person's device (or a wall, for a tap-in) gives its token back: it works nowhere after this.
  app.post('/api/sign-out', async (c) => {
    const who = c.get('who');
    if (!who.personId) return c.json({ error: 'only a token of a person signs out; an admin revokes a screen under Devices' }, 403);
    await revokeToken(db, who.org, who.tokenHash);
    return c.json({ signedOut: true });
  });

  // The audit trail of one record, for admins: who changed which fields when.
  app.use('/api/history/*', adminOnly);
  app.get('/api/history/:kind/:id', async (c) => {
    const kind = c.req.param('kind');
    if (!isEntityKind(kind)) return c.json({ error: `kind must be one of: ${ENTITY_KINDS.join(', ')}`, field: 'kind' }, 400);
    return c.json({ history: await recordHistory(db, c.get('who').org, kind, c.req.param('id')) });
  });

  // A person's rights over their data, for admins: everything about them, and erasure.
  app.use('/api/people/*', adminOnly);
  app.get('/api/people/:id/export', async (c) => {
    try {
      return c.json(await exportPerson(db, c.get('who').org, c.req.param('id')));
    } catch (error) {
      if (error instanceof TokenError) return c.json({ error: error.message, field: 'id' }, 404);
      throw error;
    }
  });
  app.post('/api/people/:id/erase', async (c) => {
    try {
      return c.json({ erased: c.req.param('id'), records: await erasePerson(db, c.get('who').org, c.req.param('id')) });
    } catch (error) {
      if (error instanceof TokenError) return c.json({ error: error.message, field: 'id' }, 404);
      throw error;
    }
  });

  app.post('/api/phone-link', async (c) => {
    const who = c.get('who');
    if (who.role === 'pulse') return c.json({ error: 'a phone link cannot make phone links' }, 403);
    const unitId = c.req.query('unit') ?? who.unitId;
    if (!unitId || unitId.length > 100) return c.json({ error: 'say which board: ?unit=BOARD_ID', field: 'unit' }, 400);
    if (who.role === 'wall' && unitId !== who.unitId) return c.json({ error: `a wall token makes phone links for its own board (${who.unitId})` }, 403);
    const token = await createPhoneLink(db, who.org, unitId, PHONE_LINK_SECONDS);
    return c.json({ token, unitId, expiresInSeconds: PHONE_LINK_SECONDS });
  });

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: `no such address: ${c.req.method} ${c.req.path}` }, 404) : c.text('Not found', 404)));
  app.onError((error, c) => {
    logFailure(log, c, error);
    return c.json({ error: 'the server failed on this request; it was logged without its contents' }, 500);
  });

  if (kioskDir) app.use('/*', serveStatic({ root: kioskDir }));
  return app;
}

async function adminOnly(c: Context<Env>, next: () => Promise<void>) {
  if (c.get('who').role !== 'admin') return c.json({ error: `only an admin token can ${adminWork(c.req.path)}` }, 403);
  await next();
}

/** A page that says why a sign-in stopped; the text is escaped, it may carry what the provider said. */
function signInPage(message: string): string {
  const text = message.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign-in</title><main><h1>Sign-in</h1><p role="alert">${text}</p></main></html>`;
}

function adminWork(path: string): string {
  if (path.startsWith('/api/history')) return 'read the history of records';
  if (path.startsWith('/api/people')) return "export or erase a person's data";
  if (path.startsWith('/api/sign-in-codes')) return 'manage sign-in codes';
  return 'manage tokens';
}

function rejected(c: Context<Env>, error: unknown) {
  if (error instanceof SyncProtocolError) return c.json({ error: error.message, opIndex: error.opIndex, field: error.field }, 400);
  if (error instanceof AccessError) return c.json({ error: error.message, opIndex: error.opIndex }, 403);
  throw error;
}

/**
 * A failure as a log line: where, which ops (id and kind), and the error's name, code and
 * message - never the request body, a record, a query's parameters or a token. (A database
 * error's detail and parameters can hold a whole record: names, coaching notes.)
 */
function logFailure(log: Log, c: Context<Env>, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  const code = (failure as { code?: unknown }).code;
  log({
    at: new Date().toISOString(),
    level: 'error',
    msg: 'failure',
    req: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    org: c.get('who')?.org,
    ops: c.get('ops')?.map((op) => ({ opId: op.opId, kind: op.kind })),
    error: failure.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: failure.message.split('\n')[0]!.slice(0, 200),
  });
}

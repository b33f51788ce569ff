// A hostile or broken device against the real sync server (embedded PGlite, then a real
// PostgreSQL): fast-check generates pushes - clock stamps across the whole range, any text
// (control characters, lone surrogates), values nested thousands of levels deep, wrong types,
// huge arrays, unknown kinds - from every kind of token, and after each one an honest admin
// edits the same records. Never a 500; the honest later write always wins; and a real kiosk
// that pulls everything afterwards still syncs. Then: stamps poisoned before the bound are
// repaired at start, tokens are listed and revoked over HTTP (a live stream closes at once),
// phone links are bounded, share one budget and read only their board, live connections are
// capped, unknown tokens are throttled per address, security headers, and (PostgreSQL) a
// failing write is logged without its contents.
import fc from 'fast-check';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { chromium } from 'playwright-core';
import { localDay, recentFrom } from '../../dist/lib/model/index.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, sleep } from '../support/checks.mjs';
import { onEachDatabase, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const KINDS = [
  'org',
  'units',
  'people',
  'kpis',
  'kpiValues',
  'actions',
  'escalations',
  'huddles',
  'attendance',
  'resourceNeeds',
  'experiments',
  'recognitions',
  'checklists',
  'coachingPairs',
  'coachingSessions',
  'feedback',
  'feedbackResponses',
];
const stampOf = (ms, counter = 0, node = 'honestadmin') => `${String(ms).padStart(16, '0')}:${counter.toString(16).padStart(4, '0')}:${node}`;
const msOf = (stamp) => Number(stamp.slice(0, 16));

async function call(url, token, path, { method = 'GET', body, headers = {} } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: response.status, json, headers: response.headers };
}

/** Everything a token reads after `cursor`, following pages; the latest version of each record. */
async function pullAll(url, token, cursor = 0, part = '') {
  const records = new Map();
  for (;;) {
    const page = await call(url, token, `/api/sync/pull?cursor=${cursor}${part}`);
    if (page.status !== 200) throw new Error(`pull refused: ${page.status} ${JSON.stringify(page.json)}`);
    for (const r of page.json.records) records.set(`${r.kind}/${r.id}`, r);
    cursor = page.json.cursor;
    if (!page.json.more) return { cursor, records };
  }
}

// ------------------------------------------------------------------ what a hostile device sends

// The overflowing stamp a broken device wrote: its size matters, not its last digit.
const LARGEST_STAMP_MS = 9_999_999_999_999_999; // eslint-disable-line no-loss-of-precision
const VICTIMS = { action: 'action-1', unit: 'unit-line-1', feedback: 'feedback-1' };
const anyStamp = fc.oneof(
  fc.constant('9999999999999999:ffff:zzzzzzzz'),
  fc.constant('9999999999999999:fffe:evil'),
  fc.constant('0000000000000000:0000:aaaa'),
  fc.integer({ min: 0, max: 9_999_999_999_999 }).map((ms) => stampOf(ms, 0, 'hostile')),
  fc.constantFrom(60_000, 3_600_000, 86_400_000, 3.15e10, 3.15e13).map((ahead) => stampOf(Math.min(Date.now() + ahead, LARGEST_STAMP_MS), 0xffff, 'hostile')),
  fc.string({ maxLength: 40 }),
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('nul\u0000byte', 'lone \ud800 high', '\udc00 lone low', 'bell\u0007', 'del\u007f', 'c1\u0085', 'line\nbreak', 'plain words', ''),
  fc.string({ maxLength: 5000 }),
);
const anyValue = fc.oneof(
  anyText,
  fc.anything({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -0, 1e308, 5, 'open', 'done', '2026-11-29', '2026-11-29T08:00:00.000Z'),
  fc.integer({ min: 1000, max: 40_000 }).map((n) => new Array(n).fill('x')),
);
const anyFieldName = fc.oneof(
  fc.constantFrom('title', 'status', 'comment', 'name', 'score', 'due', 'ownerId', 'deletedAt', 'anonymous', 'unitId', 'id', '__proto__', 'constructor'),
  fc.string({ maxLength: 70 }),
);
const anyOp = fc.record({
  opId: fc.oneof(fc.uuid(), fc.string({ maxLength: 120 })),
  kind: fc.oneof(fc.constantFrom(...KINDS), fc.constantFrom('bogus', 'records', '__proto__')),
  id: fc.oneof(fc.constantFrom(...Object.values(VICTIMS)), fc.string({ unit: 'binary', maxLength: 110 })),
  hlc: anyStamp,
  fields: fc.dictionary(anyFieldName, anyValue, { maxKeys: 6 }),
});
/** Ops that pass every check but their stamp: what a broken clock (or a malicious one) looks like. */
const plausibleOp = fc
  .record({
    opId: fc.uuid(),
    target: fc.constantFrom('action', 'unit'),
    hlc: anyStamp,
    text: fc.string({ minLength: 1, maxLength: 60 }).filter((t) => t.trim() !== ''),
  })
  .map(({ opId, target, hlc, text }) =>
    target === 'action'
      ? { opId, kind: 'actions', id: VICTIMS.action, hlc, fields: { title: `hostile ${text}` } }
      : { opId, kind: 'units', id: VICTIMS.unit, hlc, fields: { name: `hostile ${text}`.slice(0, 120) } },
  );
/** A body as raw text: JSON of ops, anything at all, or a value nested deeper than any parser likes. */
const anyBody = fc.oneof(
  { arbitrary: fc.array(plausibleOp, { minLength: 1, maxLength: 3 }).map((ops) => JSON.stringify({ ops })), weight: 4 },
  { arbitrary: fc.array(fc.oneof(anyOp, plausibleOp), { minLength: 1, maxLength: 5 }).map((ops) => JSON.stringify({ ops })), weight: 4 },
  fc.anything().map((value) => JSON.stringify(value) ?? 'null'),
  fc
    .integer({ min: 10, max: 100_000 })
    .map(
      (depth) =>
        `{"ops":[{"opId":"deep-${depth}","kind":"actions","id":"${VICTIMS.action}","hlc":"${stampOf(Date.now())}","fields":{"title":${'['.repeat(depth)}"x"${']'.repeat(depth)}}}]}`,
    ),
  fc
    .integer({ min: 10, max: 100_000 })
    .map(
      (depth) =>
        `{"ops":[{"opId":"deepo-${depth}","kind":"units","id":"${VICTIMS.unit}","hlc":"${stampOf(Date.now())}","fields":{"name":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}}]}`,
    ),
  fc.constantFrom('{"ops":', 'not json', '{"ops":[{"opId":"x","kind":"actions","id":"a","hlc":"1","fields":{"title":"\\ud800"}}]}'),
);

// ------------------------------------------------------------------ the suite

async function suite(label, env, { dataDir, databaseUrl } = {}) {
  console.log(`hostile devices against the sync server (${label})`);
  serverCommand(env, 'demo', '--org', 'riverside');
  const token = (...args) => serverCommand(env, 'token', 'create', '--org', 'riverside', ...args);
  const admin = token('--role', 'admin', '--label', 'Honest admin');
  const coach = token('--role', 'coach', '--label', 'Hostile coach', '--person', 'person-assembly-supervisor');
  const wall = token('--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
  const listed = serverCommand(env, 'token', 'list', '--org', 'riverside');
  check('loading the demo leaves no admin token behind', !listed.includes('demo seed'), listed);
  let server = await startServer(env);
  const url = server.url;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const phone = (await call(url, wall, '/api/phone-link', { method: 'POST' })).json.token;
    const tokens = { admin, coach, wall, phone };
    let { cursor } = await pullAll(url, admin);
    let counter = 0;

    // --- the property: whatever a device sends, no 500, and an honest later write wins.
    const statuses = new Map();
    let failure;
    try {
      await fc.assert(
        fc.asyncProperty(anyBody, fc.constantFrom('admin', 'coach', 'wall', 'phone'), async (body, who) => {
          const answer = await call(url, tokens[who], '/api/sync/push', { method: 'POST', body });
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status >= 500 || ![200, 400, 403, 413].includes(answer.status))
            throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`);
          if (answer.status !== 200 && (typeof answer.json.error !== 'string' || answer.json.error.length === 0))
            throw new Error(`a ${answer.status} without a message`);
          // The honest admin, with a right clock, edits the same fields a moment later.
          await sleep(2);
          counter++;
          const title = `honest title ${counter}`;
          const name = `Line 1 (${counter})`;
          const honest = await call(url, admin, '/api/sync/push', {
            method: 'POST',
            body: {
              ops: [
                { opId: `honest-a-${label}-${counter}`, kind: 'actions', id: VICTIMS.action, hlc: stampOf(Date.now(), 0), fields: { title } },
                { opId: `honest-u-${label}-${counter}`, kind: 'units', id: VICTIMS.unit, hlc: stampOf(Date.now(), 1), fields: { name } },
              ],
            },
          });
          if (honest.status !== 200) throw new Error(`the honest write was refused: ${JSON.stringify(honest.json)}`);
          const pulled = await pullAll(url, admin, cursor);
          cursor = pulled.cursor;
          const action = pulled.records.get(`actions/${VICTIMS.action}`);
          const unit = pulled.records.get(`units/${VICTIMS.unit}`);
          if (action?.record.title !== title || unit?.record.name !== name) {
            throw new Error(`the honest later write lost: title "${action?.record.title}", name "${unit?.record.name}"`);
          }
          const stamps = [...Object.values(action.clocks), ...Object.values(unit.clocks)];
          if (stamps.some((s) => msOf(s) > Date.now() + 1000)) throw new Error(`a stamp from the future was stored: ${stamps.join(', ')}`);
        }),
        { numRuns: Number(process.env.HOSTILE_RUNS ?? 150), endOnFailure: true },
      );
    } catch (error) {
      failure = error;
    }
    check(
      `fast-check: ${process.env.HOSTILE_RUNS ?? 150} hostile pushes, never a 500, and the honest later write always wins (answers: ${JSON.stringify(Object.fromEntries(statuses))})`,
      !failure,
      failure?.message.split('\n').slice(0, 12).join(' | ').slice(0, 1500),
    );

    // --- named answers for the bugs that were found by hand.
    const nul = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: 'nul-1', kind: 'actions', id: VICTIMS.action, hlc: stampOf(Date.now()), fields: { title: 'a\u0000b' } }] },
    });
    check(
      `a NUL in a text is refused naming the op and field: "${nul.json.error}"`,
      nul.status === 400 && nul.json.field === 'fields.title' && /op 0 \(nul-1\)/.test(nul.json.error),
    );
    const bell = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: 'bell-1', kind: 'actions', id: VICTIMS.action, hlc: stampOf(Date.now()), fields: { title: 'ring\u0007' } }] },
    });
    check(
      `a control character is refused by the model's rule: "${bell.json.error}"`,
      bell.status === 400 && bell.json.field === 'title' && /control characters/.test(bell.json.error),
    );
    const deep = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: `{"ops":[{"opId":"deep-x","kind":"actions","id":"${VICTIMS.action}","hlc":"${stampOf(Date.now())}","fields":{"title":${'['.repeat(50_000)}1${']'.repeat(50_000)}}}]}`,
    });
    check(`a value nested 50,000 deep is refused: "${deep.json.error}"`, deep.status === 400 && /levels deep/.test(deep.json.error));
    // The model's record rules hold on the server too, whoever sends the record.
    const iso = new Date().toISOString();
    const astray = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: {
        ops: [
          {
            opId: `astray-${label}`,
            kind: 'escalations',
            id: `astray-${label}`,
            hlc: stampOf(Date.now()),
            fields: {
              fromUnitId: 'unit-line-1',
              toUnitId: 'unit-line-2',
              title: 'Sideways',
              reason: 'Past my own area',
              state: 'open',
              stateChangedAt: iso,
              createdAt: iso,
              updatedAt: iso,
            },
          },
        ],
      },
    });
    check(
      `an escalation to a board other than the sender's parent is refused: "${astray.json.error}"`,
      astray.status === 400 && astray.json.field === 'toUnitId' && /parent board of the sender/.test(astray.json.error),
    );
    const twin = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: {
        ops: [
          {
            opId: `twin-${label}`,
            kind: 'kpiValues',
            id: `twin-${label}`,
            hlc: stampOf(Date.now()),
            fields: { kpiId: 'kpi-any', day: '2026-11-29', value: 1, createdAt: iso, updatedAt: iso },
          },
        ],
      },
    });
    check(
      `a KPI value under an id of its own (a second record for the day) is refused: "${twin.json.error}"`,
      twin.status === 400 && twin.json.field === 'id' && /kpi-any:2026-11-29/.test(twin.json.error),
    );
    // One op sent twice in the same push (a device's retry merged into its next batch): applied once.
    const echo = { opId: `echo-${label}`, kind: 'actions', id: VICTIMS.action, hlc: stampOf(Date.now()), fields: { title: `Echoed ${label}` } };
    const echoed = await call(url, admin, '/api/sync/push', { method: 'POST', body: { ops: [echo, echo] } });
    check(
      'the same op twice in one push is applied once and counted once as a duplicate',
      echoed.status === 200 && echoed.json.applied === 1 && echoed.json.duplicates === 1,
      JSON.stringify(echoed.json),
    );
    const future = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: `future-${label}`, kind: 'actions', id: VICTIMS.action, hlc: '9999999999999999:ffff:zzzzzzzz', fields: { status: 'blocked' } }] },
    });
    check(
      "a stamp from the far future is stored under the server's time, and the device is told",
      future.status === 200 && msOf(future.json.restamped?.[`future-${label}`] ?? '9') <= Date.now() + 1000 && typeof future.json.serverTime === 'number',
      JSON.stringify(future.json),
    );

    // --- a real device (the kiosk) pulls everything the hostile devices left, and still syncs.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/?server=${encodeURIComponent(url)}&token=${wall}&unit=unit-line-1`);
    await page.locator('huddle-board h1').waitFor({ timeout: 60000 }); // a first sync of everything the attack left, on a busy machine
    const saved = await page.evaluate(() =>
      document
        .querySelector('kiosk-app')
        .store.createAction({ unitId: 'unit-line-1', title: 'After the attack' })
        .then((a) => a.id),
    );
    let arrived = false;
    for (let i = 0; i < 60 && !arrived; i++) {
      await sleep(250);
      arrived = (await pullAll(url, admin, cursor)).records.get(`actions/${saved}`)?.record.title === 'After the attack';
    }
    const deviceClock = await page.evaluate(() => document.querySelector('kiosk-app').store.internals().clock.last);
    const status = await page.locator('kiosk-app nav huddle-sync-status [role="status"]').textContent();
    check(
      `a kiosk that pulled everything still syncs: its write arrives, its clock is now ("${status?.trim()}")`,
      arrived && msOf(deviceClock) <= Date.now() + 5000 && /Synced/.test(status ?? ''),
      `${deviceClock} ${status}`,
    );
    check('and nothing failed on the page', errors.length === 0, errors.join('; '));
    await context.close();

    // --- phone links: bounded per board, one budget, reading only the board and the organisation.
    const phoneRead = await pullAll(url, phone);
    const kinds = [...phoneRead.records.values()].map((r) => `${r.kind}/${r.id}`);
    check(
      `a phone link reads only its board and the organisation record (${kinds.length}: ${kinds.join(', ')})`,
      kinds.length === 2 && kinds.includes('units/unit-line-1') && kinds.some((k) => k.startsWith('org/')),
    );
    const links = [];
    for (let i = 0; i < 7; i++) links.push((await call(url, wall, '/api/phone-link', { method: 'POST' })).json.token);
    const alive = [];
    for (const link of links) alive.push((await call(url, link, '/api/whoami')).status === 200);
    check(
      `a board keeps at most 5 working phone links: minting 7 retires the oldest (${alive.map((a) => (a ? '✓' : '✗')).join('')})`,
      alive.join() === [false, false, true, true, true, true, true].join(),
    );
    const budgetAnswers = [];
    for (let round = 0; round < 300; round++) {
      for (const link of links.slice(2)) budgetAnswers.push((await call(url, link, '/api/whoami')).status);
    }
    const limited = budgetAnswers.filter((s) => s === 429).length;
    check(
      `all phone links of a board share one rate budget (${limited} of 1500 requests by 5 links slowed at 1000 a minute)`,
      limited >= 200,
      JSON.stringify(budgetAnswers.slice(-5)),
    );

    // --- tokens over HTTP; revoking closes the live stream at once.
    const listing = await call(url, admin, '/api/tokens');
    const coachListed = listing.json.tokens?.find((t) => t.label === 'Hostile coach');
    check(
      "an admin lists the organisation's device tokens over HTTP (phone links left out)",
      coachListed?.role === 'coach' && !listing.json.tokens.some((t) => t.role === 'pulse'),
      JSON.stringify(listing.json).slice(0, 300),
    );
    check('a coach cannot list tokens', (await call(url, coach, '/api/tokens')).status === 403);
    const live = new AbortController();
    const stream = await fetch(`${url}/api/sync/live`, { headers: { Authorization: `Bearer ${coach}` }, signal: live.signal });
    const reader = stream.body.getReader();
    await reader.read(); // "ready"
    const revokedAt = Date.now();
    const revoke = await call(url, admin, `/api/tokens/${coachListed?.id}`, { method: 'DELETE' });
    const closed = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })(),
      sleep(5000).then(() => false),
    ]);
    const closedAfter = Date.now() - revokedAt;
    live.abort();
    check(
      `a revoked token's open live stream closes at once (${closedAfter} ms)`,
      revoke.status === 200 && closed && closedAfter < 2000,
      JSON.stringify(revoke.json),
    );
    check('and the token is refused from then on', (await call(url, coach, '/api/whoami')).status === 401);
    check('revoking an unknown id names it', (await call(url, admin, '/api/tokens/0123456789ab', { method: 'DELETE' })).status === 404);

    // --- live connections capped per token.
    const streams = [];
    const answers = [];
    for (let i = 0; i < 5; i++) {
      const abort = new AbortController();
      const response = await fetch(`${url}/api/sync/live`, { headers: { Authorization: `Bearer ${wall}` }, signal: abort.signal });
      answers.push(response.status);
      streams.push(abort);
    }
    for (const abort of streams) abort.abort();
    check(`live connections are capped per token (${answers.join(', ')})`, answers.join() === '200,200,200,200,429');

    // --- headers on the kiosk page and the API.
    const home = await fetch(`${url}/`);
    const csp = home.headers.get('content-security-policy') ?? '';
    check(
      `the kiosk page is served with a strict policy ("${csp}")`,
      /script-src 'self'/.test(csp) &&
        /frame-ancestors 'none'/.test(csp) &&
        home.headers.get('x-content-type-options') === 'nosniff' &&
        home.headers.get('referrer-policy') === 'no-referrer' &&
        home.headers.get('x-frame-options') === 'DENY',
    );
    // Every kind of API answer - read, refused, malformed, unknown address, preflight - carries them,
    // and may be read from any origin (a device proves itself by its token, never a cookie).
    const apiAnswers = {
      read: await call(url, admin, '/api/whoami'),
      'no token': await call(url, undefined, '/api/whoami'),
      'not JSON': await call(url, admin, '/api/sync/push', { method: 'POST', body: '{nope' }),
      'no such address': await call(url, admin, '/api/nowhere'),
    };
    const headed = Object.entries(apiAnswers).map(([name, answer]) => {
      const h = answer.headers;
      const ok = h.get('cache-control') === 'no-store' && h.get('x-content-type-options') === 'nosniff' && h.get('access-control-allow-origin') === '*';
      return `${name} ${answer.status}${ok ? '' : ' WITHOUT the headers'}`;
    });
    check(
      `API answers are never cached, not sniffed, readable from any origin (${headed.join(', ')})`,
      headed.every((line) => !line.includes('WITHOUT')),
    );
    const preflight = await fetch(`${url}/api/sync/push`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://intranet.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    check(
      `a browser's preflight is answered (${preflight.status}: ${preflight.headers.get('access-control-allow-methods')}; ${preflight.headers.get('access-control-allow-headers')})`,
      preflight.status === 204 &&
        /POST/.test(preflight.headers.get('access-control-allow-methods') ?? '') &&
        /Authorization/i.test(preflight.headers.get('access-control-allow-headers') ?? '') &&
        preflight.headers.get('access-control-allow-origin') === '*',
    );
    // A body that does not say its length is counted as it streams, and refused past the limit.
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 12; i++) controller.enqueue(new TextEncoder().encode(`${i === 0 ? '{"ops":[],"padding":"' : ''}${'x'.repeat(100_000)}`));
        controller.enqueue(new TextEncoder().encode('"}'));
        controller.close();
      },
    });
    const streamed = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' },
      body: chunks,
      duplex: 'half',
    }).catch((error) => ({ status: `failed: ${error.message}`, json: async () => ({}) }));
    const streamedAnswer = await streamed.json().catch(() => ({}));
    check(
      `a push streamed past 1 MB without a length is refused (${streamed.status}: "${streamedAnswer.error}"), closing the connection it leaves unread`,
      streamed.status === 413 && streamed.headers?.get('connection') === 'close',
    );

    // --- records stored before walls read by board and by day: their boards (migration 9) and
    // days (migration 10) are found at start, so a new wall's first part is the same.
    const FROM = recentFrom(localDay());
    const before = {
      whole: await pullAll(server.url, wall),
      recent: await pullAll(server.url, wall, 0, `&from=${FROM}`),
      history: await pullAll(server.url, wall, 0, `&before=${FROM}`),
    };
    await server.stop();
    await withDatabase({ dataDir, databaseUrl }, async (query) => {
      // Dropping a column drops the indexes over it.
      for (const column of ['board', 'joins', 'dated']) await query(`alter table records drop column ${column}`);
      await query('drop index records_by_kind');
      await query('delete from schema_migrations where version >= 9');
    });
    server = await startServer(env);
    const after = {
      whole: await pullAll(server.url, wall),
      recent: await pullAll(server.url, wall, 0, `&from=${FROM}`),
      history: await pullAll(server.url, wall, 0, `&before=${FROM}`),
    };
    const keys = (pulled) => [...pulled.records.keys()].sort().join();
    check(
      `records stored before walls read by board are found by the upgrade: the wall reads the same ${after.whole.records.size} records`,
      after.whole.records.size > 100 && keys(after.whole) === keys(before.whole) && after.whole.records.has(`actions/${VICTIMS.action}`),
    );
    check(
      `and dated by it: a new wall's first part (${after.recent.records.size} records) and its history (${after.history.records.size}) are the same as before`,
      after.recent.records.size > 0 &&
        after.history.records.size > 0 &&
        keys(after.recent) === keys(before.recent) &&
        keys(after.history) === keys(before.history),
    );

    // --- stamps poisoned before this version: repaired by the migration at start.
    await server.stop();
    const poisoned = '9999999999999999:ffff:oldpoison';
    await withDatabase({ dataDir, databaseUrl }, async (query) => {
      await query(
        `update records set clocks = jsonb_set(clocks, '{title}', '"${poisoned}"') where org = 'riverside' and kind = 'actions' and id = '${VICTIMS.action}'`,
      );
      await query('delete from schema_migrations where version = 4');
    });
    server = await startServer(env);
    const repaired = (await pullAll(server.url, admin)).records.get(`actions/${VICTIMS.action}`);
    const afterRepair = await call(server.url, admin, '/api/sync/push', {
      method: 'POST',
      body: {
        ops: [{ opId: `after-repair-${label}`, kind: 'actions', id: VICTIMS.action, hlc: stampOf(Date.now()), fields: { title: 'Honest after the repair' } }],
      },
    });
    const final = (await pullAll(server.url, admin)).records.get(`actions/${VICTIMS.action}`);
    check(
      'a stamp poisoned before the bound is repaired at start, and honest edits win again',
      msOf(repaired?.clocks.title ?? poisoned) <= Date.now() && afterRepair.status === 200 && final?.record.title === 'Honest after the repair',
      JSON.stringify(repaired?.clocks),
    );

    // --- a failing write is logged without its contents (PostgreSQL: a constraint makes it fail).
    if (databaseUrl) {
      await withDatabase({ databaseUrl }, (query) => query("alter table records add constraint e2e_fail check (data::text not like '%LOG-PROBE%')"));
      const failing = await call(server.url, admin, '/api/sync/push', {
        method: 'POST',
        body: {
          ops: [
            {
              opId: 'log-probe-op',
              kind: 'actions',
              id: 'log-probe',
              hlc: stampOf(Date.now()),
              fields: {
                unitId: 'unit-line-1',
                title: 'LOG-PROBE the private words of a coaching note',
                status: 'open',
                createdAt: '2026-11-29T08:00:00.000Z',
                updatedAt: '2026-11-29T08:00:00.000Z',
              },
            },
          ],
        },
      });
      await withDatabase({ databaseUrl }, (query) => query('alter table records drop constraint e2e_fail'));
      await sleep(200);
      const logged = server.log();
      check(
        'a write the database fails is a 500 that logs the op id and kind, never the record',
        failing.status === 500 &&
          logged.includes('log-probe-op') &&
          logged.includes('"kind":"actions"') &&
          !logged.includes('private words') &&
          !logged.includes(admin),
        logged.slice(-600),
      );
    }

    // --- guessing tokens: throttled per address (a forged X-Forwarded-For does not help).
    const guesses = [];
    for (let i = 0; i < 35; i++)
      guesses.push((await call(server.url, `he_guess${i}xxxxxxxxxxxxxxxxxxxx`, '/api/whoami', { headers: { 'X-Forwarded-For': `10.0.0.${i}` } })).status);
    check(
      `unknown tokens are throttled per address (${guesses.filter((s) => s === 429).length} of 35 slowed)`,
      guesses.slice(0, 30).every((s) => s === 401) && guesses.slice(31).every((s) => s === 429),
    );
    const known = await call(server.url, admin, '/api/whoami');
    check('a known token from the same address still works meanwhile', known.status === 200, JSON.stringify(known));
  } catch (error) {
    check(`${label} suite stopped: ${error.stack ?? error}`, false, server.log().slice(-2000));
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Runs SQL on the server's database while the server is stopped (PGlite) or beside it (PostgreSQL). */
async function withDatabase({ dataDir, databaseUrl }, body) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await body((text) => client.query(text));
    } finally {
      await client.end();
    }
    return;
  }
  const db = await PGlite.create(dataDir);
  try {
    await body((text) => db.exec(text));
  } finally {
    await db.close();
  }
}

const common = { RATE_PER_MINUTE: '1000', OP_MEMORY_DAYS: '90' };
await onEachDatabase(check, (label, env, database) => suite(label, { ...common, ...env }, database));
finish();

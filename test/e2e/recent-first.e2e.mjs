// A new wall receives its share recent first (scope.ts): the server splits a screen's share by
// the day that dates each record - what the board shows now, then the history before that day -
// on PGlite and PostgreSQL; the kiosk says "Synced" once it holds the first part, names the
// history still arriving, takes a change to an old day meanwhile, keeps its place across a
// restart, and ends holding exactly what a whole pull gives.
import { chromium } from 'playwright-core';
import { ENTITY_KINDS, firstScreenSources, historyDay, localDay, recentFrom } from '../../dist/lib/model/index.js';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { call } from '../support/api.mjs';
import { checks, until } from '../support/checks.mjs';
import { onEachDatabase, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const FROM = recentFrom(localDay());
const key = (r) => `${r.kind}:${r.id}`;

/** Every record a token's pulls bring from the start, of a part of its share (`&from=` or `&before=`), by kind:id. */
async function pullShare(url, token, part = '') {
  const found = new Map();
  for (let cursor = 0, more = true; more;) {
    const { status, json } = await call(url, token, `/api/sync/pull?cursor=${cursor}${part}`);
    if (status !== 200) throw new Error(`pull ${status}: ${JSON.stringify(json)}`);
    for (const r of json.records) found.set(key(r), r);
    ({ cursor, more } = json);
  }
  return found;
}

/** Every record stored on the kiosk's device, by kind:id. */
const storedOn = (page) =>
  page.evaluate(async (kinds) => {
    const store = document.querySelector('kiosk-app').store;
    const found = {};
    for (const kind of kinds) {
      for (const record of await store.get({ key: `e2e-all:${kind}`, reads: [{ kind }], run: (reader) => reader.all(kind) }))
        found[`${kind}:${record.id}`] = record;
    }
    return found;
  }, ENTITY_KINDS);

/** The board a pulled record belongs to (scope.ts, recordBoards), found in the share it came with. */
function boardOf(r, share) {
  const unitOf = (kind, id) => share.get(`${kind}:${id}`)?.record.unitId;
  if (r.kind === 'units') return r.id;
  if (r.kind === 'kpiValues') return unitOf('kpis', r.record.kpiId);
  if (r.kind === 'coachingPairs' || r.kind === 'coachingSessions') return unitOf('people', r.record.learnerId);
  if (r.kind === 'escalations') return r.record.fromUnitId;
  return r.record.unitId;
}

/**
 * The two parts of a wall's share, checked against the rule that dates each record (historyDay),
 * and the whole share; `below`, the boards below the wall's own, whose records but those its
 * first screen reads come with the history however recent. Returns the parts.
 */
async function checkParts(url, token, how, below = new Set()) {
  const whole = await pullShare(url, token);
  const recent = await pullShare(url, token, `&from=${FROM}`);
  const history = await pullShare(url, token, `&before=${FROM}`);
  const dated = (r) => historyDay(r.kind, r.record);
  check(
    `${how}: the first part holds nothing dated before ${FROM}, and this month's results`,
    [...recent.values()].every((r) => !(dated(r) < FROM)) && [...recent.values()].some((r) => r.kind === 'kpiValues'),
  );
  check(
    `${how}: the history holds only what is dated before it${below.size > 0 ? ', or of the boards below' : ''}: results, huddles and done actions of the last year`,
    [...history.values()].every((r) => dated(r) < FROM || below.has(boardOf(r, whole))) &&
      ['kpiValues', 'huddles', 'actions'].every((kind) => [...history.values()].some((r) => r.kind === kind && dated(r) < FROM)),
    [...new Set([...history.values()].map((r) => r.kind))].join(),
  );
  check(
    `${how}: together they are the whole share, each record once`,
    [...recent.keys()].every((k) => !history.has(k)) &&
      recent.size + history.size === whole.size &&
      [...whole.keys()].every((k) => recent.has(k) || history.has(k)),
    `${recent.size} + ${history.size} vs ${whole.size}`,
  );
  return { whole, recent, history };
}

/**
 * An area's wall (scope.ts, FIRST_SCREEN_BELOW): of its teams, the first part holds their boards,
 * KPIs and the results its roll-ups read - no huddle, answer or action of theirs, which come with
 * the history however recent - and still the whole share in the two parts together.
 */
async function checkAreaParts(url, token, how) {
  const teams = new Set(['unit-line-1', 'unit-line-2', 'unit-line-3']);
  const { recent, history } = await checkParts(url, token, `${how}, an area's wall`, teams);
  const ofTeams = (part, kind) => [...part.values()].filter((r) => r.kind === kind && teams.has(r.record.unitId));
  const teamKpis = new Set(ofTeams(recent, 'kpis').map((r) => r.id));
  const records = (part, kind) => [...part.values()].filter((r) => r.kind === kind).map((r) => r.record);
  const read = new Set(firstScreenSources('unit-assembly', records(recent, 'units'), records(recent, 'kpis')));
  const teamResults = (part) => records(part, 'kpiValues').filter((v) => teamKpis.has(v.kpiId) && v.day >= FROM);
  check(
    `${how}: an area's first part holds its teams' boards, KPIs and this month's results its roll-ups read, not the others`,
    [...recent.keys()].filter((k) => /^units:unit-line-/.test(k)).length === 3 &&
      read.size > 0 &&
      teamResults(recent).length > 0 &&
      teamResults(recent).every((v) => read.has(v.kpiId)) &&
      teamResults(history).every((v) => !read.has(v.kpiId)) &&
      teamResults(history).length > 0,
    `${teamKpis.size} KPIs, ${read.size} read; ${teamResults(recent).length} results first, ${teamResults(history).length} with the history`,
  );
  const recentHuddles = ofTeams(history, 'huddles').filter((r) => r.record.day >= FROM);
  check(
    `${how}: and none of their huddles, answers or actions: this month's come with the history`,
    ['huddles', 'feedback', 'actions'].every((kind) => ofTeams(recent, kind).length === 0) && recentHuddles.length > 0,
    `${recentHuddles.length} of this month's huddles in the history`,
  );
}

await onEachDatabase(check, async (label, env) => {
  console.log(`a new wall, recent first (${label})`);
  // A screen this close to the organisation's newest place reads its share in one ordered pass;
  // one further behind, by board (record-boards.ts): in 'busy', other boards' results were
  // corrected since (below), so a new wall of line 1 starts far behind.
  const token = (org, ...args) => serverCommand(env, 'token', 'create', '--org', org, ...args);
  for (const org of ['riverside', 'busy']) serverCommand(env, 'demo', '--org', org);
  const near = token('riverside', '--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
  const nearArea = token('riverside', '--role', 'wall', '--unit', 'unit-assembly', '--label', 'Assembly wall');
  const farArea = token('busy', '--role', 'wall', '--unit', 'unit-assembly', '--label', 'Assembly wall');
  const wall = token('busy', '--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
  const admin = token('busy', '--role', 'admin', '--label', 'Admin laptop');
  const server = await startServer(env);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    await checkParts(server.url, near, 'near the newest place');
    const others = [...(await pullShare(server.url, admin)).values()];
    const lineOne = new Set(others.filter((r) => r.kind === 'kpis' && r.record.unitId === 'unit-line-1').map((r) => r.id));
    const corrections = others.filter((r) => r.kind === 'kpiValues' && !lineOne.has(r.record.kpiId));
    for (let start = 0; start < corrections.length; start += 500) {
      const ops = corrections.slice(start, start + 500).map((r, i) => ({
        opId: `busy-${start + i}`,
        kind: 'kpiValues',
        id: r.id,
        hlc: `${String(Date.now()).padStart(16, '0')}:0000:busyelsewhere`,
        fields: { value: r.record.value + 1 },
      }));
      const pushed = await call(server.url, admin, '/api/sync/push', { method: 'POST', body: { ops } });
      if (pushed.status !== 200) throw new Error(`push ${pushed.status}: ${JSON.stringify(pushed.json)}`);
    }
    // The newest place, as the end of a pull from it says.
    const reached = (await call(server.url, wall, '/api/sync/pull?cursor=0')).json.cursor;
    const newest = (await call(server.url, wall, `/api/sync/pull?cursor=${reached}`)).json.cursor;
    check(`other boards' results corrected since: a new wall starts ${newest} places behind (more than 5,000)`, newest > 5000);
    await checkAreaParts(server.url, nearArea, 'near the newest place');
    await checkAreaParts(server.url, farArea, 'far behind it');
    // The area's roll-ups are turned off: its next first part reads none of its teams' results.
    const areaShare = await pullShare(server.url, farArea);
    const rollups = [...areaShare.values()].filter((r) => r.kind === 'kpis' && r.record.unitId === 'unit-assembly' && r.record.rollup);
    const stampNow = `${String(Date.now()).padStart(16, '0')}:0000:rollupsoff`;
    const off = await call(server.url, admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: rollups.map((r, i) => ({ opId: `rollups-off-${label}-${i}`, kind: 'kpis', id: r.id, hlc: stampNow, fields: { rollup: false } })) },
    });
    const afterOff = await pullShare(server.url, farArea, `&from=${FROM}`);
    const teamKpiIds = new Set([...areaShare.values()].filter((r) => r.kind === 'kpis' && r.record.unitId !== 'unit-assembly').map((r) => r.id));
    check(
      `an area whose roll-ups are turned off (${rollups.length}) reads none of its teams' results first`,
      off.status === 200 && rollups.length > 0 && ![...afterOff.values()].some((r) => r.kind === 'kpiValues' && teamKpiIds.has(r.record.kpiId)),
      JSON.stringify(off.json).slice(0, 200),
    );
    const { whole, recent, history } = await checkParts(server.url, wall, 'far behind it');
    const refused = await Promise.all(
      ['&from=2026-02-30', '&before=yesterday', `&from=${FROM}&before=${FROM}`].map((part) => call(server.url, wall, `/api/sync/pull?cursor=0${part}`)),
    );
    check(
      'a day that is no day, or both parts at once, is refused naming the field',
      refused.map((r) => `${r.status} ${r.json.field}`).join() === '400 from,400 before,400 before',
      refused.map((r) => JSON.stringify(r.json)).join(' '),
    );

    // The kiosk, with its history held back at the server's door until the test lets it through.
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const held = [];
    let holding = true;
    await context.route(/\/api\/sync\/pull\?.*before=/, (route) => (holding ? held.push(route) : route.continue()));
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const address = `${server.url}/?server=${encodeURIComponent(server.url)}&token=${wall}&unit=unit-line-1`;
    const status = page.locator('kiosk-app nav huddle-sync-status [role="status"]');
    const statusText = async () => ((await status.count()) > 0 ? ((await status.textContent()) ?? '').trim() : '');
    await page.goto(address);
    const arriving = await until(async () => /^✓ Synced; days before .+ still arriving$/.test(await statusText()), 30000);
    check('the wall says "Synced" with what it shows, naming the days still arriving', arriving, await statusText());
    await page.locator('huddle-board kpi-calendar').first().waitFor({ timeout: 15000 });
    const first = await storedOn(page);
    check(
      'it holds the first part and nothing of the history',
      Object.keys(first).length === recent.size && [...recent.keys()].every((k) => k in first),
      `${Object.keys(first).length} of ${recent.size}`,
    );

    // Meanwhile someone corrects a result of last month: it reaches the wall before its history.
    const old = [...history.values()].find((r) => r.kind === 'kpiValues');
    const stamp = `${String(Date.now()).padStart(16, '0')}:0000:recentfirst`;
    const corrected = await call(server.url, admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: `recent-first-${label}`, kind: 'kpiValues', id: old.id, hlc: stamp, fields: { value: 4242 } }] },
    });
    check('an admin corrects an old result', corrected.status === 200, JSON.stringify(corrected.json));
    const arrived = await until(async () => (await storedOn(page))[key(old)]?.value === 4242, 20000);
    check('the correction of an old day reaches the wall while its history is still held back', arrived);

    // A restart while the history's first page is asked for (it waits until the board is drawn).
    await until(async () => held.length >= 1, 15000);
    await page.reload();
    const stillOwed = await until(async () => /still arriving$/.test(await statusText()) && held.length >= 2, 30000);
    check(
      'after a restart it still names the history arriving, and asks for it again',
      stillOwed && held.length >= 2,
      `${await statusText()}; ${held.length} held`,
    );

    holding = false;
    for (const route of held.splice(0)) await route.continue().catch(() => {}); // a request of the page before the reload is gone
    const done = await until(async () => (await statusText()) === '✓ Synced', 30000);
    check('once the history has come, it says "Synced" alone', done, await statusText());
    const last = await storedOn(page);
    check(
      'and holds exactly the whole share, the corrected result as corrected',
      Object.keys(last).length === whole.size && [...whole.keys()].every((k) => k in last) && last[key(old)].value === 4242,
      `${Object.keys(last).length} of ${whole.size}`,
    );
    check('no page errors', errors.length === 0, errors.join('; '));
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
finish();

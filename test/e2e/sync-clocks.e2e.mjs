// Screens with wrong clocks, as wall TVs often have: a wall whose clock runs an hour fast and
// a supervisor's tablet a day slow edit the same action as an honest admin laptop, through
// the real sync server. Each later edit wins everywhere, whoever's clock is wrong. Also: a
// token given in the address leaves it (and history) once the screen starts, and the screen
// still syncs after a reload; an admin revokes the wall from the Settings' device list and
// the wall says at once that it no longer syncs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, sleep, until } from '../support/checks.mjs';
import { serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const store = (page, method, ...args) =>
  page.evaluate(
    ([method, args]) =>
      document
        .querySelector('kiosk-app')
        .store[method](...args)
        .then(() => null),
    [method, args],
  );
const actionOn = (page, id) =>
  page.evaluate(
    (id) =>
      document.querySelector('kiosk-app').store.get({ key: `e2e:action:${id}`, reads: [{ kind: 'actions' }], run: (reader) => reader.get('actions', id) }),
    id,
  );
const statusOf = async (page) => ((await page.locator('kiosk-app nav huddle-sync-status [role="status"]').textContent()) ?? '').trim();

console.log('sync: screens whose clocks are wrong still agree on what was written last');
const dataDir = mkdtempSync(join(tmpdir(), 'huddle-clocks-'));
const env = { DATA_DIR: dataDir };
serverCommand(env, 'demo', '--org', 'riverside');
const token = (...args) => serverCommand(env, 'token', 'create', '--org', 'riverside', ...args);
const wallToken = token('--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
const tabletToken = token('--role', 'coach', '--person', 'person-assembly-supervisor', '--label', 'Supervisor tablet');
const adminToken = token('--role', 'admin', '--label', 'Admin laptop');
const server = await startServer(env);
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
const errors = [];

/** A device whose wall clock is `skewMs` off (Date only: the page's own timers run as usual). */
async function device(tokenText, skewMs) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.addInitScript((skew) => {
    const RealDate = Date;
    class SkewedDate extends RealDate {
      constructor(...args) {
        if (args.length === 0) super(RealDate.now() + skew);
        else super(...args);
      }
      static now() {
        return RealDate.now() + skew;
      }
    }
    globalThis.Date = SkewedDate;
  }, skewMs);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/?server=${encodeURIComponent(server.url)}&token=${tokenText}&unit=unit-line-1&rotate=0`);
  await page.locator('huddle-board h1').waitFor({ timeout: 30000 });
  return { context, page };
}

try {
  const fast = await device(wallToken, HOUR);
  const slow = await device(tabletToken, -DAY);
  const honest = await device(adminToken, 0);
  const screens = [fast, slow, honest];
  check(
    'a wall an hour fast and a tablet a day slow open their boards from the server',
    (await fast.page.evaluate(() => new Date().getTime() - performance.timeOrigin - performance.now())) > HOUR / 2,
  );

  const urls = await Promise.all(screens.map(({ page }) => page.evaluate(() => location.href)));
  check(
    'the token is gone from the address of every screen once it started',
    urls.every((u) => !u.includes('token=') && u.includes('unit=unit-line-1')),
    urls.join(' '),
  );

  const id = await fast.page.evaluate(() =>
    document
      .querySelector('kiosk-app')
      .store.createAction({ unitId: 'unit-line-1', title: 'Guard rail loose' })
      .then((a) => a.id),
  );
  const everywhere = (what) => until(async () => (await Promise.all(screens.map(({ page }) => actionOn(page, id)))).every((a) => a && what(a)), 20000);
  check('an action made on the fast wall reaches every screen', await everywhere((a) => a.title === 'Guard rail loose'));

  // One edit after another, in real time: each later edit must win everywhere.
  const steps = [
    [fast, 'the fast wall', { title: 'Rail loose at station 3' }],
    [slow, 'the slow tablet (a day behind)', { title: 'Rail loose at station 4' }],
    [honest, 'the admin laptop', { title: 'Rail fixed, check again Friday' }],
    [fast, 'the fast wall again', { title: 'Rail checked by maintenance' }],
    [slow, 'the slow tablet again', { title: 'Rail checked, closing' }],
  ];
  for (const [screen, who, patch] of steps) {
    await store(screen.page, 'updateAction', id, patch);
    const agreed = await everywhere((a) => a.title === patch.title);
    const seen = await Promise.all(screens.map(({ page }) => actionOn(page, id).then((a) => a?.title)));
    check(`the later edit by ${who} wins on every screen ("${patch.title}")`, agreed, seen.join(' | '));
    await sleep(300);
  }

  // Different fields at once: both kept, and all three screens end identical.
  await Promise.all([store(fast.page, 'setActionStatus', id, 'doing'), store(slow.page, 'updateAction', id, { title: 'Rail checked, waiting for the part' })]);
  const converged = await everywhere((a) => a.status === 'doing' && a.title === 'Rail checked, waiting for the part');
  const finals = await Promise.all(screens.map(({ page }) => actionOn(page, id)));
  const sorted = (record) => JSON.stringify(Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => a.localeCompare(b))));
  check(
    'edits of different fields at once are both kept, and the three screens hold the same record',
    converged && finals.every((a) => sorted(a) === sorted(finals[0])),
    finals.map(sorted).join(' | '),
  );

  const clocks = await Promise.all(
    screens.map(({ page }) => page.evaluate(() => Number(document.querySelector('kiosk-app').store.internals().clock.last.slice(0, 16)))),
  );
  check(
    `every screen stamps by the server's time, whatever its own clock says (off by ${clocks.map((ms) => Math.round((ms - Date.now()) / 1000)).join(', ')} s)`,
    clocks.every((ms) => Math.abs(ms - Date.now()) < 10_000),
  );

  await fast.page.reload();
  await fast.page.locator('huddle-board h1').waitFor({ timeout: 30000 });
  check(
    'after a reload the wall still syncs without a token in its address',
    (await until(async () => /Synced/.test(await statusOf(fast.page)), 20000)) && !(await fast.page.evaluate(() => location.href)).includes('token='),
  );

  // The admin revokes the wall from the Settings' list of devices.
  await honest.page.locator('kiosk-app nav button', { hasText: 'Settings' }).click();
  const wallRow = honest.page.locator('kiosk-device-tokens li', { hasText: 'Line 1 wall' });
  await wallRow.locator('button', { hasText: 'Revoke…' }).click();
  await wallRow.locator('button', { hasText: 'Revoke Line 1 wall' }).click();
  const said = await honest.page.locator('kiosk-device-tokens [role="status"]').textContent({ timeout: 10000 });
  check(
    `the admin revokes the wall from Settings, after confirming ("${said?.trim()}")`,
    /Revoked: Line 1 wall/.test(said ?? '') && (await until(async () => (await wallRow.textContent()).includes('revoked'), 10000)),
  );
  const stopped = await until(async () => /revoked/.test(await statusOf(fast.page)), 10000);
  check(`the revoked wall says at once that it no longer syncs ("${await statusOf(fast.page)}")`, stopped);
  check('no uncaught errors on any screen', errors.length === 0, errors.join('; '));
} catch (error) {
  check(`stopped: ${error.stack ?? error}`, false, server.log().slice(-1500));
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
finish();

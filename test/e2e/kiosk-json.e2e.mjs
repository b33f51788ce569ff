// A wall set up by kiosk.json keeps its settings when the network fails at a restart: offline,
// behind a server that takes the request and never answers, or a proxy's error page, it opens
// its own board with the settings it was last given; once the file is gone from the server
// (404), the copy is forgotten too.
import { runE2e } from './harness.mjs';

const SETTINGS = { unit: 'unit-line-1', views: 'board', 'first-run': 'demo' };

await runE2e('kiosk: its kiosk.json settings survive a restart without the network', async ({ browser, url, check }) => {
  // No service worker: the test answers kiosk.json itself, and a worker's requests pass by it.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const answer = { with: 'settings' };
  await page.route('**/kiosk.json', (route) => {
    if (answer.with === 'settings') return route.fulfill({ json: SETTINGS });
    if (answer.with === 'nothing') return undefined; // the request stays open, as behind a dead proxy
    if (answer.with === 'offline') return route.abort('internetdisconnected');
    if (answer.with === 'proxy error') return route.fulfill({ status: 502, body: 'Bad gateway' });
    return route.fulfill({ status: 404, body: 'Not found' });
  });
  const board = page.locator('kiosk-app huddle-board h1');
  const overview = page.locator('kiosk-app kiosk-board-overview');
  /** What the restarted screen opened on: its board's title, or the overview of all boards. */
  const opened = async () => {
    await Promise.race([board.waitFor({ timeout: 30000 }), overview.waitFor({ timeout: 30000 })]).catch(() => {});
    if (await board.isVisible()) return `board ${(await board.textContent())?.trim()}`;
    return (await overview.isVisible()) ? 'the overview' : 'nothing';
  };

  await page.goto(url);
  const first = await opened();
  check(`kiosk.json sets the screen up: Line 1's board, not the overview (${first})`, first.includes('Line 1'));

  answer.with = 'offline';
  await page.reload();
  const offline = await opened();
  check(`restarted offline, it opens with the settings it was given (${offline})`, offline.includes('Line 1'));

  answer.with = 'nothing';
  const started = Date.now();
  await page.reload();
  const hanging = await opened();
  const seconds = (Date.now() - started) / 1000;
  check(
    `behind a server that never answers, it opens its board after a short wait (${hanging}, ${seconds.toFixed(1)} s)`,
    hanging.includes('Line 1') && seconds < 20,
  );

  answer.with = 'proxy error';
  await page.reload();
  const proxied = await opened();
  check(`a proxy's error page is the network's failure, not "no settings" (${proxied})`, proxied.includes('Line 1'));

  answer.with = 'no file';
  await page.reload();
  const removed = await opened();
  check(`once the server has no kiosk.json, the screen runs without one: the overview (${removed})`, removed === 'the overview');
  answer.with = 'offline';
  await page.reload();
  const after = await opened();
  check(`and the copy is forgotten with it (${after})`, after === 'the overview');

  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();
});

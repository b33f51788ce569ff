// First start of the built kiosk: an empty database offers the demo; it appears, stays
// (not regenerated) on reload, and the kiosk still opens offline from its service worker; on a
// narrow screen nothing jumps while the board fills in.
import { runE2e } from './harness.mjs';

await runE2e('kiosk: first start, reload, offline', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const workers = [];
  page.on('worker', (worker) => workers.push(worker.url()));

  await page.goto(url);
  await page.locator('kiosk-app h1', { hasText: 'A new board screen' }).waitFor({ timeout: 15000 });
  check('an empty screen offers the demo or a set-up', (await page.locator('kiosk-app button', { hasText: 'Set up my organisation' }).count()) === 1);
  await page.locator('kiosk-app button', { hasText: 'Try the plant demo' }).click();
  const boards = page.locator('kiosk-board-overview li');
  await boards.first().waitFor({ timeout: 15000 });
  check('first start shows the demo organisation: 9 boards', (await boards.count()) === 9, `${await boards.count()} boards`);
  // Generated off the page's thread, which keeps drawing meanwhile (Lighthouse's blocking time).
  check(
    'the demo is generated in a worker',
    workers.some((worker) => /demo-worker-[\w-]+\.js$/.test(worker)),
    workers.join(', ') || 'no worker',
  );
  const heading = await page.locator('kiosk-board-overview h1').textContent();
  check('the organisation name is the heading', heading === 'Riverside Plant', heading);
  const line1 = await page.locator('kiosk-board-overview li[data-unit="unit-line-1"]').textContent();
  check('a team shows its figures as words, not colour alone', /\d+ overdue/.test(line1) && /KPIs red yesterday/.test(line1), line1);

  const demoStamp = await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('huddle-elements');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const org = await new Promise((resolve) => {
      const r = db.transaction('org').objectStore('org').get('org');
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return org.createdAt;
  });
  await page.reload();
  await boards.first().waitFor();
  const afterReload = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const r = indexedDB.open('huddle-elements');
        r.onsuccess = () => {
          const g = r.result.transaction('org').objectStore('org').get('org');
          g.onsuccess = () => {
            resolve(g.result.createdAt);
            r.result.close();
          };
        };
      }),
  );
  check('a reload keeps the data instead of loading the demo again', afterReload === demoStamp);

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });

  await context.setOffline(true);
  await page.reload();
  await boards.first().waitFor({ timeout: 10000 });
  check('offline reload still shows the boards', (await boards.count()) === 9);
  await context.setOffline(false);

  // A German screen: the kiosk's own words are German too, not only the elements'.
  await page.goto(`${url}?unit=unit-line-1&locale=de&views=board,cascade`);
  await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
  const nav = (await page.locator('kiosk-app nav').textContent()).replace(/\s+/g, ' ').trim();
  check(`a German screen's bar is in German ("${nav}")`, /Einstellungen/.test(nav) && /Coaching-Kaskade|Kaskade/.test(nav) && !/Settings/.test(nav));
  await page.locator('kiosk-app nav button', { hasText: 'Einstellungen' }).click();
  const settingsTitle = await page.locator('kiosk-settings h1').textContent({ timeout: 10000 });
  const backupButton = await page.locator('kiosk-settings button', { hasText: 'Sicherung herunterladen' }).count();
  check(`and so are its settings ("${settingsTitle}")`, settingsTitle === 'Einstellungen' && backupButton === 1);
  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();

  // Nothing jumps while a new screen's board fills in: on a phone-sized screen its bar keeps
  // the pager's place, on a tablet the calendars keep theirs while loading (each moved what was
  // below it: the cards under a wrapped KPI grid, the bar's first row).
  for (const viewport of [
    { width: 412, height: 823 },
    { width: 820, height: 1180 },
  ]) {
    const narrow = await browser.newContext({ viewport });
    await narrow.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((entry) => entry.value))).observe({
        type: 'layout-shift',
        buffered: true,
      });
    });
    const screen = await narrow.newPage();
    await screen.goto(`${url}?first-run=demo&unit=unit-line-1`);
    await screen.locator('huddle-board kpi-calendar li[data-day]').first().waitFor({ timeout: 30000 });
    await screen.locator('huddle-board kpi-calendar [role="status"]').first().waitFor({ state: 'detached', timeout: 10000 });
    await screen.waitForTimeout(1000);
    const shifts = await screen.evaluate(() => window.__shifts);
    check(
      `a first start at ${viewport.width}x${viewport.height} moves nothing on the screen while the board fills in`,
      shifts.length === 0,
      `layout shifts: ${shifts.map((value) => value.toFixed(4)).join(', ')}`,
    );
    await narrow.close();
  }
});

// The kiosk on a wall: settings by URL (a bad one gets a full-screen message), rotation that
// waits for people, midnight without a reload, and the offline badge. Time is Playwright's
// mocked clock, so minutes pass in milliseconds.
import { runE2e } from './harness.mjs';

await runE2e('kiosk: settings, rotation, midnight, offline', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${url}?first-run=demo&unit=unit-line-1&rotate=abc`);
  const alert = page.locator('kiosk-app [role="alert"]');
  await alert.waitFor({ timeout: 15000 });
  const text = (await alert.textContent()).replace(/\s+/g, ' ');
  check(
    'a bad setting shows a full-screen message naming the key and the accepted values',
    text.includes('"rotate" in the address is "abc"') && text.includes('from 10 to 3600'),
    text,
  );
  await page.goto(`${url}?rotate=abc&locale=de`);
  await page.locator('kiosk-app [role="alert"] h1', { hasText: 'Einstellungen' }).waitFor({ timeout: 15000 });
  const german = (await alert.textContent()).replace(/\s+/g, ' ');
  check('and says it in the language the screen is set to', german.includes('„rotate“ in der Adresse ist „abc“') && german.includes('Ansichten:'), german);

  // Rotation, with the clock under the test's control.
  await page.clock.install({ time: new Date('2026-11-21T10:00:00') });
  await page.goto(`${url}?first-run=demo&unit=unit-line-1&views=board,cascade&rotate=10&quiet=30`);
  await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
  await page.locator('huddle-agenda button:not([disabled])').first().waitFor();
  await page.clock.fastForward(11_000);
  await page
    .locator('coaching-cascade h2')
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  check('after the rotation time the next view shows', (await page.locator('coaching-cascade').count()) === 1);

  // The cascade is taller than the screen: rotation shows its second page before the next view.
  await page.clock.fastForward(11_000);
  const pageShown = page.locator('kiosk-app nav .pager [role="status"]');
  await pageShown
    .filter({ hasText: 'Page 2 of' })
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  check(
    'a view taller than the screen shows its next page before the next view',
    (await page.locator('coaching-cascade').count()) === 1 && /^Page 2 of \d$/.test((await pageShown.textContent()) ?? ''),
    await pageShown.textContent(),
  );
  await page.clock.fastForward(11_000); // back to the board
  await page.locator('huddle-board h1').waitFor({ timeout: 5000 });
  await page.locator('huddle-board h1').click(); // someone touches the screen
  await page.clock.fastForward(11_000);
  check('rotation waits while someone is at the screen', (await page.locator('huddle-board').count()) === 1);
  await page.clock.fastForward(31_000);
  await page
    .locator('coaching-cascade h2')
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  check('and resumes after the quiet period', (await page.locator('coaching-cascade').count()) === 1);

  await page.locator('kiosk-app nav button', { hasText: 'Board' }).click();
  await page.locator('huddle-agenda button', { hasText: 'Start huddle' }).click();
  await page.locator('huddle-agenda button', { hasText: 'Next part' }).waitFor();
  await page.clock.fastForward(45_000);
  await page.clock.fastForward(11_000);
  check('rotation waits while the huddle timer runs', (await page.locator('huddle-board').count()) === 1);

  // Midnight: the board moves to the new day without a reload.
  await page.clock.install({ time: new Date('2026-11-21T23:59:40') });
  await page.goto(`${url}?first-run=demo&unit=unit-line-2`);
  const date = page.locator('huddle-board time:not(.clock)');
  const clock = page.locator('huddle-board time.clock');
  await date.waitFor({ timeout: 15000 });
  const before = await date.getAttribute('datetime');
  const navigations = [];
  page.on('framenavigated', (frame) => navigations.push(frame.url()));
  await page.clock.fastForward(30_000);
  await page
    .waitForFunction(
      () =>
        document.querySelector('kiosk-app')?.shadowRoot?.querySelector('huddle-board')?.shadowRoot?.querySelector('time')?.getAttribute('datetime') ===
        '2026-11-22',
      null,
      { timeout: 5000 },
    )
    .catch(() => {});
  const after = await date.getAttribute('datetime');
  check(
    `at midnight the board shows the new day (${before} -> ${after}) without a reload`,
    before === '2026-11-21' && after === '2026-11-22' && navigations.length === 0,
    navigations.join(','),
  );
  check("and the header's clock shows the new day's first minute", (await clock.getAttribute('datetime')) === '00:00', await clock.getAttribute('datetime'));

  // A page frozen by the browser overnight catches up on the day when it resumes.
  await page.clock.install({ time: new Date('2026-11-22T08:00:00') });
  await page.goto(`${url}?first-run=demo&unit=unit-line-2`);
  await date.waitFor({ timeout: 15000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await page.clock.setSystemTime(new Date('2026-11-23T07:30:00'));
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page
    .waitForFunction(
      () =>
        document.querySelector('kiosk-app')?.shadowRoot?.querySelector('huddle-board')?.shadowRoot?.querySelector('time')?.getAttribute('datetime') ===
        '2026-11-23',
      null,
      { timeout: 5000 },
    )
    .catch(() => {});
  check('a frozen page shows the right day when it resumes', (await date.getAttribute('datetime')) === '2026-11-23');

  // An uncaught error: a calm notice, then the kiosk restarts itself.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'throw new Error("simulated fault in a view")';
    document.body.append(script);
  });
  const notice = page.locator('kiosk-app .notice[role="alert"]');
  await notice.waitFor({ timeout: 5000 }).catch(() => {});
  check('an uncaught error shows a calm notice', (await notice.textContent())?.includes('restarts by itself') === true);
  const reloaded = page.waitForEvent('load', { timeout: 10000 }).then(
    () => true,
    () => false,
  );
  await page.clock.fastForward(31_000);
  check('and the kiosk restarts by itself', await reloaded);
  await date.waitFor({ timeout: 15000 });

  await context.setOffline(true);
  await page
    .locator('kiosk-app .badge')
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  check('offline shows a badge', (await page.locator('kiosk-app .badge').textContent())?.includes('Offline') === true);
  const unexpected = errors.filter((e) => !e.includes('simulated fault'));
  check('no uncaught errors but the simulated one', unexpected.length === 0, unexpected.join('; '));
  await context.close();
});

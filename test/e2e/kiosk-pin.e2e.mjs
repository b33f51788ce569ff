// A shared wall screen with a PIN: anyone can read; a change asks for the PIN and keeps what was
// typed; the right PIN unlocks; after an idle period edits lock again.
import { runE2e } from './harness.mjs';

await runE2e('kiosk: the PIN locks and unlocks edits', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.clock.install({ time: new Date('2026-11-21T09:00:00') });
  await page.goto(`${url}?first-run=demo&unit=unit-line-2&pin=2468&lock=60`);
  await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
  check('reading needs no PIN', (await page.locator('huddle-board kpi-calendar').count()) > 0);

  await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
  await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
  await page.locator('huddle-actions input[name="title"]').fill('Sweep under press 2');
  await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
  await page.locator('kiosk-pin-pad [role="dialog"]').waitFor({ timeout: 5000 });
  check('a change asks for the PIN', (await page.locator('kiosk-pin-pad').count()) === 1);
  check('and keeps what was typed', (await page.locator('huddle-actions input[name="title"]').inputValue()) === 'Sweep under press 2');

  for (const digit of '1111') await page.locator('kiosk-pin-pad .keys button', { hasText: digit }).first().click();
  await page.locator('kiosk-pin-pad button.ok').click();
  check('a wrong PIN is refused with a message', (await page.locator('kiosk-pin-pad [role="alert"]').textContent())?.includes('Wrong PIN') === true);
  for (const digit of '2468') await page.locator('kiosk-pin-pad .keys button', { hasText: digit }).first().click();
  await page.locator('kiosk-pin-pad button.ok').click();
  await page.locator('kiosk-pin-pad').waitFor({ state: 'detached' });
  await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
  await page.locator('huddle-actions form.add').waitFor({ state: 'detached', timeout: 5000 });
  check('the right PIN unlocks and the action saves', (await page.locator('huddle-actions li[data-action]', { hasText: 'Sweep under press 2' }).count()) === 1);

  await page.clock.fastForward(70_000);
  await page
    .locator('kiosk-app nav button', { hasText: 'Locked' })
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  check('after the idle period edits lock again', (await page.locator('kiosk-app nav button', { hasText: 'Locked' }).count()) === 1);
  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();
});

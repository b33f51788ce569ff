// A team at the wall: open its board from the overview, add an action by taps and typing, mark
// it done and undo that, try to record over a day already recorded and keep it; reload the
// kiosk, and the action is still there.
import { runE2e } from './harness.mjs';

/** Whether an action with this title is on any page of the list (the demo changes with the date). */
async function actionListed(page, title) {
  await page.locator('huddle-actions li[data-action]').first().waitFor({ timeout: 10000 });
  for (;;) {
    if ((await page.locator('huddle-actions li[data-action]', { hasText: title }).count()) === 1) return true;
    const next = page.locator('huddle-actions .pager button', { hasText: 'Next' });
    if ((await next.count()) === 0 || (await next.isDisabled())) return false;
    const pager = page.locator('huddle-actions .pager span');
    const before = await pager.textContent();
    await next.click();
    await page.waitForFunction(
      (text) =>
        document.querySelector('huddle-board')?.shadowRoot?.querySelector('huddle-actions')?.shadowRoot?.querySelector('.pager span')?.textContent !== text,
      before,
    );
  }
}

await runE2e('kiosk: add an action at the board, reload, still there', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(`${url}?first-run=demo`);
  await page.locator('kiosk-board-overview a', { hasText: 'Line 3' }).click({ timeout: 15000 });
  await page.locator('huddle-board h1').waitFor();
  check('the overview opens a board', (await page.locator('huddle-board h1').textContent()) === 'Line 3');
  check('the board opens in the wall theme', (await page.locator('huddle-board').getAttribute('data-theme')) === 'wall');

  await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
  await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
  await page.locator('huddle-actions input[name="title"]').fill('Wrap test pallet 42 before the night shift');
  await page.locator('huddle-actions fieldset button').first().click();
  await page.locator('huddle-actions button', { hasText: 'This week' }).click();
  await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
  // The form closes only once the action is stored.
  await page.locator('huddle-actions form.add').waitFor({ state: 'detached', timeout: 5000 });
  check('the new action is on the board', await actionListed(page, 'Wrap test pallet 42 before the night shift'));

  // Done in one tap, said in words wherever the action moved, and undone in one more.
  const added = page.locator('huddle-actions li[data-action]', { hasText: 'Wrap test pallet 42' });
  await added.locator('button.done').click();
  const change = page.locator('huddle-actions .last-change');
  await change.filter({ hasText: 'is now Done' }).waitFor({ timeout: 5000 });
  check('marking the action done says so, with an undo', (await change.textContent()).includes('Undo (back to Open)'), await change.textContent());
  await change.locator('button', { hasText: 'Undo' }).click();
  await change.waitFor({ state: 'detached', timeout: 5000 });
  check(
    'and the undo puts it back to Open, in sight',
    (await added.count()) === 1 && (await added.locator('button.status').textContent()).includes('Open'),
    await added.locator('button.status').textContent(),
  );

  // A day already recorded is not overwritten without a yes.
  await page.locator('huddle-board [role="tab"]', { hasText: 'Reflect' }).click();
  const calendar = page.locator('huddle-board kpi-calendar').first();
  await calendar.locator('button', { hasText: 'Record a day' }).click();
  const recorded = calendar.locator('.recorded');
  await recorded.waitFor({ timeout: 5000 });
  const before = await recorded.textContent();
  await calendar.locator('input[name="value"]').fill('7');
  await calendar.locator('button', { hasText: /^Save$/ }).click();
  const question = calendar.locator('[role="alertdialog"]');
  await question.waitFor({ timeout: 5000 });
  check(
    'saving over a recorded day asks, naming both results',
    /^Replace .+, recorded for this day, with 7/.test((await question.textContent()).trim()),
    await question.textContent(),
  );
  await question.locator('button', { hasText: 'Keep it' }).click();
  check('and "Keep it" keeps what was recorded', (await recorded.textContent()) === before, `${before} -> ${await recorded.textContent()}`);
  await calendar.locator('button', { hasText: 'Cancel' }).click();
  await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();

  await page.reload();
  await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click({ timeout: 15000 });
  check('after a reload the action is still there', await actionListed(page, 'Wrap test pallet 42 before the night shift'));

  // No network at all: the kiosk reloads from its service worker and still takes an action.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await context.setOffline(true);
  await page.reload();
  await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click({ timeout: 15000 });
  await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
  await page.locator('huddle-actions input[name="title"]').fill('Added with the network down');
  await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
  await page.locator('huddle-actions form.add').waitFor({ state: 'detached', timeout: 5000 });
  check('offline, the kiosk reloads and accepts a new action', await actionListed(page, 'Added with the network down'));
  // Some Chromium builds (Debian's 150) start a page reloaded under emulated offline with
  // navigator.onLine true, where a machine without a network says false: told again, it says so.
  if (await page.evaluate(() => navigator.onLine)) {
    await context.setOffline(false);
    await context.setOffline(true);
  }
  check('and shows that it is offline', (await page.locator('kiosk-app .badge').textContent())?.includes('Offline') === true);
  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();
});

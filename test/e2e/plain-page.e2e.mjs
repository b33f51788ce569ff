// An intranet page with no bundler and no framework: examples/plain-board.html loads the built
// package through an import map, shows a board, saves through it, and takes the host's theme.
import { runE2e } from './harness.mjs';

await runE2e(
  'plain HTML page: the built package on a static server',
  async ({ browser, url, check }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}examples/plain-board.html`);
    await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
    check('the board renders from the built package', (await page.locator('huddle-board h1').textContent()) === 'Line 1');

    const accent = await page.locator('huddle-board [role="tab"][aria-selected="true"]').evaluate((tab) => getComputedStyle(tab).backgroundColor);
    check('the host page themes it with --he-color-accent', accent === 'rgb(91, 33, 182)', accent);

    const created = page.waitForEvent('console', (message) => message.text().startsWith('new action:'));
    await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
    await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await page.locator('huddle-actions input[name="title"]').fill('Saved from a plain page');
    await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    check('it saves and the host hears the event', (await created).text() === 'new action: Saved from a plain page');
    check('no uncaught errors', errors.length === 0, errors.join('; '));
  },
  { serve: 'repository' },
);

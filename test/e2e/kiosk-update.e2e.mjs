// A new build served over the old one: the kiosk picks it up, but waits while someone is
// typing an action; once the action is saved and the screen is quiet it reloads into the
// new version, and the action is there.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runE2e } from './harness.mjs';

// A copy of the build to serve and to build over: other scripts serve dist/kiosk meanwhile.
const kioskDir = mkdtempSync(join(tmpdir(), 'huddle-kiosk-update-'));
cpSync('dist/kiosk', kioskDir, { recursive: true });
process.on('exit', () => rmSync(kioskDir, { recursive: true, force: true }));

await runE2e(
  'kiosk: a new version is picked up at a quiet moment',
  async ({ browser, url, check }) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}?first-run=demo&unit=unit-line-1&quiet=5`);
    await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    const first = await page.evaluate(() => document.documentElement.dataset.version);

    await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
    await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await page.locator('huddle-actions input[name="title"]').fill('Half-typed when the update came');

    // The new build lands on the server while the team is typing.
    const built = spawnSync('npx', ['vite', 'build', '--config', 'kiosk/vite.config.ts', '--outDir', kioskDir, '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, HUDDLE_BUILD_VERSION: '9.9.9-update-test' },
      stdio: 'inherit',
    });
    check('a second version was built over the first', built.status === 0);
    const reloads = [];
    page.on('load', () => reloads.push(Date.now()));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForTimeout(9000);
    check('no reload while an action is half typed', reloads.length === 0);
    check('and the typing is still there', (await page.locator('huddle-actions input[name="title"]').inputValue()) === 'Half-typed when the update came');

    await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    await page.waitForEvent('load', { timeout: 20000 }).catch(() => {});
    await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
    const second = await page.evaluate(() => document.documentElement.dataset.version);
    check(`once quiet it reloads into the new version (${first} -> ${second})`, reloads.length === 1 && second === '9.9.9-update-test' && first !== second);
    await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
    await page.locator('huddle-actions li[data-action]').first().waitFor();
    let found = false;
    for (;;) {
      if ((await page.locator('huddle-actions li[data-action]', { hasText: 'Half-typed when the update came' }).count()) > 0) {
        found = true;
        break;
      }
      const next = page.locator('huddle-actions .pager button', { hasText: 'Next' });
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      const before = await page.locator('huddle-actions .pager span').textContent();
      await next.click();
      await page.waitForFunction(
        (text) =>
          document
            .querySelector('kiosk-app')
            ?.shadowRoot?.querySelector('huddle-board')
            ?.shadowRoot?.querySelector('huddle-actions')
            ?.shadowRoot?.querySelector('.pager span')?.textContent !== text,
        before,
      );
    }
    check('the action typed before the update is saved', found);
    check('no uncaught errors', errors.length === 0, errors.join('; '));
    await context.close();
  },
  { kioskDir },
);

// The built kiosk under a strict Content-Security-Policy: it starts, shows a board, saves,
// draws charts, and the browser reports no violation.
import { runE2e } from './harness.mjs';

const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

await runE2e(
  'kiosk: works under a strict Content-Security-Policy',
  async ({ browser, url, check }) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/.test(message.text())) errors.push(message.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window.__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${url}?first-run=demo&unit=unit-line-1&views=board,impact`);
    check('the policy is served', response.headers()['content-security-policy'] === POLICY);
    await page.locator('huddle-board kpi-calendar li[data-day]').first().waitFor({ timeout: 15000 });
    check('the board renders', (await page.locator('huddle-board h1').textContent()) === 'Line 1');
    await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
    await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await page.locator('huddle-actions input[name="title"]').fill('Saved under a strict policy');
    await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    await page.locator('huddle-actions form.add').waitFor({ state: 'detached', timeout: 5000 });
    await page.locator('kiosk-app nav button', { hasText: 'Impact' }).click();
    await page.locator('coaching-impact canvas').first().waitFor({ timeout: 10000 });
    check('charts draw', (await page.locator('coaching-impact canvas').count()) > 0);
    const violations = await page.evaluate(() => window.__violations ?? []);
    check('no policy violations', violations.length === 0 && errors.length === 0, [...violations, ...errors].join('; '));
    await context.close();
  },
  { headers: { 'Content-Security-Policy': POLICY } },
);

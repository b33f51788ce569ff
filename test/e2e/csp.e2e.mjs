// The built kiosk under a strict Content-Security-Policy: it starts, shows a board, saves,
// draws charts, and the browser reports no violation - on every screen: the overview of boards,
// every view, the PIN pad, the settings, the welcome screen and the set-up.
import { runE2e } from './harness.mjs';

const VIEWS = ['board', 'escalations', 'cascade', 'feedback', 'safety', 'you-said', 'impact', 'pulse', 'card'];
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
    // The page's own rules are not a file nor an inline <style> (the policy refuses that): the
    // board still fills the screen to its edges, in the kiosk's typeface.
    const pageStyle = await page.evaluate(() => [getComputedStyle(document.body).margin, getComputedStyle(document.body).fontFamily]);
    check('the page styles apply: no margin, the kiosk typeface', pageStyle[0] === '0px' && pageStyle[1].startsWith('system-ui'), pageStyle.join(' '));
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

    // Every other screen, on the same policy.
    await page.goto(`${url}?unit=unit-line-1&views=${VIEWS.join(',')}&rotate=0&pin=2468`);
    await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
    for (const name of ['Escalations', 'Coaching cascade', 'Feedback', 'Psychological safety', 'You said, we did', 'Impact', 'Pulse', 'Coaching card']) {
      await page.locator('kiosk-app nav button', { hasText: name }).first().click();
      await page.waitForTimeout(400);
    }
    await page.locator('kiosk-app nav button', { hasText: 'Settings' }).click();
    await page.locator('kiosk-pin-pad [role="dialog"]').waitFor({ timeout: 5000 });
    for (const digit of '2468') await page.locator('kiosk-pin-pad .keys button', { hasText: digit }).first().click();
    await page.locator('kiosk-pin-pad button.ok').click();
    await page.locator('kiosk-settings').waitFor({ timeout: 5000 });
    await page.goto(url);
    await page.locator('kiosk-board-overview li').first().waitFor({ timeout: 15000 });
    const everyScreen = await page.evaluate(() => window.__violations ?? []);
    check(
      'no policy violations on the overview, every view, the PIN pad and the settings',
      everyScreen.length === 0 && errors.length === 0,
      [...everyScreen, ...errors].join('; '),
    );
    await context.close();

    const fresh = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const setup = await fresh.newPage();
    await setup.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window.__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await setup.goto(url);
    await setup.locator('kiosk-app button', { hasText: 'Set up my organisation' }).click();
    await setup.locator('huddle-setup').waitFor({ timeout: 10000 });
    await setup.waitForTimeout(500);
    const inSetup = await setup.evaluate(() => window.__violations ?? []);
    check('no policy violations on the welcome screen and the set-up', inSetup.length === 0, inSetup.join('; '));
    await fresh.close();
  },
  { headers: { 'Content-Security-Policy': POLICY } },
);

// Chromium's own installability check on the built kiosk, in a normal (persistent) profile
// as a wall screen's browser has: manifest, icons, service worker, fullscreen display.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { runE2e } from './harness.mjs';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

await runE2e('kiosk: installable as an app', async ({ url, check }) => {
  const profile = await mkdtemp(join(tmpdir(), 'huddle-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    const manifest = await page.evaluate(async () => (await fetch('./manifest.webmanifest')).json());
    check('the manifest asks for a fullscreen display', manifest.display === 'fullscreen');
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    check('Chromium finds the kiosk installable', installabilityErrors.length === 0, JSON.stringify(installabilityErrors));
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

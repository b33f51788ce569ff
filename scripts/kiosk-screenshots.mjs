// Screenshots of the kiosk's views from the built kiosk (npm run build:kiosk first), at
// 1920x1080 and 3840x2160: `node scripts/kiosk-screenshots.mjs` (or all pictures: `npm run docs`).
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';
import { screenshotOf } from './shots/screen-problem.mjs';

const VIEWS = [
  ['board', 'unit-line-1', 'huddle-board'],
  ['escalations', 'unit-packing', 'huddle-board'],
  ['cascade', 'unit-line-1', 'coaching-cascade'],
  ['feedback', 'unit-line-1', 'feedback-loop'],
  ['pulse', 'unit-line-1', 'feedback-loop'],
  ['impact', 'unit-assembly', 'coaching-impact'],
];
const SIZES = [
  [1920, 1080],
  [3840, 2160],
];

const server = await preview({ configFile: 'kiosk/vite.config.ts', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  for (const [width, height] of SIZES) {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.clock.install({ time: new Date('2026-11-21T08:10:00') });
    const page = await context.newPage();
    for (const [view, unit, tag] of VIEWS) {
      // With the board as a second view: a screen of one pulse or card alone is a phone's.
      await page.goto(`${url}?first-run=demo&unit=${unit}&views=${view === 'board' ? 'board' : `${view},board`}&rotate=0`);
      await page.locator(`kiosk-app ${tag}`).first().waitFor({ timeout: 20000 });
      await page.waitForTimeout(1500);
      await screenshotOf(page, `docs/kiosk-${view}-${width}.png`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

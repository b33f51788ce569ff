// Screenshots of the demo board for the docs: `node scripts/screenshots.mjs [name]`.
// Each entry renders scripts/shots/element.html in headless Chromium at a given size.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';
import { screenshotOf } from './shots/screen-problem.mjs';

const SHOTS = [
  { file: 'docs/board-wall-1920.png', width: 1920, height: 1080, query: 'unit=unit-line-1&theme=wall&view=reflect' },
  { file: 'docs/board-wall-actions-1920.png', width: 1920, height: 1080, query: 'unit=unit-line-1&theme=wall&view=actions' },
  { file: 'docs/board-wall-plan-1920.png', width: 1920, height: 1080, query: 'unit=unit-line-1&theme=wall&view=plan' },
  { file: 'docs/board-wall-improve-1920.png', width: 1920, height: 1080, query: 'unit=unit-line-1&theme=wall&view=improve' },
  { file: 'docs/board-wall-3840.png', width: 3840, height: 2160, query: 'unit=unit-line-1&theme=wall&view=reflect' },
  { file: 'docs/board-400.png', width: 400, height: 1400, query: 'unit=unit-line-1&theme=light&view=reflect&fit=content', fullPage: true },
  { file: 'docs/board-area-rollup-1920.png', width: 1920, height: 1080, query: 'theme=wall&view=reflect&unit=unit-assembly' },
  { file: 'docs/board-parent-escalations-1920.png', width: 1920, height: 1080, query: 'theme=wall&view=escalations&unit=unit-packing' },
  { file: 'docs/coaching-cascade-1920.png', width: 1920, height: 1080, query: 'tag=coaching-cascade&theme=wall' },
  {
    file: 'docs/coaching-card-tablet.png',
    width: 1024,
    height: 1366,
    query: 'tag=coaching-card&coach=person-assembly-supervisor&learner=person-line-1-leader&draft-key=shot&fit=content',
    fullPage: true,
  },
  {
    file: 'docs/coaching-card-kata-400.png',
    width: 400,
    height: 900,
    query: 'tag=coaching-card&kind=kata&coach=person-assembly-supervisor&learner=person-line-2-leader&draft-key=shot-kata&fit=content',
    fullPage: true,
  },
  { file: 'docs/coaching-impact-1920.png', width: 1920, height: 1600, query: 'tag=coaching-impact&unit=unit-plant&fit=content', fullPage: true },
  { file: 'docs/feedback-pulse-1920.png', width: 1920, height: 1080, query: 'tag=feedback-loop&unit=unit-line-1&theme=wall' },
  {
    file: 'docs/coaching-journal-1024.png',
    width: 1024,
    height: 900,
    query: 'tag=coaching-journal&person=person-packing-supervisor&fit=content',
    fullPage: true,
  },
];

const only = process.argv[2];
const server = await createServer({ configFile: false, root: process.cwd(), logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const { port } = server.httpServer.address();
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  for (const shot of SHOTS.filter((s) => !only || s.file.includes(only))) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
    page.on('pageerror', (e) => console.error('[page error]', e.message));
    await page.goto(`http://127.0.0.1:${port}/scripts/shots/element.html?${shot.query}`);
    await page.waitForSelector('body[data-ready]');
    await page
      .waitForFunction(() => !document.body.lastElementChild?.shadowRoot?.querySelector('[role="status"]:not(.saved)'), null, { timeout: 10000 })
      .catch(() => {});
    await page.waitForTimeout(800);
    await screenshotOf(page, shot.file, { fullPage: shot.fullPage ?? false });
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

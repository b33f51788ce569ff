// `npm run bench:lighthouse`: Lighthouse (mobile and desktop presets) on the built kiosk's first
// start with its demo organisation (npm run build:kiosk first). Lighthouse clears the site's
// storage before each run, so every run is a new wall's first start. Prints, per preset, the
// median of RUNS runs: the performance, accessibility and best-practices scores, the metrics
// behind the performance score, every performance audit that is not passed and the longest
// main-thread tasks, so the next step is in the output.
import { createServer } from 'node:net';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';

const RUNS = Number(process.env.RUNS ?? 3);
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A free port for Chromium's DevTools endpoint, which Lighthouse drives. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const server = await preview({ configFile: 'kiosk/vite.config.ts', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const url = `http://127.0.0.1:${server.httpServer.address().port}/?first-run=demo&unit=unit-line-1`;
const port = await freePort();
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`] });

try {
  for (const [preset, config] of [
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ]) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, config);
      if (!result) throw new Error('Lighthouse returned no result');
      if (result.lhr.runtimeError) throw new Error(`Lighthouse: ${result.lhr.runtimeError.message}`);
      runs.push(result.lhr);
    }
    const score = (category) => Math.round(median(runs.map((lhr) => lhr.categories[category].score ?? 0)) * 100);
    const metric = (id) => median(runs.map((lhr) => lhr.audits[id].numericValue ?? 0));
    // The run with the median performance score names what held it back.
    const middle = [...runs].sort((a, b) => a.categories.performance.score - b.categories.performance.score)[Math.floor(runs.length / 2)];
    const notPassed = middle.categories.performance.auditRefs
      .map((ref) => middle.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative' && !METRICS.includes(audit.id))
      .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    console.log(
      JSON.stringify({
        bench: 'lighthouse',
        figure: `${preset} preset, the kiosk's first start with its demo, median of ${RUNS}`,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        fcpMs: Math.round(metric('first-contentful-paint')),
        lcpMs: Math.round(metric('largest-contentful-paint')),
        tbtMs: Math.round(metric('total-blocking-time')),
        cls: Number(metric('cumulative-layout-shift').toFixed(3)),
        speedIndexMs: Math.round(metric('speed-index')),
        notPassed,
        // Where the main thread was held (simulated on the preset's CPU): script and duration.
        longTasks: (middle.audits['long-tasks'].details?.items ?? [])
          .slice(0, 5)
          .map((task) => `${String(task.url).replace(/^https?:\/\/[^/]+/, '')} ${Math.round(task.duration)} ms`),
      }),
    );
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

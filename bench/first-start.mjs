// `npm run bench:first-start`: a new wall's first start on the built kiosk (npm run build:kiosk
// first), as Lighthouse's mobile preset loads it - the CPU slowed 4x - and on a later start:
// when the board's first day cell shows, the longest main-thread task and the total blocking
// time (tasks over 50 ms, minus 50 ms each), and the layout shift (CLS) until the board has
// settled. The longest task is also given per phase: starting (the page and the kiosk's
// script, before any data is read), loading the demo (from its worker's start until the
// transaction that stores it completes) and showing the board (after that). Each figure is
// the median of 5 fresh profiles.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const THROTTLE = 4;

/**
 * Installed before the kiosk's scripts: long tasks and layout shifts from the first moment, and
 * when the demo load begins (its worker starts) and ends (the transaction holding its last
 * write, the demo marker, completes: the moment its complete event is dispatched).
 */
function observeLoading() {
  window.__loading = { tasks: [], shift: 0, dataFrom: undefined, dataUntil: undefined };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__loading.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__loading.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(...args) {
      super(...args);
      window.__loading.dataFrom ??= performance.now();
    }
  };
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, ...rest) {
    // On the database, capturing: before the kiosk's own handlers react to the stored data.
    const stored = () => (window.__loading.dataUntil = performance.now());
    if (value?.key === 'demo') this.transaction.db.addEventListener('complete', stored, { capture: true, once: true });
    return put.call(this, value, ...rest);
  };
}

// Boolean: an element not there yet ends the chain in undefined (undefined !== null held at once).
const FIRST_DAY_CELL = () =>
  Boolean(
    document
      .querySelector('kiosk-app')
      ?.shadowRoot?.querySelector('huddle-board')
      ?.shadowRoot?.querySelector('kpi-calendar')
      ?.shadowRoot?.querySelector('li[data-day]'),
  );

const server = await preview({ configFile: 'kiosk/vite.config.ts', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const url = `http://127.0.0.1:${server.httpServer.address().port}/?first-run=demo&unit=unit-line-1`;
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });

async function start(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const opened = performance.now();
  await page.goto(url);
  await page.waitForFunction(FIRST_DAY_CELL, null, { timeout: 120000, polling: 20 });
  const firstDayCellMs = performance.now() - opened;
  await page.waitForTimeout(1500); // what shifts after the first cell (calendars filling in)
  const { tasks, shift, dataFrom, dataUntil } = await page.evaluate(() => window.__loading);
  // TASKS=1: every long task of each start (start and duration, ms since navigation) too.
  if (process.env.TASKS) console.log(JSON.stringify({ dataFrom, dataUntil, tasks: tasks.map((task) => [Math.round(task.start), Math.round(task.duration)]) }));
  const longest = (inPhase) => Math.max(0, ...tasks.filter(inPhase).map((task) => task.duration));
  const dataStart = dataFrom ?? Infinity;
  const dataEnd = dataUntil ?? dataStart;
  // A task counts for the phase its middle falls in: the one that dispatches the stored data's
  // complete event starts a fraction of a millisecond before it and then shows the board.
  const middle = (task) => task.start + task.duration / 2;
  return {
    firstDayCellMs,
    longestTaskMs: longest(() => true),
    startingMs: longest((task) => middle(task) < dataStart),
    loadingDataMs: longest((task) => middle(task) >= dataStart && middle(task) < dataEnd),
    showingMs: longest((task) => middle(task) >= dataEnd),
    totalBlockingMs: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    cls: shift,
  };
}

const first = [];
const later = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await context.addInitScript(observeLoading);
    const page = await context.newPage();
    first.push(await start(page));
    later.push(await start(page)); // the same profile again: the demo is already stored
    await context.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}

for (const [name, runs] of [
  ['first start', first],
  ['later start', later],
]) {
  const figure = (key, digits = 0) => Number(median(runs.map((r) => r[key])).toFixed(digits));
  console.log(
    JSON.stringify({
      bench: 'first-start',
      figure: `${name}, CPU ${THROTTLE}x slower, median of ${RUNS}`,
      firstDayCellMs: figure('firstDayCellMs'),
      longestTaskMs: figure('longestTaskMs'),
      // Per phase, on a first start (a later start loads no demo).
      ...(runs === first
        ? { longestTaskMsStarting: figure('startingMs'), longestTaskMsLoadingData: figure('loadingDataMs'), longestTaskMsShowingTheBoard: figure('showingMs') }
        : {}),
      totalBlockingMs: figure('totalBlockingMs'),
      cls: figure('cls', 3),
    }),
  );
}

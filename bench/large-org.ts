/**
 * `npm run bench:large`: the organisation of a hospital group (bench/large-organisation.ts:
 * 2,001 boards over 10 sites, 20,000 people, three years of history) on PostgreSQL.
 *
 * 1. Loads it through the server's push, 2,000 ops a transaction, checked like any device's
 *    writes: ops/s and the database's size.
 * 2. A device's first sync over HTTP - a team's, an area's and a site's wall, an area
 *    supervisor's tablet - as a new screen asks for it (scope.ts, "recent first"): records, bytes
 *    and seconds of the part it needs to be ready, then of its history - against what every
 *    device received before it read its share by index (the whole organisation, as an admin's
 *    device still does: the first pages timed).
 * 3. A new team, area and site wall and a new area supervisor's tablet in Chromium on the built
 *    kiosk (npm run build:kiosk first; KIOSK_DIR=... serves another build), on the data's last day
 *    (the last of a month: the largest first part there is): seconds from opening
 *    until the board shows a day of results and says "Synced", then until its history has come
 *    ("Synced" alone), and what its database then holds (rows, and the browser's estimate of bytes).
 *
 * `-- --scale 0.1` runs one site (201 boards, 2,000 people) for a quick look. `-- --keep DIR`
 * keeps the loaded cluster in DIR and uses it again on the next run (loading the full group
 * takes a while). Run with tsx (it pushes through the server's modules directly).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { openDatabase } from '../server/db.js';
import { migrate } from '../server/migrations.js';
import { push } from '../server/sync-service.js';
import { createToken, ensureOrg } from '../server/tokens.js';
import { HybridClock } from '../src/model/hlc.js';
import type { PullResponse, SyncOp } from '../src/protocol/sync.js';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';
import { startPostgres, startServer } from '../test/support/sync-server.mjs';
import { largeOrganisation, largeOrganisationSize } from './large-organisation.js';
import { recentFrom } from '../src/model/scope.js';
import { round } from './stats.js';

const ORG = 'group';
const TODAY = '2026-11-30';
const option = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const scale = Number(option('--scale') ?? 1);
const keep = option('--keep');
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be a number above 0 and at most 1');
const size = largeOrganisationSize(scale);

const postgres = await startPostgres(keep ? { keep } : {});
if (!postgres) throw new Error('PostgreSQL is not installed (apt-get install postgresql)');
const seconds = (ms: number) => `${round(ms / 1000)} s`;
const mb = (bytes: number) => `${round(bytes / 1024 / 1024)} MB`;

try {
  const db = await openDatabase({ url: postgres.url, dataDir: '' });
  await migrate(db);
  await ensureOrg(db, ORG);
  const { rows } = await db.query<{ n: string }>('select count(*) as n from records where org = $1', [ORG]);
  console.log(`large organisation: ${size.boards} boards over ${size.sites} site(s), ${size.people} people, 3 years up to ${TODAY}`);
  if (Number(rows[0]!.n) === 0) {
    const clock = new HybridClock('benchlarge');
    const started = performance.now();
    let loaded = 0;
    for (const batch of largeOrganisation({ today: TODAY, scale })) {
      const ops: SyncOp[] = batch.map(({ kind, record }) => {
        const { id, ...fields } = record as unknown as Record<string, unknown> & { id: string };
        return { opId: `large-${kind}-${id}`, kind, id, hlc: clock.tick(), fields };
      });
      await push(db, { org: ORG, role: 'admin', commandLine: true }, ops);
      loaded += ops.length;
      if (loaded % 200_000 < batch.length) console.log(`  ${loaded} records loaded, ${Math.round(loaded / ((performance.now() - started) / 1000))} ops/s`);
    }
    const ms = performance.now() - started;
    console.log(`loaded ${loaded} records through push (2,000 ops a transaction) in ${seconds(ms)}: ${Math.round(loaded / (ms / 1000))} ops/s`);
  } else console.log(`using the ${rows[0]!.n} records already loaded in ${keep}`);
  // The statistics a running database gathers by itself (autovacuum) within minutes of a load:
  // without them the first screens' reads are planned as for an empty table.
  await db.query('analyze records');
  const { rows: dbSize } = await db.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
  console.log(`database size: ${mb(Number(dbSize[0]!.bytes))}`);
  const walls = {
    team: await createToken(db, { org: ORG, role: 'wall', unitId: 'site-1-area-1-team-1' }),
    area: await createToken(db, { org: ORG, role: 'wall', unitId: 'site-1-area-1' }),
    site: await createToken(db, { org: ORG, role: 'wall', unitId: 'site-1' }),
  };
  const supervisor = await createToken(db, { org: ORG, role: 'coach', personId: 'person-site-1-area-1-leader', label: 'a supervisor tablet' });
  const whole = await createToken(db, { org: ORG, role: 'admin', label: 'whole organisation' });
  await db.close();

  const server = await startServer({
    DATABASE_URL: postgres.url,
    RATE_PER_MINUTE: '1000000',
    ...(process.env['KIOSK_DIR'] ? { KIOSK_DIR: process.env['KIOSK_DIR'] } : {}),
  });
  try {
    /** Pulls from `cursor` until nothing more (or `maxPages`), of `part` (a query): records, bytes, ms, and the cursor reached. */
    const pullAll = async (token: string, { cursor = 0, part = '', maxPages = Infinity } = {}) => {
      let records = 0;
      let bytes = 0;
      let pages = 0;
      const started = performance.now();
      for (let more = true; more && pages < maxPages; pages++) {
        const response = await fetch(`${server.url}/api/sync/pull?cursor=${cursor}${part}`, { headers: { Authorization: `Bearer ${token}` } });
        const text = await response.text();
        if (!response.ok) throw new Error(`pull ${response.status}: ${text}`);
        const page = JSON.parse(text) as PullResponse;
        records += page.records.length;
        bytes += text.length;
        cursor = page.cursor;
        more = page.more;
      }
      return { records, bytes, ms: performance.now() - started, pages, cursor };
    };
    const from = recentFrom(TODAY);
    console.log(`\na device's first sync over HTTP, as a new screen asks for it: its share from ${from} (and what is not dated), then the history before:`);
    for (const [name, token] of Object.entries({ ...walls, "an area supervisor's tablet (coach)": supervisor })) {
      const recent = await pullAll(token, { part: `&from=${from}` });
      const history = await pullAll(token, { part: `&before=${from}` });
      console.log(
        `  ${name}${name in walls ? ' wall' : ''}: ready with ${recent.records} records, ${mb(recent.bytes)} in ${recent.pages} pulls, ${seconds(recent.ms)}; ` +
          `then its history, ${history.records} records, ${mb(history.bytes)} in ${history.pages} pulls, ${seconds(history.ms)}`,
      );
    }
    const sample = await pullAll(whole, { maxPages: 10 });
    const { rows: total } = await (async () => {
      const again = await openDatabase({ url: postgres.url, dataDir: '' });
      try {
        return await again.query<{ n: string }>('select count(*) as n from records where org = $1', [ORG]);
      } finally {
        await again.close();
      }
    })();
    const all = Number(total[0]!.n);
    console.log(
      `  the whole organisation, as every wall received it before (an admin's token): ${all} records; the first ${sample.pages} pulls (${sample.records} records) took ${seconds(sample.ms)}, so about ${seconds((sample.ms * all) / sample.records)} for all`,
    );

    if (!existsSync('dist/kiosk/index.html')) {
      console.log('\n(no built kiosk: run npm run build:kiosk for the new wall in Chromium)');
    } else {
      const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
      try {
        for (const device of [
          { name: 'a new team wall', token: walls.team, unit: 'site-1-area-1-team-1', viewport: { width: 1920, height: 1080 } },
          { name: 'a new area wall', token: walls.area, unit: 'site-1-area-1', viewport: { width: 1920, height: 1080 } },
          { name: "a new area supervisor's tablet", token: supervisor, unit: 'site-1-area-1', viewport: { width: 1280, height: 800 } },
          { name: 'a new site wall', token: walls.site, unit: 'site-1', viewport: { width: 1920, height: 1080 } },
        ]) {
          const context = await browser.newContext({ viewport: device.viewport });
          // The screen's day is the data's last day (the last of a month: a first part of a whole
          // month, the largest there is), whatever the machine's date; its timers run as usual.
          await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
          // How long the page was held at a time while it synced (tasks over 50 ms).
          await context.addInitScript(() => {
            const held: number[] = [];
            Object.assign(window, { __held: held });
            new PerformanceObserver((list) => held.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
          });
          const page = await context.newPage();
          const opened = performance.now();
          await page.goto(`${server.url}/?server=${encodeURIComponent(server.url)}&token=${device.token}&unit=${device.unit}`);
          await page.waitForFunction(
            () => {
              const app = document.querySelector('kiosk-app')?.shadowRoot;
              const cell = app?.querySelector('huddle-board')?.shadowRoot?.querySelector('kpi-calendar')?.shadowRoot?.querySelector('li[data-day]');
              const status = app?.querySelector('nav huddle-sync-status')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
              return cell !== null && cell !== undefined && /Synced/.test(status);
            },
            null,
            { timeout: 600_000, polling: 50 },
          );
          const readyMs = performance.now() - opened;
          const readyHeld = await page.evaluate(() => (window as unknown as { __held: number[] }).__held.length);
          await page.waitForFunction(
            () =>
              document
                .querySelector('kiosk-app')
                ?.shadowRoot?.querySelector('nav huddle-sync-status')
                ?.shadowRoot?.querySelector('[role="status"]')
                ?.textContent?.trim() === '✓ Synced',
            null,
            { timeout: 1_800_000, polling: 200 },
          );
          const wholeMs = performance.now() - opened;
          const held = await page.evaluate(() => (window as unknown as { __held: number[] }).__held);
          const stored = await page.evaluate(async () => {
            let count = 0;
            for (const { name } of await indexedDB.databases()) {
              const db = await new Promise<IDBDatabase>((resolve, reject) => {
                const request = indexedDB.open(name!);
                request.onsuccess = () => resolve(request.result);
                request.onerror = () => reject(request.error);
              });
              for (const store of [...db.objectStoreNames]) {
                count += await new Promise<number>((resolve) => {
                  const request = db.transaction(store).objectStore(store).count();
                  request.onsuccess = () => resolve(request.result);
                });
              }
              db.close();
            }
            return { count, usage: (await navigator.storage.estimate()).usage ?? 0 };
          });
          console.log(
            `\n${device.name} in Chromium: board shown and synced in ${seconds(readyMs)} (the page held ${readyHeld} times over 50 ms until then); its history had come at ${seconds(wholeMs)}; ` +
              `its database then holds ${stored.count} rows (${mb(stored.usage)} by the browser's estimate); the page was held ${held.length} times over 50 ms, longest ${Math.round(Math.max(0, ...held))} ms`,
          );
          await context.close();
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.stop();
  }
} finally {
  postgres.stop();
}

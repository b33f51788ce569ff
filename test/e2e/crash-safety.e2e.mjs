// A browser killed in the middle of a burst of 1,000 writes: after a relaunch on the same
// profile, every write whose promise resolved is there, no record is half-written, and the
// outbox matches the records exactly.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

const results = { passed: 0, failed: 0 };
const check = (what, ok, detail = '') => {
  console.log(`${ok ? '  ✓' : '  ✗'} ${what}${!ok && detail ? ` (${detail})` : ''}`);
  results[ok ? 'passed' : 'failed']++;
};
console.log('store: crash in the middle of a burst of writes');

// Scan only the page this check opens: a scan of every HTML file in the repository trips over
// the examples, which import the built package by its published name.
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  logLevel: 'error',
  server: { port: 0, host: '127.0.0.1' },
  optimizeDeps: { entries: ['bench/page.html'] },
});
await server.listen();
const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
const profile = await mkdtemp(join(tmpdir(), 'huddle-crash-'));
const launch = () => chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const first = await launch();
  const page = await first.newPage();
  const resolved = [];
  let finished = false;
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('resolved ')) resolved.push(text.slice(9));
    if (text === 'burst finished') finished = true;
  });
  await page.goto(`${origin}/bench/page.html`);
  void page.evaluate(async () => (await import('/test/fixtures/burst.ts')).burst()).catch(() => {});
  const start = Date.now();
  while (resolved.length < 40 && Date.now() - start < 20000) await new Promise((r) => setTimeout(r, 2));
  await first.close(); // the whole browser goes, mid-burst
  check(`the browser was killed mid-burst (${resolved.length - 1} of 1,000 writes had resolved)`, !finished && resolved.length > 1);

  const second = await launch();
  const again = await second.newPage();
  await again.goto(`${origin}/bench/page.html`);
  const state = await again.evaluate(async () => (await import('/test/fixtures/burst.ts')).inspect());
  await second.close();
  const actionIds = resolved.slice(1);
  check(
    'every write whose promise resolved is stored',
    actionIds.every((id) => state.ids.includes(id)),
    `${actionIds.filter((id) => !state.ids.includes(id)).length} missing`,
  );
  check(`no record is half-written (${state.ids.length} stored, all valid)`, state.invalid.length === 0, state.invalid.join('; '));
  check('the outbox matches the records exactly', JSON.stringify([...state.outboxIds].sort()) === JSON.stringify([...state.ids].sort()));
} catch (error) {
  console.log(`  ✗ stopped: ${error.stack ?? error}`);
  results.failed++;
} finally {
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
console.log(`e2e: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);

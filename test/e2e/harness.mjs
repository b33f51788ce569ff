// A tiny harness for end-to-end checks on the built kiosk: serves dist/kiosk with vite
// preview on a free port, drives Debian's Chromium with playwright-core, and ends with
// "e2e: N passed, N failed" for scripts/run-tests.mjs to count.
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

export async function runE2e(name, body) {
  const server = await preview({ configFile: 'kiosk/vite.config.ts', preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
  const { port } = server.httpServer.address();
  const url = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const results = { passed: 0, failed: 0 };
  const check = (what, ok, detail = '') => {
    console.log(`${ok ? '  ✓' : '  ✗'} ${what}${!ok && detail ? ` (${detail})` : ''}`);
    results[ok ? 'passed' : 'failed']++;
  };
  console.log(name);
  try {
    await body({ browser, url, check });
  } catch (error) {
    console.log(`  ✗ ${name} stopped: ${error.stack ?? error}`);
    results.failed++;
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
  console.log(`e2e: ${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}

// A tiny harness for end-to-end checks on the built kiosk: serves dist/kiosk with vite
// preview on a free port, drives Debian's Chromium with playwright-core, and ends with
// "e2e: N passed, N failed" for scripts/run-tests.mjs to count.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/**
 * A plain static server over the repository, as an intranet's web server would serve the
 * package; `api` (see host-api.mjs) answers the intranet's own API paths first.
 */
async function staticServer(api) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    if (api && (await api.handle(request, response, path))) return;
    try {
      const body = await readFile(`.${path}`);
      response.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
      response.end(body);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { httpServer: server };
}

/**
 * `serve`: 'kiosk' serves the built kiosk (dist/kiosk); 'repository' serves the repository as
 * static files, with `api` answering an intranet API's paths. `headers` are added to every
 * kiosk response (e.g. a Content-Security-Policy). `kioskDir` (absolute) serves a build of its own
 * instead of dist/kiosk - for a test that builds over it while other scripts serve dist/kiosk.
 */
export async function runE2e(name, body, { serve = 'kiosk', headers = {}, api, kioskDir } = {}) {
  const server =
    serve === 'kiosk'
      ? await preview({
          configFile: 'kiosk/vite.config.ts',
          ...(kioskDir ? { build: { outDir: kioskDir } } : {}),
          preview: { port: 0, host: '127.0.0.1', headers },
          logLevel: 'error',
        })
      : await staticServer(api);
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

// Runs a bench module in headless Chromium: serves the repository with Vite's dev server
// (TypeScript compiled on the fly), loads bench/page.html and calls the module's default
// export, which returns an array of figures. Printed as JSON lines by the caller.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../test/support/chromium.mjs';

export async function runInBrowser(modulePath, { viewport = { width: 1920, height: 1080 } } = {}) {
  // Pre-bundle what the benches import before the page opens: a dependency found later makes
  // Vite reload the page in the middle of a bench. (Scanning every HTML file would also trip
  // over the examples, which import the built package by its published name.)
  const server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1' },
    optimizeDeps: { entries: ['bench/page.html', 'bench/*.bench.ts'] },
    // Lit's production build, as the kiosk and a host page ship it: its development build
    // checks and logs on every render and would be measured instead.
    resolve: { conditions: ['module', 'browser', 'production'] },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  // Precise heap figures for the soak bench (window.gc comes from --expose-gc in CHROMIUM_ARGS).
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  try {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => console.error('[page error]', error.message));
    await page.goto(`http://127.0.0.1:${port}/bench/page.html`);
    return await page.evaluate(async (path) => (await import(path)).default(), modulePath);
  } finally {
    await browser.close();
    await server.close();
  }
}

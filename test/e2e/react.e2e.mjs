// huddle-elements/react in a real React 19 app: the generated wrappers render the elements,
// pass a store through the provider, and deliver events to typed on<Event> props.
import { build } from 'esbuild';
import { runE2e } from './harness.mjs';

await build({
  entryPoints: ['test/fixtures/react-app.ts'],
  outfile: '.test-results/react-app.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
});

await runE2e(
  'React: the generated wrappers in a React app',
  async ({ browser, url, check }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}test/fixtures/react.html`);
    const items = page.locator('huddle-actions li[data-action]');
    await items.first().waitFor({ timeout: 20000 });
    check(`the wrapped panel shows the provider's data (${await items.count()} actions)`, (await items.count()) > 0);
    await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await page.locator('huddle-actions input[name="title"]').fill('Added inside React');
    await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    await page.locator('#last', { hasText: 'React heard' }).waitFor();
    check('the typed onActionCreated prop reached React state', (await page.locator('#last').textContent()) === 'React heard: Added inside React');
    check('no uncaught errors', errors.length === 0, errors.join('; '));
  },
  { serve: 'repository' },
);

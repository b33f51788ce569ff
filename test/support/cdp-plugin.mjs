// Server-side commands for tests that need the DevTools protocol.
// From the browser: executeServerCommand('cdp', { method, params }) on the test's own page, or
// executeServerCommand('run-on-fresh-origin', { module, quotaSize }) to run a module's default
// export in a new top-level page on another origin, with a storage quota set before that
// origin ever opens IndexedDB (Chromium applies a quota override only from then on).
export function cdpPlugin() {
  let freshOriginUsed = false;
  return {
    name: 'huddle-cdp',
    async executeCommand({ command, payload, session }) {
      const page = session.browser.getPage(session.id);
      if (command === 'cdp') {
        const client = await page.createCDPSession();
        try {
          return (await client.send(payload.method, payload.params ?? {})) ?? null;
        } finally {
          await client.detach();
        }
      }
      if (command === 'run-on-fresh-origin') {
        if (freshOriginUsed) throw new Error('run-on-fresh-origin can be used once per browser session');
        freshOriginUsed = true;
        const { port } = new URL(page.url());
        const origin = `http://127.0.0.1:${port}`;
        const fresh = await page.browserContext().newPage();
        try {
          const client = await fresh.createCDPSession();
          await client.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: payload.quotaSize });
          await fresh.goto(`${origin}/test/fixtures/blank.html`);
          return await fresh.evaluate(async (module) => (await import(module)).default(), payload.module);
        } finally {
          await fresh.close();
        }
      }
      return undefined;
    },
  };
}

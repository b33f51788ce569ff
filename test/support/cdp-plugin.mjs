// Server-side commands for tests that need the DevTools protocol.
// From the browser: executeServerCommand('cdp', { method, params }) on the test's own page, or
// executeServerCommand('run-on-fresh-origin', { module, quotaSize, steps? }) to run a module's
// default export in a new top-level page on another origin, with a storage quota set before that
// origin ever opens IndexedDB (Chromium applies a quota override only from then on). Each call
// gets an origin of its own (127.0.0.2, 127.0.0.3, ...: the whole 127/8 block is loopback).
// With `steps` ({ tap: name } or { type: text }), the page then gets real taps and keys and the
// module's inspect() says what the user sees.
export function cdpPlugin() {
  let freshOrigins = 0;
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
        freshOrigins += 1;
        const { port } = new URL(page.url());
        const origin = `http://127.0.0.${1 + freshOrigins}:${port}`;
        const fresh = await page.browserContext().newPage();
        try {
          const client = await fresh.createCDPSession();
          await client.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: payload.quotaSize });
          await fresh.goto(`${origin}/test/fixtures/blank.html`);
          const prepared = await fresh.evaluate(async (module) => (await import(module)).default(), payload.module);
          if (!payload.steps) return prepared;
          // Real input on the fresh page: the module's locate(name) says where to tap.
          for (const step of payload.steps) {
            if ('tap' in step) {
              const at = await fresh.evaluate(async (module, name) => (await import(module)).locate(name), payload.module, step.tap);
              await fresh.mouse.click(at.x, at.y);
            } else {
              await fresh.keyboard.type(step.type);
            }
          }
          const inspected = await fresh.evaluate(async (module) => (await import(module)).inspect(), payload.module);
          return { prepared, inspected };
        } finally {
          await fresh.close();
        }
      }
      return undefined;
    },
  };
}

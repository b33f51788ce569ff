// Server-side commands for tests that need the DevTools protocol (e.g. a tiny storage quota).
// Called from the browser with executeServerCommand('cdp', { method, params }).
export function cdpPlugin() {
  return {
    name: 'huddle-cdp',
    async executeCommand({ command, payload, session }) {
      if (command !== 'cdp') return undefined;
      const page = session.browser.getPage(session.id);
      const client = await page.createCDPSession();
      try {
        return (await client.send(payload.method, payload.params ?? {})) ?? null;
      } finally {
        await client.detach();
      }
    },
  };
}

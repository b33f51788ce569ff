// Server-side commands for tests that need the DevTools protocol.
// From the browser: executeServerCommand('cdp', { method, params }) on the test's own page, or
// executeServerCommand('run-on-fresh-origin', { module, quotaSize, steps? }) to run a module's
// default export in a new top-level page on another origin, with a storage quota set before that
// origin ever opens IndexedDB (Chromium applies a quota override only from then on). Each call
// gets an origin of its own (127.0.0.2, 127.0.0.3, ...: the whole 127/8 block is loopback).
// With `steps` ({ tap: name }, { type: text } or { call: name }), the page then gets real taps and
// keys (or the module's exported function `name` runs there) and the module's inspect() says what
// the user sees.
// A run can take longer than the 20 s the test runner waits for a command's answer on a busy
// machine, so 'run-on-fresh-origin' answers at once with a job id, and 'fresh-origin-result'
// waits up to 10 s for that job: { done: false } to ask again, else its result or error
// (test/helpers/fresh-origin.ts does the asking).
const ANSWER_WITHIN_MS = 10_000;

export function cdpPlugin() {
  let freshOrigins = 0;
  const jobs = new Map();
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
        const job = freshOrigins;
        const { port } = new URL(page.url());
        const origin = `http://127.0.0.${1 + freshOrigins}:${port}`;
        const run = runOnFreshOrigin(page, origin, payload).then(
          (result) => ({ done: true, result: result ?? null }),
          (error) => ({ done: true, error: String(error?.stack ?? error) }),
        );
        jobs.set(job, run);
        return { job };
      }
      if (command === 'fresh-origin-result') {
        const run = jobs.get(payload.job);
        if (!run) return { done: true, error: `no run on a fresh origin numbered ${payload.job}` };
        let timer;
        const answer = await Promise.race([run, new Promise((resolve) => (timer = setTimeout(() => resolve({ done: false }), ANSWER_WITHIN_MS)))]);
        clearTimeout(timer);
        if (answer.done) jobs.delete(payload.job);
        return answer;
      }
      return undefined;
    },
  };
}

/** Opens `origin` in a new page with its quota set, runs the module (and the steps), closes the page. */
async function runOnFreshOrigin(page, origin, payload) {
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
      } else if ('call' in step) {
        await fresh.evaluate(async (module, name) => (await import(module))[name](), payload.module, step.call);
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

// examples/host-store.html: the same three elements on a store the host page provides
// (examples/fetch-store.js, plain JavaScript over the intranet's REST API). They render the
// intranet's data, every save lands in the intranet's API, a change the API refuses shows its
// message, and nothing is kept in the browser's IndexedDB.
import { createHostApi } from './host-api.mjs';
import { runE2e } from './harness.mjs';
import { savePulseAndCoaching } from './intranet-steps.mjs';

const api = createHostApi();
await runE2e(
  'plain HTML page: a host-provided store over the intranet API',
  async ({ browser, url, check }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}examples/host-store.html`);
    await page.locator('huddle-board h1').waitFor({ timeout: 20000 });
    await page.locator('coaching-card [part="checklist"]').waitFor();
    check("all three elements render the intranet's data", (await page.locator('huddle-board h1').textContent()) === 'Line 1');

    await savePulseAndCoaching(page, 'Asked before telling');
    const sent = api.batches.flat();
    check(
      'the pulse answer reached the intranet API',
      sent.some((c) => c.kind === 'feedback' && c.record.score === 4),
    );
    check(
      'the coaching conversation reached the intranet API',
      sent.some((c) => c.kind === 'coachingSessions' && c.record.wentWell === 'Asked before telling'),
    );

    // An action through the board: it appears at once from the host store's own live updates.
    await page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
    await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await page.locator('huddle-actions input[name="title"]').fill('Order guard parts');
    await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    await page.locator('huddle-actions form.add').waitFor({ state: 'detached', timeout: 5000 });
    check(
      'an action added on the board is stored by the intranet',
      api.data.actions.some((a) => a.title === 'Order guard parts'),
    );

    // The intranet refuses a change (here: its own rule that titles are at most 200 characters is
    // met, so break the record on its way instead): the element shows the API's message.
    await page.route('**/host-api/batch', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'The intranet refused the change: the huddle system is read-only during the audit.' }),
      }),
    );
    await page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await page.locator('huddle-actions input[name="title"]').fill('During the audit');
    await page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    const shown = await page.locator('huddle-actions [role="alert"]').textContent({ timeout: 5000 });
    check(`a change the intranet refuses shows its message ("${shown?.trim()}")`, /read-only during the audit/.test(shown ?? ''));
    check('and what was typed stays in the form', (await page.locator('huddle-actions input[name="title"]').inputValue()) === 'During the audit');
    await page.unroute('**/host-api/batch');

    // The host store runs the package's write rules, so it cannot drift from the built-in store:
    // an action already sent up and not yet resolved is not escalated a second time.
    const twice = await page.evaluate(async () => {
      const store = document.querySelector('huddle-provider').store;
      const board = (await store.get({ reads: [{ kind: 'units' }], run: (r) => r.all('units') })).find((u) => u.parentId);
      const action = await store.createAction({ unitId: board.id, title: 'Guard rail loose' });
      await store.escalateAction(action.id, 'Needs maintenance');
      return store.escalateAction(action.id, 'Again').then(
        () => 'accepted',
        (error) => `${error.name}: ${error.message}`,
      );
    });
    check(`the host store refuses to escalate an action twice ("${twice}")`, /WriteRefused: this action is already escalated/.test(twice));
    check('and the intranet holds one escalation of it', api.data.escalations.filter((e) => e.title === 'Guard rail loose').length === 1);

    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    check('nothing is kept in the browser (no IndexedDB database)', databases.length === 0, databases.join(', '));
    check('no uncaught errors', errors.length === 0, errors.join('; '));
  },
  { serve: 'repository', api },
);

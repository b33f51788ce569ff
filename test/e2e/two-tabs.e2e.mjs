// Two tabs of the kiosk change the same action at the same moment - one moves its status on,
// the other escalates it - and both tabs end up showing both changes; then both change the same
// field of another action to different values, and both tabs and the database agree.
import { runE2e } from './harness.mjs';

await runE2e('kiosk: two tabs editing one action at once', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const [tabA, tabB] = [await context.newPage(), await context.newPage()];
  const errors = [];
  for (const tab of [tabA, tabB]) tab.on('pageerror', (error) => errors.push(error.message));
  await tabA.goto(`${url}?first-run=demo&unit=unit-line-2`);
  await tabA.locator('huddle-board h1').waitFor({ timeout: 20000 }); // the first tab loads the demo
  await tabB.goto(`${url}?first-run=demo&unit=unit-line-2`);
  for (const tab of [tabA, tabB]) {
    await tab.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click({ timeout: 15000 });
    await tab.locator('huddle-actions li[data-action]').first().waitFor();
  }
  // An open action that can still be escalated, the same one in both tabs.
  const id = await tabA.locator('huddle-actions li[data-action]:has(button:text("Escalate"))').first().getAttribute('data-action');
  const itemA = tabA.locator(`huddle-actions li[data-action="${id}"]`);
  const itemB = tabB.locator(`huddle-actions li[data-action="${id}"]`);
  const statusBefore = (await itemA.locator('button.status').textContent()).trim();
  await itemB.locator('button', { hasText: 'Escalate' }).click();
  await itemB.locator('input[name="reason"]').fill('Needs another department');
  await Promise.all([itemA.locator('button.status').click(), itemB.locator('button', { hasText: 'Send up' }).click()]);

  const settled = async (item) => {
    for (let i = 0; i < 50; i++) {
      const text = (await item.textContent()).replace(/\s+/g, ' ');
      const status = (await item.locator('button.status').textContent()).trim();
      if (status !== statusBefore && text.includes('Escalated to')) return { status, text };
      await new Promise((r) => setTimeout(r, 100));
    }
    return { status: (await item.locator('button.status').textContent()).trim(), text: await item.textContent() };
  };
  const [a, b] = [await settled(itemA), await settled(itemB)];
  check(`tab A shows both changes (${a.status}, escalated)`, a.status !== statusBefore && a.text.includes('Escalated to'));
  check(`tab B shows both changes (${b.status}, escalated)`, b.status !== statusBefore && b.text.includes('Escalated to'));
  check('both tabs agree', a.status === b.status);

  // The same field with different values: tab A moves another action on once while tab B moves
  // it on twice. Whichever write lands last wins, but both tabs must show that one, and so
  // must a reload (what is stored). A status change can move the action to another page.
  const otherId = await tabA.locator(`huddle-actions li[data-action]:not([data-action="${id}"])`).first().getAttribute('data-action');
  const statusOf = (tab) => tab.locator(`huddle-actions li[data-action="${otherId}"] button.status`);
  const pageTo = async (tab) => {
    const pager = (label) => tab.locator('huddle-actions nav.pager button', { hasText: label });
    while ((await pager('Previous').count()) && (await pager('Previous').isEnabled())) await pager('Previous').click();
    while (!(await statusOf(tab).count()) && (await pager('Next').count()) && (await pager('Next').isEnabled())) await pager('Next').click();
    return statusOf(tab);
  };
  // A live update can re-sort the list between finding the page and reading it: try again.
  const shown = async (tab) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        return ((await (await pageTo(tab)).textContent({ timeout: 500 })) ?? '').trim();
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return 'not found on any page';
  };
  const start = await shown(tabA);
  await Promise.all([statusOf(tabA).click(), statusOf(tabB).click()]);
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await (await pageTo(tabB)).click({ timeout: 500 });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  // Settled: both tabs agree, and have for half a second (writes in flight land meanwhile).
  let onA;
  let onB;
  for (let i = 0, agreeing = 0; i < 60 && agreeing < 5; i++) {
    [onA, onB] = [await shown(tabA), await shown(tabB)];
    agreeing = onA === onB && onA !== 'not found on any page' ? agreeing + 1 : 0;
    await new Promise((r) => setTimeout(r, 100));
  }
  // Three moves in all can bring the action round to where it started (open, doing, done, open)
  // when no write overlaps another; what must hold is that both tabs end on the same one.
  check(`the same field ends the same in both tabs (${start} -> ${onA} / ${onB})`, onA === onB && onA !== 'not found on any page');
  await tabA.reload();
  await tabA.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click({ timeout: 15000 });
  await tabA.locator('huddle-actions li[data-action]').first().waitFor();
  const stored = await shown(tabA);
  check(`what is stored is what both tabs showed (${stored})`, stored === onB);
  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();
});

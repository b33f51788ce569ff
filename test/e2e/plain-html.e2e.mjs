// examples/plain.html: an intranet page with its own h1, button and * styles uses <coaching-card>,
// <feedback-loop> and <huddle-board> from the built package with the default store. They render
// and save; the page's styles do not change ours and ours do not change the page's; the page's
// --he-* tokens and a ::part rule restyle them.
import { runE2e } from './harness.mjs';
import { savePulseAndCoaching } from './intranet-steps.mjs';

await runE2e(
  'plain HTML page: three elements, the default store, the host styles',
  async ({ browser, url, check }) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}examples/plain.html`);
    await page.locator('huddle-board h1').waitFor({ timeout: 20000 });
    await page.locator('coaching-card [part="checklist"]').waitFor();
    await page.locator('feedback-loop button[data-score]').first().waitFor();
    check('all three elements render from the built package', (await page.locator('huddle-board h1').textContent()) === 'Line 1');

    const style = (selector, ...props) =>
      page
        .locator(selector)
        .first()
        .evaluate((el, names) => {
          const computed = getComputedStyle(el);
          return Object.fromEntries(names.map((n) => [n, computed.getPropertyValue(n)]));
        }, props);
    const hostButton = await style('#host-button', 'background-color', 'border-top-style', 'font-family', 'letter-spacing');
    const hostHeading = await style('body > h1', 'color', 'text-transform');
    check(
      'the host button keeps its own look',
      hostButton['background-color'] === 'rgb(253, 230, 138)' && hostButton['border-top-style'] === 'dashed',
      JSON.stringify(hostButton),
    );
    check(
      'the host h1 keeps its own look',
      hostHeading.color === 'rgb(124, 45, 18)' && hostHeading['text-transform'] === 'uppercase',
      JSON.stringify(hostHeading),
    );

    const ourButton = await style('feedback-loop button[data-score]', 'background-color', 'border-top-style', 'letter-spacing', 'border-top-left-radius');
    const ourHeading = await style('huddle-board h1', 'text-transform', 'color');
    check(
      'the host button rule does not reach our buttons',
      ourButton['background-color'] !== 'rgb(253, 230, 138)' && ourButton['border-top-style'] === 'solid',
      JSON.stringify(ourButton),
    );
    check(
      'the host h1 rule does not reach our headings',
      ourHeading['text-transform'] === 'none' && ourHeading.color !== 'rgb(124, 45, 18)',
      JSON.stringify(ourHeading),
    );
    check('the host * rule does not reach inside', ourButton['letter-spacing'] === 'normal', ourButton['letter-spacing']);

    const accent = await style('huddle-board [role="tab"][aria-selected="true"]', 'background-color', 'font-family');
    check('--he-color-accent from the host colours our selected tab', accent['background-color'] === 'rgb(124, 45, 18)', JSON.stringify(accent));
    check('--he-font-family from the host sets our type', accent['font-family'].startsWith('Georgia'), accent['font-family']);
    check('--he-radius from the host rounds our buttons', ourButton['border-top-left-radius'] === '2px', ourButton['border-top-left-radius']);
    const part = await style('coaching-card [part="base"]', 'border-top-width', 'border-top-color');
    check(
      'a ::part(base) rule from the host reaches the card',
      part['border-top-width'] === '3px' && part['border-top-color'] === 'rgb(124, 45, 18)',
      JSON.stringify(part),
    );

    // Saving through the default store: a pulse answer, then a coaching conversation.
    await savePulseAndCoaching(page, 'Red KPIs first');
    const stored = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('huddle-elements');
          open.onsuccess = () => {
            const tx = open.result.transaction(['coachingSessions', 'feedback']);
            const sessions = tx.objectStore('coachingSessions').getAll();
            const feedback = tx.objectStore('feedback').getAll();
            tx.oncomplete = () => resolve({ went: sessions.result.map((s) => s.wentWell), fours: feedback.result.filter((f) => f.score === 4).length });
          };
        }),
    );
    check('both were saved in the default IndexedDB store', stored.went.includes('Red KPIs first') && stored.fours > 0, JSON.stringify(stored).slice(0, 200));
    check('no uncaught errors', errors.length === 0, errors.join('; '));
  },
  { serve: 'repository' },
);

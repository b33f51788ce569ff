// Every kiosk view on a wall, at 1920x1080 (light and dark) and 3840x2160, page by page: text a person reads
// from three metres (24 px at 1080p, scaled at 4K), targets a finger hits (64 px), nothing cut off or under the bar, nothing
// to scroll, charts inside their cards, the board's name in sight, and axe clean on the whole
// page (landmarks, headings and contrast are page rules).
import { runE2e } from './harness.mjs';
import { axeViolations, measureScreen } from './wall-measure.mjs';

/** Each board's screens: the kiosk view, the board's own tab or chart mode when it has one. */
const SCREENS = [
  { unit: 'unit-line-1', name: 'Line 1', views: ['board', 'cascade', 'feedback', 'safety', 'you-said', 'pulse', 'card'] },
  { unit: 'unit-assembly', name: 'Assembly', views: ['board', 'escalations', 'impact'] },
];
const BOARD_TABS = ['Plan', 'Improve', 'Actions', 'Escalations'];
const CHART_MODES = ['Trend by week', 'Trend by month'];
/** Light and dark at 1080p; light at 4K, where the sizes scale and the colours are the same. */
const RUNS = [
  [1920, 1080, 'wall'],
  [1920, 1080, 'dark'],
  [3840, 2160, 'wall'],
];

await runE2e('kiosk: every view fits a wall', async ({ browser, url, check }) => {
  for (const [width, height, theme] of RUNS) {
    const context = await browser.newContext({ viewport: { width, height } });
    await context.clock.install({ time: new Date('2026-11-21T08:10:00') });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const minText = 24 * (width / 1920);
    const judge = async (what, boardName) => {
      // Judged once the view and its header have their data (nothing still "Loading" or "Opening").
      await page.waitForFunction(doneLoading, null, { timeout: 30000 }).catch(() => {});
      await page.waitForTimeout(400); // charts draw on the next frame
      await judgePage(what, boardName);
      // A view taller than the screen: every page is judged the same way.
      const next = page.locator('kiosk-app nav .pager button', { hasText: 'Next page' });
      for (let turn = 2; (await next.count()) > 0 && (await next.isEnabled()) && turn < 12; turn++) {
        await next.click();
        await judgePage(`${what}, page ${turn}`, boardName);
      }
    };
    const judgePage = async (what, boardName) => {
      const found = await measureScreen(page, minText);
      const violations = await axeViolations(page);
      const label = `${what} at ${width}x${height}, ${theme}`;
      // One check per screen, naming every rule it breaks.
      const problems = [
        ...found.small.map((text) => `text under ${minText} px: ${text}`),
        ...found.targets.map((target) => `touch target too small: ${target}`),
        ...found.cut.map((text) => `cut off: ${text}`),
        ...found.scrolling.map((box) => `scrolls: ${box}`),
        ...(found.hidden.length > 0 && !/^Page \d+ of \d+$/.test(found.pages ?? '') ? [`hidden with no pages: ${found.hidden.join()}`] : []),
        ...(boardName && found.boardName !== boardName ? [`board name not in sight: ${found.boardName}`] : []),
        ...found.charts.map((chart) => `chart outside its card: ${chart}`),
        ...violations.map((violation) => `axe: ${violation}`),
      ];
      check(`${label}: fits the wall`, problems.length === 0, problems.join('; '));
    };
    for (const { unit, name, views } of SCREENS) {
      await page.goto(`${url}?first-run=demo&unit=${unit}&views=${views.join(',')}&rotate=0&theme=${theme}`);
      await page.locator('kiosk-app huddle-board h1').waitFor({ timeout: 30000 });
      for (const view of views) {
        await page.locator('kiosk-app nav button', { hasText: new RegExp(`^${viewLabel(view)}$`) }).click();
        await judge(`${name}: ${view}`, name);
        if (view === 'board' && unit === 'unit-line-1') {
          for (const mode of CHART_MODES) {
            await page.locator('kiosk-app huddle-board button', { hasText: mode }).click();
            await judge(`${name}: board, ${mode}`, name);
          }
          await page.locator('kiosk-app huddle-board button', { hasText: 'Calendars' }).click();
          for (const tab of BOARD_TABS) {
            await page.locator('kiosk-app huddle-board [role="tab"]', { hasText: tab }).click();
            await judge(`${name}: board, ${tab}`, name);
          }
          await page.locator('kiosk-app huddle-board [role="tab"]', { hasText: 'Reflect' }).click();
        }
      }
    }
    // The screens around the views: the overview of boards and the settings.
    await page.goto(`${url}?first-run=demo&theme=${theme}`);
    await page.locator('kiosk-app kiosk-board-overview li').first().waitFor({ timeout: 30000 });
    await judge('the overview of boards');
    check(`no page errors at ${width}x${height}, ${theme}`, errors.length === 0, errors.join('; '));
    await context.close();
  }
});

/** True once no status on the screen, in any shadow root, says it is still loading. */
function doneLoading() {
  const loading = (root) =>
    [...root.querySelectorAll('*')].some(
      (element) =>
        (element.matches('[role="status"]') && /^(Loading|Opening)/.test(element.textContent.trim())) || (element.shadowRoot && loading(element.shadowRoot)),
    );
  return !loading(document);
}

function viewLabel(view) {
  return {
    board: 'Board',
    escalations: 'Escalations',
    cascade: 'Coaching cascade',
    feedback: 'Feedback',
    safety: 'Psychological safety',
    'you-said': 'You said, we did',
    impact: 'Impact',
    pulse: 'Pulse',
    card: 'Coaching card',
  }[view];
}

// A plant manager at the area's screen asks "is the coaching working?" and reads the answers on
// the wall: whether coaching happens (the cascade's gaps and cadence), which behaviours improve,
// and whether results follow - each team named with its leader and coach, each figure's
// definition one tap away.
import { runE2e } from './harness.mjs';

const words = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

await runE2e('kiosk: the manager’s three questions answered on the wall', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await context.clock.install({ time: new Date('2026-11-21T08:10:00') });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}?first-run=demo&unit=unit-assembly&views=impact,cascade&rotate=0`);
  const impact = page.locator('kiosk-app coaching-impact');
  await impact.locator('tr[data-team]').first().waitFor({ timeout: 30000 });

  // Does coaching change behaviour? Each behaviour, this period against the one before.
  const behaviours = impact.locator('tr[data-behaviour]');
  const changes = await behaviours.evaluateAll((rows) => rows.map((row) => row.dataset.change));
  check(
    `which behaviours improve: each observed behaviour with its change (${changes.join(', ')})`,
    changes.length >= 3 && changes.some((c) => c === 'better' || c === 'worse'),
  );
  await impact.getByRole('button', { name: 'Which behaviours are improving?' }).dispatchEvent('click');
  check(
    'and how that is counted is one tap away',
    (await words(impact.locator('#behaviours-definition'))).startsWith('Each behaviour of the huddle checklist'),
  );

  // Do results follow? Behaviour beside green KPI days per team, with who leads and who coaches.
  const teams = impact.locator('tr[data-team]');
  const first = await words(teams.first());
  check('each team is named with its leader and coach', (await teams.count()) >= 2 && /coached by \S+/.test(first), first);
  const figures = await impact.locator('tr[data-team] td').evaluateAll((cells) => cells.map((cell) => cell.textContent.trim()).filter((t) => /\d+ %/.test(t)));
  check('behaviour and results stand side by side as figures', figures.length >= 4, figures.slice(0, 6).join(' | '));
  await impact.locator('thead button').first().click();
  check('a figure’s definition is one tap on its name', (await words(impact.locator('#definition'))).length > 40, await words(impact.locator('#definition')));

  // Is coaching happening? The cascade names what is broken and how the cadence is kept.
  await page.locator('kiosk-app nav button', { hasText: 'Coaching cascade' }).click();
  const cascade = page.locator('kiosk-app coaching-cascade');
  await cascade.locator('[part="gaps"] h3').waitFor({ timeout: 10000 });
  check('where the cascade is broken is said in words', /^Where the cascade is broken \(\d+\)$/.test(await words(cascade.locator('[part="gaps"] h3'))));
  const cadence = await cascade.locator('tr[data-tier] td').evaluateAll((cells) => cells.map((cell) => cell.textContent.trim()));
  check('the cadence kept per tier, as shares', cadence.length >= 2 && cadence.every((text) => /^\d+ %$|^too early to tell$/.test(text)), cadence.join(' | '));
  check('no page errors', errors.length === 0, errors.join('; '));
  await context.close();
});

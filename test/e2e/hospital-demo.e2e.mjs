// The hospital demo on the built kiosk: offered on the welcome screen beside the plant, and a
// ward's board runs its night shift's huddle with its charge nurse - stored as the night's.
import { runE2e } from './harness.mjs';

/** The huddles of a board stored in the kiosk's IndexedDB. */
const storedHuddles = (page, unitId) =>
  page.evaluate(
    (unit) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('huddle-elements');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('huddles').objectStore('huddles').getAll();
          all.onsuccess = () => {
            resolve(all.result.filter((h) => h.unitId === unit));
            open.result.close();
          };
        };
      }),
    unitId,
  );

await runE2e('kiosk: the hospital demo and a night-shift huddle', async ({ browser, url, check }) => {
  const started = Date.now();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto(url);
  await page.locator('kiosk-app button', { hasText: 'Try the hospital demo' }).click();
  await page.locator('kiosk-board-overview h1', { hasText: "St Mary's Hospital" }).waitFor({ timeout: 15000 });
  const boards = await page.locator('kiosk-board-overview li').count();
  check('the welcome screen loads the hospital: the hospital, two divisions, three wards', boards === 6, `${boards} boards`);

  await page.goto(`${url}?unit=unit-ward-3`);
  const agenda = page.locator('huddle-board huddle-agenda');
  await agenda.locator('[data-choose-shift]').first().waitFor({ timeout: 15000 });
  const shifts = await agenda.locator('[data-choose-shift]').allTextContents();
  check(
    'the ward board offers its three shift huddles',
    shifts.map((s) => s.replace(/\s+/g, ' ').trim().split(' ')[0]).join(',') === 'Early,Late,Night',
    shifts.join(' | '),
  );
  await agenda.locator('[data-choose-shift="night"]').click();
  const heading = (await agenda.locator('.shift').textContent()).replace(/\s+/g, ' ').trim();
  check('the night huddle is led by its charge nurse', /^Night huddle · led by \S+ \S+/.test(heading), heading);
  await agenda.getByRole('button', { name: 'Start huddle' }).click();
  await agenda.getByRole('timer').waitFor();
  const today = await page.evaluate(() => {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  });
  const todays = (await storedHuddles(page, 'unit-ward-3')).filter((h) => h.day === today);
  check(
    "the huddle is stored as today's night huddle, the early and late ones still to hold",
    todays.length === 1 && todays[0].shiftId === 'night' && !todays[0].endedAt,
    JSON.stringify(todays.map((h) => h.shiftId)),
  );
  await page.locator('huddle-board #tab-plan').click();
  const attendance = page.locator('huddle-board huddle-attendance');
  await attendance.locator('li[part="person"]').first().waitFor();
  check('attendance is taken for the night huddle', (await attendance.getAttribute('shift')) === 'night');

  // The ward manager observes the night huddle: the card is about its charge nurse, and that huddle.
  await page.goto(`${url}?unit=unit-ward-3&views=board,card`);
  await page.locator('kiosk-app nav button', { hasText: 'Coaching card' }).click();
  const card = page.locator('kiosk-app coaching-card');
  await card.locator('select[name="learner"]').waitFor();
  const learner = await card.locator('select[name="learner"]').inputValue();
  check("the coaching card observes the night huddle's charge nurse", learner === 'person-ward-3-charge-night', learner);
  check('and links the night huddle', (await card.getAttribute('huddle')) === todays[0]?.id, await card.getAttribute('huddle'));
  check('no page errors', errors.length === 0, errors.join('; '));
  await context.close();
  console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
});

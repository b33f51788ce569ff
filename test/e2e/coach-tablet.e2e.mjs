// A supervisor's tablet holding the coaching card alone (a personal device): a kata conversation
// typed, saved and read back in the card, and the next conversation after a reload starts as the
// same coach.
import { runE2e } from './harness.mjs';

const ANSWERS = {
  targetCondition: 'Changeover under 12 minutes by the end of the month',
  actualCondition: 'Last five changeovers: 19, 17, 18, 16 and 17 minutes',
  obstacle: 'Tools for the next product are fetched after the line stops',
  nextStep: 'Stage the tools on a cart before the stop; expect 3 minutes less',
  goSee: 'Tomorrow at 10, at the 10:00 changeover',
};

await runE2e('kiosk: a kata conversation on a coach’s tablet, read back', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 1366 }, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}?first-run=demo&unit=unit-line-2&views=card&theme=light`);
  const card = page.locator('kiosk-app coaching-card');
  await card.locator('select[name="coach"] option').nth(1).waitFor({ state: 'attached', timeout: 30000 });
  await card.getByRole('button', { name: 'Improvement kata' }).tap();
  await card.locator('select[name="coach"]').selectOption({ index: 1 });
  const coach = await card.locator('select[name="coach"]').inputValue();
  const learner = await card.locator('select[name="learner"]').inputValue();
  check('the card observes the board’s team leader', learner !== '', learner);
  for (const [question, answer] of Object.entries(ANSWERS)) await card.locator(`textarea[name="${question}"]`).fill(answer);
  await card.getByRole('button', { name: 'Save coaching' }).tap();
  const readBack = card.locator('[part="saved"]');
  await readBack.waitFor({ timeout: 10000 });
  const text = (await readBack.textContent()).replace(/\s+/g, ' ');
  check(
    'the saved conversation is read back in the card, every answer in it',
    Object.values(ANSWERS).every((answer) => text.includes(answer)),
    text.slice(0, 200),
  );
  check('it says what it was and with whom', /Saved: Improvement kata with \S+/.test(text), text.slice(0, 80));
  check('the card is empty for the next conversation', (await card.locator('textarea[name="targetCondition"]').inputValue()) === '');

  await page.reload();
  await card.locator('select[name="coach"] option').nth(1).waitFor({ state: 'attached', timeout: 30000 });
  await page.waitForTimeout(300);
  check('after a reload the next conversation starts as the same coach', (await card.locator('select[name="coach"]').inputValue()) === coach, coach);
  check('no page errors', errors.length === 0, errors.join('; '));
  await context.close();
});

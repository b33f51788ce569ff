// The guided first run on the built kiosk: an empty screen, "Set up my organisation", a ward's
// words, boards, people pasted from a file, a KPI; a reload midway resumes the set-up; at the
// end the overview lists the new boards and the ward's board opens with its KPI.
import { runE2e } from './harness.mjs';

await runE2e('kiosk: guided first run sets up an organisation', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const setup = page.locator('huddle-setup');
  const button = (name) => page.getByRole('button', { name, exact: true });

  await page.goto(url);
  await button('Set up my organisation').click({ timeout: 15000 });
  await page.locator('setup-organisation input[name="name"]').fill('Riverside Clinic');
  await button('A hospital: Unit, Department, Hospital').click();
  await button('Save organisation').click();
  await page.locator('setup-organisation [role="status"]', { hasText: 'Saved' }).waitFor();
  // An edit not saved is not lost to a tap on Next: the set-up asks, and staying keeps it.
  await page.locator('setup-organisation input[name="name"]').fill('Riverside Clinic and Care');
  await button('Next: Boards').click();
  await page.getByText('has changes that are not saved yet').waitFor();
  await button('Stay and save them').click();
  check(
    'Next with an unsaved edit asks, and staying keeps what was typed',
    (await page.locator('setup-organisation input[name="name"]').inputValue()) === 'Riverside Clinic and Care',
  );
  await button('Next: Boards').click();
  await button('Go on without them').click();

  const addBoard = async (name, tier) => {
    if (tier) await page.locator('setup-boards select[name="tier"]').selectOption({ label: tier });
    await page.locator('setup-boards form[aria-label="New board"] input[name="name"]').fill(name);
    await button('Add board').click();
    await page.locator('setup-boards li[part="board"]', { hasText: name }).waitFor();
  };
  await addBoard('Riverside Clinic');
  await addBoard('Outpatients', '2: Department');
  await addBoard('Clinic A', '1: Unit');

  // Closing the screen midway: the set-up resumes where it was.
  await page.reload();
  await setup.locator('.guide').waitFor({ timeout: 15000 });
  await page.locator('setup-boards li[part="board"]').nth(2).waitFor();
  const guide = await setup.locator('.guide span').first().textContent();
  check(`a reload resumes the set-up at the step reached (${guide})`, guide === 'Step 2 of 6: Boards');
  await button('Next: People').click();

  await page
    .locator('setup-people textarea[name="csv"]')
    .fill('name,role,board\nAmy Cole,Charge nurse,Clinic A\nBen Ode,Nurse,Clinic A\nCal Fry,Unit manager,Outpatients');
  await button('Check the list').click();
  await button('Add 3 people').click();
  await page.locator('setup-people li[data-person]').nth(2).waitFor();
  await button('Next: KPIs').click();

  await page.locator('setup-kpis input[name="name"]').fill('Patients seen on time');
  await page.locator('setup-kpis select[name="category"]').selectOption({ label: 'Delivery (D)' });
  await page.locator('setup-kpis input[name="measure"]').fill('%');
  await page.locator('setup-kpis input[name="target"]').fill('90');
  await page.locator('setup-kpis select[name="betterWhen"]').selectOption('higher');
  await button('Add KPI').click();
  await page.locator('setup-kpis li[data-kpi]').waitFor();
  await button('Next: Coaching cascade').click();
  await button('Propose the default cascade').click();
  await page.locator('setup-cascade li[part="pair"]').waitFor();
  await button('Skip this step').click(); // no checklist changes
  await button('Finish set-up').click();

  const boards = page.locator('kiosk-board-overview li');
  await boards.first().waitFor({ timeout: 15000 });
  check(`the overview lists the three new boards (${await boards.count()})`, (await boards.count()) === 3);
  check('the organisation name heads the overview', (await page.locator('kiosk-board-overview h1').textContent()) === 'Riverside Clinic');
  await page.locator('kiosk-board-overview a', { hasText: 'Clinic A' }).click();
  await page.locator('huddle-board h1', { hasText: 'Clinic A' }).waitFor({ timeout: 15000 });
  const calendar = page.locator('huddle-board kpi-calendar h3');
  await calendar.first().waitFor();
  check('the ward board shows its KPI', (await calendar.first().textContent()) === 'Patients seen on time');
  await page.reload();
  await page.locator('huddle-board h1', { hasText: 'Clinic A' }).waitFor({ timeout: 15000 });
  check('after the set-up a reload opens the board, not the set-up', (await setup.count()) === 0);
  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();
});

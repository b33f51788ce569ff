// The settings screen behind the PIN: back up, refuse a broken backup without changing
// anything, restore a good one, clear all data and bring the demo back.
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runE2e } from './harness.mjs';

await runE2e('kiosk: settings, backup and restore', async ({ browser, url, check }) => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const folder = await mkdtemp(join(tmpdir(), 'huddle-settings-'));

  await page.goto(`${url}?first-run=demo&unit=unit-line-1&pin=1357`);
  await page.locator('huddle-board h1').waitFor({ timeout: 15000 });
  await page.locator('kiosk-app nav button', { hasText: 'Settings' }).click();
  check('settings ask for the PIN first', (await page.locator('kiosk-pin-pad').count()) === 1);
  for (const digit of '1357') await page.locator('kiosk-pin-pad .keys button', { hasText: digit }).first().click();
  await page.locator('kiosk-pin-pad button.ok').click();
  await page.locator('kiosk-settings h1').waitFor();
  check('the right PIN opens settings', (await page.locator('kiosk-settings h1').textContent()) === 'Settings');

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('kiosk-settings button', { hasText: 'Download a full backup' }).click()]);
  const backupPath = join(folder, 'backup.json');
  await download.saveAs(backupPath);
  const backup = JSON.parse(await readFile(backupPath, 'utf8'));
  check(
    `the backup holds the organisation (${backup.data.units.length} boards, ${backup.data.actions.length} actions)`,
    backup.format === 'huddle-elements' && backup.data.units.length === 9,
  );

  const broken = structuredClone(backup);
  broken.data.actions[2].due = 'next Tuesday';
  const brokenPath = join(folder, 'broken.json');
  await writeFile(brokenPath, JSON.stringify(broken));
  await page.locator('kiosk-settings input[type="file"]').setInputFiles(brokenPath);
  await page.locator('kiosk-settings button', { hasText: 'Yes, replace' }).click();
  const problem = await page.locator('kiosk-settings .problem[role="alert"]').textContent();
  check(
    'a broken backup is refused naming the record and field',
    problem.includes('actions record 3') && problem.includes('due') && problem.includes('Nothing was changed'),
    problem,
  );
  const [afterRefusal] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('kiosk-settings button', { hasText: 'Download a full backup' }).click(),
  ]);
  const afterPath = join(folder, 'after.json');
  await afterRefusal.saveAs(afterPath);
  const after = JSON.parse(await readFile(afterPath, 'utf8'));
  check('and nothing already saved changed', JSON.stringify(after.data) === JSON.stringify(backup.data));

  await page.locator('kiosk-settings button', { hasText: 'Clear all data' }).click();
  await page.locator('kiosk-settings button', { hasText: 'Yes, replace' }).click();
  await page.locator('kiosk-settings .message', { hasText: 'cleared' }).waitFor();
  await page.locator('kiosk-settings input[type="file"]').setInputFiles(backupPath);
  await page.locator('kiosk-settings button', { hasText: 'Yes, replace' }).click();
  const restored = await page.locator('kiosk-settings .message').textContent();
  check('the backup restores everything', restored.includes('9 boards'), restored);

  await page.locator('kiosk-app nav button', { hasText: 'Back to the board' }).click();
  await page.locator('huddle-board h1').waitFor();
  check('the board is back with its data', (await page.locator('huddle-board h1').textContent()) === 'Line 1');
  check('no uncaught errors', errors.length === 0, errors.join('; '));
  await context.close();
});

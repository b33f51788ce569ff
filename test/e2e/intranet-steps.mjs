// What both plain-HTML example pages are used for in their checks: a pulse answer of 4, then a
// coaching conversation, each saved through the page's own elements and confirmed by the page.
export async function savePulseAndCoaching(page, wentWell) {
  await page.locator('feedback-loop button[data-score="4"]').click();
  await page.locator('#last-saved', { hasText: 'answer' }).waitFor();
  const card = page.locator('coaching-card');
  await card.locator('[data-behaviour] button', { hasText: 'Consistently' }).first().click();
  await card.locator('textarea[name="wentWell"]').fill(wentWell);
  await card.locator('button', { hasText: 'Save coaching' }).click();
  await page.locator('#last-saved', { hasText: 'coaching' }).waitFor();
}

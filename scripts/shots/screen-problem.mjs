// Refuses a documentation picture of an empty or error screen: what a page shows instead of its
// data (no board, still loading, an alert) is looked for across shadow roots before a picture is
// taken, and the script stops naming the picture and what the screen said.
const EMPTY_OR_ERROR = [/No board chosen/, /There is no board/, /cannot open/i, /^Loading/, /^Opening/, /settings need a fix/];

/** What makes the page unfit for a picture, or undefined. */
export async function screenProblem(page) {
  const texts = await page.evaluate(() => {
    const found = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches('[role="alert"]')) found.push(`alert: ${element.textContent.trim()}`);
        else if (element.matches('[role="status"], h1, p')) found.push(element.textContent.trim());
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
  return texts.find((text) => text.startsWith('alert: ') || EMPTY_OR_ERROR.some((pattern) => pattern.test(text)));
}

/** Takes the picture, or stops with what is wrong on the screen. */
export async function screenshotOf(page, file, options = {}) {
  const problem = await screenProblem(page);
  if (problem) throw new Error(`${file}: the screen shows "${problem.slice(0, 120)}", not its data; no picture written`);
  await page.screenshot({ path: file, ...options });
  console.log('wrote', file);
}

// The README's pictures show the product, not an empty or error screen: each one it names
// exists, opens as an image, and has content from top to bottom in several colours (a "No
// board chosen." or "Loading" screen is one background colour with a line of text). `npm run docs`
// makes them all and refuses to write such a screen in the first place.
import { readFileSync } from 'node:fs';
import { runE2e } from './harness.mjs';

const pictures = [...readFileSync('README.md', 'utf8').matchAll(/!\[([^\]]*)\]\((docs\/[^)]+\.png)\)/g)].map(([, alt, file]) => ({ alt, file }));

/** In the page: the share of the picture's rows with something drawn on them, and how many colours it has. */
const drawnShare = (src) =>
  new Promise((resolve) => {
    const image = new Image();
    image.onerror = () => resolve({ error: 'does not open as an image' });
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      // Colours to 5 bits a channel: enough to tell a screen from a blank one.
      const colourAt = (i) => ((data[i] >> 3) << 10) | ((data[i + 1] >> 3) << 5) | (data[i + 2] >> 3);
      const counts = new Map();
      for (let i = 0; i < data.length; i += 16) counts.set(colourAt(i), (counts.get(colourAt(i)) ?? 0) + 1);
      const total = data.length / 16;
      const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
      // The share of rows with anything drawn on them: a screen's content runs from top to bottom,
      // a message ("No board chosen.", "Loading…") is a line or two.
      let rowsDrawn = 0;
      for (let y = 0; y < canvas.height; y++) {
        for (let x = 0; x < canvas.width; x += 2) {
          if (colourAt((y * canvas.width + x) * 4) !== background) {
            rowsDrawn++;
            break;
          }
        }
      }
      resolve({ rows: rowsDrawn / canvas.height, colours: [...counts.values()].filter((n) => n > total / 2000).length });
    };
    image.src = src;
  });

await runE2e(
  'docs: the README pictures show the product',
  async ({ browser, url, check }) => {
    check('the README shows pictures', pictures.length >= 6, String(pictures.length));
    const page = await browser.newPage();
    // A page of this origin, so the pictures can be read back from a canvas.
    await page.goto(`${url}custom-elements.json`);
    for (const { alt, file } of pictures) {
      const found = await page.evaluate(drawnShare, `${url}${file}`);
      check(
        `${file} is a drawn screen (${found.error ?? `${Math.round(found.rows * 100)} % of its rows drawn, ${found.colours} colours`}) and has words for a screen reader`,
        !found.error && found.rows > 0.35 && found.colours >= 4 && alt.length > 20,
        alt,
      );
    }
  },
  { serve: 'repository' },
);

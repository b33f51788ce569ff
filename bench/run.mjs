// `npm run bench`: runs every bench in headless Chromium and prints one JSON line per figure.
// Figures are for comparing runs on one machine (ratios), not pass/fail thresholds.
import { readdirSync } from 'node:fs';
import { runInBrowser } from './browser.mjs';

const only = process.argv[2];
const benches = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
for (const file of benches) {
  const figures = await runInBrowser(`/bench/${file}`);
  for (const figure of figures) console.log(JSON.stringify(figure));
}

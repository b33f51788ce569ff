// Translations: `node scripts/locales.mjs list` prints every message (id, English with {0}
// placeholders); `node scripts/locales.mjs` writes the German and Spanish texts of
// locales/<locale>.json into the XLIFF files that `lit-localize extract` made, then
// `lit-localize build` turns them into src/locales/generated/<locale>.ts. A message without a
// translation fails the run, so no English slips into a German or Spanish screen; `--check`
// only verifies that (npm test). The built catalogues key messages by the first half of their id.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const LOCALES = ['de', 'es'];
const UNIT = /<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(?:\s*<target>[\s\S]*?<\/target>)?\s*<\/trans-unit>/g;
const PLACEHOLDER = /<x id="(\d+)" equiv-text="[^"]*"\/>/g;

if (process.argv[2] === '--check') {
  // Extract into a scratch folder and compare: every message of the source has a German and a
  // Spanish text, and the generated catalogues are current (npm test runs this).
  const config = JSON.parse(readFileSync('lit-localize.json', 'utf8'));
  mkdirSync('.test-results/locales-check', { recursive: true });
  writeFileSync(
    '.test-results/locales-check/config.json',
    JSON.stringify({
      ...config,
      tsConfig: '../../tsconfig.localize.json',
      interchange: { format: 'xliff', xliffDir: './' },
      output: { ...config.output, outputDir: './out', localeCodesModule: './out/codes.ts' },
    }),
  );
  execFileSync('npx', ['lit-localize', '--config', '.test-results/locales-check/config.json', 'extract'], { stdio: 'ignore' });
  const ids = [...readFileSync('.test-results/locales-check/de.xlf', 'utf8').matchAll(UNIT)].map((m) => m[1]);
  let problems = 0;
  for (const locale of LOCALES) {
    const texts = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
    const generated = readFileSync(`src/locales/generated/${locale}.ts`, 'utf8');
    for (const id of ids) {
      const problem =
        typeof texts[id] !== 'string'
          ? `${locale}: message ${id} has no translation (node scripts/locales.mjs list)`
          : generated.includes(`'${id.slice(0, 9)}':`)
            ? undefined
            : `${locale}: ${id} is translated but not built (node scripts/locales.mjs)`;
      if (!problem) continue;
      problems++;
      console.error(problem);
    }
  }
  if (problems) process.exit(1);
  console.log(`${ids.length} messages, each in ${LOCALES.join(' and ')}`);
  process.exit(0);
}

execFileSync('npx', ['lit-localize', 'extract'], { stdio: 'ignore' });

function units(locale) {
  return [...readFileSync(`locales/${locale}.xlf`, 'utf8').matchAll(UNIT)].map(([, id, source]) => ({ id, source }));
}
/** XLIFF source to the plain text translators edit: placeholders as {0}, entities decoded. */
const plain = (source) =>
  source
    .replace(PLACEHOLDER, (_, n) => `{${n}}`)
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
const escape = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

// The English of every message, for the test that looks for untranslated text on screen.
writeFileSync('locales/en.json', `${JSON.stringify(Object.fromEntries(units('de').map(({ id, source }) => [id, plain(source)])), null, 1)}\n`);

if (process.argv[2] === 'list') {
  for (const { id, source } of units('de')) console.log(`${id}\t${plain(source)}`);
  process.exit(0);
}

let missing = 0;
for (const locale of LOCALES) {
  const texts = JSON.parse(readFileSync(`locales/${locale}.json`, 'utf8'));
  let xlf = readFileSync(`locales/${locale}.xlf`, 'utf8');
  xlf = xlf.replace(UNIT, (whole, id, source) => {
    const text = texts[id];
    if (typeof text !== 'string') {
      missing++;
      console.error(`${locale}: no translation for ${id} "${plain(source)}"`);
      return whole;
    }
    const tags = Object.fromEntries([...source.matchAll(PLACEHOLDER)].map((m) => [m[1], m[0]]));
    const target = escape(text).replace(/\{(\d+)\}/g, (_, n) => tags[n] ?? `{${n}}`);
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>\n</trans-unit>`;
  });
  writeFileSync(`locales/${locale}.xlf`, xlf);
}
if (missing) {
  console.error(`${missing} messages have no translation`);
  process.exit(1);
}
execFileSync('npx', ['lit-localize', 'build'], { stdio: 'inherit' });

// Message ids are 64-bit hashes of the English; half of one is unique enough among ours and
// saves a quarter of every catalogue's download (random hex barely compresses).
// src/locales/localization.ts looks messages up by the same short id.
for (const locale of LOCALES) {
  const file = `src/locales/generated/${locale}.ts`;
  const seen = new Set();
  const short = readFileSync(file, 'utf8').replace(/'(s[0-9a-f]{8})[0-9a-f]{8}':/g, (_, id) => {
    if (seen.has(id)) throw new Error(`${locale}: two messages share the short id ${id}; lengthen SHORT_ID in localization.ts and here`);
    seen.add(id);
    return `'${id}':`;
  });
  writeFileSync(file, short);
}

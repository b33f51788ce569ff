// `npm run bench:size`: what an intranet page downloads. Bundles each element's entry point
// (minified, gzip level 9): with Lit and everything else it imports; without Lit and chart.js
// (a portal that already loads Lit shares it; chart.js is reported on its own); and its own
// share - without Lit, chart.js and the other elements it composes (a board is made of panels
// that are elements too, each measured itself). The budget applies to that own share. Then the
// built kiosk. Prints one JSON line per figure and the budgets' verdicts.
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { minifyCssLiterals } from '../scripts/minify-css-literals.mjs';

const ELEMENT_BUDGET = 15 * 1024;
const KIOSK_BUDGET = 160 * 1024;
const SHARED = ['lit', 'lit/*', '@lit/*'];
const CHART = ['chart.js', 'chart.js/*'];
/** The IndexedDB store an element loads on first use when it is given no store. */
const ENGINE = 'src/store/default-store.ts';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const entries = manifest.modules
  .filter((m) => m.declarations?.some((d) => d.customElement && d.tagName))
  .map((m) => ({ tag: m.declarations.find((d) => d.customElement && d.tagName).tagName, path: m.path }));
const elementFiles = new Set(entries.map((e) => resolve(e.path)));

/** Leaves imports of other elements' modules out of the bundle of `entry`. */
const otherElementsExternal = (entry) => ({
  name: 'other-elements-external',
  setup(build) {
    build.onResolve({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith('.')) return undefined;
      const file = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
      return elementFiles.has(file) && file !== resolve(entry) ? { path: args.path, external: true } : undefined;
    });
  },
});

/** The library build minifies the CSS in css`...` templates; so does this measurement. */
const minifiedCss = {
  name: 'minify-css-literals',
  setup(build) {
    build.onLoad({ filter: /[/\\](src|kiosk)[/\\].*\.ts$/ }, (args) => ({ contents: minifyCssLiterals(readFileSync(args.path, 'utf8')), loader: 'ts' }));
  },
};

/**
 * Gzip bytes a browser fetches for the entry: its file and the chunks it imports statically.
 * Chunks only imported dynamically (the German and Spanish texts) load only when that language
 * is shown, so they are not counted here but reported on their own; `withEngine` counts the
 * IndexedDB store too, which an element given no store loads as it connects.
 */
async function gzipBytes({ withEngine = false, ...options }) {
  const result = await build({
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
    splitting: true,
    outdir: '.test-results/size',
    metafile: true,
    ...options,
    plugins: [...(options.plugins ?? []), minifiedCss],
  });
  const files = new Map(result.outputFiles.map((f) => [f.path, f.contents]));
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((o) => outputs[o].entryPoint !== undefined && o.endsWith('.js'));
  const fetched = new Set();
  const visit = (out) => {
    if (fetched.has(out)) return;
    fetched.add(out);
    for (const i of outputs[out].imports) {
      if (i.external) continue;
      if (i.kind === 'import-statement' || (withEngine && i.kind === 'dynamic-import' && ENGINE in outputs[i.path].inputs)) visit(i.path);
    }
  };
  visit(entry);
  let bytes = 0;
  for (const out of fetched) bytes += gzipSync(files.get(resolve(out)), { level: 9 }).length;
  return bytes;
}

const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;
const over = [];
for (const { tag, path } of entries) {
  const withLit = await gzipBytes({ entryPoints: [path], external: CHART });
  const withoutLit = await gzipBytes({ entryPoints: [path], external: [...SHARED, ...CHART] });
  const own = await gzipBytes({ entryPoints: [path], external: [...SHARED, ...CHART], plugins: [otherElementsExternal(path)] });
  const alone = await gzipBytes({ entryPoints: [path], external: [...SHARED, ...CHART], withEngine: true });
  if (own > ELEMENT_BUDGET) over.push(`${tag} ${kb(own)} kB`);
  console.log(JSON.stringify({ bench: 'size', entry: tag, gzipKB: kb(withLit), withoutLitKB: kb(withoutLit), ownKB: kb(own), aloneWithStoreKB: kb(alone) }));
}
for (const locale of ['de', 'es']) {
  const texts = await gzipBytes({ entryPoints: [`src/locales/generated/${locale}.ts`], external: SHARED });
  console.log(JSON.stringify({ bench: 'size', entry: `texts in ${locale} (loaded only when the page is in ${locale})`, gzipKB: kb(texts) }));
}
const chart = await gzipBytes({
  stdin: {
    contents: "export { CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement } from 'chart.js';",
    resolveDir: '.',
    loader: 'js',
  },
});
console.log(JSON.stringify({ bench: 'size', entry: 'chart.js (the parts kpi-trend and coaching-impact register)', gzipKB: kb(chart) }));
const lit = await gzipBytes({
  stdin: {
    contents: "export * from 'lit'; export * from 'lit/decorators.js'; export * from '@lit/context'; export * from '@lit/localize';",
    resolveDir: '.',
    loader: 'js',
  },
});
console.log(JSON.stringify({ bench: 'size', entry: 'Lit (lit, decorators, context, localize)', gzipKB: kb(lit) }));
const all = await gzipBytes({ entryPoints: ['src/index.ts'] });
// chart.js is imported when the first chart is drawn (src/components/line-charts.ts): above, on its own.
console.log(JSON.stringify({ bench: 'size', entry: 'huddle-elements (every element and Lit; chart.js loads with the first chart)', gzipKB: kb(all) }));

// The kiosk as a browser first downloads it: the page, what the page loads at once (its script,
// the modules it preloads, its style, the manifest) and, on a screen in German or Spanish, that
// language's texts (the larger counts). What loads only when shown - the set-up, the settings, the
// demo generator - is reported apart, and so is everything shipped.
execFileSync('npx', ['vite', 'build', '--config', 'kiosk/vite.config.ts', '--logLevel', 'error'], { stdio: 'inherit' });
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const shipped = files('dist/kiosk').filter((f) => /\.(js|css|html|webmanifest)$/.test(f) && !/sw\.js$|workbox-/.test(f));
const page = readFileSync('dist/kiosk/index.html', 'utf8');
const atOnce = ['dist/kiosk/index.html', ...[...page.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css|webmanifest))"/g)].map((m) => join('dist/kiosk', m[1]))];
const languages = shipped.filter((f) => /[/\\](de|es)-[\w-]+\.js$/.test(f));
const firstStart = [...new Set(atOnce)].reduce((sum, f) => sum + gz(f), 0) + Math.max(0, ...languages.map(gz));
const onDemand = shipped.filter((f) => !atOnce.includes(f) && !languages.includes(f));
const kiosk = firstStart;
console.log(
  JSON.stringify({ bench: 'size', entry: 'kiosk first start (page, what it loads at once, one language; service worker excluded)', gzipKB: kb(firstStart) }),
);
console.log(
  JSON.stringify({
    bench: 'size',
    entry: 'kiosk loaded when shown (set-up, settings, demo, problem words)',
    gzipKB: kb(onDemand.reduce((sum, f) => sum + gz(f), 0)),
    files: onDemand.length,
  }),
);
console.log(
  JSON.stringify({
    bench: 'size',
    entry: 'kiosk, everything shipped (both languages)',
    gzipKB: kb(shipped.reduce((sum, f) => sum + gz(f), 0)),
    files: shipped.length,
  }),
);

console.log(
  over.length
    ? `OVER BUDGET (15 kB per element without Lit, chart.js and composed elements): ${over.join(', ')}`
    : `every element's own share within 15 kB gzip (without Lit, chart.js and the elements it composes)`,
);
console.log(kiosk <= KIOSK_BUDGET ? `kiosk's first start within 160 kB gzip (${kb(kiosk)} kB)` : `KIOSK OVER BUDGET: first start ${kb(kiosk)} kB > 160 kB`);
process.exitCode = over.length || kiosk > KIOSK_BUDGET ? 1 : 0;

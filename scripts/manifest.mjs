// Generates custom-elements.json from the elements' JSDoc with the manifest analyzer, in a
// canonical order (modules sorted by path) so that the committed file only changes when the
// elements do. `--check` compares instead of writing, and fails when the file is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// cem joins --outdir onto the working directory, so it must be relative.
const outdir = join('node_modules', '.cache', 'huddle-cem');
const result = spawnSync(
  'npx',
  ['cem', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--exclude', 'src/components/**/*.styles.ts', '--quiet', '--outdir', outdir],
  { stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);

const manifest = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
const text = `${JSON.stringify(manifest, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync('custom-elements.json', 'utf8');
  if (current !== text) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json is current.');
} else {
  writeFileSync('custom-elements.json', text);
  console.log('wrote custom-elements.json');
}

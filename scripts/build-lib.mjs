// `npm run build:lib`: compiles src/ to dist/lib with tsc, then minifies the CSS inside the
// emitted css`...` templates (see minify-css-literals.mjs), which no bundler of a host page does.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCssLiterals } from './minify-css-literals.mjs';

const compiled = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (compiled.status !== 0) process.exit(compiled.status ?? 1);

const OUT = 'dist/lib';
for (const entry of readdirSync(OUT, { recursive: true })) {
  const file = join(OUT, String(entry));
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(file, 'utf8');
  const minified = minifyCssLiterals(source);
  if (minified !== source) writeFileSync(file, minified);
}

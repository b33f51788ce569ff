// The CSS minifier of the builds (scripts/minify-css-literals.mjs) changes no style: Chromium
// parses every css`...` template of the elements and the kiosk before and after, and the rules
// it reads are the same. The built library ships the minified form.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runE2e } from './harness.mjs';
import { cssTemplates, minifyCssLiterals } from '../../scripts/minify-css-literals.mjs';

const sourceFiles = (dir, ending) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(ending) && !f.includes('generated'))
    .map((f) => join(dir, f));
const minifiedBody = (body) => cssTemplates(minifyCssLiterals(`css\`${body}\``))[0];
// A ${...} part stands for a value; any number parses where ours are used.
const asCss = (body) => body.replace(/\$\{[^{}`]*\}/g, '7');

const templates = [...sourceFiles('src', '.ts'), ...sourceFiles('kiosk', '.ts')].flatMap((file) =>
  cssTemplates(readFileSync(file, 'utf8')).map((body, index) => ({ where: `${file} #${index + 1}`, body })),
);
const tricky = [
  `a { content: '  two  spaces  '; font-family: "Segoe   UI", sans-serif; }`,
  `/* a comment with 'quotes' */ .a .b > .c:hover, .d::before { margin: 0 auto; }`,
  `@media (forced-colors: active) { :host { --x: calc(100% - 2 * var(--y)); } }`,
  `.a { grid-template-columns: repeat(\${n}, 1fr); margin: \${a} \${b}px; }`,
  `.a\\:b { content: '\\2713'; }`,
];

await runE2e(
  'CSS in css`...` templates: minified without changing a rule',
  async ({ browser, check }) => {
    const page = await browser.newPage();
    const rulesOf = (texts) =>
      page.evaluate(
        (all) =>
          all.map((text) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(text);
            return Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
          }),
        texts,
      );

    const originals = await rulesOf(templates.map((t) => asCss(t.body)));
    const minified = await rulesOf(templates.map((t) => asCss(minifiedBody(t.body))));
    const changed = templates.filter((_, i) => originals[i] !== minified[i] || originals[i] === '');
    check(
      `all ${templates.length} templates of src/ and kiosk/ parse to the same rules after minifying`,
      templates.length > 20 && changed.length === 0,
      changed.map((t) => t.where).join(', '),
    );

    const trickyBefore = await rulesOf(tricky.map(asCss));
    const trickyAfter = await rulesOf(tricky.map((t) => asCss(minifiedBody(t))));
    check(
      'strings, comments, combinators, calc(), escapes and ${...} values keep their meaning',
      trickyBefore.every((rules, i) => rules !== '' && rules === trickyAfter[i]),
      JSON.stringify(trickyAfter),
    );
    check('${...} values keep the space between them', minifiedBody(tricky[3]).includes('${a} ${b}px'), minifiedBody(tricky[3]));

    const sourceLength = templates.reduce((sum, t) => sum + t.body.length, 0);
    const minifiedLength = templates.reduce((sum, t) => sum + minifiedBody(t.body).length, 0);
    check('the templates shrink by a quarter or more', minifiedLength < sourceLength * 0.75, `${sourceLength} -> ${minifiedLength}`);

    const built = readFileSync('dist/lib/components/coaching-card/coaching-card.js', 'utf8');
    const source = readFileSync('src/components/coaching-card/coaching-card.ts', 'utf8');
    check(
      'the built library ships the minified styles, on the source lines (for source maps)',
      minifyCssLiterals(built) === built &&
        cssTemplates(built).join('').length < cssTemplates(source).join('').length * 0.75 &&
        cssTemplates(built)[0].split('\n').length === cssTemplates(source)[0].split('\n').length,
    );
  },
  { serve: 'repository' },
);

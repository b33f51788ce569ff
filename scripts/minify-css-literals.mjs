// Minifies the CSS inside Lit's css`...` templates. JavaScript minifiers leave template text
// alone, so without this every element ships its styles with their indentation and comments.
// Line breaks stay (one byte each), so the library's source maps still point at the right lines.
// Used by the library build (scripts/build-lib.mjs), the kiosk build (kiosk/vite.config.ts)
// and bench/size.mjs, so the size measured is the size shipped. Only white space and comments
// change: quoted strings, escapes and ${...} parts are copied as they are, and
// test/e2e/css-literals.e2e.mjs has Chromium parse every template before and after.

/** A css`...` template whose ${...} parts hold no braces or backticks (all of ours); tsc writes "css `". */
const CSS_TEMPLATE = /\bcss\s?`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^{}`]*\})*)`/g;
/**
 * Characters around which white space never matters in CSS. Not commas: Chromium keeps a
 * custom property's value as written, so "var(--a, 8px)" would read differently.
 */
const TIGHT = new Set(['{', '}', ';', '>']);

/** Returns `source` (TypeScript or JavaScript) with every css`...` template minified. */
export function minifyCssLiterals(source) {
  return source.replace(CSS_TEMPLATE, (_, body) => `css\`${minifyTemplate(body)}\``);
}

/** Every css`...` template body in `source`, for checking the minifier. */
export function cssTemplates(source) {
  return [...source.matchAll(CSS_TEMPLATE)].map((match) => match[1]);
}

function minifyTemplate(body) {
  const parts = body.split(/(\$\{[^{}`]*\})/);
  // Odd parts are the ${...}; white space next to one may be what separates it from a word.
  return parts.map((part, index) => (index % 2 ? part : minifyCss(part, index > 0, index < parts.length - 1))).join('');
}

function minifyCss(text, afterValue, beforeValue) {
  let out = '';
  let space = false;
  let last = afterValue ? 'a' : '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end < 0 ? text.length : end + 2);
      out += '\n'.repeat(comment.split('\n').length - 1);
      i += comment.length;
      space = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (c === '\n') out += c;
      space = true;
      i++;
      continue;
    }
    if (space && last !== '' && !out.endsWith('\n') && spaceMatters(last, c)) out += ' ';
    space = false;
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i);
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
    } else {
      out += c;
      i++;
    }
    last = out.at(-1);
  }
  return space && beforeValue && !out.endsWith('\n') && spaceMatters(last, 'a') ? `${out} ` : out;
}

/** Whether white space between two characters can change what the CSS means. */
function spaceMatters(before, after) {
  return !TIGHT.has(before) && !TIGHT.has(after) && before !== ':' && before !== '(' && after !== ')';
}

function closingQuote(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === text[start]) return i;
  }
  return text.length - 1;
}

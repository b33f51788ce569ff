/**
 * The page's own few rules, adopted by the entry module before any element renders. Not a
 * stylesheet file: one of a few lines would hold back the first paint. Not an inline
 * `<style>`: the kiosk's Content-Security-Policy (`style-src 'self'`) refuses it, while a
 * stylesheet built by our own script is allowed.
 */
import { css } from 'lit';

const pageStyles = css`
  html,
  body {
    margin: 0;
    min-height: 100%;
    font-family: system-ui, 'Segoe UI', Roboto, sans-serif;
    background: #f4f6f8;
    color: #111827;
  }
`;

const sheet = pageStyles.styleSheet;
if (sheet) document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

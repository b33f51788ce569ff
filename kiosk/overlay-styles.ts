/**
 * A full-screen overlay with one dialog card in the middle: the PIN pad and the phone link.
 * Colours are the design tokens <kiosk-app> sets (they inherit through shadow roots).
 */
import { css } from 'lit';

export const overlayStyles = css`
  :host {
    position: fixed;
    inset: 0;
    display: grid;
    place-items: center;
    background: rgb(0 0 0 / 60%);
    z-index: 10;
  }
  [role='dialog'] {
    background: var(--_surface);
    color: var(--_text);
    border-radius: 16px;
    padding: 24px;
    display: grid;
    gap: 16px;
  }
  h2 {
    margin: 0;
  }
  button {
    font: inherit;
    border: 2px solid var(--_border);
    border-radius: 12px;
    background: var(--_surface);
    color: var(--_text);
  }
`;

/**
 * Design tokens. Every element reads private `--_*` variables resolved from the public
 * `--he-*` custom properties a host page may set, with a default per theme. The theme comes
 * from the element's `theme` attribute or the nearest provider (see HuddleElement), and is
 * written to the host as `data-theme`.
 *
 * Status colours carry white symbols at 7:1 contrast or more in every theme, and every
 * status also has a symbol and a word, so colour is never the only signal.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_font: var(--he-font-family, system-ui, 'Segoe UI', Roboto, 'Helvetica Neue', sans-serif);
    --_size: var(--he-font-size, 16px);
    --_size-small: var(--he-font-size-small, 14px);
    --_size-large: var(--he-font-size-large, 20px);
    --_size-title: var(--he-font-size-title, 24px);
    --_space: var(--he-space, 8px);
    --_radius: var(--he-radius, 8px);
    --_target: var(--he-target-size, 48px);
    --_surface: var(--he-color-surface, #ffffff);
    --_surface-raised: var(--he-color-surface-raised, #f3f4f6);
    --_text: var(--he-color-text, #111827);
    --_text-muted: var(--he-color-text-muted, #374151);
    --_border: var(--he-color-border, #9ca3af);
    --_accent: var(--he-color-accent, #0b4f8a);
    --_on-accent: var(--he-color-on-accent, #ffffff);
    --_focus: var(--he-color-focus, #c2410c);
    --_green: var(--he-status-green, #0a5c2b);
    --_amber: var(--he-status-amber, #7a4700);
    --_red: var(--he-status-red, #9b1c1c);
    --_none: var(--he-status-none, #4b5563);
    --_on-status: var(--he-on-status, #ffffff);
    font-family: var(--_font);
    font-size: var(--_size);
    color: var(--_text);
  }
  :host([data-theme$='dark']) {
    --_surface: var(--he-color-surface, #111827);
    --_surface-raised: var(--he-color-surface-raised, #1f2937);
    --_text: var(--he-color-text, #f9fafb);
    --_text-muted: var(--he-color-text-muted, #d1d5db);
    --_border: var(--he-color-border, #6b7280);
    --_accent: var(--he-color-accent, #60a5fa);
    --_on-accent: var(--he-color-on-accent, #111827);
    --_focus: var(--he-color-focus, #fbbf24);
  }
  /* The wall (light or dark): read from 3 m, tapped by a standing finger. 24 px at 1080p, scaled at 4K. */
  :host([data-theme^='wall']) {
    --_size: var(--he-font-size, max(24px, 1.25vw));
    --_size-small: var(--he-font-size-small, max(24px, 1.25vw));
    --_size-large: var(--he-font-size-large, max(30px, 1.6vw));
    --_size-title: var(--he-font-size-title, max(40px, 2.1vw));
    --_space: var(--he-space, max(10px, 0.55vw));
    --_target: var(--he-target-size, max(64px, 3.4vw));
  }
  /* The light wall: stronger contrast than the intranet's light for a screen seen across a room. */
  :host([data-theme='wall']) {
    --_surface: var(--he-color-surface, #ffffff);
    --_surface-raised: var(--he-color-surface-raised, #eef1f4);
    --_text: var(--he-color-text, #000000);
    --_text-muted: var(--he-color-text-muted, #1f2937);
    --_border: var(--he-color-border, #4b5563);
  }
  @media (forced-colors: active) {
    :host {
      --_green: CanvasText;
      --_amber: CanvasText;
      --_red: CanvasText;
      --_none: GrayText;
      --_on-status: Canvas;
    }
  }
`;

/** Controls shared by every element: buttons, inputs, focus ring, hidden labels. */
export const controls = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0 calc(var(--_space) * 2);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    touch-action: manipulation;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    min-height: var(--_target);
    padding: 0 var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    max-width: 100%;
  }
  textarea {
    padding: var(--_space);
    min-height: calc(var(--_target) * 1.5);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* User text: long words wrap instead of pushing the layout off the screen. */
  .user-text {
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .error {
    color: var(--_red);
    font-weight: 700;
  }
  [data-theme='dark'] .error,
  :host([data-theme='dark']) .error {
    color: #fca5a5;
  }
`;

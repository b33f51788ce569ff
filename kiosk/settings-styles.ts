/**
 * The controls of the kiosk's settings and what they hold: large targets, and the colours of
 * the design tokens <kiosk-app> sets (they inherit through shadow roots).
 */
import { css } from 'lit';

export const settingsControlStyles = css`
  button,
  select,
  input {
    font: inherit;
    min-height: 64px;
    padding: 0 16px;
    border: 2px solid var(--_border);
    border-radius: 8px;
    background: var(--_surface);
    color: var(--_text);
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  button.danger {
    background: var(--_red);
    border-color: var(--_red);
    color: var(--_on-status);
    font-weight: 700;
  }
  .problem {
    color: var(--_problem-text);
    font-weight: 700;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;

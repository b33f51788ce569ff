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

/** A list of rows in the settings (devices, sign-in codes): what it is on the left, its action on the right. */
export const settingsListStyles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 8px;
  }
  li {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
    align-items: center;
    justify-content: space-between;
    border-bottom: 1px solid var(--_border);
    padding-bottom: 8px;
  }
`;

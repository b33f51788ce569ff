/** The controls of the kiosk's settings and what they hold: large targets, plain colours. */
import { css } from 'lit';

export const settingsControlStyles = css`
  button,
  select,
  input {
    font: inherit;
    min-height: 64px;
    padding: 0 16px;
    border: 2px solid #4b5563;
    border-radius: 8px;
    background: #fff;
    color: #000;
  }
  button.primary {
    background: #0b4f8a;
    border-color: #0b4f8a;
    color: #fff;
    font-weight: 700;
  }
  button.danger {
    background: #9b1c1c;
    border-color: #9b1c1c;
    color: #fff;
    font-weight: 700;
  }
  .problem {
    color: #9b1c1c;
    font-weight: 700;
  }
  :focus-visible {
    outline: 3px solid #c2410c;
    outline-offset: 2px;
  }
`;

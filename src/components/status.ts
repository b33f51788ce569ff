/** How a day status is shown: a colour, a symbol and a word, never the colour alone. */
import { css } from 'lit';
import type { DayStatus } from '../model/index.js';

export const STATUS_SYMBOL: Record<DayStatus, string> = { green: '✓', amber: '!', red: '✗', none: '–' };

/** Background colours for `.status-green` etc.; the symbol on them is white at >= 7:1. */
export const statusStyles = css`
  .status-green {
    background: var(--_green);
    color: var(--_on-status);
  }
  .status-amber {
    background: var(--_amber);
    color: var(--_on-status);
  }
  .status-red {
    background: var(--_red);
    color: var(--_on-status);
  }
  .status-none {
    background: var(--_none);
    color: var(--_on-status);
  }
`;

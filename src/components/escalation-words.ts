/** Escalation states in words, with a symbol so state is never colour alone. */
import { msg } from '@lit/localize';
import type { EscalationState } from '../model/index.js';

// Common glyphs only: a wall screen's fonts may lack emoji and rare symbols.
export const ESCALATION_SYMBOL: Record<EscalationState, string> = { open: '…', accepted: '◐', resolved: '✓', returned: '↩' };

export function escalationStateWord(state: EscalationState): string {
  switch (state) {
    case 'open':
      return msg('waiting');
    case 'accepted':
      return msg('accepted');
    case 'resolved':
      return msg('resolved');
    case 'returned':
      return msg('returned to the team');
  }
}

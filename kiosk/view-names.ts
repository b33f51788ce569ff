import { msg } from '@lit/localize';
import type { KioskView } from './config.js';

/** The views' names on the screen's buttons, in the screen's language. */
export const viewName = (view: KioskView): string =>
  ({
    board: msg('Board'),
    escalations: msg('Escalations'),
    cascade: msg('Coaching cascade'),
    feedback: msg('Feedback'),
    safety: msg('Psychological safety'),
    'you-said': msg('You said, we did'),
    impact: msg('Impact'),
    pulse: msg('Pulse'),
    card: msg('Coaching card'),
  })[view];

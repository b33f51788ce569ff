/** What a screen shows in place of a coaching conversation's words it may not show (see visibility.ts). */
import { msg } from '@lit/localize';

export const privateWords = (): string => msg('The words stay with the people in this conversation.');

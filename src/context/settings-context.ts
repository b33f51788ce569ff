/**
 * Display settings shared by a subtree: locale for dates and numbers, the theme, whether
 * edits need a PIN, and whether the screen is shared. Tier and role labels are organisation data (in the store),
 * not settings, so that every device of an organisation uses the same words.
 */
import { createContext } from '@lit/context';

/** `wall` and `wall-dark` share the wall's sizes (read from 3 m); `dark` and `wall-dark` its dark colours. */
export type ThemeName = 'light' | 'dark' | 'wall' | 'wall-dark';

/** True for the themes sized for a wall screen. */
export const isWallTheme = (theme: ThemeName): boolean => theme === 'wall' || theme === 'wall-dark';

export interface HuddleSettings {
  /** BCP 47 tag; empty means the page's `lang` or the browser's language. */
  locale: string;
  theme: ThemeName;
  /** True when edits are locked behind a PIN on a shared screen. */
  editsLocked: boolean;
  /** True on a screen many people pass (a wall): it shows no coaching conversation's words (see visibility.ts). */
  sharedScreen: boolean;
}

export const DEFAULT_SETTINGS: HuddleSettings = { locale: '', theme: 'light', editsLocked: false, sharedScreen: false };

export const settingsContext = createContext<HuddleSettings>(Symbol.for('huddle-elements.settings'));

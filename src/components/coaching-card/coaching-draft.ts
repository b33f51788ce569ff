/**
 * A coaching card's unsaved input, kept in localStorage on every change so that a reload,
 * a closed tab or a dead battery loses nothing; cleared once the card is saved.
 */
import type { CoachingDirection, CoachingKind, KataQuestion, Rating } from '../../model/index.js';

export interface CoachingDraft {
  kind: CoachingKind;
  direction: CoachingDirection;
  coach: string;
  learner: string;
  anonymous: boolean;
  ratings: Record<string, Rating>;
  answers: Partial<Record<KataQuestion, string>>;
  wentWell: string;
  evenBetter: string;
  focus: string;
  followUpDate: string;
}

const PREFIX = 'huddle-elements:coaching-draft:';

export function loadDraft(key: string): CoachingDraft | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<CoachingDraft>;
    // A draft from an older version or edited by hand must not break the card.
    return typeof parsed === 'object' && parsed !== null && typeof parsed.kind === 'string' ? (parsed as CoachingDraft) : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the draft; returns false when the browser refuses (storage full or disabled). */
export function saveDraft(key: string, draft: CoachingDraft): boolean {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing to clear
  }
}

const COACH_PREFIX = 'huddle-elements:coaching-coach:';

/**
 * The coach of the last conversation saved on a personal device (a supervisor's tablet), so the
 * next card starts as them. Never kept on a shared screen: the next person there is someone else.
 */
export function rememberCoach(key: string, coach: string): void {
  try {
    localStorage.setItem(COACH_PREFIX + key, coach);
  } catch {
    // Storage full or disabled: the coach is chosen again next time, nothing else is lost.
  }
}

export function rememberedCoach(key: string): string | undefined {
  try {
    return localStorage.getItem(COACH_PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The words for coaching kinds, shared by every element that names one. */
import { msg } from '@lit/localize';
import type { CoachingKind, Rating } from '../model/index.js';

export function coachingKindName(kind: CoachingKind): string {
  return { 'huddle-observation': msg('Huddle observation'), kata: msg('Improvement kata'), 'coaching-the-coach': msg('Coaching the coach') }[kind];
}

export function ratingName(rating: Rating): string {
  return [msg('Not seen'), msg('Partly'), msg('Consistently')][rating]!;
}

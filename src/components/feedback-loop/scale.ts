/** The 1-5 scale every part of the feedback loop asks with: a number and a word per score. */
import { html } from 'lit';
import { msg } from '@lit/localize';
import type { Feedback } from '../../model/index.js';

export type Score = Feedback['score'];
export const SCORES: readonly Score[] = [1, 2, 3, 4, 5];

export function scoreWord(score: Score): string {
  return [msg('Not at all'), msg('A little'), msg('Somewhat'), msg('Mostly'), msg('Very')][score - 1]!;
}

/** One score button's content. */
export const scoreLabel = (score: Score) => html`<span class="number">${score}</span><span>${scoreWord(score)}</span>`;

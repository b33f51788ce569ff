/** Scores of observed behaviours: per session, and per behaviour over time. */
import { weekStart, type Day } from './dates.js';
import type { ChecklistTemplate, CoachingSession } from './types.js';

/** The highest rating (consistently); scores are shares of it. */
export const MAX_RATING = 2;

/**
 * A session's score: the mean of its ratings as a share of the best possible, 0..1, counting
 * only behaviours that were rated (a behaviour added to the checklist later does not lower
 * older sessions). Null when nothing was rated.
 */
export function sessionScore(session: Pick<CoachingSession, 'ratings'>): number | null {
  const ratings = Object.values(session.ratings);
  if (ratings.length === 0) return null;
  return ratings.reduce<number>((sum, r) => sum + r, 0) / (ratings.length * MAX_RATING);
}

/**
 * The share of a conversation's rated behaviours seen consistently (rated 2), 0..1; null when
 * nothing was rated. Not the score: all "partly" is a score of 50 % and no behaviour seen
 * consistently.
 */
export function consistentShare(session: Pick<CoachingSession, 'ratings'>): number | null {
  const ratings = Object.values(session.ratings);
  if (ratings.length === 0) return null;
  return ratings.filter((r) => r === MAX_RATING).length / ratings.length;
}

export interface WeeklyScore {
  /** Monday of the week. */
  week: Day;
  /** Mean score, 0..1. */
  score: number;
  /** How many ratings it rests on. */
  count: number;
}

/** Mean of values (0..1) per ISO week, oldest week first. */
function weeklyMeans(points: Iterable<{ day: Day; score: number }>): WeeklyScore[] {
  const weeks = new Map<Day, { sum: number; count: number }>();
  for (const { day, score } of points) {
    const week = weekStart(day);
    const entry = weeks.get(week) ?? { sum: 0, count: 0 };
    entry.sum += score;
    entry.count++;
    weeks.set(week, entry);
  }
  return [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([week, { sum, count }]) => ({ week, score: sum / count, count }));
}

/** Mean rating of one behaviour per ISO week over the sessions given. */
export function behaviourScoresByWeek(sessions: readonly CoachingSession[], behaviourId: string): WeeklyScore[] {
  return weeklyMeans(
    sessions.flatMap((s) => {
      const rating = s.deletedAt ? undefined : s.ratings[behaviourId];
      return rating === undefined ? [] : [{ day: s.day, score: rating / MAX_RATING }];
    }),
  );
}

/** Mean session score per ISO week. */
export function sessionScoresByWeek(sessions: readonly CoachingSession[]): WeeklyScore[] {
  return weeklyMeans(
    sessions.flatMap((s) => {
      const score = s.deletedAt ? null : sessionScore(s);
      return score === null ? [] : [{ day: s.day, score }];
    }),
  );
}

/** The label of a behaviour, found in any version of the template, retired ones included. */
export function behaviourLabel(template: ChecklistTemplate, behaviourId: string): string | undefined {
  for (const group of template.groups) {
    const behaviour = group.behaviours.find((b) => b.id === behaviourId);
    if (behaviour) return behaviour.label;
  }
  return undefined;
}

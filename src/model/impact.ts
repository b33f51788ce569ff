/**
 * "Is the coaching changing behaviour, and is the behaviour moving the results?" - the
 * leading indicators (behaviours) beside the lagging one (results) for one team and period.
 * Every figure says how much data it rests on, and is null when that is too little to mean
 * anything, so a screen can say so instead of drawing a trend.
 */
import { addDays, dayOfInstant, daysBetween, weekStart, type Day } from './dates.js';
import { cadenceAdherence, followUpsKept } from './cadence.js';
import { dayStatus } from './kpi-status.js';
import { sessionScore, sessionScoresByWeek, type WeeklyScore } from './observation.js';
import { aggregate } from './feedback.js';
import { ON_TIME_MINUTES, minutesBetweenTimes, minutesOfDay, minutesOfTime } from './huddle.js';
import type { Action, CoachingPair, CoachingSession, Escalation, Feedback, Huddle, Kpi, KpiValue } from './types.js';

export interface Figure {
  /** A share 0..1, or for the pulse a mean 1..5; null when the data is too thin. */
  value: number | null;
  /** How many things it rests on (sessions, huddles, actions, answers, KPI days...). */
  basis: number;
}

/** The least data each figure needs before it means anything. */
export const MINIMUM = { sessions: 2, huddles: 5, actionsDue: 3, escalations: 3, answers: 5, kpiDays: 10, trendWeeks: 3 } as const;

const figure = (part: number, whole: number, minimum: number): Figure => ({ value: whole >= minimum && whole > 0 ? part / whole : null, basis: whole });

export interface TeamData {
  unitId: string;
  /** The board's huddle time (`HH:MM`), when it has one. */
  huddleAt?: string;
  leaderId?: string;
  pairs: readonly CoachingPair[];
  sessions: readonly CoachingSession[];
  huddles: readonly Huddle[];
  actions: readonly Action[];
  escalations: readonly Escalation[];
  feedback: readonly Feedback[];
  kpis: readonly Kpi[];
  values: readonly KpiValue[];
}

export interface TeamImpact {
  observationScore: Figure;
  cadenceKept: Figure;
  followUpsKept: Figure;
  huddlesHeld: Figure;
  huddlesOnTime: Figure;
  actionsOnTime: Figure;
  escalationsResolved: Figure;
  pulse: Figure;
  greenDays: Figure;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function teamImpact(data: TeamData, from: Day, to: Day): TeamImpact {
  const within = (day: Day) => day >= from && day <= to;
  const learnerSessions = data.sessions.filter((s) => !s.deletedAt && s.learnerId === data.leaderId);

  const scores = learnerSessions
    .filter((s) => within(s.day))
    .flatMap((s) => {
      const score = sessionScore(s);
      return score === null ? [] : [score];
    });
  const observationScore = { value: scores.length >= MINIMUM.sessions ? scores.reduce((a, x) => a + x, 0) / scores.length : null, basis: scores.length };

  const adherences = data.pairs
    .filter((p) => !p.deletedAt && p.learnerId === data.leaderId)
    .flatMap((p) => {
      const a = cadenceAdherence(p, learnerSessions, from, to);
      return a === null ? [] : [a];
    });
  const cadenceKept = { value: adherences.length ? adherences.reduce((a, x) => a + x, 0) / adherences.length : null, basis: adherences.length };

  // Follow-ups agreed in the period, judged as of its end.
  const followUps = followUpsKept(
    learnerSessions.filter((s) => within(s.day) || s.day > to),
    to,
  );
  const followUpsFigure = { value: followUps.share, basis: followUps.due };

  const huddles = data.huddles.filter((h) => !h.deletedAt && h.unitId === data.unitId && within(h.day));
  const days = daysBetween(from, to) + 1;
  const huddlesHeld = { value: days >= MINIMUM.huddles ? Math.min(1, new Set(huddles.map((h) => h.day)).size / days) : null, basis: days };
  // On time: started within 5 minutes of the board's huddle time; a board without one is
  // measured against its usual (median) start.
  const due = data.huddleAt ? minutesOfTime(data.huddleAt) : huddles.length ? median(huddles.map((h) => minutesOfDay(h.startedAt))) : 0;
  const onTime = huddles.filter((h) => Math.abs(minutesBetweenTimes(minutesOfDay(h.startedAt), due)) <= ON_TIME_MINUTES).length;
  const huddlesOnTime = figure(onTime, huddles.length, MINIMUM.huddles);

  const dueActions = data.actions.filter((a) => !a.deletedAt && a.unitId === data.unitId && a.due !== undefined && within(a.due));
  const closedInTime = dueActions.filter((a) => a.status === 'done' && a.doneAt !== undefined && dayOfInstant(a.doneAt) <= a.due!).length;
  const actionsOnTime = figure(closedInTime, dueActions.length, MINIMUM.actionsDue);

  const sent = data.escalations.filter((e) => !e.deletedAt && e.fromUnitId === data.unitId && within(dayOfInstant(e.createdAt)));
  const escalationsResolved = figure(sent.filter((e) => e.state === 'resolved').length, sent.length, MINIMUM.escalations);

  const pulseAnswers = data.feedback.filter((f) => !f.deletedAt && f.unitId === data.unitId && f.subject === 'huddle' && within(f.day));
  const pulseAggregate = aggregate(pulseAnswers);
  const pulse = { value: pulseAggregate.mean, basis: pulseAggregate.count };

  const kpis = new Map(data.kpis.filter((k) => k.unitId === data.unitId && !k.deletedAt).map((k) => [k.id, k]));
  const statuses = data.values.filter((v) => !v.deletedAt && kpis.has(v.kpiId) && within(v.day)).map((v) => dayStatus(kpis.get(v.kpiId)!, v));
  const recorded = statuses.filter((s) => s !== 'none');
  const greenDays = figure(recorded.filter((s) => s === 'green').length, recorded.length, MINIMUM.kpiDays);

  return { observationScore, cadenceKept, followUpsKept: followUpsFigure, huddlesHeld, huddlesOnTime, actionsOnTime, escalationsResolved, pulse, greenDays };
}

/** Weekly observation scores of the team leader, or null when fewer than three weeks have data. */
export function observationTrend(data: TeamData, from: Day, to: Day): WeeklyScore[] | null {
  const weeks = sessionScoresByWeek(data.sessions.filter((s) => s.learnerId === data.leaderId && s.day >= from && s.day <= to));
  return weeks.length >= MINIMUM.trendWeeks ? weeks : null;
}

/** Weekly share of green days over the team's KPIs, Monday-dated, weeks with no results left out. */
export function greenShareByWeek(data: TeamData, from: Day, to: Day): { week: Day; share: number; count: number }[] {
  const kpis = new Map(data.kpis.filter((k) => k.unitId === data.unitId && !k.deletedAt).map((k) => [k.id, k]));
  const weeks = new Map<Day, { green: number; count: number }>();
  for (const v of data.values) {
    const kpi = kpis.get(v.kpiId);
    if (!kpi || v.deletedAt || v.day < from || v.day > to) continue;
    const status = dayStatus(kpi, v);
    if (status === 'none') continue;
    const week = weekStart(v.day);
    const entry = weeks.get(week) ?? { green: 0, count: 0 };
    entry.count++;
    if (status === 'green') entry.green++;
    weeks.set(week, entry);
  }
  return [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([week, { green, count }]) => ({ week, share: green / count, count }));
}

/** The same-length period just before [from, to], to compare against. */
export function previousPeriod(from: Day, to: Day): { from: Day; to: Day } {
  const length = daysBetween(from, to) + 1;
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

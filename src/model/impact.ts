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
import { EVERY_DAY, workingDaysIn, type BoardCalendar } from './calendar.js';
import { shiftOfHuddle, shiftsOf } from './shifts.js';
import type { Action, CoachingPair, CoachingSession, Escalation, Feedback, Huddle, Kpi, KpiValue, Shift } from './types.js';

export interface Figure {
  /** A share 0..1, or for the pulse a mean 1..5; null when the data is too thin. */
  value: number | null;
  /** How many things it rests on (sessions, huddles, actions, answers, KPI days...). */
  basis: number;
  /** For a mean of scores: their standard deviation, so a change can be judged against it. */
  spread?: number;
}

/** The sample standard deviation; undefined for fewer than two values. */
function standardDeviation(values: readonly number[]): number | undefined {
  if (values.length < 2) return undefined;
  const mean = values.reduce((a, x) => a + x, 0) / values.length;
  return Math.sqrt(values.reduce((a, x) => a + (x - mean) ** 2, 0) / (values.length - 1));
}

/** The least data each figure needs before it means anything. */
export const MINIMUM = { sessions: 2, huddles: 5, actionsDue: 3, escalations: 3, answers: 5, kpiDays: 10, trendWeeks: 3 } as const;

/** An escalation is judged once it has had this many days to be answered. */
export const ESCALATION_ANSWER_DAYS = 7;

/** Every day, on the screen's clock: the calendar of a board that set none. */
const ANY_DAY: BoardCalendar = { workingDays: new Set(EVERY_DAY), closedDays: new Set() };

const figure = (part: number, whole: number, minimum: number): Figure => ({ value: whole >= minimum && whole > 0 ? part / whole : null, basis: whole });

export interface TeamData {
  unitId: string;
  /** The board's huddle time (`HH:MM`), when it has one. */
  huddleAt?: string;
  /** The board's working days, closed days and time zone (see calendar.ts); every day when absent. */
  calendar?: BoardCalendar;
  /** The board's shift huddles (see shifts.ts); absent or empty: one huddle a day at `huddleAt`. */
  shifts?: readonly Shift[];
  /**
   * Minutes after midnight on the site's clock now, when the period ends today: today counts
   * toward "huddles held" only once its huddle was held or its time (plus 5 minutes) has passed.
   */
  minutesNow?: number;
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

  // The leader's huddle as observed by a coach or a peer, on the huddle checklist: feedback from the
  // team has its own pulse, and a kata or coaching-the-coach rates other behaviours.
  const scores = learnerSessions
    .filter((s) => within(s.day) && s.kind === 'huddle-observation' && s.direction !== 'up')
    .flatMap((s) => {
      const score = sessionScore(s);
      return score === null ? [] : [score];
    });
  const spread = standardDeviation(scores);
  const observationScore = {
    value: scores.length >= MINIMUM.sessions ? scores.reduce((a, x) => a + x, 0) / scores.length : null,
    basis: scores.length,
    ...(spread === undefined ? {} : { spread }),
  };

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

  const calendar = data.calendar ?? ANY_DAY;
  const shifts = shiftsOf(data);
  const huddles = data.huddles.filter((h) => !h.deletedAt && h.unitId === data.unitId && within(h.day));
  // Each working day has a huddle per shift (one on a board without shifts) to hold.
  const slot = (day: Day, shiftId: string | undefined) => `${day}|${shiftId ?? ''}`;
  const held = new Set(huddles.map((h) => slot(h.day, shiftOfHuddle(h, shifts))));
  const dueAt = (shiftId: string | undefined) => {
    const time = shifts.find((s) => s.id === shiftId)?.at ?? data.huddleAt;
    return time === undefined ? undefined : minutesOfTime(time);
  };
  // Today's huddle counts once held, or once its time (plus 5 minutes) has passed; days off not at all.
  const open = (day: Day, shiftId: string | undefined) => {
    if (day !== to || data.minutesNow === undefined || held.has(slot(day, shiftId))) return false;
    const due = dueAt(shiftId);
    return due === undefined || data.minutesNow <= due + ON_TIME_MINUTES;
  };
  const slots = workingDaysIn(calendar, from, to).flatMap((day) =>
    (shifts.length ? shifts.map((s) => s.id) : [undefined]).filter((shiftId) => !open(day, shiftId)).map((shiftId) => slot(day, shiftId)),
  );
  const huddlesHeld = figure(slots.filter((s) => held.has(s)).length, slots.length, MINIMUM.huddles);
  // On time: started within 5 minutes of its shift's or the board's huddle time, on the site's
  // clock; a board without one is measured against its usual (median) start.
  const startedAt = huddles.map((h) => minutesOfDay(h.startedAt, calendar.timeZone));
  const usual = startedAt.length ? median(startedAt) : 0;
  const onTime = huddles.filter((h, i) => Math.abs(minutesBetweenTimes(startedAt[i]!, dueAt(shiftOfHuddle(h, shifts)) ?? usual)) <= ON_TIME_MINUTES).length;
  const huddlesOnTime = figure(onTime, huddles.length, MINIMUM.huddles);

  const dueActions = data.actions.filter((a) => !a.deletedAt && a.unitId === data.unitId && a.due !== undefined && within(a.due));
  const closedInTime = dueActions.filter((a) => a.status === 'done' && a.doneAt !== undefined && dayOfInstant(a.doneAt) <= a.due!).length;
  const actionsOnTime = figure(closedInTime, dueActions.length, MINIMUM.actionsDue);

  // Escalations sent in the period that have had a week to be answered by its end: one sent the
  // day before the end does not count against the team.
  const answerBy = addDays(to, -ESCALATION_ANSWER_DAYS);
  const sent = data.escalations.filter((e) => {
    const day = dayOfInstant(e.createdAt);
    return !e.deletedAt && e.fromUnitId === data.unitId && day >= from && day <= answerBy;
  });
  const resolvedByEnd = sent.filter((e) => e.state === 'resolved' && dayOfInstant(e.stateChangedAt) <= to).length;
  const escalationsResolved = figure(resolvedByEnd, sent.length, MINIMUM.escalations);

  const pulseAnswers = data.feedback.filter((f) => !f.deletedAt && f.unitId === data.unitId && f.subject === 'huddle' && within(f.day));
  const pulseAggregate = aggregate(pulseAnswers);
  const pulse = { value: pulseAggregate.mean, basis: pulseAggregate.count };

  const kpis = new Map(data.kpis.filter((k) => k.unitId === data.unitId && !k.deletedAt).map((k) => [k.id, k]));
  const statuses = data.values.filter((v) => !v.deletedAt && kpis.has(v.kpiId) && within(v.day)).map((v) => dayStatus(kpis.get(v.kpiId)!, v));
  const recorded = statuses.filter((s) => s !== 'none');
  const greenDays = figure(recorded.filter((s) => s === 'green').length, recorded.length, MINIMUM.kpiDays);

  return { observationScore, cadenceKept, followUpsKept: followUpsFigure, huddlesHeld, huddlesOnTime, actionsOnTime, escalationsResolved, pulse, greenDays };
}

export type Change = 'better' | 'worse' | 'same';

/**
 * How a figure moved against the period before - judged against the noise of the data it
 * rests on, not a fixed step: a share from 5 huddles moves by chance far more than one from
 * 60. A move counts when it is larger than twice its standard error (and at least 5 points, or
 * a quarter point of the pulse); undefined when either period has too little data. A mean of
 * scores that carries its spread is judged by it.
 */
export function changeOf(now: Figure, before: Figure, scale: 'share' | 'pulse'): Change | undefined {
  if (now.value === null || before.value === null || now.basis === 0 || before.basis === 0) return undefined;
  const delta = now.value - before.value;
  // The variance of one item: as measured for a mean of scores; a pulse answer (1-5) spreads by
  // about one point; a share p (each item in or out) by p(1-p).
  const variance = (f: Figure) => (f.spread !== undefined ? f.spread ** 2 : scale === 'pulse' ? 1 : f.value! * (1 - f.value!));
  const spread = (f: Figure) => variance(f) / f.basis;
  const noise = 2 * Math.sqrt(spread(now) + spread(before));
  const least = scale === 'pulse' ? 0.25 : 0.05;
  if (Math.abs(delta) <= Math.max(noise, least)) return 'same';
  return delta > 0 ? 'better' : 'worse';
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

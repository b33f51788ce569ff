/**
 * Feedback figures. Anonymous answers are only shown in aggregate, and no aggregate is shown
 * for fewer than five people: with four, a team can often tell who said what. People are
 * counted by the answers' weekly pseudonyms (`respondent`), so two people answering three times
 * each do not unlock a figure; an answer without one (from a shared wall, where one device is
 * many people) counts as one person - the caveat such a figure carries.
 */
import { addDays, daysBetween, type Day } from './dates.js';
import { SAFETY_STAGES, type Feedback, type FeedbackResponse, type FeedbackSubject, type SafetyStage } from './types.js';

export const MIN_ANSWERS_FOR_BREAKDOWN = 5;

export interface Aggregate {
  /** How many answers it rests on. */
  count: number;
  /** How many people gave them, as far as can be told (see the file's comment). */
  respondents: number;
  /** The mean score 1-5, or null when withheld (fewer than five people). */
  mean: number | null;
}

/** How many people gave these answers: distinct pseudonyms, and each answer without one. */
export function respondentsOf(answers: readonly Pick<Feedback, 'respondent'>[]): number {
  const pseudonyms = new Set(answers.flatMap((a) => (a.respondent ? [a.respondent] : [])));
  return pseudonyms.size + answers.filter((a) => !a.respondent).length;
}

export function aggregate(answers: readonly Pick<Feedback, 'score' | 'respondent'>[]): Aggregate {
  const respondents = respondentsOf(answers);
  if (respondents < MIN_ANSWERS_FOR_BREAKDOWN) return { count: answers.length, respondents, mean: null };
  return { count: answers.length, respondents, mean: answers.reduce((a, x) => a + x.score, 0) / answers.length };
}

const inPeriod = (f: Feedback, from: Day, to: Day) => !f.deletedAt && f.day >= from && f.day <= to;

/** A pulse's answers for a board and subject over a period. */
export function pulseSummary(feedback: readonly Feedback[], unitId: string, subject: FeedbackSubject, from: Day, to: Day): Aggregate {
  return aggregate(feedback.filter((f) => f.unitId === unitId && f.subject === subject && inPeriod(f, from, to)));
}

/** The psychological-safety profile of a team: one aggregate per stage. */
export function safetyProfile(feedback: readonly Feedback[], unitId: string, from: Day, to: Day): Record<SafetyStage, Aggregate> {
  const answers = feedback.filter((f) => f.unitId === unitId && f.subject === 'safety' && inPeriod(f, from, to));
  return Object.fromEntries(SAFETY_STAGES.map((stage) => [stage, aggregate(answers.filter((f) => f.stage === stage))])) as Record<SafetyStage, Aggregate>;
}

/** The profile per period of `days` days, oldest first, ending today. */
export function safetyProfileOverTime(
  feedback: readonly Feedback[],
  unitId: string,
  periods: number,
  days: number,
  today: Day,
): { from: Day; to: Day; profile: Record<SafetyStage, Aggregate> }[] {
  return Array.from({ length: periods }, (_, i) => {
    const to = addDays(today, -(periods - 1 - i) * days);
    const from = addDays(to, -days + 1);
    return { from, to, profile: safetyProfile(feedback, unitId, from, to) };
  });
}

export interface Comment {
  feedback: Feedback;
  response?: FeedbackResponse;
  /** Days since the comment was made (until answered), or how long the answer took. */
  ageDays: number;
}

/** "You said, we did": a board's comments, unanswered first, each with its answer and age. */
export function youSaidWeDid(feedback: readonly Feedback[], responses: readonly FeedbackResponse[], unitId: string, today: Day): Comment[] {
  const answered = new Map(responses.filter((r) => !r.deletedAt).map((r) => [r.feedbackId, r]));
  return feedback
    .filter((f) => f.unitId === unitId && !f.deletedAt && (f.comment ?? '').trim() !== '')
    .map((f) => {
      const response = answered.get(f.id);
      const end = response ? response.createdAt.slice(0, 10) : today;
      return { feedback: f, ageDays: Math.max(0, daysBetween(f.day, end)), ...(response ? { response } : {}) };
    })
    .sort((a, b) => Number(a.response !== undefined) - Number(b.response !== undefined) || b.feedback.day.localeCompare(a.feedback.day));
}

/**
 * The words for every value of the model's enums, in the page's language: one map per enum,
 * shared by every element that names one. Symbols sit beside the words that need them, so a
 * state is never shown by colour alone.
 */
import { msg } from '@lit/localize';
import type {
  ActionStatus,
  AttendanceState,
  CoachingDirection,
  CoachingKind,
  DayStatus,
  EscalationState,
  KpiCategory,
  PairState,
  Rating,
  ResourceKind,
  SafetyStage,
} from '../model/index.js';

export function dayStatusWord(status: DayStatus): string {
  return { green: msg('met'), amber: msg('close to target'), red: msg('missed'), none: msg('no data') }[status];
}

export const ACTION_STATUS_SYMBOL: Record<ActionStatus, string> = { open: '○', doing: '◐', done: '●', blocked: '■' };

export function actionStatusWord(status: ActionStatus): string {
  return { open: msg('Open'), doing: msg('Doing'), done: msg('Done'), blocked: msg('Blocked') }[status];
}

// Common glyphs only: a wall screen's fonts may lack emoji and rare symbols.
export const ESCALATION_SYMBOL: Record<EscalationState, string> = { open: '…', accepted: '◐', resolved: '✓', returned: '↩' };

export function escalationStateWord(state: EscalationState): string {
  return { open: msg('waiting'), accepted: msg('accepted'), resolved: msg('resolved'), returned: msg('returned to the team') }[state];
}

export function coachingKindName(kind: CoachingKind): string {
  return { 'huddle-observation': msg('Huddle observation'), kata: msg('Improvement kata'), 'coaching-the-coach': msg('Coaching the coach') }[kind];
}

export function coachingDirectionName(direction: CoachingDirection): string {
  return { down: msg('Down'), peer: msg('Peer'), up: msg('Up') }[direction];
}

export function ratingName(rating: Rating): string {
  return [msg('Not seen'), msg('Partly'), msg('Consistently')][rating]!;
}

export const PAIR_STATE_SYMBOL: Record<PairState, string> = { 'on-track': '✓', due: '!', overdue: '▲', never: '✗' };

export function pairStateWord(state: PairState): string {
  return { 'on-track': msg('on track'), due: msg('due'), overdue: msg('overdue'), never: msg('never met') }[state];
}

export const ATTENDANCE_SYMBOL: Record<AttendanceState, string> = { present: '✓', absent: '✗', excused: '○' };

export function attendanceWord(state: AttendanceState): string {
  return { present: msg('Present'), absent: msg('Absent'), excused: msg('Excused') }[state];
}

export function resourceKindWord(kind: ResourceKind): string {
  return { people: msg('People'), equipment: msg('Equipment'), supplies: msg('Supplies'), information: msg('Information') }[kind];
}

export function safetyStageName(stage: SafetyStage): string {
  return { inclusion: msg('Inclusion'), learner: msg('Learner'), contributor: msg('Contributor'), challenger: msg('Challenger') }[stage];
}

export function kpiCategoryName(category: KpiCategory): string {
  return { S: msg('Safety (S)'), Q: msg('Quality (Q)'), D: msg('Delivery (D)'), C: msg('Cost (C)'), P: msg('People (P)'), custom: msg('Custom') }[category];
}

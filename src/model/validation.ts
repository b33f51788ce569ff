/**
 * What a valid record of each kind is. The store validates every write with these, and an
 * import validates every record, so nothing invalid is ever saved.
 */
import {
  ACTION_STATUSES,
  ATTENDANCE_STATES,
  COACHING_DIRECTIONS,
  COACHING_KINDS,
  ESCALATION_STATES,
  FEEDBACK_SUBJECTS,
  KATA_QUESTIONS,
  COACHING_WORDS_READERS,
  KPI_AGGREGATES,
  KPI_CATEGORIES,
  SHARED_CASCADE_GAPS,
  RESOURCE_KINDS,
  SAFETY_STAGES,
  type CoachingDirection,
  type CoachingKind,
  type EntityKind,
  type EntityMap,
} from './types.js';
import {
  ValidationError,
  boolean,
  day,
  finiteNumber,
  firstProblem,
  freeText,
  id,
  integerBetween,
  isoTimestamp,
  listOf,
  mapOf,
  nonNegative,
  oneOf,
  optional,
  required,
  shape,
  text,
  timeOfDay,
  timeZoneName,
  type Schema,
} from './schema.js';
import type { ValueProblem } from './problems.js';
import { attendanceId, kpiValueId } from './record-ids.js';

/** Limits sized for a wall board: titles short enough to read from 3 m, notes for a tablet. */
export const LIMITS = { name: 120, title: 200, note: 4000 } as const;

const base: Schema = {
  id: required(id),
  createdAt: required(isoTimestamp),
  updatedAt: required(isoTimestamp),
  deletedAt: optional(isoTimestamp),
};

const name = required(text(LIMITS.name));
const title = required(text(LIMITS.title));
const note = required(freeText(LIMITS.note));

/** Fields of each kind beyond the common id and timestamps. */
export const SCHEMAS: { [K in EntityKind]: Schema } = {
  org: {
    name,
    locale: required(text(35)),
    tiers: required(listOf(shape({ unit: name, leader: name }), 10)),
    memberLabel: name,
    coachingWordsReadBy: optional(oneOf(COACHING_WORDS_READERS)),
    cascadeGapsOnSharedScreens: optional(oneOf(SHARED_CASCADE_GAPS)),
    coachingWordsKeptMonths: optional(integerBetween(1, 120)),
  },
  units: {
    name,
    tier: required(integerBetween(1, 10)),
    parentId: optional(id),
    huddleAt: optional(timeOfDay),
    workingDays: optional(listOf(integerBetween(1, 7), 7)),
    closedDays: optional(listOf(day, 400)),
    timeZone: optional(timeZoneName),
    shifts: optional(listOf(shape({ id: required(id), name, at: required(timeOfDay), leaderId: optional(id) }), 6)),
  },
  people: {
    name,
    unitId: required(id),
    role: required(oneOf(['member', 'leader'])),
    email: optional(text(254)),
    externalId: optional(text(200)),
    admin: optional(boolean),
  },
  kpis: {
    unitId: required(id),
    name,
    category: required(oneOf(KPI_CATEGORIES)),
    measure: required(freeText(30)),
    target: required(finiteNumber),
    betterWhen: required(oneOf(['higher', 'lower'])),
    amberBand: optional(nonNegative),
    rollup: optional(boolean),
    aggregate: optional(oneOf(KPI_AGGREGATES)),
  },
  kpiValues: { kpiId: required(id), day: required(day), value: optional(finiteNumber), met: optional(boolean) },
  actions: {
    unitId: required(id),
    title,
    ownerId: optional(id),
    due: optional(day),
    status: required(oneOf(ACTION_STATUSES)),
    doneAt: optional(isoTimestamp),
    huddleId: optional(id),
    escalationId: optional(id),
  },
  escalations: {
    fromUnitId: required(id),
    toUnitId: required(id),
    title,
    reason: required(text(LIMITS.note)),
    actionId: optional(id),
    state: required(oneOf(ESCALATION_STATES)),
    resolution: optional(freeText(LIMITS.note)),
    stateChangedAt: required(isoTimestamp),
  },
  experiments: {
    unitId: required(id),
    title,
    targetCondition: note,
    actualCondition: note,
    obstacle: note,
    nextStep: note,
    expectation: note,
    result: note,
    learning: note,
    status: required(oneOf(['active', 'closed'])),
  },
  resourceNeeds: {
    unitId: required(id),
    day: required(day),
    kind: required(oneOf(RESOURCE_KINDS)),
    description: title,
    ownerId: optional(id),
    closed: required(boolean),
  },
  attendance: {
    unitId: required(id),
    day: required(day),
    personId: required(id),
    state: required(oneOf(ATTENDANCE_STATES)),
    shiftId: optional(id),
  },
  huddles: {
    unitId: required(id),
    day: required(day),
    startedAt: required(isoTimestamp),
    endedAt: optional(isoTimestamp),
    partSeconds: required(shape({ reflect: required(nonNegative), plan: required(nonNegative), improve: required(nonNegative) })),
    shiftId: optional(id),
  },
  recognitions: { unitId: required(id), day: required(day), personId: optional(id), text: title },
  coachingSessions: {
    kind: required(oneOf(COACHING_KINDS)),
    direction: required(oneOf(COACHING_DIRECTIONS)),
    coachId: optional(id),
    learnerId: required(id),
    anonymous: required(boolean),
    day: required(day),
    templateId: optional(id),
    templateVersion: optional(integerBetween(1, 1_000_000)),
    ratings: required(mapOf(integerBetween(0, 2), 200)),
    answers: optional(shape(Object.fromEntries(KATA_QUESTIONS.map((q) => [q, optional(freeText(LIMITS.note))])))),
    wentWell: note,
    evenBetter: note,
    focus: required(freeText(LIMITS.title)),
    followUpDate: optional(day),
    huddleId: optional(id),
    previousSessionId: optional(id),
  },
  coachingPairs: {
    coachId: required(id),
    learnerId: required(id),
    kind: required(oneOf(COACHING_KINDS)),
    direction: required(oneOf(COACHING_DIRECTIONS)),
    cadenceDays: required(integerBetween(1, 365)),
    since: optional(day),
    cadenceFrom: optional(day),
    earlierCadences: optional(listOf(shape({ from: required(day), days: required(integerBetween(1, 365)) }), 200)),
  },
  checklists: {
    kind: required(oneOf(COACHING_KINDS)),
    name,
    version: required(integerBetween(1, 1_000_000)),
    groups: required(
      listOf(
        shape({
          id: required(id),
          label: name,
          behaviours: required(listOf(shape({ id: required(id), label: title, retired: optional(boolean) }), 100)),
        }),
        30,
      ),
    ),
  },
  feedback: {
    subject: required(oneOf(FEEDBACK_SUBJECTS)),
    unitId: required(id),
    day: required(day),
    score: required(integerBetween(1, 5)),
    comment: optional(freeText(LIMITS.title * 2)),
    anonymous: required(boolean),
    personId: optional(id),
    subjectId: optional(id),
    stage: optional(oneOf(SAFETY_STAGES)),
    itemId: optional(id),
    respondent: optional(id),
  },
  feedbackResponses: { feedbackId: required(id), unitId: required(id), text: required(text(LIMITS.note)), responderId: optional(id) },
};

/**
 * Which way each kind of conversation goes. A huddle can be observed from above, by a peer or
 * by the team (feedback up); a kata is coached by someone above or a peer; coaching the coach is,
 * by its meaning, from the level above the coach.
 */
export const DIRECTIONS_OF_KIND: Record<CoachingKind, readonly CoachingDirection[]> = {
  'huddle-observation': ['down', 'peer', 'up'],
  kata: ['down', 'peer'],
  'coaching-the-coach': ['down'],
};

/** Rules that tie fields together; each returns the field at fault and why. */
const CROSS_FIELD: { [K in EntityKind]?: (record: EntityMap[K]) => [string, ValueProblem] | undefined } = {
  kpiValues: (v) => {
    if (v.value === undefined && v.met === undefined) return ['value', { code: 'value-or-met' }];
    const expected = kpiValueId(v.kpiId, v.day);
    return v.id === expected ? undefined : ['id', { code: 'id-not-derived', expected }];
  },
  attendance: (a) => {
    const expected = attendanceId(a.unitId, a.day, a.personId, a.shiftId);
    return a.id === expected ? undefined : ['id', { code: 'id-not-derived', expected }];
  },
  coachingSessions: (s) => {
    if (s.anonymous && s.coachId !== undefined) return ['coachId', { code: 'coach-in-anonymous' }];
    if (s.anonymous && s.direction !== 'up') return ['anonymous', { code: 'anonymous-not-up' }];
    if (!s.anonymous && s.coachId === undefined) return ['coachId', { code: 'coach-required' }];
    if (s.coachId === s.learnerId) return ['learnerId', { code: 'learner-is-coach' }];
    if (!DIRECTIONS_OF_KIND[s.kind].includes(s.direction)) return ['direction', { code: 'kind-not-this-way', kind: s.kind, direction: s.direction }];
    return undefined;
  },
  coachingPairs: (p) => {
    if (p.coachId === p.learnerId) return ['learnerId', { code: 'learner-is-coach' }];
    if (!DIRECTIONS_OF_KIND[p.kind].includes(p.direction)) return ['direction', { code: 'kind-not-this-way', kind: p.kind, direction: p.direction }];
    return undefined;
  },
  feedback: (f) => (f.anonymous && f.personId !== undefined ? ['personId', { code: 'person-in-anonymous' }] : undefined),
  escalations: (e) => (e.fromUnitId === e.toUnitId ? ['toUnitId', { code: 'same-board' }] : undefined),
};

/** Throws a ValidationError naming the first bad field; returns the record typed when valid. */
export function validateRecord<K extends EntityKind>(kind: K, value: unknown): EntityMap[K] {
  const problem = firstProblem({ ...base, ...SCHEMAS[kind] }, value);
  if (problem) throw new ValidationError(kind, problem.field, problem.problem);
  const record = value as EntityMap[K];
  const cross = (CROSS_FIELD[kind] as ((r: EntityMap[K]) => [string, ValueProblem] | undefined) | undefined)?.(record);
  if (cross) throw new ValidationError(kind, cross[0], cross[1]);
  return record;
}

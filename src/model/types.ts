/**
 * Entity types of the Leaders Coaching Leaders system (see DOMAIN.md).
 *
 * Every stored record is sync-ready: a string id, ISO timestamps, and soft delete via
 * `deletedAt` instead of removal, so that a later sync can replay what happened.
 */
import type { Day } from './dates.js';

export interface RecordBase {
  id: string;
  /** ISO timestamp set by the store on first write. */
  createdAt: string;
  /** ISO timestamp set by the store on every write. */
  updatedAt: string;
  /** ISO timestamp of a soft delete (retire); absent while the record is live. */
  deletedAt?: string;
}

/** Labels for one tier of the cascade, in the organisation's own words. */
export interface TierLabels {
  /** What a board of this tier is called: "Team", "Area", "Unit", "Hospital". */
  unit: string;
  /** Who runs a board of this tier: "Team leader", "Charge nurse". */
  leader: string;
}

export interface OrgSettings extends RecordBase {
  name: string;
  /** BCP 47 tag used for dates and numbers, e.g. `en-GB`, `de`. */
  locale: string;
  /** Tier 1 (the front line) first. */
  tiers: TierLabels[];
  /** What a team member (no leading role) is called: "Operator", "Nurse". */
  memberLabel: string;
  /**
   * Who reads a coaching conversation's words besides its coach and learner (see visibility.ts):
   * nobody ('pair', the default) or also the learner's line above ('pair-and-line').
   */
  coachingWordsReadBy?: CoachingWordsReaders;
  /**
   * What "where the cascade is broken" says on a shared screen: how many of each gap ('counts',
   * the default), the roles of the people in them ('roles'), or their names ('names').
   */
  cascadeGapsOnSharedScreens?: SharedCascadeGaps;
  /** How many months a coaching conversation keeps its words; after that only that it happened and its score stay. None: kept. */
  coachingWordsKeptMonths?: number;
}

/** How a shared screen names the people in the cascade's gaps; counts unless the organisation chose otherwise. */
export const SHARED_CASCADE_GAPS = ['counts', 'roles', 'names'] as const;
export type SharedCascadeGaps = (typeof SHARED_CASCADE_GAPS)[number];

/** The organisation's choice of who reads coaching conversations' words; private to the pair unless it chose otherwise. */
export const COACHING_WORDS_READERS = ['pair', 'pair-and-line'] as const;
export type CoachingWordsReaders = (typeof COACHING_WORDS_READERS)[number];

/** A board: a team, area or plant in the tier tree. */
export interface Unit extends RecordBase {
  name: string;
  /** 1 = front-line team board; higher tiers have larger numbers. */
  tier: number;
  /** The board this one escalates to; absent only at the top of the tree. */
  parentId?: string;
  /** When the board's daily huddle is due, local time `HH:MM`; a huddle is on time within 5 minutes of it. */
  huddleAt?: string;
  /** The days of the week the board works, 1 = Monday ... 7 = Sunday. Absent: its parent's; at the top, every day. */
  workingDays?: number[];
  /** Days it does not work though the week says so (holidays, shutdowns); a board's apply to every board below it. */
  closedDays?: Day[];
  /** The site's time zone (IANA, e.g. `Europe/Berlin`). Absent: its parent's; at the top, the screen's own. */
  timeZone?: string;
  /**
   * The board's huddles of a day, one per shift (early, late, night), each at its time and run
   * by its shift leader. Absent: one huddle a day at `huddleAt`, run by the board's leader.
   */
  shifts?: Shift[];
}

/** One shift's daily huddle on a board. */
export interface Shift {
  /** Stable within the board: huddles and attendance name the shift by it. */
  id: string;
  name: string;
  /** When its huddle is due, `HH:MM` on the site's clock. */
  at: string;
  /** Who runs it: a shift leader, a charge nurse. */
  leaderId?: string;
}

export type PersonRole = 'member' | 'leader';

export interface Person extends RecordBase {
  name: string;
  unitId: string;
  /** A leader runs the board of `unitId`; their title comes from the tier's labels. */
  role: PersonRole;
  /** Their e-mail address: signing in with the organisation's identity provider finds them by it. */
  email?: string;
  /** Their id at the identity provider (its `sub`), when the e-mail is not enough to find them. */
  externalId?: string;
  /** May change the set-up, make tokens and read the audit trail once signed in. */
  admin?: boolean;
}

export const KPI_CATEGORIES = ['S', 'Q', 'D', 'C', 'P', 'custom'] as const;
export type KpiCategory = (typeof KPI_CATEGORIES)[number];

export interface Kpi extends RecordBase {
  unitId: string;
  name: string;
  category: KpiCategory;
  /** Unit of measure shown beside values: "%", "incidents", "min". */
  measure: string;
  target: number;
  betterWhen: 'higher' | 'lower';
  /**
   * How far past the target on the bad side a value is still amber rather than red,
   * in the KPI's measure. Absent means no amber: a day is met or missed.
   */
  amberBand?: number;
  /** A parent board shows this KPI rolled up from the boards below: their KPIs of the same category, measure and aggregate. */
  rollup?: boolean;
  /**
   * How its values add up over a week or month, and across boards in a roll-up: 'mean' (a rate,
   * a percentage; the default), 'sum' (a count: incidents, units shipped) or 'last' (a level:
   * a backlog, beds free). Unlike measures are never averaged together.
   */
  aggregate?: KpiAggregate;
}

export const KPI_AGGREGATES = ['mean', 'sum', 'last'] as const;
export type KpiAggregate = (typeof KPI_AGGREGATES)[number];

/** One KPI's result for one day: a number, or a plain met / missed. */
export interface KpiValue extends RecordBase {
  kpiId: string;
  day: Day;
  value?: number;
  met?: boolean;
}

export const ACTION_STATUSES = ['open', 'doing', 'done', 'blocked'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Action extends RecordBase {
  unitId: string;
  title: string;
  ownerId?: string;
  due?: Day;
  status: ActionStatus;
  /** When the status last became `done`; done items leave the board a day later. */
  doneAt?: string;
  /** The huddle where the action was raised. */
  huddleId?: string;
  /** Set when the action was escalated to the parent board. */
  escalationId?: string;
}

export const ESCALATION_STATES = ['open', 'accepted', 'resolved', 'returned'] as const;
export type EscalationState = (typeof ESCALATION_STATES)[number];

/** A problem a board cannot solve, sent to its parent board; the sender keeps seeing it. */
export interface Escalation extends RecordBase {
  fromUnitId: string;
  toUnitId: string;
  title: string;
  reason: string;
  actionId?: string;
  state: EscalationState;
  /** The parent's answer when it resolves or returns the escalation. */
  resolution?: string;
  stateChangedAt: string;
}

/** An improvement experiment (PDCA / kata storyboard). */
export interface Experiment extends RecordBase {
  unitId: string;
  title: string;
  targetCondition: string;
  actualCondition: string;
  obstacle: string;
  nextStep: string;
  expectation: string;
  result: string;
  learning: string;
  status: 'active' | 'closed';
}

export const RESOURCE_KINDS = ['people', 'equipment', 'supplies', 'information'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** A gap found in "plan to win today" and who closes it. */
export interface ResourceNeed extends RecordBase {
  unitId: string;
  day: Day;
  kind: ResourceKind;
  description: string;
  ownerId?: string;
  closed: boolean;
}

export const ATTENDANCE_STATES = ['present', 'absent', 'excused'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export interface Attendance extends RecordBase {
  unitId: string;
  day: Day;
  personId: string;
  state: AttendanceState;
  /** The shift's huddle it was taken at, on a board with shifts. */
  shiftId?: string;
}

export const AGENDA_PARTS = ['reflect', 'plan', 'improve'] as const;
export type AgendaPart = (typeof AGENDA_PARTS)[number];

export interface Huddle extends RecordBase {
  unitId: string;
  day: Day;
  startedAt: string;
  endedAt?: string;
  /** Seconds spent in each agenda part, filled as the huddle moves on. */
  partSeconds: Record<AgendaPart, number>;
  /** Which shift's huddle it was, on a board with shifts (absent: its first shift). */
  shiftId?: string;
}

/** Kudos to a person, or to the whole team when `personId` is absent. */
export interface Recognition extends RecordBase {
  unitId: string;
  day: Day;
  personId?: string;
  text: string;
}

export const COACHING_KINDS = ['huddle-observation', 'kata', 'coaching-the-coach'] as const;
export type CoachingKind = (typeof COACHING_KINDS)[number];
export const COACHING_DIRECTIONS = ['down', 'peer', 'up'] as const;
export type CoachingDirection = (typeof COACHING_DIRECTIONS)[number];

/** A behaviour rating: 0 not seen, 1 partly, 2 consistently. */
export type Rating = 0 | 1 | 2;

export const KATA_QUESTIONS = ['targetCondition', 'actualCondition', 'reflection', 'obstacle', 'nextStep', 'goSee'] as const;
export type KataQuestion = (typeof KATA_QUESTIONS)[number];

/** One coaching conversation between a coach and a learner. */
export interface CoachingSession extends RecordBase {
  kind: CoachingKind;
  direction: CoachingDirection;
  /**
   * Who coached. Never stored for an anonymous session, so no view, export or event
   * can reveal the author to the receiver.
   */
  coachId?: string;
  learnerId: string;
  anonymous: boolean;
  day: Day;
  /** Checklist template and the version it had when this session was rated. */
  templateId?: string;
  templateVersion?: number;
  /** Behaviour id -> rating. */
  ratings: Record<string, Rating>;
  /** Kata answers, by question. */
  answers?: Partial<Record<KataQuestion, string>>;
  wentWell: string;
  evenBetter: string;
  focus: string;
  followUpDate?: Day;
  huddleId?: string;
  /** The conversation this one follows up, so a thread can be read. */
  previousSessionId?: string;
}

/** A standing coaching relationship with its cadence. */
export interface CoachingPair extends RecordBase {
  coachId: string;
  learnerId: string;
  kind: CoachingKind;
  direction: CoachingDirection;
  /** A session is expected at least every this many days (from `cadenceFrom`). */
  cadenceDays: number;
  /** The day the pair began: its cadence is judged from here on. Absent: the day it was created. */
  since?: Day;
  /** The day `cadenceDays` applies from, when it was changed after the pair began. */
  cadenceFrom?: Day;
  /** The cadences before, oldest first, each from its day until the next one's. */
  earlierCadences?: CadencePeriod[];
}

/** A cadence that applied from a day until the next one did. */
export interface CadencePeriod {
  from: Day;
  days: number;
}

export interface Behaviour {
  id: string;
  label: string;
  /** Retired behaviours are no longer asked but keep old sessions' ratings readable. */
  retired?: boolean;
}

export interface BehaviourGroup {
  id: string;
  label: string;
  behaviours: Behaviour[];
}

export interface ChecklistTemplate extends RecordBase {
  kind: CoachingKind;
  name: string;
  version: number;
  groups: BehaviourGroup[];
}

export const SAFETY_STAGES = ['inclusion', 'learner', 'contributor', 'challenger'] as const;
export type SafetyStage = (typeof SAFETY_STAGES)[number];
export const FEEDBACK_SUBJECTS = ['huddle', 'coaching', 'safety'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];

/** One answer to a pulse: 1-5, anonymous by default. */
export interface Feedback extends RecordBase {
  subject: FeedbackSubject;
  unitId: string;
  day: Day;
  score: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  anonymous: boolean;
  /** Only stored when the person chose to sign their answer. */
  personId?: string;
  /** The huddle or coaching session the pulse was about. */
  subjectId?: string;
  /** For psychological-safety items: the stage and item asked. */
  stage?: SafetyStage;
  itemId?: string;
  /**
   * Who answered, as a pseudonym that says nothing about them: random, kept by the device the
   * answer came from and new each week, so a threshold can count people rather than answers
   * (see feedback.ts). None from a shared screen, where one device is many people.
   */
  respondent?: string;
}

/** "You said, we did": a leader's visible answer to a feedback comment. */
export interface FeedbackResponse extends RecordBase {
  feedbackId: string;
  unitId: string;
  text: string;
  responderId?: string;
}

/** Every kind of record the store keeps, by the name of its collection. */
export interface EntityMap {
  org: OrgSettings;
  units: Unit;
  people: Person;
  kpis: Kpi;
  kpiValues: KpiValue;
  actions: Action;
  escalations: Escalation;
  experiments: Experiment;
  resourceNeeds: ResourceNeed;
  attendance: Attendance;
  huddles: Huddle;
  recognitions: Recognition;
  coachingSessions: CoachingSession;
  coachingPairs: CoachingPair;
  checklists: ChecklistTemplate;
  feedback: Feedback;
  feedbackResponses: FeedbackResponse;
}

export type EntityKind = keyof EntityMap;
export type AnyRecord = EntityMap[EntityKind];

export const ENTITY_KINDS = [
  'org',
  'units',
  'people',
  'kpis',
  'kpiValues',
  'actions',
  'escalations',
  'experiments',
  'resourceNeeds',
  'attendance',
  'huddles',
  'recognitions',
  'coachingSessions',
  'coachingPairs',
  'checklists',
  'feedback',
  'feedbackResponses',
] as const satisfies readonly EntityKind[];

/** The fields a caller supplies; the store stamps the rest. */
export type Draft<T extends RecordBase> = Omit<T, keyof RecordBase> & { id?: string };

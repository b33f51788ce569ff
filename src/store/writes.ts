/**
 * The one door for writes: one method per user intent. The rules of each (what is stored,
 * stamped, refused) are the model's (src/model/write-rules.ts); a store reads what a rule
 * needs, calls it and persists the records it returns, all or nothing. Invalid input rejects
 * with a ValidationError naming the field, a refused write with a WriteRefused saying why.
 */
import type {
  Action,
  ActionStatus,
  AgendaPart,
  Attendance,
  AttendanceState,
  ChecklistTemplate,
  CoachingPair,
  CoachingSession,
  Day,
  Draft,
  EntityKind,
  Escalation,
  EscalationState,
  Experiment,
  Feedback,
  FeedbackResponse,
  Huddle,
  Kpi,
  KpiValue,
  OrgSettings,
  Person,
  Recognition,
  RecordBase,
  ResourceNeed,
  Unit,
} from '../model/index.js';
import type { NewAction, NewChecklist, NewFeedback, Patch } from '../model/write-rules.js';

export type { Patch, NewAction, NewFeedback, NewChecklist } from '../model/write-rules.js';
export type NewCoachingSession = Draft<CoachingSession>;

export interface StoreWrites {
  saveOrgSettings(settings: Omit<OrgSettings, keyof RecordBase>): Promise<OrgSettings>;

  createUnit(draft: Draft<Unit>): Promise<Unit>;
  updateUnit(id: string, patch: Patch<Unit>): Promise<Unit>;
  createPerson(draft: Draft<Person>): Promise<Person>;
  /** Adds many people (e.g. from an HR file) and their coaching pairs together, or nothing. */
  addPeople(people: Draft<Person>[], pairs: Draft<CoachingPair>[]): Promise<Person[]>;
  updatePerson(id: string, patch: Patch<Person>): Promise<Person>;
  createKpi(draft: Draft<Kpi>): Promise<Kpi>;
  updateKpi(id: string, patch: Patch<Kpi>): Promise<Kpi>;
  /** One value per KPI and day: recording again replaces the day's value. */
  recordKpiValue(kpiId: string, day: Day, result: { value: number } | { met: boolean }): Promise<KpiValue>;

  createAction(draft: NewAction): Promise<Action>;
  /** Changes only the fields given, on the latest stored version (another tab's edits to other fields survive). */
  updateAction(id: string, patch: Patch<Action>): Promise<Action>;
  setActionStatus(id: string, status: ActionStatus): Promise<Action>;
  /** Sends the action to its board's parent board and links the two. */
  escalateAction(actionId: string, reason: string): Promise<Escalation>;
  setEscalationState(id: string, state: EscalationState, resolution?: string): Promise<Escalation>;

  saveExperiment(draft: Draft<Experiment>): Promise<Experiment>;
  addResourceNeed(draft: Omit<Draft<ResourceNeed>, 'closed'>): Promise<ResourceNeed>;
  setResourceNeedClosed(id: string, closed: boolean): Promise<ResourceNeed>;
  /** One state per person, board and day (and shift, on a board with shifts). */
  recordAttendance(unitId: string, day: Day, personId: string, state: AttendanceState, shiftId?: string): Promise<Attendance>;
  /** Starts today's huddle of the board, or of one of its shifts. */
  startHuddle(unitId: string, shiftId?: string): Promise<Huddle>;
  /** Stores the time spent per agenda part so far; `end` closes the huddle. */
  recordHuddleTime(id: string, partSeconds: Record<AgendaPart, number>, end: boolean): Promise<Huddle>;
  addRecognition(draft: Draft<Recognition>): Promise<Recognition>;

  saveCoachingSession(draft: NewCoachingSession): Promise<CoachingSession>;
  saveCoachingPair(draft: Draft<CoachingPair>): Promise<CoachingPair>;
  /** Saves several pairs (e.g. the proposed default cascade) together, or none. */
  saveCoachingPairs(drafts: Draft<CoachingPair>[]): Promise<CoachingPair[]>;
  /**
   * Saves a checklist as a new version; sessions keep the version they were rated on.
   * `basedOnVersion` is the version that was edited (e.g. the shipped one, never stored), so
   * the new version is numbered after it.
   */
  saveChecklist(draft: NewChecklist): Promise<ChecklistTemplate>;
  submitFeedback(draft: NewFeedback): Promise<Feedback>;
  /** Several answers (e.g. one per safety stage) stored together or not at all. */
  submitSurvey(drafts: NewFeedback[]): Promise<Feedback[]>;
  /** Adds the optional comment to an answer just given. */
  commentOnFeedback(id: string, comment: string): Promise<Feedback>;
  respondToFeedback(feedbackId: string, text: string, responderId?: string): Promise<FeedbackResponse>;

  /** Soft delete: the record leaves live views but stays in history and exports. */
  retire(kind: EntityKind, id: string): Promise<void>;

  /**
   * A person's right to erasure (see the model's `erasePersonWrites`): their name becomes a
   * pseudonym, the conversations they were in lose their words, their signed answers their
   * name; every figure stays. Resolves to how many records changed. A synced device asks its
   * server instead: the words are the server's to remove from every device.
   */
  erasePerson(personId: string): Promise<number>;
  /** Retention: conversations older than the organisation keeps words lose them; resolves to how many. */
  forgetOldWords(): Promise<number>;
}

/** The name of every write intent, for a store that forwards them (the default store on demand). */
export const WRITE_INTENTS = [
  'saveOrgSettings',
  'createUnit',
  'updateUnit',
  'createPerson',
  'addPeople',
  'updatePerson',
  'createKpi',
  'updateKpi',
  'recordKpiValue',
  'createAction',
  'updateAction',
  'setActionStatus',
  'escalateAction',
  'setEscalationState',
  'saveExperiment',
  'addResourceNeed',
  'setResourceNeedClosed',
  'recordAttendance',
  'startHuddle',
  'recordHuddleTime',
  'addRecognition',
  'saveCoachingSession',
  'saveCoachingPair',
  'saveCoachingPairs',
  'saveChecklist',
  'submitFeedback',
  'submitSurvey',
  'commentOnFeedback',
  'respondToFeedback',
  'retire',
  'erasePerson',
  'forgetOldWords',
] as const satisfies readonly (keyof StoreWrites)[];

// An intent added to StoreWrites and not to the list fails to compile here.
true satisfies Exclude<keyof StoreWrites, (typeof WRITE_INTENTS)[number]> extends never ? true : false;

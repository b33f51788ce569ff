/**
 * The rules of every write, as pure functions: given the records an intent touches and the
 * intent, the records to write - or the refusal, as data (`WriteRefused`, `ValidationError`).
 * The IndexedDB store, a host's own store (examples/fetch-store.js) and the sync server all
 * call these, so they cannot drift; a store only reads what a rule needs and persists what it
 * returns. Nothing here reads storage, the clock or a random source: the caller passes the
 * time, the day and new ids in a `WriteContext`, so a rule gives the same answer everywhere.
 */
import { describeProblem, wordWhenRead, type WriteProblem } from './problems.js';
import type { Day } from './dates.js';
import { cleanTexts } from './schema.js';
import type {
  Action,
  ActionStatus,
  AgendaPart,
  AnyRecord,
  AttendanceState,
  ChecklistTemplate,
  CoachingSession,
  Draft,
  EntityKind,
  EntityMap,
  Escalation,
  EscalationState,
  Feedback,
  FeedbackResponse,
  Huddle,
  KpiValue,
  RecordBase,
  Unit,
} from './types.js';
import { attendanceId, kpiValueId } from './record-ids.js';
import { validateRecord } from './validation.js';

/** What a rule may not find out for itself. */
export interface WriteContext {
  /** The time of the write, as an ISO timestamp. */
  now: string;
  /** The local day of the write ("today" on the board). */
  today: Day;
  newId(): string;
}

/** A write the domain refuses, given the records it touches; nothing of it is stored. */
export class WriteRefused extends Error {
  override readonly name = 'WriteRefused';
  constructor(readonly problem: WriteProblem) {
    super();
    wordWhenRead(this, () => describeProblem(problem));
  }
}

/** Fields to change; a field given as `undefined` is cleared (e.g. unassigning an owner). */
export type Patch<T extends RecordBase> = Partial<Omit<T, keyof RecordBase>>;

/** One record to store; with `before`, it replaces that version. */
export interface RecordWrite<K extends EntityKind = EntityKind> {
  kind: K;
  before?: EntityMap[K];
  after: EntityMap[K];
}

/** Records store no `undefined` fields (IndexedDB would keep the key; JSON would drop it). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Text as meant (see `cleanText`), then checked: throws a ValidationError naming the field. */
function checked<K extends EntityKind>(kind: K, record: EntityMap[K]): EntityMap[K] {
  const clean = cleanTexts(record);
  validateRecord(kind, clean);
  return clean;
}

/**
 * A new record from a draft, or - when the draft's id exists (`before`) - its replacement,
 * keeping the creation time.
 */
export function created<K extends EntityKind>(kind: K, draft: Draft<EntityMap[K]>, before: EntityMap[K] | undefined, context: WriteContext): RecordWrite<K> {
  const after = {
    ...withoutUndefined(draft),
    id: draft.id ?? context.newId(),
    createdAt: before?.createdAt ?? context.now,
    updatedAt: context.now,
  } as unknown as EntityMap[K];
  return { kind, ...(before ? { before } : {}), after: checked(kind, after) };
}

/** The stored version with only the patched fields changed, so edits made elsewhere to other fields survive. */
export function patched<K extends EntityKind>(kind: K, before: EntityMap[K], patch: Patch<EntityMap[K]>, context: WriteContext): RecordWrite<K> {
  const next: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'id' || field === 'createdAt') continue;
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  next['updatedAt'] = context.now;
  return { kind, before, after: checked(kind, next as unknown as EntityMap[K]) };
}

export type NewAction = Omit<Draft<Action>, 'status' | 'doneAt' | 'escalationId'> & { status?: ActionStatus };
export type NewFeedback = Omit<Draft<Feedback>, 'day'> & { day?: Day };

/** A new action is open unless said otherwise. */
export function actionDraft(draft: NewAction): Draft<Action> {
  return { ...draft, status: draft.status ?? 'open' };
}

/** A status change stamps when the action was done, and clears it when it is reopened. */
export function actionStatusPatch(current: Action, status: ActionStatus, context: WriteContext): Patch<Action> {
  if (current.status === status) return {};
  return { status, doneAt: status === 'done' ? context.now : undefined };
}

/**
 * Sends an action to the parent board of its own board, and links the two. Refused when the
 * action is already escalated and that escalation is not resolved, or when its board has no
 * parent. `current` is the action's present escalation, if it has one.
 */
export function escalation(
  action: Action,
  board: Unit,
  current: Escalation | undefined,
  reason: string,
  context: WriteContext,
): [RecordWrite<'escalations'>, RecordWrite<'actions'>] {
  if (current && current.state !== 'resolved') throw new WriteRefused({ code: 'already-escalated' });
  if (!board.parentId) throw new WriteRefused({ code: 'no-parent-board', board: board.name });
  const sent = created(
    'escalations',
    { fromUnitId: board.id, toUnitId: board.parentId, title: action.title, reason, actionId: action.id, state: 'open', stateChangedAt: context.now },
    undefined,
    context,
  );
  return [sent, patched('actions', action, { escalationId: sent.after.id }, context)];
}

/** True when an action can be sent up now (what the board offers as "escalate"). */
export function canEscalate(action: Action, board: Unit | undefined, current: Escalation | undefined): boolean {
  return Boolean(board?.parentId) && (!current || current.state === 'resolved') && action.status !== 'done';
}

/** A state change keeps the time of the last real change, so "open for N days" stays true. */
export function escalationStatePatch(current: Escalation, state: EscalationState, resolution: string | undefined, context: WriteContext): Patch<Escalation> {
  return {
    state,
    stateChangedAt: current.state === state ? current.stateChangedAt : context.now,
    ...(resolution !== undefined ? { resolution } : {}),
  };
}

export function kpiValueDraft(kpiId: string, day: Day, result: { value: number } | { met: boolean }): Draft<KpiValue> {
  return { id: kpiValueId(kpiId, day), kpiId, day, ...result };
}

export function attendanceDraft(unitId: string, day: Day, personId: string, state: AttendanceState, shiftId?: string): Draft<EntityMap['attendance']> {
  return { id: attendanceId(unitId, day, personId, shiftId), unitId, day, personId, state, ...(shiftId ? { shiftId } : {}) };
}

/** A huddle (of a shift, on a board with shifts) starts today, now, with no time spent yet. */
export function huddleDraft(unitId: string, context: WriteContext, shiftId?: string): Draft<Huddle> {
  return { unitId, day: context.today, startedAt: context.now, partSeconds: { reflect: 0, plan: 0, improve: 0 }, ...(shiftId ? { shiftId } : {}) };
}

export function huddleTimePatch(partSeconds: Record<AgendaPart, number>, end: boolean, context: WriteContext): Patch<Huddle> {
  return end ? { partSeconds, endedAt: context.now } : { partSeconds };
}

/** An answer without a day is today's. */
export function feedbackDraft(draft: NewFeedback, context: WriteContext): Draft<Feedback> {
  return { ...draft, day: draft.day ?? context.today };
}

/** "You said, we did": a response on the board the feedback was given on. */
export function feedbackResponse(feedback: Feedback, text: string, responderId: string | undefined, context: WriteContext): RecordWrite<'feedbackResponses'> {
  const draft: Draft<FeedbackResponse> = { feedbackId: feedback.id, unitId: feedback.unitId, text, ...(responderId ? { responderId } : {}) };
  return created('feedbackResponses', draft, undefined, context);
}

export type NewChecklist = Omit<Draft<ChecklistTemplate>, 'version'> & { basedOnVersion?: number };

/**
 * A checklist saved as a new version, numbered after both the stored one and the one that was
 * edited (the shipped default is never stored), so sessions keep the version they were rated on.
 */
export function checklistVersion(
  { basedOnVersion, ...draft }: NewChecklist,
  before: ChecklistTemplate | undefined,
  context: WriteContext,
): RecordWrite<'checklists'> {
  const version = Math.max(before?.version ?? 0, basedOnVersion ?? 0) + 1;
  return created('checklists', { ...draft, version }, before, context);
}

/** Finds a stored record, for rules that look at records other than the one written. */
export type RecordLookup = <K extends EntityKind>(kind: K, id: string) => Promise<EntityMap[K] | undefined>;

/**
 * Rules every stored version of a record keeps, whoever wrote it: the sync server checks each
 * pushed record with these after `validateRecord`. Only rules that concurrent offline edits
 * cannot break belong here - "already escalated" is decided by the device that escalates
 * (`escalation`), since two screens may both send the same action up before either syncs, and
 * refusing the second would leave that screen's writes stuck for ever.
 */
export async function recordRuleProblem<K extends EntityKind>(
  kind: K,
  before: EntityMap[K] | undefined,
  after: EntityMap[K],
  lookup: RecordLookup,
): Promise<{ field: string; problem: WriteProblem } | undefined> {
  if (kind === 'escalations' && !before) {
    // An escalation goes to the parent of the board that sends it.
    const sent = after as Escalation;
    const from = await lookup('units', sent.fromUnitId);
    if (from && !from.parentId) return { field: 'toUnitId', problem: { code: 'no-parent-board', board: from.name } };
    if (from?.parentId && from.parentId !== sent.toUnitId) return { field: 'toUnitId', problem: { code: 'not-parent-board', expected: from.parentId } };
  }
  return undefined;
}

/** Who makes a write, as the server knows it from the token - never from the record. */
export interface Author {
  /** The person the token belongs to; absent for a wall screen or a phone link. */
  personId?: string;
}

/**
 * Rules on who may write a record, given its author: a coaching conversation's coach is the
 * person who records it, and only its coach changes it later. An anonymous conversation names
 * no coach, so it binds no one (and nothing records who sent it).
 */
export function authorProblem<K extends EntityKind>(
  kind: K,
  before: EntityMap[K] | undefined,
  after: EntityMap[K],
  author: Author,
): { field: string; problem: WriteProblem } | undefined {
  if (kind !== 'coachingSessions') return undefined;
  const was = before as CoachingSession | undefined;
  const now = after as CoachingSession;
  if (was && !was.anonymous && was.coachId !== author.personId)
    return { field: 'coachId', problem: { code: 'not-own-conversation', coach: was.coachId ?? '' } };
  if (!now.anonymous && now.coachId !== author.personId) {
    return { field: 'coachId', problem: author.personId ? { code: 'not-the-author', author: author.personId } : { code: 'no-author' } };
  }
  return undefined;
}

/** A record that must never be tied to whoever sent it: an anonymous answer or coaching conversation. */
export function isAnonymous<K extends EntityKind>(kind: K, record: EntityMap[K]): boolean {
  return (kind === 'feedback' || kind === 'coachingSessions') && (record as Feedback | CoachingSession).anonymous === true;
}

/** Soft delete: the record leaves live views but stays in history and exports. */
export function retirePatch(context: WriteContext): Patch<AnyRecord> {
  return { deletedAt: context.now } as Patch<AnyRecord>;
}

/**
 * The write intents of the store contract over any storage that can store a batch of records
 * all or nothing. Each intent reads what its rule needs, asks the model's rule
 * (src/model/write-rules.ts) what to store or why not, and hands the records it returns to
 * `transact`. A store - IndexedDB (`IdbHuddleStore`), a host's REST API
 * (examples/fetch-store.js) - implements `transact` and its reads, and persists; it decides
 * nothing about what a write means.
 */
import {
  actionDraft,
  actionStatusPatch,
  attendanceDraft,
  calendarOf,
  checklistVersion,
  created,
  erasePersonWrites,
  escalation,
  escalationStatePatch,
  feedbackDraft,
  feedbackResponse,
  huddleDraft,
  huddleTimePatch,
  kpiValueDraft,
  pairSaved,
  patched,
  PERSONAL_KINDS,
  retirePatch,
  retentionWrites,
  siteDay,
  type Action,
  type ActionStatus,
  type AgendaPart,
  type AnyRecord,
  type Day,
  type Draft,
  type EntityKind,
  type EntityMap,
  type EscalationState,
  type NewAction,
  type NewChecklist,
  type NewFeedback,
  type Patch,
  type PersonalRecords,
  type RecordBase,
  type RecordWrite,
  type WriteContext,
} from '../model/index.js';
import { StorageError } from './errors.js';
import { newId, nowIso } from './ids.js';
import type { Query } from './contract.js';
import { allOf, orgSettings, personalRecords } from './queries.js';
import type { NewCoachingSession, StoreWrites } from './writes.js';

/** What a rule may read inside a batch: the stored version of a record, if any. */
export interface WriteBatch {
  find<K extends EntityKind>(kind: K, id: string | undefined): Promise<EntityMap[K] | undefined>;
}

/** Decides a batch from what is stored: the records to write, or a thrown refusal. */
export type Decide = (batch: WriteBatch, context: WriteContext) => Promise<RecordWrite[]>;

export abstract class WriteIntents implements StoreWrites {
  /** The day the store considers "today" (local time). */
  abstract today(): Day;
  /** Runs a query once (the person-wide intents read lists before they decide). */
  abstract get<T>(query: Query<T>): Promise<T>;

  /**
   * Runs `decide` against the stored records of `kinds` and stores every record it returns,
   * all or nothing: if `decide` or storing throws, nothing of the batch is stored. Resolves to
   * the records stored, in the order `decide` returned them. `scrubsQueued`: the batch removes
   * words or a name, from the changes still queued for a server too.
   */
  protected abstract transact(kinds: readonly EntityKind[], decide: Decide, options?: { scrubsQueued?: boolean }): Promise<AnyRecord[]>;

  /** The time, day and id source the model's write rules are given. */
  protected writeContext(): WriteContext {
    return { now: nowIso(), today: this.today(), newId };
  }

  async #one<K extends EntityKind>(kinds: readonly EntityKind[], decide: Decide): Promise<EntityMap[K]> {
    const [record] = await this.transact(kinds, decide);
    return record as EntityMap[K];
  }

  /** Creates each record, or replaces it (keeping its creation time) when its id exists. */
  #createAll<K extends EntityKind>(kind: K, drafts: readonly Draft<EntityMap[K]>[]): Decide {
    return async (batch, context) => {
      const writes: RecordWrite[] = [];
      for (const draft of drafts) writes.push(created(kind, draft, await batch.find(kind, draft.id), context));
      return writes;
    };
  }

  #save<K extends EntityKind>(kind: K, draft: Draft<EntityMap[K]>): Promise<EntityMap[K]> {
    return this.#one([kind], this.#createAll(kind, [draft]));
  }

  async #saveAll<K extends EntityKind>(kind: K, drafts: readonly Draft<EntityMap[K]>[]): Promise<EntityMap[K][]> {
    return (await this.transact([kind], this.#createAll(kind, drafts))) as EntityMap[K][];
  }

  /** Applies a patch (or the patch a rule makes of the stored version) to the stored version. */
  #patch<K extends EntityKind>(
    kind: K,
    id: string,
    patch: Patch<EntityMap[K]> | ((current: EntityMap[K], context: WriteContext) => Patch<EntityMap[K]>),
  ): Promise<EntityMap[K]> {
    return this.#one([kind], async (batch, context) => {
      const before = await current(batch, kind, id);
      return [patched(kind, before, typeof patch === 'function' ? patch(before, context) : patch, context)];
    });
  }

  saveOrgSettings(settings: Omit<EntityMap['org'], keyof RecordBase>) {
    return this.#save('org', { ...settings, id: 'org' });
  }
  createUnit(draft: Draft<EntityMap['units']>) {
    return this.#save('units', draft);
  }
  updateUnit(id: string, patch: Patch<EntityMap['units']>) {
    return this.#patch('units', id, patch);
  }
  createPerson(draft: Draft<EntityMap['people']>) {
    return this.#save('people', draft);
  }
  async addPeople(people: Draft<EntityMap['people']>[], pairs: Draft<EntityMap['coachingPairs']>[]) {
    const stored = await this.transact(['people', 'coachingPairs'], async (batch, context) => [
      ...(await this.#createAll('people', people)(batch, context)),
      ...(await this.#createAll('coachingPairs', pairs)(batch, context)),
    ]);
    return stored.slice(0, people.length) as EntityMap['people'][];
  }
  updatePerson(id: string, patch: Patch<EntityMap['people']>) {
    return this.#patch('people', id, patch);
  }
  createKpi(draft: Draft<EntityMap['kpis']>) {
    return this.#save('kpis', draft);
  }
  updateKpi(id: string, patch: Patch<EntityMap['kpis']>) {
    return this.#patch('kpis', id, patch);
  }
  recordKpiValue(kpiId: string, day: Day, result: { value: number } | { met: boolean }) {
    return this.#save('kpiValues', kpiValueDraft(kpiId, day, result));
  }

  createAction(draft: NewAction) {
    return this.#save('actions', actionDraft(draft));
  }
  updateAction(id: string, patch: Patch<Action>) {
    return this.#patch('actions', id, patch);
  }
  setActionStatus(id: string, status: ActionStatus) {
    return this.#patch('actions', id, (current, context) => actionStatusPatch(current, status, context));
  }
  escalateAction(actionId: string, reason: string) {
    return this.#one<'escalations'>(['actions', 'units', 'escalations'], async (batch, context) => {
      const action = await current(batch, 'actions', actionId);
      const board = await current(batch, 'units', action.unitId);
      return escalation(action, board, await batch.find('escalations', action.escalationId), reason, context);
    });
  }
  setEscalationState(id: string, state: EscalationState, resolution?: string) {
    return this.#patch('escalations', id, (current, context) => escalationStatePatch(current, state, resolution, context));
  }

  saveExperiment(draft: Draft<EntityMap['experiments']>) {
    return this.#save('experiments', draft);
  }
  addResourceNeed(draft: Omit<Draft<EntityMap['resourceNeeds']>, 'closed'>) {
    return this.#save('resourceNeeds', { ...draft, closed: false });
  }
  setResourceNeedClosed(id: string, closed: boolean) {
    return this.#patch('resourceNeeds', id, { closed });
  }
  recordAttendance(unitId: string, day: Day, personId: string, state: EntityMap['attendance']['state'], shiftId?: string) {
    return this.#save('attendance', attendanceDraft(unitId, day, personId, state, shiftId));
  }
  async startHuddle(unitId: string, shiftId?: string) {
    // The huddle's day is the site's: a night huddle at a site ahead of the screen is its own day's.
    const calendar = calendarOf(unitId, await this.get(allOf('units')));
    const context = this.writeContext();
    return this.#save('huddles', huddleDraft(unitId, { ...context, today: siteDay(calendar, context.now, context.today) }, shiftId));
  }
  recordHuddleTime(id: string, partSeconds: Record<AgendaPart, number>, end: boolean) {
    return this.#patch('huddles', id, (_current, context) => huddleTimePatch(partSeconds, end, context));
  }
  addRecognition(draft: Draft<EntityMap['recognitions']>) {
    return this.#save('recognitions', draft);
  }

  saveCoachingSession(draft: NewCoachingSession) {
    return this.#save('coachingSessions', draft);
  }
  saveCoachingPair(draft: Draft<EntityMap['coachingPairs']>) {
    return this.#one<'coachingPairs'>(['coachingPairs'], pairsSaved([draft]));
  }
  async saveCoachingPairs(drafts: Draft<EntityMap['coachingPairs']>[]) {
    return (await this.transact(['coachingPairs'], pairsSaved(drafts))) as EntityMap['coachingPairs'][];
  }
  saveChecklist(draft: NewChecklist) {
    return this.#one<'checklists'>(['checklists'], async (batch, context) => [checklistVersion(draft, await batch.find('checklists', draft.id), context)]);
  }

  submitFeedback(draft: NewFeedback) {
    return this.#save('feedback', feedbackDraft(draft, this.writeContext()));
  }
  submitSurvey(drafts: NewFeedback[]) {
    const context = this.writeContext();
    return this.#saveAll(
      'feedback',
      drafts.map((draft) => feedbackDraft(draft, context)),
    );
  }
  commentOnFeedback(id: string, comment: string) {
    return this.#patch('feedback', id, { comment });
  }
  respondToFeedback(feedbackId: string, text: string, responderId?: string) {
    return this.#one<'feedbackResponses'>(['feedback', 'feedbackResponses'], async (batch, context) => [
      feedbackResponse(await current(batch, 'feedback', feedbackId), text, responderId, context),
    ]);
  }

  async retire(kind: EntityKind, id: string): Promise<void> {
    await this.#patch(kind, id, (_current, context) => retirePatch(context));
  }

  async erasePerson(personId: string): Promise<number> {
    const listed = await this.get(personalRecords());
    const stored = await this.transact(
      PERSONAL_KINDS,
      async (batch, context) => {
        // Decided on the versions inside the batch, so an edit made meanwhile is erased too.
        const fresh = await latestVersions(batch, listed);
        const writes = erasePersonWrites(personId, fresh, context);
        if (writes.length === 0) throw new StorageError('not-found', `people ${personId}`);
        return writes;
      },
      { scrubsQueued: true },
    );
    return stored.length;
  }

  async forgetOldWords(): Promise<number> {
    const org = await this.get(orgSettings());
    const sessions = await this.get(allOf('coachingSessions', { includeRetired: true }));
    const stored = await this.transact(
      ['coachingSessions'],
      async (batch, context) => retentionWrites(org, await latestOf(batch, 'coachingSessions', sessions), context),
      { scrubsQueued: true },
    );
    return stored.length;
  }
}

/** Pairs as saved (see the model's pairSaved: when a pair began, and from when a changed cadence applies). */
function pairsSaved(drafts: readonly Draft<EntityMap['coachingPairs']>[]): Decide {
  return async (batch, context) => {
    const writes: RecordWrite[] = [];
    for (const draft of drafts) {
      const before = await batch.find('coachingPairs', draft.id);
      writes.push(created('coachingPairs', pairSaved(draft, before, context.today), before, context));
    }
    return writes;
  };
}

/** The batch's version of each listed record (one removed meanwhile drops out). */
async function latestOf<K extends EntityKind>(batch: WriteBatch, kind: K, listed: readonly EntityMap[K][]): Promise<EntityMap[K][]> {
  const found = await Promise.all(listed.map((record) => batch.find(kind, record.id)));
  return found.filter((record) => record !== undefined);
}

/** The batch's version of every record a person's data may be in. */
async function latestVersions(batch: WriteBatch, listed: PersonalRecords): Promise<PersonalRecords> {
  const entries = await Promise.all(PERSONAL_KINDS.map(async (kind) => [kind, await latestOf(batch, kind, listed[kind])] as const));
  return Object.fromEntries(entries) as unknown as PersonalRecords;
}

/** The stored version of a record an intent changes; a missing one refuses the write. */
async function current<K extends EntityKind>(batch: WriteBatch, kind: K, id: string): Promise<EntityMap[K]> {
  const record = await batch.find(kind, id);
  if (!record) throw new StorageError('not-found', `${kind} ${id}`);
  return record;
}

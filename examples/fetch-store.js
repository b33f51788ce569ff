/**
 * A HuddleStore backed by an intranet's own REST API, in plain JavaScript: the elements read
 * and write through it exactly as through the package's IndexedDB store, and nothing is kept
 * in the browser. It implements the whole contract (src/store/contract.ts and writes.ts): the
 * two reads, `today`, and every write intent.
 *
 * The host API it assumes is two calls:
 *   GET  {base}/records  -> { actions: [...], units: [...], ... } every record, by kind
 *   POST {base}/batch    <- [{ kind, record }, ...] stored all or nothing; 400 {error} if not
 * Every intent runs the package's own write rules (huddle-elements/model: what a write stores,
 * stamps or refuses, with the text cleaned and every field checked), so this store only
 * fetches and persists: a bad field or a refused write gives the same error as the built-in store.
 */
import {
  ENTITY_KINDS,
  actionDraft,
  actionStatusPatch,
  attendanceDraft,
  checklistVersion,
  created,
  escalation,
  escalationStatePatch,
  feedbackDraft,
  feedbackResponse,
  huddleDraft,
  huddleTimePatch,
  kpiValueDraft,
  localDay,
  patched,
  retirePatch,
} from 'huddle-elements/model/index.js';
import { affectsQuery } from 'huddle-elements/store/contract.js';

const newId = () => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export class FetchHuddleStore {
  #base;
  #records = new Map();
  #watchers = new Set();
  #loaded;

  constructor(base) {
    this.#base = base.replace(/\/+$/, '');
    this.#loaded = this.#load();
  }

  async #load() {
    const response = await fetch(`${this.#base}/records`, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`The intranet's huddle API answered ${response.status}.`);
    const data = await response.json();
    for (const kind of ENTITY_KINDS) this.#records.set(kind, new Map((data[kind] ?? []).map((record) => [record.id, record])));
  }

  // ------------------------------------------------------------------ reads

  today() {
    return localDay();
  }

  #reader = {
    all: async (kind) => [...this.#records.get(kind).values()],
    by: async (kind, field, value) => [...this.#records.get(kind).values()].filter((record) => record[field] === value),
    get: async (kind, id) => this.#records.get(kind).get(id),
  };

  async get(query) {
    await this.#loaded;
    return query.run(this.#reader);
  }

  watch(
    query,
    onResult,
    onError = (error) =>
      queueMicrotask(() => {
        throw error;
      }),
  ) {
    const watcher = { query, onResult, onError, stopped: false };
    this.#watchers.add(watcher);
    this.#run(watcher);
    return () => {
      watcher.stopped = true;
      this.#watchers.delete(watcher);
    };
  }

  #run(watcher) {
    this.get(watcher.query).then(
      (result) => watcher.stopped || watcher.onResult(result),
      (error) => watcher.stopped || watcher.onError(error),
    );
  }

  // ------------------------------------------------------------------ the write path

  /** What the package's write rules are given: the time, today, and new ids. */
  #context() {
    return { now: new Date().toISOString(), today: this.today(), newId };
  }

  /**
   * Sends the records a rule returned (already cleaned and checked) as one batch, then updates
   * the local copy and the watchers they concern.
   */
  async #commit(writes) {
    const body = writes.map(({ kind, after }) => ({ kind, record: after }));
    const response = await fetch(`${this.#base}/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      throw new Error(answer.error ?? `The intranet's huddle API refused the change (${response.status}).`);
    }
    for (const { kind, after } of writes) this.#records.get(kind).set(after.id, after);
    for (const watcher of this.#watchers) if (affectsQuery(watcher.query, writes)) this.#run(watcher);
    return writes.map(({ after }) => after);
  }

  #find(kind, id) {
    return id === undefined ? undefined : this.#records.get(kind).get(id);
  }

  async #current(kind, id) {
    await this.#loaded;
    const record = this.#find(kind, id);
    if (!record) throw new Error(`${kind} ${id} does not exist.`);
    return record;
  }

  async #saveAll(entries) {
    await this.#loaded;
    const context = this.#context();
    return this.#commit(entries.map(([kind, draft]) => created(kind, draft, this.#find(kind, draft.id), context)));
  }

  async #save(kind, draft) {
    return (await this.#saveAll([[kind, draft]]))[0];
  }

  /** Changes only the given fields of the current record (undefined clears one); `patch` may be a rule. */
  async #patch(kind, id, patch) {
    const current = await this.#current(kind, id);
    const context = this.#context();
    const fields = typeof patch === 'function' ? patch(current, context) : patch;
    return (await this.#commit([patched(kind, current, fields, context)]))[0];
  }

  // ------------------------------------------------------------------ intents: the rules are the package's

  saveOrgSettings(settings) {
    return this.#save('org', { ...settings, id: 'org' });
  }
  createUnit(draft) {
    return this.#save('units', draft);
  }
  updateUnit(id, patch) {
    return this.#patch('units', id, patch);
  }
  createPerson(draft) {
    return this.#save('people', draft);
  }
  async addPeople(people, pairs) {
    const saved = await this.#saveAll([...people.map((p) => ['people', p]), ...pairs.map((p) => ['coachingPairs', p])]);
    return saved.slice(0, people.length);
  }
  updatePerson(id, patch) {
    return this.#patch('people', id, patch);
  }
  createKpi(draft) {
    return this.#save('kpis', draft);
  }
  updateKpi(id, patch) {
    return this.#patch('kpis', id, patch);
  }
  recordKpiValue(kpiId, day, result) {
    return this.#save('kpiValues', kpiValueDraft(kpiId, day, result));
  }
  createAction(draft) {
    return this.#save('actions', actionDraft(draft));
  }
  updateAction(id, patch) {
    return this.#patch('actions', id, patch);
  }
  setActionStatus(id, status) {
    return this.#patch('actions', id, (current, context) => actionStatusPatch(current, status, context));
  }
  async escalateAction(actionId, reason) {
    const action = await this.#current('actions', actionId);
    const board = await this.#current('units', action.unitId);
    const writes = escalation(action, board, this.#find('escalations', action.escalationId), reason, this.#context());
    return (await this.#commit(writes))[0];
  }
  setEscalationState(id, state, resolution) {
    return this.#patch('escalations', id, (current, context) => escalationStatePatch(current, state, resolution, context));
  }
  saveExperiment(draft) {
    return this.#save('experiments', draft);
  }
  addResourceNeed(draft) {
    return this.#save('resourceNeeds', { ...draft, closed: false });
  }
  setResourceNeedClosed(id, closed) {
    return this.#patch('resourceNeeds', id, { closed });
  }
  recordAttendance(unitId, day, personId, state) {
    return this.#save('attendance', attendanceDraft(unitId, day, personId, state));
  }
  startHuddle(unitId) {
    return this.#save('huddles', huddleDraft(unitId, this.#context()));
  }
  recordHuddleTime(id, partSeconds, end) {
    return this.#patch('huddles', id, (_current, context) => huddleTimePatch(partSeconds, end, context));
  }
  addRecognition(draft) {
    return this.#save('recognitions', draft);
  }
  saveCoachingSession(draft) {
    return this.#save('coachingSessions', draft);
  }
  saveCoachingPair(draft) {
    return this.#save('coachingPairs', draft);
  }
  saveCoachingPairs(drafts) {
    return this.#saveAll(drafts.map((d) => ['coachingPairs', d]));
  }
  async saveChecklist(draft) {
    await this.#loaded;
    return (await this.#commit([checklistVersion(draft, this.#find('checklists', draft.id), this.#context())]))[0];
  }
  submitFeedback(draft) {
    return this.#save('feedback', feedbackDraft(draft, this.#context()));
  }
  submitSurvey(drafts) {
    const context = this.#context();
    return this.#saveAll(drafts.map((d) => ['feedback', feedbackDraft(d, context)]));
  }
  commentOnFeedback(id, comment) {
    return this.#patch('feedback', id, { comment });
  }
  async respondToFeedback(feedbackId, text, responderId) {
    const feedback = await this.#current('feedback', feedbackId);
    return (await this.#commit([feedbackResponse(feedback, text, responderId, this.#context())]))[0];
  }
  async retire(kind, id) {
    await this.#patch(kind, id, (_current, context) => retirePatch(context));
  }
}

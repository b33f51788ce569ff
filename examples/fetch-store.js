/**
 * A HuddleStore backed by an intranet's own REST API, in plain JavaScript: the elements read
 * and write through it exactly as through the package's IndexedDB store, and nothing is kept
 * in the browser. It implements the whole contract (src/store/contract.ts and writes.ts): the
 * two reads, `today`, and every write intent.
 *
 * The host API it assumes is two calls:
 *   GET  {base}/records  -> { actions: [...], units: [...], ... } every record, by kind
 *   POST {base}/batch    <- [{ kind, record }, ...] stored all or nothing; 400 {error} if not
 * Records are checked with the package's own rules before they are sent, so a bad field is
 * refused with the same message the built-in store gives.
 */
import { ENTITY_KINDS, cleanTexts, localDay, validateRecord } from 'huddle-elements/model/index.js';
import { affectsQuery } from 'huddle-elements/store/contract.js';

const now = () => new Date().toISOString();
const newId = () => crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
const withoutEmpty = (draft) => Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));

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

  watch(query, onResult, onError = (error) => queueMicrotask(() => { throw error; })) {
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

  /** Cleans and checks, sends one batch, then updates the local copy and the watchers it concerns. */
  async #commit(written) {
    // The package's own rules: text as a person meant it (no control characters), then valid.
    const changes = written.map(({ kind, record }) => ({ kind, record: validateRecord(kind, cleanTexts(record)) }));
    const response = await fetch(`${this.#base}/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(changes) });
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      throw new Error(answer.error ?? `The intranet's huddle API refused the change (${response.status}).`);
    }
    const announced = changes.map(({ kind, record }) => ({ kind, before: this.#records.get(kind).get(record.id), after: record }));
    for (const { kind, record } of changes) this.#records.get(kind).set(record.id, record);
    for (const watcher of this.#watchers) if (affectsQuery(watcher.query, announced)) this.#run(watcher);
    return changes.map(({ record }) => record);
  }

  #stamp(kind, draft) {
    const id = draft.id ?? newId();
    const at = now();
    return { ...withoutEmpty(draft), id, createdAt: this.#records.get(kind).get(id)?.createdAt ?? at, updatedAt: at };
  }

  async #save(kind, draft) {
    await this.#loaded;
    return (await this.#commit([{ kind, record: this.#stamp(kind, draft) }]))[0];
  }

  async #saveAll(entries) {
    await this.#loaded;
    return this.#commit(entries.map(([kind, draft]) => ({ kind, record: this.#stamp(kind, draft) })));
  }

  async #current(kind, id) {
    await this.#loaded;
    const record = this.#records.get(kind).get(id);
    if (!record) throw new Error(`${kind} ${id} does not exist.`);
    return record;
  }

  /** Changes only the given fields of the current record (undefined clears one). */
  async #patch(kind, id, patch) {
    const current = await this.#current(kind, id);
    const fields = typeof patch === 'function' ? patch(current) : patch;
    const next = { ...current };
    for (const [field, value] of Object.entries(fields)) {
      if (field === 'id' || field === 'createdAt') continue;
      if (value === undefined) delete next[field];
      else next[field] = value;
    }
    next.updatedAt = now();
    return (await this.#commit([{ kind, record: next }]))[0];
  }

  // ------------------------------------------------------------------ intents

  saveOrgSettings(settings) { return this.#save('org', { ...settings, id: 'org' }); }
  createUnit(draft) { return this.#save('units', draft); }
  updateUnit(id, patch) { return this.#patch('units', id, patch); }
  createPerson(draft) { return this.#save('people', draft); }
  async addPeople(people, pairs) {
    const saved = await this.#saveAll([...people.map((p) => ['people', p]), ...pairs.map((p) => ['coachingPairs', p])]);
    return saved.slice(0, people.length);
  }
  updatePerson(id, patch) { return this.#patch('people', id, patch); }
  createKpi(draft) { return this.#save('kpis', draft); }
  updateKpi(id, patch) { return this.#patch('kpis', id, patch); }
  recordKpiValue(kpiId, day, result) { return this.#save('kpiValues', { id: `${kpiId}:${day}`, kpiId, day, ...result }); }
  createAction(draft) { return this.#save('actions', { ...draft, status: draft.status ?? 'open' }); }
  updateAction(id, patch) { return this.#patch('actions', id, patch); }
  setActionStatus(id, status) {
    return this.#patch('actions', id, (current) => (current.status === status ? {} : { status, doneAt: status === 'done' ? now() : undefined }));
  }
  async escalateAction(actionId, reason) {
    const action = await this.#current('actions', actionId);
    const unit = await this.#current('units', action.unitId);
    if (!unit.parentId) throw new Error(`Board "${unit.name}" has no parent board to escalate to.`);
    const escalation = this.#stamp('escalations', { fromUnitId: unit.id, toUnitId: unit.parentId, title: action.title, reason, actionId, state: 'open', stateChangedAt: now() });
    await this.#commit([{ kind: 'escalations', record: escalation }, { kind: 'actions', record: { ...action, escalationId: escalation.id, updatedAt: now() } }]);
    return escalation;
  }
  setEscalationState(id, state, resolution) {
    return this.#patch('escalations', id, (current) => ({ state, stateChangedAt: current.state === state ? current.stateChangedAt : now(), ...(resolution !== undefined ? { resolution } : {}) }));
  }
  saveExperiment(draft) { return this.#save('experiments', draft); }
  addResourceNeed(draft) { return this.#save('resourceNeeds', { ...draft, closed: false }); }
  setResourceNeedClosed(id, closed) { return this.#patch('resourceNeeds', id, { closed }); }
  recordAttendance(unitId, day, personId, state) { return this.#save('attendance', { id: `${unitId}:${day}:${personId}`, unitId, day, personId, state }); }
  startHuddle(unitId) { return this.#save('huddles', { unitId, day: this.today(), startedAt: now(), partSeconds: { reflect: 0, plan: 0, improve: 0 } }); }
  recordHuddleTime(id, partSeconds, end) { return this.#patch('huddles', id, end ? { partSeconds, endedAt: now() } : { partSeconds }); }
  addRecognition(draft) { return this.#save('recognitions', draft); }
  saveCoachingSession(draft) { return this.#save('coachingSessions', draft); }
  saveCoachingPair(draft) { return this.#save('coachingPairs', draft); }
  saveCoachingPairs(drafts) { return this.#saveAll(drafts.map((d) => ['coachingPairs', d])); }
  async saveChecklist({ basedOnVersion, ...draft }) {
    await this.#loaded;
    const before = draft.id ? this.#records.get('checklists').get(draft.id) : undefined;
    return this.#save('checklists', { ...draft, version: Math.max(before?.version ?? 0, basedOnVersion ?? 0) + 1 });
  }
  submitFeedback(draft) { return this.#save('feedback', { ...draft, day: draft.day ?? this.today() }); }
  submitSurvey(drafts) { return this.#saveAll(drafts.map((d) => ['feedback', { ...d, day: d.day ?? this.today() }])); }
  commentOnFeedback(id, comment) { return this.#patch('feedback', id, { comment }); }
  async respondToFeedback(feedbackId, text, responderId) {
    const feedback = await this.#current('feedback', feedbackId);
    return this.#save('feedbackResponses', { feedbackId, unitId: feedback.unitId, text, ...(responderId ? { responderId } : {}) });
  }
  async retire(kind, id) { await this.#patch(kind, id, { deletedAt: now() }); }
}

import { expect } from '@open-wc/testing';
import '../helpers/english.js';
import {
  actionStatusPatch,
  canEscalate,
  checklistVersion,
  created,
  escalation,
  escalationStatePatch,
  huddleDraft,
  kpiValueDraft,
  patched,
  recordRuleProblem,
  WriteRefused,
  type RecordLookup,
  type WriteContext,
} from '../../src/model/write-rules.js';
import { ValidationError } from '../../src/model/schema.js';
import { problemText } from '../../src/model/problem-text.js';
import { validateRecord } from '../../src/model/validation.js';
import type { Action, Escalation, Unit } from '../../src/model/types.js';

const NOW = '2026-11-29T08:00:00.000Z';
const LATER = '2026-11-29T09:30:00.000Z';
let counter = 0;
const context = (now = NOW): WriteContext => ({ now, today: '2026-11-29', newId: () => `new-${++counter}` });
const base = { createdAt: NOW, updatedAt: NOW };
const area: Unit = { id: 'area', name: 'Assembly', tier: 2, parentId: 'plant', ...base };
const plant: Unit = { id: 'plant', name: 'Plant', tier: 3, ...base };
const team: Unit = { id: 'team', name: 'Line 1', tier: 1, parentId: 'area', ...base };
const action: Action = { id: 'a1', unitId: 'team', title: 'Forklift brakes', status: 'open', ...base };
const refusalOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WriteRefused) return error.problem;
    throw error;
  }
  throw new Error('expected a WriteRefused');
};

describe('model: write rules (pure; every store and the server use them)', () => {
  it('a created record gets an id and times; a replaced one keeps its creation time', () => {
    const first = created('units', { name: 'Line 2', tier: 1, parentId: 'area' }, undefined, context());
    expect(first.after).to.include({ name: 'Line 2', createdAt: NOW, updatedAt: NOW });
    expect(first.after.id).to.match(/^new-/);
    const again = created('units', { id: first.after.id, name: 'Line 2b', tier: 1 }, first.after, context(LATER));
    expect(again.after).to.include({ name: 'Line 2b', createdAt: NOW, updatedAt: LATER });
    expect(again.before).to.equal(first.after);
  });

  it('cleans text and refuses an invalid record naming the field, before anything is stored', () => {
    expect(created('actions', { unitId: 'team', title: 'Bell\u0007 here', status: 'open' }, undefined, context()).after.title).to.equal('Bell here');
    expect(() => created('actions', { unitId: 'team', title: ' ', status: 'open' }, undefined, context())).to.throw(ValidationError, 'title must not be empty');
  });

  it('a patch changes only its fields, clears the ones given as undefined, and never the id', () => {
    const owned = { ...action, ownerId: 'p1', due: '2026-12-01' };
    const next = patched('actions', owned, { title: 'Forklift brakes fixed', ownerId: undefined }, context(LATER)).after;
    expect(next).to.include({ id: 'a1', title: 'Forklift brakes fixed', due: '2026-12-01', createdAt: NOW, updatedAt: LATER });
    expect(next).to.not.have.property('ownerId');
  });

  it('done stamps its time and reopening clears it; the same status changes nothing', () => {
    expect(actionStatusPatch(action, 'done', context(LATER))).to.deep.equal({ status: 'done', doneAt: LATER });
    expect(actionStatusPatch({ ...action, status: 'done', doneAt: LATER }, 'doing', context())).to.deep.equal({ status: 'doing', doneAt: undefined });
    expect(actionStatusPatch(action, 'open', context())).to.deep.equal({});
  });

  it('escalation goes to the parent board and links the action; refused twice or without a parent', () => {
    const [sent, linked] = escalation(action, team, undefined, 'Needs budget', context());
    expect(sent.after).to.include({
      fromUnitId: 'team',
      toUnitId: 'area',
      title: 'Forklift brakes',
      reason: 'Needs budget',
      actionId: 'a1',
      state: 'open',
      stateChangedAt: NOW,
    });
    expect(linked.after.escalationId).to.equal(sent.after.id);
    const open = sent.after;
    expect(refusalOf(() => escalation(linked.after, team, open, 'again', context()))).to.deep.equal({ code: 'already-escalated' });
    const resolved: Escalation = { ...open, state: 'resolved' };
    expect(escalation(linked.after, team, resolved, 'came back', context())[0].after.toUnitId).to.equal('area');
    expect(refusalOf(() => escalation({ ...action, unitId: 'plant' }, plant, undefined, 'up?', context()))).to.deep.equal({
      code: 'no-parent-board',
      board: 'Plant',
    });
    expect(problemText({ code: 'no-parent-board', board: 'Plant' })).to.equal('board "Plant" has no parent board to escalate to');
  });

  it('what the board offers as "escalate" follows the same rule', () => {
    expect(canEscalate(action, team, undefined)).to.equal(true);
    expect(canEscalate(action, plant, undefined)).to.equal(false);
    expect(canEscalate({ ...action, status: 'done' }, team, undefined)).to.equal(false);
    const open = escalation(action, team, undefined, 'r', context())[0].after;
    expect(canEscalate(action, team, open)).to.equal(false);
    expect(canEscalate(action, team, { ...open, state: 'resolved' })).to.equal(true);
  });

  it('a state change keeps the time of the last real change', () => {
    const open = escalation(action, team, undefined, 'r', context())[0].after;
    expect(escalationStatePatch(open, 'open', undefined, context(LATER)).stateChangedAt).to.equal(NOW);
    expect(escalationStatePatch(open, 'resolved', 'Brakes replaced', context(LATER))).to.deep.equal({
      state: 'resolved',
      stateChangedAt: LATER,
      resolution: 'Brakes replaced',
    });
  });

  it('one KPI value per KPI and day: the id says which, and a record under another id is refused', () => {
    const value = created('kpiValues', kpiValueDraft('kpi-s', '2026-11-29', { value: 3 }), undefined, context()).after;
    expect(value.id).to.equal('kpi-s:2026-11-29');
    expect(() => validateRecord('kpiValues', { ...value, id: 'my-own-id' })).to.throw(ValidationError, 'id must be "kpi-s:2026-11-29"');
  });

  it('a checklist is saved as the version after both the stored one and the one edited', () => {
    const draft = { kind: 'huddle-observation' as const, name: 'Huddle', groups: [] };
    expect(checklistVersion({ ...draft, basedOnVersion: 3 }, undefined, context()).after.version).to.equal(4);
    const stored = checklistVersion({ ...draft, id: 'c1' }, undefined, context()).after;
    expect(checklistVersion({ ...draft, id: 'c1', basedOnVersion: 1 }, { ...stored, version: 6 }, context()).after.version).to.equal(7);
  });

  it('a huddle starts today, now, with no time spent', () => {
    expect(huddleDraft('team', context())).to.deep.equal({
      unitId: 'team',
      day: '2026-11-29',
      startedAt: NOW,
      partSeconds: { reflect: 0, plan: 0, improve: 0 },
    });
  });

  it("the server's record rule: a new escalation must go to the sender's parent board", async () => {
    const units: Record<string, Unit> = { team, area, plant };
    const lookup: RecordLookup = async (kind, id) => (kind === 'units' ? (units[id] as never) : undefined);
    const sent = escalation(action, team, undefined, 'r', context())[0].after;
    expect(await recordRuleProblem('escalations', undefined, sent, lookup)).to.equal(undefined);
    expect(await recordRuleProblem('escalations', undefined, { ...sent, toUnitId: 'plant' }, lookup)).to.deep.equal({
      field: 'toUnitId',
      problem: { code: 'not-parent-board', expected: 'area' },
    });
    expect(await recordRuleProblem('escalations', undefined, { ...sent, fromUnitId: 'plant', toUnitId: 'area' }, lookup)).to.deep.equal({
      field: 'toUnitId',
      problem: { code: 'no-parent-board', board: 'Plant' },
    });
    // A board moved under another parent later does not make its old escalations invalid.
    expect(await recordRuleProblem('escalations', sent, { ...sent, toUnitId: 'plant', state: 'resolved' }, lookup)).to.equal(undefined);
  });
});

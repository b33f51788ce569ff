import { expect } from '@open-wc/testing';
import '../helpers/english.js';
import { ValidationError } from '../../src/model/schema.js';
import { allOf, recordById, whereEquals } from '../../src/store/queries.js';
import { WriteRefused } from '../../src/model/write-rules.js';
import { clockAt, siteDay } from '../../src/model/calendar.js';
import { deleteTestDatabases, freshStore, rejectionOf, seedSmallOrg } from '../helpers/store.js';

describe('store: writes', () => {
  afterEach(deleteTestDatabases);

  it('stamps id and times, stores the record and one outbox entry', async () => {
    const store = freshStore();
    const { teamA, leader } = await seedSmallOrg(store);
    const action = await store.createAction({ unitId: teamA.id, title: 'Replace worn belt', ownerId: leader.id, due: '2026-11-24' });
    expect(action.id).to.match(/^[0-9a-f-]{36}$/);
    expect(action.status).to.equal('open');
    expect(action.createdAt).to.equal(action.updatedAt);
    expect(await store.get(recordById('actions', action.id))).to.deep.equal(action);
    const outbox = await store.outbox();
    const entry = outbox.at(-1)!;
    expect(entry).to.include({ kind: 'actions', recordId: action.id });
    expect(entry.fields).to.include.members(['title', 'ownerId', 'due', 'status']);
  });

  it('rejects invalid input naming the field, and writes nothing', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const before = (await store.outbox()).length;
    const error = await rejectionOf(store.createAction({ unitId: teamA.id, title: '', due: '2026-11-24' }));
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).field).to.equal('title');
    expect(await store.get(allOf('actions'))).to.have.length(0);
    expect(await store.outbox()).to.have.length(before);
  });

  it('changes only the patched fields, on the latest stored version', async () => {
    const store = freshStore();
    const { teamA, leader } = await seedSmallOrg(store);
    const action = await store.createAction({ unitId: teamA.id, title: 'Order gloves', due: '2026-11-24' });
    const otherTab = freshStore({ name: store.name });
    await otherTab.updateAction(action.id, { ownerId: leader.id });
    await store.updateAction(action.id, { title: 'Order size 9 gloves' });
    const stored = await store.get(recordById('actions', action.id));
    expect(stored).to.include({ title: 'Order size 9 gloves', ownerId: leader.id, due: '2026-11-24' });
    await store.updateAction(action.id, { ownerId: undefined });
    expect(await store.get(recordById('actions', action.id))).to.not.have.property('ownerId');
  });

  it('begins a pair today, and applies a changed cadence from the day it changed, keeping the one before', async () => {
    let today = '2026-10-05';
    const store = freshStore({ today: () => today });
    const { leader, member } = await seedSmallOrg(store);
    const pair = await store.saveCoachingPair({ coachId: leader.id, learnerId: member.id, kind: 'huddle-observation', direction: 'peer', cadenceDays: 7 });
    expect(pair.since).to.equal('2026-10-05');
    today = '2026-11-02';
    const changed = await store.saveCoachingPair({ ...pair, cadenceDays: 28 });
    expect([changed.since, changed.cadenceFrom, changed.earlierCadences]).to.deep.equal(['2026-10-05', '2026-11-02', [{ from: '2026-10-05', days: 7 }]]);
    expect((await store.get(recordById('coachingPairs', pair.id)))!.cadenceDays).to.equal(28);
  });

  it("dates a huddle by its site's clock when the board has a time zone, else by the screen's day", async () => {
    const store = freshStore({ today: () => '2026-11-21' });
    const far = await store.createUnit({ name: 'Kiritimati clinic', tier: 1, timeZone: 'Pacific/Kiritimati' });
    const near = await store.createUnit({ name: 'Here', tier: 1 });
    const there = await store.startHuddle(far.id);
    expect(there.day).to.equal(clockAt(there.startedAt, 'Pacific/Kiritimati').day);
    expect((await store.startHuddle(near.id)).day).to.equal('2026-11-21');
    expect(siteDay({ timeZone: 'Pacific/Kiritimati' }, '2026-11-21T12:00:00Z', '2026-11-21')).to.equal('2026-11-22');
    expect(siteDay({}, '2026-11-21T12:00:00Z', '2026-11-20')).to.equal('2026-11-20');
  });

  it('records done time with the status and clears it when reopened', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const action = await store.createAction({ unitId: teamA.id, title: 'Tidy the 5S shelf' });
    const done = await store.setActionStatus(action.id, 'done');
    expect(done.doneAt).to.be.a('string');
    const reopened = await store.setActionStatus(action.id, 'doing');
    expect(reopened).to.not.have.property('doneAt');
  });

  it('escalates an action to the parent board in one transaction', async () => {
    const store = freshStore();
    const { teamA, area, plant } = await seedSmallOrg(store);
    const action = await store.createAction({ unitId: teamA.id, title: 'Forklift brakes failing' });
    const escalation = await store.escalateAction(action.id, 'Needs maintenance budget');
    expect(escalation).to.include({ fromUnitId: teamA.id, toUnitId: area.id, state: 'open', actionId: action.id });
    expect((await store.get(recordById('actions', action.id)))?.escalationId).to.equal(escalation.id);

    const again = await rejectionOf(store.escalateAction(action.id, 'twice'));
    expect(again).to.be.instanceOf(WriteRefused);
    expect((again as WriteRefused).problem).to.deep.equal({ code: 'already-escalated' });

    const top = await store.createAction({ unitId: plant.id, title: 'Top of the tree' });
    const outboxBefore = (await store.outbox()).length;
    const noParent = await rejectionOf(store.escalateAction(top.id, 'nowhere to go'));
    expect(noParent.message).to.contain('"Plant" has no parent board');
    expect(await store.get(whereEquals('escalations', 'fromUnitId', plant.id))).to.have.length(0);
    expect(await store.outbox()).to.have.length(outboxBefore);
  });

  it('keeps one KPI value and one attendance state per day, the last one recorded', async () => {
    const store = freshStore();
    const { teamA, member } = await seedSmallOrg(store);
    const kpi = await store.createKpi({ unitId: teamA.id, name: 'Injuries', category: 'S', measure: 'incidents', target: 0, betterWhen: 'lower' });
    await store.recordKpiValue(kpi.id, '2026-11-20', { value: 1 });
    await store.recordKpiValue(kpi.id, '2026-11-20', { met: true });
    const values = await store.get(whereEquals('kpiValues', 'kpiId', kpi.id));
    expect(values).to.have.length(1);
    expect(values[0]).to.include({ met: true }).and.not.have.property('value');
    await store.recordAttendance(teamA.id, '2026-11-20', member.id, 'absent');
    await store.recordAttendance(teamA.id, '2026-11-20', member.id, 'excused');
    const attendance = await store.get(whereEquals('attendance', 'unitId', teamA.id));
    expect(attendance.map((a) => a.state)).to.deep.equal(['excused']);
  });

  it('retires with a soft delete: gone from live views, kept in history', async () => {
    const store = freshStore();
    const { teamA, member } = await seedSmallOrg(store);
    await store.retire('people', member.id);
    expect((await store.get(whereEquals('people', 'unitId', teamA.id))).map((p) => p.name)).to.deep.equal(['Ana Leader']);
    const all = await store.get(allOf('people', { includeRetired: true }));
    expect(all.find((p) => p.id === member.id)?.deletedAt).to.be.a('string');
  });

  it('versions checklists and keeps an anonymous author out of the record', async () => {
    const store = freshStore();
    const { leader, member } = await seedSmallOrg(store);
    const v1 = await store.saveChecklist({
      id: 'obs',
      kind: 'huddle-observation',
      name: 'Observation',
      groups: [{ id: 'g', label: 'Setting', behaviours: [{ id: 'b1', label: 'Board visible' }] }],
    });
    const v2 = await store.saveChecklist({ ...v1, groups: [{ id: 'g', label: 'Setting', behaviours: [{ id: 'b1', label: 'Board visible', retired: true }] }] });
    expect([v1.version, v2.version]).to.deep.equal([1, 2]);
    const session = await store.saveCoachingSession({
      kind: 'huddle-observation',
      direction: 'up',
      anonymous: true,
      learnerId: leader.id,
      day: '2026-11-20',
      ratings: {},
      wentWell: 'Clear target',
      evenBetter: 'Let us try things',
      focus: 'Listen more',
    });
    expect(session).to.not.have.property('coachId');
    const error = await rejectionOf(store.saveCoachingSession({ ...session, id: undefined, coachId: member.id }));
    expect((error as ValidationError).field).to.equal('coachId');
  });
});

import { expect } from '@open-wc/testing';
import '../helpers/english.js';
import { DB_VERSION } from '../../src/store/schema-versions.js';
import { allOf } from '../../src/store/queries.js';
import { ImportError, toExportFile } from '../../src/model/backup-file.js';
import { generateDemoOrganisation } from '../../src/demo/organisation.js';
import { CSV_EXPORTS, csvCell } from '../../src/store/csv.js';
import { V1_RECORDS } from '../fixtures/db-v1.js';
import { deleteTestDatabases, freshStore, rejectionOf, seedSmallOrg } from '../helpers/store.js';
import { exportData, importData } from '../../src/store/whole-database.js';

async function seededStore() {
  const store = freshStore();
  const org = await seedSmallOrg(store);
  const kpi = await store.createKpi({
    unitId: org.teamA.id,
    name: 'First pass yield',
    category: 'Q',
    measure: '%',
    target: 95,
    betterWhen: 'higher',
    amberBand: 2,
  });
  await store.recordKpiValue(kpi.id, '2026-11-20', { value: 93.5 });
  const action = await store.createAction({ unitId: org.teamA.id, title: 'Recalibrate gauge, "quickly"', ownerId: org.member.id, due: '2026-11-23' });
  await store.escalateAction(action.id, 'Needs the metrology lab');
  await store.saveCoachingSession({
    kind: 'huddle-observation',
    direction: 'up',
    anonymous: true,
    learnerId: org.leader.id,
    day: '2026-11-20',
    ratings: {},
    wentWell: 'Listened',
    evenBetter: '=HYPERLINK("http://example.invalid")',
    focus: 'One obstacle at a time',
  });
  await store.submitFeedback({ subject: 'huddle', unitId: org.teamA.id, score: 4, comment: 'Shorter, please', anonymous: true, day: '2026-11-20' });
  return { store, ...org };
}

describe('store: export and import', () => {
  afterEach(deleteTestDatabases);

  it('exports the whole database and imports it back identically', async () => {
    const { store } = await seededStore();
    const exported = await exportData(store);
    const copy = freshStore();
    const summary = await importData(copy, JSON.stringify(exported));
    expect(summary).to.include({ units: 4, people: 2, actions: 1, escalations: 1, kpiValues: 1, coachingSessions: 1, feedback: 1 });
    const again = await exportData(copy);
    expect(again.data).to.deep.equal(exported.data);
  });

  it('upgrades records of a file exported by schema version 1', async () => {
    const store = freshStore();
    await importData(store, { format: 'huddle-elements', schemaVersion: 1, exportedAt: '2026-08-03T08:00:00.000Z', data: V1_RECORDS });
    const [session] = await store.get(allOf('coachingSessions'));
    expect(session).to.include({ id: 'cs-1', direction: 'down' });
  });

  const badFiles: [string, unknown, RegExp][] = [
    ['not JSON', '{"format": "huddle-elements", ', /not valid JSON/],
    ['another format', { format: 'trello', data: {} }, /not a huddle-elements export/],
    [
      'a newer schema',
      { format: 'huddle-elements', schemaVersion: 99, data: {} },
      new RegExp(`newer version \\(schema 99; this app reads up to ${DB_VERSION}\\)`),
    ],
    ['an unknown collection', { format: 'huddle-elements', schemaVersion: 2, data: { tasks: [] } }, /unknown collection "tasks"/],
  ];
  for (const [what, file, message] of badFiles) {
    it(`rejects ${what} with a message that says so, changing nothing`, async () => {
      const { store } = await seededStore();
      const before = await exportData(store);
      const error = await rejectionOf(importData(store, file));
      expect(error).to.be.instanceOf(ImportError);
      expect(error.message).to.match(message);
      expect((await exportData(store)).data).to.deep.equal(before.data);
    });
  }

  it('rejects a partly invalid file whole, naming the first bad record and field', async () => {
    const { store } = await seededStore();
    const before = await exportData(store);
    const file = structuredClone(before);
    const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
    file.data.actions.push(
      { id: 'ok-1', unitId: 'u', title: 'Fine', status: 'open', ...stamp },
      { id: 'bad-1', unitId: 'u', title: 'Due date typed by hand', status: 'open', due: '31/11/2026', ...stamp },
      { id: 'bad-2', unitId: 'u', title: '', status: 'open', ...stamp },
    );
    const error = await rejectionOf(importData(store, file));
    expect(error.message).to.equal('actions record 3 (id "bad-1"): due must be a date written YYYY-MM-DD.');
    expect((error as ImportError).location).to.equal('actions[2].due');
    expect((await exportData(store)).data).to.deep.equal(before.data);
  });

  it('a disk that fills up half-way through a restore leaves everything as it was', async () => {
    const { store } = await seededStore();
    const before = await exportData(store);
    const file = toExportFile(generateDemoOrganisation({ today: '2026-11-21' }));
    // The restore writes its records in short steps: the disk refuses a write three quarters of
    // the way (counted on a restore of the same file into a new database), well past the first step.
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    let refuseAt = Infinity;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (++puts === refuseAt) throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let error: unknown;
    try {
      await importData(freshStore(), file);
      [refuseAt, puts] = [Math.floor((puts * 3) / 4), 0];
      error = await rejectionOf(importData(store, file));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(refuseAt, 'a restore of many writes').to.be.above(100);
    expect(puts, 'the refusal came three quarters of the way').to.equal(refuseAt);
    expect((error as Error).message).to.match(/full|space|quota/i);
    expect((await exportData(store)).data, 'nothing half-written').to.deep.equal(before.data);
  });

  it('rejects a file that uses one id twice', async () => {
    const { store } = await seededStore();
    const file = await exportData(store);
    file.data.people.push({ ...file.data.people[0]! });
    const error = await rejectionOf(importData(freshStore(), file));
    expect(error.message).to.match(/^people record 3 \(id "[^"]+"\): the id is used twice/);
  });
});

describe('store: CSV export', () => {
  afterEach(deleteTestDatabases);

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell('a, "b"')).to.equal('"a, ""b"""');
    expect(csvCell('=SUM(A1:A9)')).to.equal("'=SUM(A1:A9)");
    expect(csvCell('-2+3')).to.equal("'-2+3");
    expect(csvCell(-2)).to.equal('-2');
    expect(csvCell('line\nbreak')).to.equal('"line\nbreak"');
  });

  it('writes actions, KPI values, coaching and feedback with names, and no anonymous author', async () => {
    const { store } = await seededStore();
    const { data } = await exportData(store);
    const actions = CSV_EXPORTS.actions(data).split('\r\n');
    expect(actions[0]).to.equal('id,board,title,owner,due,status,created,done,escalated,deleted');
    expect(actions[1]).to.contain(',Line 1,"Recalibrate gauge, ""quickly""",Ben Member,2026-11-23,open,');
    expect(actions[1]).to.contain(',yes,');
    expect(CSV_EXPORTS.kpiValues(data)).to.contain('Line 1,First pass yield,Q,2026-11-20,93.5,%,95,,amber');
    const coaching = CSV_EXPORTS.coachingSessions(data);
    expect(coaching).to.contain(',huddle-observation,up,anonymous,Ana Leader,');
    expect(coaching).to.contain(`"'=HYPERLINK(""http://example.invalid"")"`);
    const feedback = CSV_EXPORTS.feedback(data).split('\r\n');
    expect(feedback[0]).to.equal('week,board,subject,stage,answers,people,mean score,comments');
    expect(feedback[1], 'one answer: counted, no figure, no comment').to.match(/^2026-11-\d\d,Line 1,huddle,,1,1,fewer than 5 people,$/);
  });

  it('exports feedback per week and board: a four-person team shows no figure and no answer; five show the mean and the comments', async () => {
    const { store, teamA } = await seededStore();
    for (const [score, comment] of [
      [4, 'Good pace'],
      [2, undefined],
      [5, undefined],
      [3, 'Too long'],
    ] as const)
      await store.submitFeedback({ subject: 'huddle', unitId: teamA.id, day: '2026-11-11', score, anonymous: true, ...(comment ? { comment } : {}) });
    const four = CSV_EXPORTS.feedback((await exportData(store)).data);
    expect(four, 'no individual answer, no day').to.not.contain('Good pace').and.not.contain('Too long').and.not.contain('2026-11-11');
    expect(four).to.contain('2026-11-09,Line 1,huddle,,4,4,fewer than 5 people,');
    await store.submitFeedback({ subject: 'huddle', unitId: teamA.id, day: '2026-11-12', score: 1, anonymous: true, comment: '=cmd' });
    const five = CSV_EXPORTS.feedback((await exportData(store)).data);
    expect(five).to.contain(`2026-11-09,Line 1,huddle,,5,5,3,'=cmd | Good pace | Too long`);
  });
});

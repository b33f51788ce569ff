import { expect } from '@open-wc/testing';
import {
  DATED_BY,
  FIRST_SCREEN_BELOW,
  boardScope,
  boardsUnder,
  firstScreenSources,
  historyDay,
  inBoardScope,
  personalScope,
  recentFrom,
  type AnyRecord,
  type EntityKind,
  type Kpi,
  type Unit,
} from '../../src/model/index.js';

const units = [
  { id: 'plant' },
  { id: 'assembly', parentId: 'plant' },
  { id: 'line-1', parentId: 'assembly' },
  { id: 'line-2', parentId: 'assembly' },
  { id: 'packing', parentId: 'plant' },
  { id: 'shipping', parentId: 'packing' },
];
const TODAY = '2026-11-30';
const record = (fields: Record<string, unknown>) => ({ id: 'r', createdAt: '', updatedAt: '', ...fields }) as unknown as AnyRecord;
const find = {
  boardOfKpi: (kpiId: string) => ({ 'kpi-line-1': 'line-1', 'kpi-packing': 'packing' })[kpiId],
  boardOfPerson: (personId: string) =>
    ({
      manager: 'plant',
      supervisor: 'assembly',
      'packing-supervisor': 'packing',
      'line-1-leader': 'line-1',
      'line-2-leader': 'line-2',
      'shipping-leader': 'shipping',
    })[personId],
};
const line1 = boardScope('line-1', units, TODAY);
const holds = (kind: EntityKind, fields: Record<string, unknown>, scope = line1) => inBoardScope(kind, record(fields), scope, find);

describe("model: what a board's screen holds", () => {
  it('a board and every board below it; its line is every board above it', () => {
    expect([...boardsUnder('assembly', units)].sort()).to.deep.equal(['assembly', 'line-1', 'line-2']);
    expect([...boardsUnder('line-1', units)]).to.deep.equal(['line-1']);
    expect(boardsUnder('plant', units).size).to.equal(6);
    expect([...line1.line]).to.deep.equal(['assembly', 'plant']);
    expect(boardScope('plant', units, TODAY).line.size, 'the top has no line').to.equal(0);
    expect(
      [
        ...boardScope(
          'a',
          [
            { id: 'a', parentId: 'b' },
            { id: 'b', parentId: 'a' },
          ],
          TODAY,
        ).line,
      ],
      'a loop in the tree ends',
    ).to.deep.equal(['b']);
  });

  it("its boards' records, escalations from or to them, its KPIs' values, and the organisation's frame", () => {
    expect(holds('actions', { unitId: 'line-1' })).to.equal(true);
    expect(holds('actions', { unitId: 'line-2' }), "a sister team's action").to.equal(false);
    expect(holds('actions', { unitId: 'assembly' }), "the area's own action").to.equal(false);
    expect(holds('feedback', { unitId: 'packing' }), "another area's answers").to.equal(false);
    expect(holds('escalations', { fromUnitId: 'line-1', toUnitId: 'assembly' }), 'sent up').to.equal(true);
    expect(holds('escalations', { fromUnitId: 'line-2', toUnitId: 'assembly' }), "a sister's").to.equal(false);
    expect(holds('escalations', { fromUnitId: 'line-1', toUnitId: 'assembly' }, boardScope('assembly', units, TODAY)), 'received').to.equal(true);
    expect(holds('kpiValues', { kpiId: 'kpi-line-1' })).to.equal(true);
    expect(holds('kpiValues', { kpiId: 'kpi-packing' })).to.equal(false);
    expect(holds('kpiValues', { kpiId: 'unknown' }), 'a value of a KPI not known').to.equal(false);
    for (const kind of ['org', 'checklists'] as const) expect(holds(kind, { unitId: 'packing' }), kind).to.equal(true);
    expect(holds('kpiValues', { kpiId: 'kpi-line-1' }, boardScope('assembly', units, TODAY)), "an area's wall rolls up its teams").to.equal(true);
  });

  it('of the daily records, the last year and a bit: what its trend by month shows', () => {
    expect(line1.since).to.equal('2025-10-26');
    for (const kind of ['kpiValues', 'huddles', 'feedback', 'attendance'] as const) {
      const fields = { kpiId: 'kpi-line-1', unitId: 'line-1' };
      expect(holds(kind, { ...fields, day: '2025-10-26' }), `${kind} of the first day kept`).to.equal(true);
      expect(holds(kind, { ...fields, day: '2025-10-25' }), `${kind} of the day before`).to.equal(false);
    }
    expect(holds('actions', { unitId: 'line-1', due: '2020-01-01' }), 'an old action stays').to.equal(true);
    expect(
      holds('coachingSessions', { coachId: 'supervisor', learnerId: 'line-1-leader', day: '2020-01-01' }),
      'an old conversation stays (the cadence counts from the first)',
    ).to.equal(true);
  });

  it('the boards, people and conversations of its boards and of its line, not of the rest of the organisation', () => {
    const unit = (id: string) => inBoardScope('units', { ...record({}), id } as AnyRecord, line1, find);
    expect(['plant', 'assembly', 'line-1', 'line-2', 'packing'].map(unit), 'its board and the boards above it, not the others').to.deep.equal([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(holds('people', { unitId: 'line-1' }), 'its team').to.equal(true);
    expect(holds('people', { unitId: 'assembly' }), 'its supervisor, above it').to.equal(true);
    expect(holds('people', { unitId: 'plant' }), 'the manager, at the top of its line').to.equal(true);
    expect(holds('people', { unitId: 'line-2' }), "a sister team's people").to.equal(false);
    expect(holds('people', { unitId: 'packing' }), "another area's").to.equal(false);
    const session = (coachId: string, learnerId: string) => ({ coachId, learnerId });
    expect(holds('coachingSessions', session('supervisor', 'line-1-leader')), 'its leader coached').to.equal(true);
    expect(holds('coachingSessions', session('manager', 'supervisor')), 'its supervisor coached: the cascade above it').to.equal(true);
    expect(holds('coachingSessions', session('supervisor', 'line-2-leader')), "a sister team's leader coached").to.equal(false);
    expect(holds('coachingSessions', session('manager', 'packing-supervisor')), "another area's supervisor coached").to.equal(false);
    expect(holds('coachingPairs', session('line-1-leader', 'line-2-leader')), 'its leader coaching a peer').to.equal(true);
    expect(holds('coachingSessions', { learnerId: 'supervisor', anonymous: true }), 'coaching up, anonymous').to.equal(true);
    expect(holds('coachingSessions', session('packing-supervisor', 'shipping-leader'), boardScope('plant', units, TODAY)), 'the top holds every one').to.equal(
      true,
    );
  });

  it("a person's own device: their board's scope and the boards of the people they coach elsewhere", () => {
    const supervisor = personalScope(boardScope('packing', units, TODAY), ['line-1']);
    expect([...supervisor.boards].sort(), 'their area, its teams, and the peer they coach').to.deep.equal(['line-1', 'packing', 'shipping']);
    expect([...supervisor.line]).to.deep.equal(['plant']);
    expect(holds('actions', { unitId: 'line-1' }, supervisor), "the peer's board, whose huddle they observe").to.equal(true);
    expect(holds('actions', { unitId: 'line-2' }, supervisor), 'a board of the other area').to.equal(false);
    expect(holds('coachingSessions', { coachId: 'supervisor', learnerId: 'line-2-leader' }, supervisor), "the other area's conversations").to.equal(false);
  });
});

describe('recent first: what a new screen receives before it is ready', () => {
  it('starts at the first of the month its calendars show', () => {
    expect(recentFrom('2026-11-30')).to.equal('2026-11-01');
    expect(recentFrom('2026-11-08')).to.equal('2026-11-01');
  });

  it('early in a month, reaches a week back (yesterday, the week) into the month before', () => {
    expect(recentFrom('2026-12-02')).to.equal('2026-11-25');
    expect(recentFrom('2027-01-01')).to.equal('2026-12-25');
  });

  it('dates daily records and conversations by their day', () => {
    for (const kind of ['kpiValues', 'huddles', 'feedback', 'attendance', 'coachingSessions'] as const) {
      expect(historyDay(kind, record({ day: '2026-03-04' })), kind).to.equal('2026-03-04');
    }
  });

  it('dates a done action by the day it was done; an open one, however old, is always recent', () => {
    expect(historyDay('actions', record({ status: 'done', doneAt: '2026-03-04T10:00:00.000Z', due: '2026-03-01' }))).to.equal('2026-03-04');
    expect(historyDay('actions', record({ status: 'open', due: '2025-01-01' }))).to.equal(undefined);
  });

  it('never dates the boards, people, KPIs, pairs or escalations: a screen needs them first', () => {
    for (const kind of ['units', 'people', 'kpis', 'coachingPairs', 'escalations', 'org'] as const) {
      expect(historyDay(kind, record({ day: '2020-01-01', stateChangedAt: '2020-01-01T00:00:00.000Z' })), kind).to.equal(undefined);
    }
  });
});

describe("model: what a wall's first screen reads of the boards below", () => {
  const stamp = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
  const unit = (id: string, parentId?: string) => ({ id, name: id, tier: parentId ? 1 : 3, ...(parentId ? { parentId } : {}), ...stamp }) as Unit;
  const kpi = (id: string, unitId: string, category: Kpi['category'], fields: Partial<Kpi> = {}) =>
    ({ id, unitId, name: id, category, measure: '%', target: 95, betterWhen: 'higher', amberBand: 2, ...stamp, ...fields }) as Kpi;
  const tree = [unit('plant'), unit('assembly', 'plant'), unit('line-1', 'assembly'), unit('line-2', 'assembly')];

  it("the results its own roll-ups summarise, through the roll-ups between: not the others, not another board's", () => {
    const kpis = [
      kpi('plant-q', 'plant', 'Q', { rollup: true }),
      kpi('assembly-q', 'assembly', 'Q', { rollup: true }),
      kpi('line-1-q', 'line-1', 'Q'),
      kpi('line-2-q', 'line-2', 'Q'),
      kpi('line-1-c', 'line-1', 'C'),
      kpi('line-2-q-retired', 'line-2', 'Q', { deletedAt: '2026-11-02T08:00:00.000Z' }),
    ];
    expect(firstScreenSources('plant', tree, kpis).sort()).to.deep.equal(['line-1-q', 'line-2-q']);
    expect(firstScreenSources('assembly', tree, kpis).sort()).to.deep.equal(['line-1-q', 'line-2-q']);
    expect(
      firstScreenSources(
        'plant',
        tree,
        kpis.filter((k) => k.id !== 'plant-q'),
      ),
    ).to.deep.equal([]);
  });

  it('its boards and KPIs, which are never dated: the server finds them among what is not dated', () => {
    for (const kind of FIRST_SCREEN_BELOW) expect(DATED_BY[kind], kind).to.equal(undefined);
  });
});

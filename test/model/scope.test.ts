import { expect } from '@open-wc/testing';
import { boardsUnder, inBoardScope, type AnyRecord } from '../../src/model/index.js';

const units = [
  { id: 'plant' },
  { id: 'assembly', parentId: 'plant' },
  { id: 'line-1', parentId: 'assembly' },
  { id: 'line-2', parentId: 'assembly' },
  { id: 'packing', parentId: 'plant' },
];
const record = (fields: Record<string, unknown>) => ({ id: 'r', createdAt: '', updatedAt: '', ...fields }) as unknown as AnyRecord;
const boardOfKpi = (kpiId: string) => ({ 'kpi-line-1': 'line-1', 'kpi-packing': 'packing' })[kpiId];

describe("model: what a board's screen holds", () => {
  it('a board and every board below it', () => {
    expect([...boardsUnder('assembly', units)].sort()).to.deep.equal(['assembly', 'line-1', 'line-2']);
    expect([...boardsUnder('line-1', units)]).to.deep.equal(['line-1']);
    expect(boardsUnder('plant', units).size).to.equal(5);
  });

  it("its boards' records, escalations from or to them, its KPIs' values, and the organisation's frame", () => {
    const line1 = boardsUnder('line-1', units);
    expect(inBoardScope('actions', record({ unitId: 'line-1' }), line1, boardOfKpi)).to.equal(true);
    expect(inBoardScope('actions', record({ unitId: 'line-2' }), line1, boardOfKpi), "a sister team's action").to.equal(false);
    expect(inBoardScope('feedback', record({ unitId: 'packing' }), line1, boardOfKpi), "another area's answers").to.equal(false);
    expect(inBoardScope('escalations', record({ fromUnitId: 'line-1', toUnitId: 'assembly' }), line1, boardOfKpi), 'sent up').to.equal(true);
    expect(inBoardScope('escalations', record({ fromUnitId: 'line-2', toUnitId: 'assembly' }), line1, boardOfKpi), "a sister's").to.equal(false);
    expect(inBoardScope('kpiValues', record({ kpiId: 'kpi-line-1' }), line1, boardOfKpi)).to.equal(true);
    expect(inBoardScope('kpiValues', record({ kpiId: 'kpi-packing' }), line1, boardOfKpi)).to.equal(false);
    expect(inBoardScope('kpiValues', record({ kpiId: 'unknown' }), line1, boardOfKpi), 'a value of a KPI not known').to.equal(false);
    for (const kind of ['org', 'units', 'people', 'checklists', 'coachingPairs', 'coachingSessions'] as const)
      expect(inBoardScope(kind, record({ unitId: 'packing' }), line1, boardOfKpi), kind).to.equal(true);
    expect(
      inBoardScope('kpiValues', record({ kpiId: 'kpi-line-1' }), boardsUnder('assembly', units), boardOfKpi),
      "an area's wall rolls up its teams",
    ).to.equal(true);
  });
});

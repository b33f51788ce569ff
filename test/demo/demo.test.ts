import { expect } from '@open-wc/testing';
import { generateDemoOrganisation, generateHospitalDemo, loadDemoOrganisation } from '../../src/demo/index.js';
import { calendarOf, leaderOf, rollupSources, shiftsOf, teamImpact } from '../../src/model/index.js';
import { addDays, daysBetween } from '../../src/model/dates.js';
import { isOverdue } from '../../src/model/actions.js';
import { pairStatus } from '../../src/model/cadence.js';
import { sessionScoresByWeek } from '../../src/model/observation.js';
import { letterCalendar, statusCounts } from '../../src/model/kpi-status.js';
import type { CoachingSession, Huddle, Kpi, KpiValue, Person, Unit } from '../../src/model/types.js';
import { allOf } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';
import { demoSeed } from '../../src/store/whole-database.js';

const today = '2026-11-21';
const demo = generateDemoOrganisation({ today });

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

function coachingTrend(leaderId: string): { first: number; last: number } {
  const weeks = sessionScoresByWeek(demo.coachingSessions.filter((s: CoachingSession) => s.learnerId === leaderId));
  return { first: mean(weeks.slice(0, 4).map((w) => w.score)), last: mean(weeks.slice(-4).map((w) => w.score)) };
}

function greenShare(unitId: string, from: string, to: string): number {
  const kpis = demo.kpis.filter((k: Kpi) => k.unitId === unitId);
  let green = 0;
  let recorded = 0;
  for (const kpi of kpis) {
    const values = demo.kpiValues.filter((v: KpiValue) => v.kpiId === kpi.id && v.day >= from && v.day <= to);
    for (const month of new Set(values.map((v) => v.day.slice(0, 7)))) {
      const counts = statusCounts(letterCalendar(kpi, values, month, to));
      green += counts.green;
      recorded += counts.green + counts.amber + counts.red;
    }
  }
  return green / recorded;
}

describe('demo organisation', () => {
  afterEach(deleteTestDatabases);

  it('is the same for the same seed and day, and differs for another seed', () => {
    expect(generateDemoOrganisation({ today })).to.deep.equal(demo);
    expect(generateDemoOrganisation({ today, seed: 7 }).people.map((p) => p.name)).to.not.deep.equal(demo.people.map((p) => p.name));
  });

  it('passes every import check and loads into a store', async () => {
    const store = freshStore();
    await loadDemoOrganisation(store, { today });
    expect(await store.get(allOf('units'))).to.have.length(9);
    expect(await demoSeed(store)).to.be.a('number');
  });

  it('has three tiers, six teams with a leader each, and KPIs on every board', () => {
    expect([...new Set(demo.units.map((u) => u.tier))].sort()).to.deep.equal([1, 2, 3]);
    const teams = demo.units.filter((u) => u.tier === 1);
    expect(teams).to.have.length(6);
    for (const team of teams) {
      expect(
        demo.people.filter((p) => p.unitId === team.id && p.role === 'leader'),
        team.name,
      ).to.have.length(1);
      expect(demo.kpis.filter((k) => k.unitId === team.id).map((k) => k.category)).to.deep.equal(['S', 'Q', 'D', 'C', 'P']);
    }
  });

  it('has 90 days of KPI history up to yesterday with good and bad days', () => {
    const days = demo.kpiValues.map((v) => v.day).sort();
    expect(daysBetween(days[0]!, today)).to.be.within(88, 90);
    expect(days.at(-1)).to.equal(addDays(today, -1));
    const line1 = demo.units.find((u) => u.name === 'Line 1')!;
    const share = greenShare(line1.id, addDays(today, -90), addDays(today, -1));
    expect(share).to.be.within(0.4, 0.9);
  });

  it('has open, overdue, done and unassigned actions, and escalations in every state', () => {
    const states = new Set(demo.actions.map((a) => a.status));
    expect([...states].sort()).to.deep.equal(['blocked', 'doing', 'done', 'open']);
    expect(demo.actions.filter((a) => isOverdue(a, today)).length).to.be.greaterThan(3);
    expect(demo.actions.some((a) => a.ownerId === undefined && a.status !== 'done')).to.equal(true);
    expect([...new Set(demo.escalations.map((e) => e.state))].sort()).to.deep.equal(['accepted', 'open', 'resolved', 'returned']);
  });

  it('tells the coaching story: two teams improve, one stays flat, results follow', () => {
    const leader = (team: string) => demo.people.find((p) => p.unitId === demo.units.find((u) => u.name === team)!.id && p.role === 'leader')!.id;
    for (const team of ['Line 1', 'Packing A']) {
      const { first, last } = coachingTrend(leader(team));
      expect(last - first, `${team} coaching scores`).to.be.greaterThan(0.25);
    }
    const flat = coachingTrend(leader('Line 3'));
    expect(Math.abs(flat.last - flat.first), 'Line 3 coaching scores').to.be.lessThan(0.12);
    const sessions = demo.coachingSessions.filter((s) => s.direction === 'down' && s.kind === 'huddle-observation');
    expect(daysBetween(sessions.map((s) => s.day).sort()[0]!, today)).to.be.within(77, 84); // 12 weeks

    const line1 = demo.units.find((u) => u.name === 'Line 1')!.id;
    const early = greenShare(line1, addDays(today, -90), addDays(today, -61));
    const late = greenShare(line1, addDays(today, -30), addDays(today, -1));
    expect(late - early, 'Line 1 share of green days').to.be.greaterThan(0.1);
  });

  it('has a believable cascade: mostly on track, some overdue, one never observed', () => {
    const states = demo.coachingPairs.map((pair) => pairStatus(pair, demo.coachingSessions, today).state);
    expect(states.filter((s) => s === 'never')).to.have.length(1);
    expect(states.filter((s) => s === 'overdue').length).to.be.within(1, 3);
    expect(states.filter((s) => s === 'on-track' || s === 'due').length).to.be.greaterThan(4);
  });

  it('has pulse feedback with comments, answered ones, and anonymous coaching up without an author', () => {
    expect(demo.feedback.filter((f) => f.subject === 'huddle').length).to.be.greaterThan(500);
    expect(new Set(demo.feedback.filter((f) => f.subject === 'safety').map((f) => f.stage)).size).to.equal(4);
    expect(demo.feedbackResponses.length).to.be.greaterThan(0);
    const up = demo.coachingSessions.find((s) => s.direction === 'up')!;
    expect(up.anonymous).to.equal(true);
    expect(up).to.not.have.property('coachId');
  });
});

describe('hospital demo', () => {
  afterEach(deleteTestDatabases);
  const hospital = generateHospitalDemo({ today });

  it('passes every import check and loads into a store in place of the plant', async () => {
    const store = freshStore({ today: () => today });
    await loadDemoOrganisation(store, { today, kind: 'hospital' });
    expect((await store.get(allOf('org')))[0]!.name).to.equal("St Mary's Hospital");
    expect(await store.get(allOf('units'))).to.have.length(6);
  });

  it('has wards working every day with an early, a late and a night huddle, each run by its charge nurse', () => {
    const wards = hospital.units.filter((u: Unit) => u.tier === 1);
    expect(wards.map((u) => u.name)).to.deep.equal(['Ward 3 (Surgery)', 'Ward 4 (Surgery)', 'Ward 7 (Medicine)']);
    for (const ward of wards) {
      expect(calendarOf(ward.id, hospital.units).workingDays.size, ward.name).to.equal(7);
      const shifts = shiftsOf(ward);
      expect(shifts.map((s) => s.name)).to.deep.equal(['Early', 'Late', 'Night']);
      const leaders = shifts.map((s) => hospital.people.find((p: Person) => p.id === s.leaderId));
      expect(leaders.every((p) => p?.unitId === ward.id && p.role === 'leader')).to.equal(true);
      // The ward manager leads the board; the charge nurses run the shifts.
      // Stores list people in id order ("charge" before "manager"): the rule, not the order, picks the manager.
      const inIdOrder = [...hospital.people].sort((a, b) => a.id.localeCompare(b.id));
      expect(leaderOf(inIdOrder, ward.id, ward)!.id).to.equal(`person-${ward.id.slice(5)}-manager`);
      const nights = hospital.huddles.filter((h: Huddle) => h.unitId === ward.id && h.shiftId === 'night');
      expect(nights.length, `${ward.name}: night huddles`).to.be.greaterThan(40);
    }
  });

  it('measures patient flow and harm, counts added up and rates averaged, and rolls them up by division', () => {
    const names = new Set(hospital.kpis.map((k: Kpi) => k.name));
    expect([...names]).to.include.members(['Patient falls', 'Discharges before noon', 'Beds free at the early huddle', 'New pressure ulcers']);
    const divisionFalls = hospital.kpis.find((k: Kpi) => k.unitId === 'unit-surgery' && k.name === 'Patient falls')!;
    expect(divisionFalls).to.include({ rollup: true, aggregate: 'sum' });
    expect(rollupSources(divisionFalls, hospital.units, hospital.kpis).map((k) => k.unitId)).to.deep.equal(['unit-ward-3', 'unit-ward-4']);
  });

  it("reads each ward's huddles held over its three shifts a day", () => {
    const ward = hospital.units.find((u: Unit) => u.id === 'unit-ward-3')!;
    const impact = teamImpact(
      {
        unitId: ward.id,
        pairs: hospital.coachingPairs,
        sessions: hospital.coachingSessions,
        huddles: hospital.huddles,
        actions: hospital.actions,
        escalations: hospital.escalations,
        feedback: hospital.feedback,
        kpis: hospital.kpis,
        values: hospital.kpiValues,
        calendar: calendarOf(ward.id, hospital.units),
        shifts: shiftsOf(ward),
      },
      addDays(today, -28),
      addDays(today, -1),
    );
    expect(impact.huddlesHeld.basis).to.equal(28 * 3);
    expect(impact.huddlesHeld.value).to.be.within(0.8, 0.99);
  });
});

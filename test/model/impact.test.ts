import { expect } from '@open-wc/testing';
import { greenShareByWeek, observationTrend, previousPeriod, teamImpact, type TeamData } from '../../src/model/impact.js';
import type { Action, Escalation, Feedback, Huddle, Kpi, KpiValue } from '../../src/model/types.js';
import { STAMP, session } from '../helpers/records.js';

const from = '2026-11-02';
const to = '2026-11-15'; // 14 days
const localIso = (day: string, hour: number, minute: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute).toISOString();
};

function fixture(): TeamData {
  const huddleDays = [
    '2026-11-02',
    '2026-11-03',
    '2026-11-04',
    '2026-11-05',
    '2026-11-06',
    '2026-11-09',
    '2026-11-10',
    '2026-11-11',
    '2026-11-12',
    '2026-11-13',
  ];
  const huddles: Huddle[] = huddleDays.map((day, i) => ({
    id: `h${i}`,
    unitId: 'team',
    day,
    startedAt: localIso(day, 7, i === 3 || i === 7 ? 50 : 35),
    endedAt: localIso(day, 7, 55),
    partSeconds: { reflect: 300, plan: 180, improve: 120 },
    ...STAMP,
  }));
  const action = (id: string, due: string, doneDay?: string): Action => ({
    id,
    unitId: 'team',
    title: id,
    due,
    status: doneDay ? 'done' : 'open',
    ...(doneDay ? { doneAt: localIso(doneDay, 12, 0) } : {}),
    ...STAMP,
  });
  const escalation = (id: string, created: string, state: Escalation['state']): Escalation => ({
    id,
    fromUnitId: 'team',
    toUnitId: 'area',
    title: id,
    reason: 'r',
    state,
    stateChangedAt: localIso(created, 12, 0),
    createdAt: localIso(created, 9, 0),
    updatedAt: localIso(created, 9, 0),
  });
  const pulse = (day: string, score: Feedback['score']): Feedback => ({
    id: `f-${day}-${score}-${Math.random()}`,
    subject: 'huddle',
    unitId: 'team',
    day,
    score,
    anonymous: true,
    ...STAMP,
  });
  const kpi: Kpi = { id: 'k', unitId: 'team', name: 'Yield', category: 'Q', measure: '%', target: 95, betterWhen: 'higher', ...STAMP };
  const values: KpiValue[] = [96, 97, 95, 99, 90, 96, 80, 95, 98, 91].map((value, i) => ({
    id: `k:${i}`,
    kpiId: 'k',
    day: `2026-11-${String(2 + i).padStart(2, '0')}`,
    value,
    ...STAMP,
  }));
  return {
    unitId: 'team',
    leaderId: 'tl',
    pairs: [{ id: 'p', coachId: 'sup', learnerId: 'tl', kind: 'huddle-observation', direction: 'down', cadenceDays: 7, ...STAMP }],
    sessions: [
      session('2026-11-03', { id: 's1', ratings: { a: 2, b: 0 }, followUpDate: '2026-11-10' }),
      session('2026-11-10', { id: 's2', ratings: { a: 2, b: 2 }, followUpDate: '2026-11-17' }),
    ],
    huddles,
    actions: [action('a1', '2026-11-05', '2026-11-04'), action('a2', '2026-11-10', '2026-11-12'), action('a3', '2026-11-12'), action('a4', '2026-11-20')],
    escalations: [
      escalation('e0', '2026-11-03', 'resolved'),
      escalation('e1', '2026-11-05', 'resolved'),
      escalation('e2', '2026-11-08', 'open'),
      escalation('e3', '2026-11-12', 'accepted'),
    ],
    feedback: [pulse('2026-11-03', 4), pulse('2026-11-04', 4), pulse('2026-11-05', 5), pulse('2026-11-09', 3), pulse('2026-11-10', 4), pulse('2026-11-11', 4)],
    kpis: [kpi],
    values,
  };
}

describe('model: is the coaching working?', () => {
  it('computes every indicator of a fixture team as worked out by hand', () => {
    const impact = teamImpact(fixture(), from, to);
    expect(impact.observationScore).to.include({ value: 0.75, basis: 2 }); // (0.5 + 1) / 2
    expect(impact.cadenceKept).to.deep.equal({ value: 1, basis: 1 }); // both weekly windows had a session
    expect(impact.followUpsKept).to.deep.equal({ value: 1, basis: 1 }); // 3 Nov -> 10 Nov kept; 10 Nov not yet due
    expect(impact.huddlesHeld.value).to.be.closeTo(10 / 14, 1e-9);
    expect(impact.huddlesOnTime).to.deep.equal({ value: 0.8, basis: 10 }); // 2 of 10 started 15 minutes late
    expect(impact.actionsOnTime.value).to.be.closeTo(1 / 3, 1e-9); // a1 in time; a2 late; a3 open; a4 due later
    expect(impact.actionsOnTime.basis).to.equal(3);
    // Sent by 8 Nov (a week before the end): e0 and e1 resolved, e2 open; e3 (12 Nov) is not judged yet.
    expect(impact.escalationsResolved.value).to.be.closeTo(2 / 3, 1e-9);
    expect(impact.escalationsResolved.basis).to.equal(3);
    expect(impact.pulse).to.deep.equal({ value: 4, basis: 6 });
    expect(impact.greenDays).to.deep.equal({ value: 0.7, basis: 10 }); // 7 of 10 days at 95 % or more
  });

  it("measures 'on time' against the board's huddle time when it has one", () => {
    // Eight huddles at 07:35 and two at 07:50: against a 07:45 huddle time only those two
    // (5 minutes late) and none of the others (10 minutes early) are on time.
    expect(teamImpact({ ...fixture(), huddleAt: '07:45' }, from, to).huddlesOnTime).to.deep.equal({ value: 0.2, basis: 10 });
    expect(teamImpact({ ...fixture(), huddleAt: '07:35' }, from, to).huddlesOnTime).to.deep.equal({ value: 0.8, basis: 10 });
  });

  it('says "too little data" (null) for an empty period instead of inventing figures', () => {
    const impact = teamImpact(fixture(), '2026-09-01', '2026-09-14');
    expect(impact.observationScore).to.deep.equal({ value: null, basis: 0 });
    expect(impact.followUpsKept).to.deep.equal({ value: null, basis: 0 });
    expect(impact.huddlesOnTime).to.deep.equal({ value: null, basis: 0 });
    expect(impact.actionsOnTime).to.deep.equal({ value: null, basis: 0 });
    expect(impact.escalationsResolved).to.deep.equal({ value: null, basis: 0 });
    expect(impact.pulse).to.deep.equal({ value: null, basis: 0 });
    expect(impact.greenDays).to.deep.equal({ value: null, basis: 0 });
    expect(impact.huddlesHeld).to.deep.equal({ value: 0, basis: 14 }); // no huddle in two weeks is a fact, not a gap
    expect(impact.cadenceKept).to.deep.equal({ value: 0, basis: 1 });
  });

  it('withholds thin figures in a sparse period: one session, four answers', () => {
    const data = fixture();
    const impact = teamImpact({ ...data, feedback: data.feedback.slice(0, 4) }, '2026-11-02', '2026-11-08');
    expect(impact.observationScore).to.deep.equal({ value: null, basis: 1 });
    expect(impact.pulse).to.deep.equal({ value: null, basis: 3 });
  });

  it('draws a trend only from three weeks with data, and gives weekly green shares', () => {
    expect(observationTrend(fixture(), from, to)).to.equal(null); // two weeks
    expect(greenShareByWeek(fixture(), from, to)).to.deep.equal([
      { week: '2026-11-02', share: 5 / 7, count: 7 }, // 2-8 Nov: 96 97 95 99 90 96 80
      { week: '2026-11-09', share: 2 / 3, count: 3 }, // 9-11 Nov: 95 98 91
    ]);
    expect(previousPeriod(from, to)).to.deep.equal({ from: '2026-10-19', to: '2026-11-01' });
  });
});

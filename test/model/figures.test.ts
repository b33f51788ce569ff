// The rules behind the figures a manager acts on, one test per rule, each from the case that
// showed it wrong (issue: figures a manager can act on).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addDays,
  behaviourChanges,
  cadenceAdherence,
  calendarOf,
  changeOf,
  consistentShare,
  conversationsOf,
  followUpsKept,
  followUpsOwed,
  huddleOfShift,
  nearestShift,
  openFocus,
  pairSaved,
  pairStatus,
  sessionScore,
  shiftsOf,
  teamImpact,
  validateRecord,
  ValidationError,
  type CoachingPair,
  type CoachingSession,
  type Huddle,
  type TeamData,
  type Unit,
} from '../../src/model/index.js';
import { STAMP, session } from '../helpers/records.js';

const weeklyPair = (fields: Partial<CoachingPair> = {}): CoachingPair => ({
  id: 'p',
  coachId: 'sup',
  learnerId: 'tl',
  kind: 'huddle-observation',
  direction: 'down',
  cadenceDays: 7,
  ...STAMP,
  ...fields,
});

describe('model: coaching cadence counts from when the pair began', () => {
  it('gives a weekly pair that met every week since it began two weeks ago 100 %, not 2 of 12 weeks', () => {
    const today = '2026-11-29';
    const pair = weeklyPair({ since: '2026-11-16' });
    const sessions = [session('2026-11-18'), session('2026-11-25')];
    expect(cadenceAdherence(pair, sessions, addDays(today, -12 * 7 + 1), today)).to.equal(1);
    // Without a start day it began when it was created (STAMP: 1 September).
    expect(cadenceAdherence(weeklyPair(), sessions, addDays(today, -12 * 7 + 1), today)).to.be.closeTo(2 / 12, 1e-9);
  });

  it('calls a pair set up this week on track, not "never observed", until its first conversation is due', () => {
    const fresh = weeklyPair({ since: '2026-11-26' });
    expect(pairStatus(fresh, [], '2026-11-29')).to.deep.equal({ state: 'on-track', nextDue: '2026-12-03', daysOverdue: 0 });
    expect(pairStatus(fresh, [], '2026-12-03').state).to.equal('never');
  });

  it('has nothing to judge (null) for a pair that began less than a cadence ago', () => {
    expect(cadenceAdherence(weeklyPair({ since: '2026-11-26' }), [session('2026-11-27')], '2026-09-01', '2026-11-29')).to.equal(null);
  });

  it('applies a changed cadence from its day on: past weeks keep their weekly windows', () => {
    // Weekly since 5 October, met every week until 1 November; monthly (28 days) from 2 November, met once.
    const before = weeklyPair({ since: '2026-10-05' });
    const changed = { ...pairSaved({ ...before, cadenceDays: 28 }, before, '2026-11-02'), ...STAMP, id: 'p' } as CoachingPair;
    expect(changed.cadenceFrom).to.equal('2026-11-02');
    expect(changed.earlierCadences).to.deep.equal([{ from: '2026-10-05', days: 7 }]);
    const sessions = ['2026-10-06', '2026-10-13', '2026-10-20', '2026-10-27', '2026-11-20'].map((d) => session(d));
    // Four weekly windows (5 Oct - 1 Nov) all met, one 28-day window (2 - 29 Nov) met.
    expect(cadenceAdherence(changed, sessions, '2026-10-05', '2026-11-29')).to.equal(1);
    // The week of 5 October missed: 3 of 4 weekly windows and the monthly one kept.
    const missedOne = sessions.slice(1);
    expect(cadenceAdherence(changed, missedOne, '2026-10-05', '2026-11-29')).to.equal(4 / 5);
    // Judged with the monthly cadence over all of it - the past rewritten - the missed week would vanish.
    expect(cadenceAdherence({ ...changed, earlierCadences: [], cadenceFrom: '2026-10-05' }, missedOne, '2026-10-05', '2026-11-29')).to.equal(1);
  });

  it('keeps a pair saved again without a change as it was, and two changes on one day as one', () => {
    const before = weeklyPair({ since: '2026-10-05', cadenceFrom: '2026-11-02', earlierCadences: [{ from: '2026-10-05', days: 14 }] });
    expect(pairSaved({ ...weeklyPair(), id: 'p' }, before, '2026-11-20')).to.include({ since: '2026-10-05', cadenceFrom: '2026-11-02' });
    const twice = pairSaved({ ...weeklyPair(), cadenceDays: 28 }, { ...before, cadenceFrom: '2026-11-20' }, '2026-11-20');
    expect(twice.earlierCadences).to.deep.equal([{ from: '2026-10-05', days: 14 }]);
    expect(pairSaved({ ...weeklyPair(), since: undefined }, undefined, '2026-11-20').since).to.equal('2026-11-20');
  });

  it('never judges a pair that met in every window since it began below 100 % (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 400 }), (cadence, began, length) => {
        const since = addDays('2026-01-01', began);
        const to = addDays(since, length);
        const pair = weeklyPair({ since, cadenceDays: cadence });
        const sessions = [];
        for (let day = since; day <= to; day = addDays(day, cadence)) sessions.push(session(day, { id: day }));
        const adherence = cadenceAdherence(pair, sessions, addDays(to, -365), to);
        return adherence === null || adherence === 1;
      }),
    );
  });
});

describe('model: a follow-up belongs to the coach who agreed it', () => {
  const agreed = session('2026-11-02', { id: 'agreed', followUpDate: '2026-11-09' });

  it("is not kept by a peer's or another coach's conversation, and is kept by the same coach's", () => {
    const peer = session('2026-11-08', { id: 'peer', coachId: 'peer', direction: 'peer' });
    const other = session('2026-11-09', { id: 'other', coachId: 'manager' });
    expect(followUpsKept([agreed, peer, other], '2026-11-20')).to.deep.equal({ due: 1, kept: 0, share: 0 });
    expect(followUpsKept([agreed, session('2026-11-10', { id: 'mine' })], '2026-11-20')).to.deep.equal({ due: 1, kept: 1, share: 1 });
    expect(followUpsOwed([agreed, peer, other], 'sup', '2026-11-20').map((f) => f.session.id)).to.deep.equal(['agreed']);
    expect(followUpsOwed([agreed, session('2026-11-10', { id: 'mine' })], 'sup', '2026-11-20')).to.deep.equal([]);
  });

  it('owes nothing for an anonymous note from below, even one with a follow-up day', () => {
    const note = session('2026-11-02', { id: 'note', direction: 'up', anonymous: true, coachId: undefined, followUpDate: '2026-11-05' });
    expect(followUpsKept([note], '2026-11-20')).to.deep.equal({ due: 0, kept: 0, share: null });
  });
});

describe('model: focus and threads are per relationship', () => {
  const fromCoach = session('2026-11-02', { id: 'coach', focus: 'Ask before telling' });
  const fromBelow = session('2026-11-05', { id: 'below', direction: 'up', anonymous: true, coachId: undefined, focus: 'Smile more' });
  const fromPeer = session('2026-11-06', { id: 'peer', coachId: 'peer', direction: 'peer', focus: 'Shorter board' });

  it('keeps the focus agreed with the coach when a note from below or a peer comes later', () => {
    expect(openFocus([fromCoach, fromBelow, fromPeer], 'tl')?.focus).to.equal('Ask before telling');
  });

  it("gives a coach only their own thread with the learner, and no one a note's", () => {
    const manager = session('2026-11-07', { id: 'manager', coachId: 'manager' });
    const sessions = [fromCoach, fromBelow, fromPeer, manager];
    expect(conversationsOf(sessions, { coachId: 'sup', learnerId: 'tl', direction: 'down' }).map((s) => s.id)).to.deep.equal(['coach']);
    expect(conversationsOf(sessions, { coachId: 'manager', learnerId: 'tl', direction: 'down' }).map((s) => s.id)).to.deep.equal(['manager']);
    expect(conversationsOf(sessions, { coachId: 'peer', learnerId: 'tl', direction: 'peer' }).map((s) => s.id)).to.deep.equal(['peer']);
  });
});

describe('model: "behaviours seen consistently" counts consistent ratings, not the mean', () => {
  it('says 0 % for a conversation where every behaviour was seen partly (its score is 50 %)', () => {
    const partly = session('2026-11-02', { ratings: { a: 1, b: 1, c: 1 } });
    expect(consistentShare(partly)).to.equal(0);
    expect(sessionScore(partly)).to.equal(0.5);
    expect(consistentShare(session('2026-11-02', { ratings: { a: 2, b: 1 } }))).to.equal(0.5);
    expect(consistentShare(session('2026-11-02'))).to.equal(null);
  });
});

describe('model: validation refuses conversations that make no sense', () => {
  const valid = session('2026-11-02');

  it('refuses a conversation whose coach is its learner, naming the learner', () => {
    try {
      validateRecord('coachingSessions', { ...valid, coachId: 'tl' });
      expect.fail('saved');
    } catch (error) {
      expect((error as ValidationError).field).to.equal('learnerId');
    }
  });

  it('refuses kinds in directions they do not go: coaching the coach from below or a peer, a kata from below', () => {
    const refused = (fields: object) => {
      try {
        validateRecord('coachingSessions', { ...valid, ...fields });
        return undefined;
      } catch (error) {
        return (error as ValidationError).field;
      }
    };
    expect(refused({ kind: 'coaching-the-coach', direction: 'peer' })).to.equal('direction');
    expect(refused({ kind: 'kata', direction: 'up', anonymous: true, coachId: undefined })).to.equal('direction');
    expect(refused({ kind: 'kata', direction: 'peer' })).to.equal(undefined);
    expect(refused({ kind: 'huddle-observation', direction: 'up', anonymous: true, coachId: undefined })).to.equal(undefined);
  });
});

describe('model: a working calendar, inherited down the tree', () => {
  const unit = (id: string, fields: Partial<Unit> = {}): Unit => ({ id, name: id, tier: 1, ...STAMP, ...fields });
  const units = [
    unit('plant', { tier: 3, workingDays: [1, 2, 3, 4, 5], closedDays: ['2026-12-25'], timeZone: 'Europe/Berlin' }),
    unit('area', { tier: 2, parentId: 'plant', closedDays: ['2026-12-24'] }),
    unit('ward', { parentId: 'area', workingDays: [1, 2, 3, 4, 5, 6, 7], timeZone: 'Europe/Lisbon' }),
    unit('line', { parentId: 'area' }),
  ];

  it("takes the nearest board's working week and time zone, and every closed day above", () => {
    const line = calendarOf('line', units);
    expect([...line.workingDays]).to.deep.equal([1, 2, 3, 4, 5]);
    expect([...line.closedDays].sort()).to.deep.equal(['2026-12-24', '2026-12-25']);
    expect(line.timeZone).to.equal('Europe/Berlin');
    const ward = calendarOf('ward', units);
    expect(ward.workingDays.size).to.equal(7);
    expect(ward.timeZone).to.equal('Europe/Lisbon');
    expect(calendarOf('nowhere', units).workingDays.size).to.equal(7);
  });
});

describe('model: huddles held and on time, on the board calendar and clock', () => {
  // Two weeks, Monday 2 to Sunday 15 November 2026.
  const from = '2026-11-02';
  const to = '2026-11-15';
  const huddle = (day: string, startedAt = `${day}T06:35:00.000Z`): Huddle => ({
    id: `h-${day}`,
    unitId: 'team',
    day,
    startedAt,
    partSeconds: { reflect: 300, plan: 180, improve: 120 },
    ...STAMP,
  });
  const weekdays = ['02', '03', '04', '05', '06', '09', '10', '11', '12', '13'].map((d) => `2026-11-${d}`);
  const team = (fields: Partial<TeamData> = {}): TeamData => ({
    unitId: 'team',
    leaderId: 'tl',
    pairs: [],
    sessions: [],
    huddles: weekdays.map((day) => huddle(day)),
    actions: [],
    escalations: [],
    feedback: [],
    kpis: [],
    values: [],
    ...fields,
  });
  const mondayToFriday = (closed: string[] = [], timeZone?: string) =>
    calendarOf('team', [{ id: 'team', workingDays: [1, 2, 3, 4, 5], closedDays: closed, ...(timeZone ? { timeZone } : {}) }]);

  it('reads 100 % for a Monday-to-Friday team that held every huddle (not 10 of 14 days)', () => {
    expect(teamImpact(team({ calendar: mondayToFriday() }), from, to).huddlesHeld).to.deep.equal({ value: 1, basis: 10 });
    expect(teamImpact(team(), from, to).huddlesHeld.value).to.be.closeTo(10 / 14, 1e-9);
  });

  it('leaves a holiday out, and counts a missed working day against the team', () => {
    const huddles = weekdays.filter((d) => d !== '2026-11-11' && d !== '2026-11-12').map((day) => huddle(day));
    expect(teamImpact(team({ huddles, calendar: mondayToFriday(['2026-11-11']) }), from, to).huddlesHeld).to.deep.equal({ value: 8 / 9, basis: 9 });
  });

  it('counts today only once its huddle was held or its time has passed', () => {
    const friday = '2026-11-13';
    const huddles = weekdays.filter((d) => d !== friday).map((day) => huddle(day));
    const early = team({ huddles, calendar: mondayToFriday(), huddleAt: '07:35', minutesNow: 7 * 60 });
    expect(teamImpact(early, from, friday).huddlesHeld).to.deep.equal({ value: 1, basis: 9 });
    const late = { ...early, minutesNow: 9 * 60 };
    expect(teamImpact(late, from, friday).huddlesHeld).to.deep.equal({ value: 0.9, basis: 10 });
  });

  it("judges 'on time' on the site's clock, whatever the screen's time zone", () => {
    // 06:35 UTC is 07:35 in Berlin and 15:35 in Tokyo.
    const inBerlin = team({ calendar: mondayToFriday([], 'Europe/Berlin'), huddleAt: '07:35' });
    expect(teamImpact(inBerlin, from, to).huddlesOnTime).to.deep.equal({ value: 1, basis: 10 });
    const inTokyo = team({ calendar: mondayToFriday([], 'Asia/Tokyo'), huddleAt: '07:35' });
    expect(teamImpact(inTokyo, from, to).huddlesOnTime).to.deep.equal({ value: 0, basis: 10 });
  });
});

describe('model: a change is a change only beyond the noise of its data', () => {
  it('calls 60 % after 80 % the same from 5 huddles, and worse from 200', () => {
    expect(changeOf({ value: 0.6, basis: 5 }, { value: 0.8, basis: 5 }, 'share')).to.equal('same');
    expect(changeOf({ value: 0.6, basis: 200 }, { value: 0.8, basis: 200 }, 'share')).to.equal('worse');
    expect(changeOf({ value: 0.82, basis: 200 }, { value: 0.8, basis: 200 }, 'share')).to.equal('same');
    expect(changeOf({ value: 4.5, basis: 60 }, { value: 3.5, basis: 60 }, 'pulse')).to.equal('better');
    expect(changeOf({ value: null, basis: 2 }, { value: 0.8, basis: 20 }, 'share')).to.equal(undefined);
    // Observation scores from 6 conversations each, close together within each period: judged by their spread.
    expect(changeOf({ value: 0.7, basis: 6, spread: 0.08 }, { value: 0.55, basis: 6, spread: 0.08 }, 'share')).to.equal('better');
    expect(changeOf({ value: 0.7, basis: 6, spread: 0.3 }, { value: 0.55, basis: 6, spread: 0.3 }, 'share')).to.equal('same');
  });
});

describe('model: shift huddles', () => {
  const shifts = [
    { id: 'night', name: 'Night', at: '21:45', leaderId: 'nina' },
    { id: 'early', name: 'Early', at: '06:45', leaderId: 'ed' },
    { id: 'late', name: 'Late', at: '14:45', leaderId: 'lou' },
  ];
  const ward = (fields: Partial<TeamData>): TeamData => ({
    unitId: 'ward',
    pairs: [],
    sessions: [],
    huddles: [],
    actions: [],
    escalations: [],
    feedback: [],
    kpis: [],
    values: [],
    shifts,
    calendar: calendarOf('ward', [{ id: 'ward', timeZone: 'UTC' }]),
    ...fields,
  });
  const huddle = (day: string, shiftId: string | undefined, time: string): Huddle => ({
    id: `h-${day}-${shiftId}`,
    unitId: 'ward',
    day,
    startedAt: `${day}T${time}:00.000Z`,
    partSeconds: { reflect: 300, plan: 180, improve: 120 },
    ...(shiftId ? { shiftId } : {}),
    ...STAMP,
  });
  const week = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];

  it("counts a 24/7 ward's week as 21 huddles, and a missed night as one of them", () => {
    const huddles = week.flatMap((day) => shifts.filter((s) => !(day === '2026-11-19' && s.id === 'night')).map((s) => huddle(day, s.id, s.at)));
    expect(teamImpact(ward({ huddles }), week[0]!, week[6]!).huddlesHeld).to.deep.equal({ value: 20 / 21, basis: 21 });
    expect(teamImpact(ward({ huddles }), week[0]!, week[6]!).huddlesOnTime).to.deep.equal({ value: 1, basis: 20 });
  });

  it("judges each huddle against its own shift's time, and an old huddle (no shift named) as the first shift's", () => {
    const huddles = [huddle('2026-11-16', 'night', '21:50'), huddle('2026-11-16', 'late', '06:45'), huddle('2026-11-17', undefined, '06:40')];
    const impact = teamImpact(ward({ huddles }), '2026-11-16', '2026-11-17');
    // Night on time (5 min); the late shift's huddle at 06:45 is 8 hours early; the old one is the early shift's, on time.
    expect(impact.huddlesOnTime).to.deep.equal({ value: null, basis: 3 });
    expect(huddleOfShift(huddles, '2026-11-17', 'early', shiftsOf({ shifts }))?.id).to.equal('h-2026-11-17-undefined');
    expect(huddleOfShift(huddles, '2026-11-17', 'night', shiftsOf({ shifts }))).to.equal(undefined);
    expect(
      teamImpact(ward({ huddles: [...huddles, huddle('2026-11-17', 'late', '14:47'), huddle('2026-11-17', 'night', '21:40')] }), '2026-11-16', '2026-11-17')
        .huddlesOnTime,
    ).to.deep.equal({
      value: 4 / 5,
      basis: 5,
    });
  });

  it('offers the shift whose huddle is nearest: the night one at 23:30, the early one at 06:00', () => {
    expect(nearestShift(shifts, 23 * 60 + 30)?.id).to.equal('night');
    expect(nearestShift(shifts, 6 * 60)?.id).to.equal('early');
    expect(nearestShift(shifts, 13 * 60)?.id).to.equal('late');
    expect(shiftsOf({ shifts }).map((s) => s.id)).to.deep.equal(['early', 'late', 'night']);
  });
});

describe('model: which behaviours are improving', () => {
  const period = { from: '2026-11-16', to: '2026-11-29' };
  const previous = { from: '2026-11-02', to: '2026-11-15' };
  const leaders = new Set(['tl']);
  const observed = (day: string, ratings: Record<string, 0 | 1 | 2>, fields: Partial<CoachingSession> = {}) =>
    session(day, { id: `s-${day}-${Object.keys(ratings).join()}-${fields.direction ?? 'down'}`, ratings, ...fields });

  it('calls a behaviour improving when it moved more than its ratings scatter, and the steady one the same', () => {
    const before = ['2026-11-03', '2026-11-05', '2026-11-10', '2026-11-12'].map((d) => observed(d, { 'time-box': 0, visible: 2 }));
    const now = ['2026-11-17', '2026-11-19', '2026-11-24', '2026-11-26'].map((d) => observed(d, { 'time-box': 2, visible: 2 }));
    const changes = behaviourChanges([...before, ...now], leaders, period, previous);
    expect(changes.map((c) => [c.behaviourId, c.change])).to.deep.equal([
      ['time-box', 'better'],
      ['visible', 'same'],
    ]);
    expect(changes[0]!.now).to.include({ value: 1, basis: 4 });
    expect(changes[0]!.before).to.include({ value: 0, basis: 4 });
  });

  it('judges nothing from fewer than three ratings in a period (too little data, listed last)', () => {
    const sessions = [observed('2026-11-03', { 'time-box': 0 }), observed('2026-11-17', { 'time-box': 2 }), observed('2026-11-19', { 'time-box': 2 })];
    const [change] = behaviourChanges(sessions, leaders, period, previous);
    expect(change!.change).to.equal(undefined);
    expect(change!.now.value).to.equal(null);
  });

  it("counts only huddle observations of the leaders, by a coach or a peer: not the team's up-notes, kata, other learners or deleted ones", () => {
    const noise = [
      observed('2026-11-17', { 'time-box': 0 }, { direction: 'up', anonymous: true }),
      observed('2026-11-18', { 'time-box': 0 }, { kind: 'kata' }),
      observed('2026-11-19', { 'time-box': 0 }, { learnerId: 'someone-else' }),
      observed('2026-11-20', { 'time-box': 0 }, { deletedAt: '2026-11-21T08:00:00.000Z' }),
    ];
    const peer = observed('2026-11-24', { 'time-box': 2 }, { direction: 'peer' });
    const [change] = behaviourChanges([...noise, peer], leaders, period, previous);
    expect(change!.now.basis).to.equal(1);
  });
});

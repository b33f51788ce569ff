import { expect } from '@open-wc/testing';
import { adherenceByTier, cadenceAdherence, followUpsKept, graceDays, pairStatus } from '../../src/model/cadence.js';
import type { CoachingPair } from '../../src/model/types.js';
import { STAMP, session } from '../helpers/records.js';

const weekly: CoachingPair = { id: 'p1', coachId: 'sup', learnerId: 'tl', kind: 'huddle-observation', direction: 'down', cadenceDays: 7, ...STAMP };

describe('model: coaching pair state', () => {
  it('is never when the pair has not met', () => {
    expect(pairStatus(weekly, [], '2026-11-21').state).to.equal('never');
  });

  it('is on track before the next due day, due within the grace, overdue after', () => {
    const sessions = [session('2026-11-10')]; // next due 2026-11-17, grace 1 day
    expect(graceDays(7)).to.equal(1);
    expect(pairStatus(weekly, sessions, '2026-11-16').state).to.equal('on-track');
    expect(pairStatus(weekly, sessions, '2026-11-17').state).to.equal('due');
    expect(pairStatus(weekly, sessions, '2026-11-18').state).to.equal('due');
    expect(pairStatus(weekly, sessions, '2026-11-21')).to.deep.equal({
      state: 'overdue',
      lastDay: '2026-11-10',
      nextDue: '2026-11-17',
      daysOverdue: 3,
    });
  });

  it('ignores sessions of another coach, another kind or deleted ones', () => {
    const sessions = [
      session('2026-11-20', { coachId: 'someone-else' }),
      session('2026-11-19', { kind: 'kata' }),
      session('2026-11-18', { deletedAt: '2026-11-19T00:00:00.000Z' }),
    ];
    expect(pairStatus(weekly, sessions, '2026-11-21').state).to.equal('never');
  });
});

describe('model: cadence adherence', () => {
  // 28 days ending 2026-11-21 -> four weekly windows: 25 Oct-31 Oct, 1-7, 8-14, 15-21 Nov.
  it('is the share of cadence windows with at least one session', () => {
    const sessions = [session('2026-10-26'), session('2026-11-09'), session('2026-11-10'), session('2026-11-21')];
    expect(cadenceAdherence(weekly, sessions, '2026-10-25', '2026-11-21')).to.equal(3 / 4);
  });

  it('is null when the period is shorter than one cadence', () => {
    expect(cadenceAdherence(weekly, [session('2026-11-20')], '2026-11-18', '2026-11-21')).to.equal(null);
  });

  it('averages per tier of the learner', () => {
    const pairs = [weekly, { ...weekly, id: 'p2', learnerId: 'tl2' }, { ...weekly, id: 'p3', coachId: 'mgr', learnerId: 'sup' }];
    const sessions = [
      session('2026-11-20'),
      session('2026-11-20', { coachId: 'mgr', learnerId: 'sup' }),
      session('2026-11-12', { coachId: 'mgr', learnerId: 'sup' }),
    ];
    const tiers: Record<string, number> = { tl: 1, tl2: 1, sup: 2 };
    const result = adherenceByTier(pairs, sessions, (id) => tiers[id], '2026-11-08', '2026-11-21');
    // tier 1: tl kept 1 of 2 windows, tl2 0 of 2 -> 0.25; tier 2: sup kept 2 of 2 -> 1
    expect([...result]).to.deep.equal([
      [1, 0.25],
      [2, 1],
    ]);
  });
});

describe('model: follow-ups kept', () => {
  it('counts a follow-up as kept when the learner met again by two days after the agreed day', () => {
    const sessions = [
      session('2026-11-02', { followUpDate: '2026-11-09' }), // followed on 11-10: kept
      session('2026-11-10', { followUpDate: '2026-11-13' }), // next session 11-20: too late
      session('2026-11-20', { followUpDate: '2026-11-27' }), // not due yet
    ];
    expect(followUpsKept(sessions, '2026-11-21')).to.deep.equal({ due: 2, kept: 1, share: 0.5 });
  });

  it('is kept only by the coach who agreed it, with the same learner, on a later day; a retired conversation keeps none', () => {
    const agreed = session('2026-11-02', { id: 'agreed', followUpDate: '2026-11-05' });
    const keeps = (later: Parameters<typeof session>[1] & { day?: string }) =>
      followUpsKept([agreed, session(later.day ?? '2026-11-06', { id: 'later', ...later })], '2026-11-21').kept;
    expect(keeps({}), 'the same coach and learner by the deadline').to.equal(1);
    expect(keeps({ day: '2026-11-08' }), 'after the two days of grace').to.equal(0);
    expect(keeps({ day: '2026-11-02' }), 'on the same day').to.equal(0);
    expect(keeps({ coachId: 'another-coach' }), "another coach's").to.equal(0);
    expect(keeps({ learnerId: 'another-learner' }), 'with another learner').to.equal(0);
    expect(keeps({ deletedAt: '2026-11-07T08:00:00.000Z' }), 'retired').to.equal(0);
  });

  it('owes none for an anonymous note, and counts each of several follow-ups of one pair', () => {
    const anonymous = session('2026-11-02', { id: 'anonymous', anonymous: true, coachId: undefined, followUpDate: '2026-11-05' });
    expect(followUpsKept([anonymous], '2026-11-21').due).to.equal(0);
    const chain = [
      session('2026-11-01', { id: 'a', followUpDate: '2026-11-08' }), // kept by b
      session('2026-11-09', { id: 'b', followUpDate: '2026-11-12' }), // kept by c (two days of grace)
      session('2026-11-14', { id: 'c', followUpDate: '2026-11-15' }), // d is too late
      session('2026-11-18', { id: 'd' }),
    ];
    expect(followUpsKept(chain, '2026-11-21')).to.deep.equal({ due: 3, kept: 2, share: 2 / 3 });
  });

  it('has no share when nothing was due', () => {
    expect(followUpsKept([], '2026-11-21')).to.deep.equal({ due: 0, kept: 0, share: null });
  });
});

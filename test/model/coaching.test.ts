import { expect } from '@open-wc/testing';
import { followUpsOwed, historyOf, kataHints, openFocus, threadOf } from '../../src/model/coaching.js';
import { buildCascade } from '../../src/model/cascade.js';
import type { CoachingPair, Person, Unit } from '../../src/model/types.js';
import { STAMP, session } from '../helpers/records.js';

describe('model: kata hints', () => {
  it('flags the three bad-answer patterns and an opinion for an actual condition', () => {
    expect(
      kataHints({
        targetCondition: 'Faster changeovers',
        actualCondition: 'It feels slow',
        obstacle: 'Lack of tools at the press',
        nextStep: 'We need to buy a second cart',
      }),
    ).to.deep.equal({
      targetCondition: 'target-needs-number',
      actualCondition: 'actual-needs-data',
      obstacle: 'obstacle-is-lack',
      nextStep: 'step-is-solution',
    });
  });

  it('says nothing about good or empty answers', () => {
    expect(
      kataHints({
        targetCondition: 'Changeover under 20 minutes by 1 December',
        actualCondition: 'Median 31 minutes over the last 10',
        obstacle: 'Tools are fetched from the crib during the changeover',
        nextStep: 'Pre-stage the cart before the last pallet; expect 6 minutes saved',
      }),
    ).to.deep.equal({});
    expect(kataHints({})).to.deep.equal({});
  });
});

describe('model: follow-through', () => {
  const sessions = [
    session('2026-11-02', { id: 'a', focus: 'Ask one open question', followUpDate: '2026-11-09' }),
    session('2026-11-10', { id: 'b', focus: 'Rotate who presents', followUpDate: '2026-11-17', previousSessionId: 'a' }),
    session('2026-11-12', { id: 'c', learnerId: 'tl2', focus: 'Keep to ten minutes', followUpDate: '2026-11-19' }),
    session('2026-11-20', { id: 'd', learnerId: 'tl3', coachId: 'other', followUpDate: '2026-11-21' }),
  ];

  it("gives a learner's history newest first and the open focus", () => {
    expect(historyOf(sessions, 'tl').map((s) => s.id)).to.deep.equal(['b', 'a']);
    expect(openFocus(sessions, 'tl')).to.deep.equal({ focus: 'Rotate who presents', followUpDate: '2026-11-17', sessionId: 'b' });
    expect(openFocus(sessions, 'nobody')).to.equal(undefined);
  });

  it("lists a coach's due follow-ups with no later session, most overdue first", () => {
    const owed = followUpsOwed(sessions, 'sup', '2026-11-21');
    expect(owed.map((f) => [f.session.id, f.daysLate])).to.deep.equal([
      ['b', 4],
      ['c', 2],
    ]);
  });

  it('follows a thread back through previous sessions', () => {
    expect(threadOf(sessions, 'b').map((s) => s.id)).to.deep.equal(['a', 'b']);
  });
});

describe('model: the cascade', () => {
  const unit = (id: string, tier: number): Unit => ({ id, name: id, tier, ...STAMP });
  const person = (id: string, unitId: string): Person => ({ id, name: id, unitId, role: 'leader', ...STAMP });
  const pair = (id: string, coachId: string, learnerId: string, kind: CoachingPair['kind'] = 'huddle-observation'): CoachingPair => ({
    id,
    coachId,
    learnerId,
    kind,
    direction: 'down',
    cadenceDays: 7,
    ...STAMP,
  });
  const units = [unit('plant', 3), unit('area', 2), unit('t1', 1), unit('t2', 1)];
  const people = [person('mgr', 'plant'), person('sup', 'area'), person('tl', 't1'), person('tl2', 't2')];
  const pairs = [pair('p1', 'sup', 'tl'), pair('p2', 'sup', 'tl2'), pair('p3', 'mgr', 'sup', 'coaching-the-coach')];

  it('finds a coach nobody coaches and a team leader never observed', () => {
    const sessions = [session('2026-11-18', { followUpDate: '2026-11-25' })]; // sup observed tl only
    const cascade = buildCascade(people, units, pairs, sessions, '2026-11-21');
    expect(cascade.gaps.map((g) => [g.kind, g.person.id])).to.deep.equal([
      ['coach-not-coached', 'sup'],
      ['leader-never-observed', 'tl2'],
    ]);
    const sup = cascade.people.find((p) => p.person.id === 'sup')!;
    expect(sup.gives.map((g) => g.status.state)).to.deep.equal(['on-track', 'never']);
    expect(cascade.people.map((p) => p.person.id)).to.deep.equal(['mgr', 'sup', 'tl', 'tl2']);
  });

  it('finds a learner whose follow-ups are mostly not kept', () => {
    const sessions = [
      session('2026-10-20', { followUpDate: '2026-10-27' }),
      session('2026-11-10', { followUpDate: '2026-11-13' }),
      session('2026-11-19', { coachId: 'mgr', learnerId: 'sup', kind: 'coaching-the-coach' }),
    ];
    const gaps = buildCascade(people, units, pairs, sessions, '2026-11-21').gaps;
    expect(gaps).to.deep.include({ kind: 'follow-ups-not-kept', person: people[2], missed: 2 });
    expect(gaps.map((g) => g.kind)).to.not.include('coach-not-coached');
  });
});

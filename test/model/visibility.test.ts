import { expect } from '@open-wc/testing';
import { conversationFor, lineAbove, mayReadWords, sessionScore, withoutWords, type VisibilityContext } from '../../src/model/index.js';
import type { CoachingSession, Person, Unit } from '../../src/model/types.js';

const STAMP = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
// A plant, an area under it, a team under the area; and a second area beside the first.
const units: Unit[] = [
  { id: 'plant', name: 'Plant', tier: 3, ...STAMP },
  { id: 'area', name: 'Assembly', tier: 2, parentId: 'plant', ...STAMP },
  { id: 'team', name: 'Line 1', tier: 1, parentId: 'area', ...STAMP },
  { id: 'other-area', name: 'Packing', tier: 2, parentId: 'plant', ...STAMP },
];
const person = (id: string, unitId: string, role: Person['role']): Person => ({ id, name: id, unitId, role, ...STAMP });
const people: Person[] = [
  person('manager', 'plant', 'leader'),
  person('supervisor', 'area', 'leader'),
  person('leader', 'team', 'leader'),
  person('operator', 'team', 'member'),
  person('peer-supervisor', 'other-area', 'leader'),
];
const context = (coachingWordsReadBy?: 'pair' | 'pair-and-line'): VisibilityContext => ({
  org: coachingWordsReadBy ? { coachingWordsReadBy } : undefined,
  people,
  units,
});

const session: CoachingSession = {
  id: 's1',
  kind: 'huddle-observation',
  direction: 'down',
  coachId: 'supervisor',
  learnerId: 'leader',
  anonymous: false,
  day: '2026-11-20',
  ratings: { 'board-visible': 2, 'owners-named': 1, 'time-kept': 0 },
  answers: { obstacle: 'no spare parts' },
  wentWell: 'Every action had an owner',
  evenBetter: 'Start on time',
  focus: 'Time-keeping',
  followUpDate: '2026-11-27',
  ...STAMP,
};
const upNote: CoachingSession = { ...session, id: 's2', direction: 'up', anonymous: true, coachId: undefined, learnerId: 'supervisor', ratings: {} };

describe('model: who reads a coaching conversation', () => {
  it('its coach and its learner read the words; a peer, a team member and a shared screen do not', () => {
    expect(mayReadWords({ personId: 'supervisor' }, session, context()), 'the coach').to.equal(true);
    expect(mayReadWords({ personId: 'leader' }, session, context()), 'the learner').to.equal(true);
    expect(mayReadWords({ personId: 'peer-supervisor' }, session, context()), 'a peer').to.equal(false);
    expect(mayReadWords({ personId: 'operator' }, session, context()), "someone on the learner's team").to.equal(false);
    expect(mayReadWords({}, session, context()), 'a wall, a phone link, a kiosk nobody signed in to').to.equal(false);
  });

  it("the learner's line above reads them only when the organisation chose so", () => {
    expect(mayReadWords({ personId: 'manager' }, session, context()), 'private to the pair by default').to.equal(false);
    expect(mayReadWords({ personId: 'manager' }, session, context('pair')), 'private to the pair when chosen').to.equal(false);
    expect(mayReadWords({ personId: 'manager' }, session, context('pair-and-line')), 'the line above when chosen').to.equal(true);
    expect(mayReadWords({ personId: 'peer-supervisor' }, session, context('pair-and-line')), 'not a peer beside the line').to.equal(false);
    expect([...lineAbove('operator', context())].sort(), "a team member's line: their team leader and everyone above").to.deep.equal([
      'leader',
      'manager',
      'supervisor',
    ]);
  });

  it('an anonymous note from below is read by its receiver alone, whatever the setting', () => {
    expect(mayReadWords({ personId: 'supervisor' }, upNote, context('pair-and-line')), 'the receiver').to.equal(true);
    expect(mayReadWords({ personId: 'manager' }, upNote, context('pair-and-line')), "not the receiver's line").to.equal(false);
    expect(mayReadWords({ personId: 'leader' }, upNote, context()), 'not even whoever may have sent it').to.equal(false);
  });

  it('without its words a conversation keeps that it happened, with whom, when, its follow-up and its score', () => {
    const seen = withoutWords(session);
    expect([seen.wentWell, seen.evenBetter, seen.focus]).to.deep.equal(['', '', '']);
    expect(seen.answers, 'no kata answers').to.equal(undefined);
    expect(Object.keys(seen.ratings), 'no behaviour named').to.deep.equal(['score-1', 'score-2', 'score-3']);
    expect(sessionScore(seen), 'the same score').to.equal(sessionScore(session));
    expect({ ...seen, wentWell: session.wentWell }).to.include({
      day: '2026-11-20',
      coachId: 'supervisor',
      learnerId: 'leader',
      followUpDate: '2026-11-27',
      kind: 'huddle-observation',
    });
    expect(conversationFor({ personId: 'leader' }, session, context())).to.equal(session);
    expect(conversationFor({ personId: 'operator' }, session, context()).wentWell).to.equal('');
  });
});

import { expect } from '@open-wc/testing';
import { erasePersonWrites, erasedName, everythingAbout, retentionWrites, wordsKeptFrom, type PersonalRecords } from '../../src/model/personal-data.js';
import { sessionScore, type CoachingSession, type Feedback, type Person } from '../../src/model/index.js';

const STAMP = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const CONTEXT = { now: '2026-11-30T09:00:00.000Z', today: '2026-11-30', newId: () => 'new' };
const ana: Person = { id: 'person-ana-4f2a', name: 'Ana Leader', unitId: 'team', role: 'leader', email: 'ana@example.org', externalId: 'ext-1', ...STAMP };
const sam: Person = { id: 'person-sam', name: 'Sam Supervisor', unitId: 'area', role: 'leader', ...STAMP };
const talk = (id: string, coachId: string, learnerId: string): CoachingSession => ({
  id,
  kind: 'huddle-observation',
  direction: 'down',
  coachId,
  learnerId,
  anonymous: false,
  day: '2026-11-20',
  ratings: { 'board-visible': 2, 'owners-named': 1 },
  wentWell: 'Words about the learner',
  evenBetter: 'More words',
  focus: 'A focus',
  ...STAMP,
});
const signed: Feedback = {
  id: 'f1',
  subject: 'huddle',
  unitId: 'team',
  day: '2026-11-20',
  score: 4,
  comment: 'Signed words',
  anonymous: false,
  personId: ana.id,
  ...STAMP,
};
const records: PersonalRecords = {
  people: [ana, sam],
  coachingSessions: [talk('s1', sam.id, ana.id), talk('s2', ana.id, 'person-tom'), talk('s3', sam.id, 'person-tom')],
  coachingPairs: [],
  feedback: [signed],
  actions: [{ id: 'a1', unitId: 'team', title: 'Fix the gauge', status: 'open', ownerId: ana.id, ...STAMP }],
  recognitions: [],
  attendance: [],
};

describe("model: a person's data", () => {
  it('everything about a person: their entry and every record that names them, nothing else', () => {
    const about = everythingAbout(ana.id, records);
    expect(about.person).to.equal(ana);
    expect(about.coachingConversations.map((s) => s.id)).to.deep.equal(['s1', 's2']);
    expect(about.signedFeedback).to.deep.equal([signed]);
    expect(about.actionsOwned.map((a) => a.id)).to.deep.equal(['a1']);
  });

  it('erasing keeps the figures and removes who they were and every word of their conversations', () => {
    const writes = erasePersonWrites(ana.id, records, CONTEXT);
    const person = writes.find((w) => w.kind === 'people')!.after as Person;
    expect(person.name).to.equal(erasedName(ana.id));
    expect(person.name).to.equal('Former colleague 4f2a');
    expect(person).to.not.have.any.keys('email', 'externalId');
    const sessions = writes.filter((w) => w.kind === 'coachingSessions').map((w) => w.after as CoachingSession);
    expect(
      sessions.map((s) => s.id),
      'as learner and as coach; not a conversation they were not in',
    ).to.deep.equal(['s1', 's2']);
    for (const s of sessions) {
      expect([s.wentWell, s.evenBetter, s.focus]).to.deep.equal(['', '', '']);
      expect(sessionScore(s), 'the score stays').to.equal(0.75);
    }
    const answer = writes.find((w) => w.kind === 'feedback')!.after as Feedback;
    expect(answer).to.include({ score: 4, anonymous: true }).and.not.have.any.keys('personId', 'comment');
    expect(
      writes.some((w) => w.kind === 'actions'),
      'their actions stay the team’s',
    ).to.equal(false);
    expect(erasePersonWrites('person-nobody', records, CONTEXT)).to.deep.equal([]);
  });

  it('retention: conversations older than the months kept lose their words, not their score; none without a setting', () => {
    expect(wordsKeptFrom({ coachingWordsKeptMonths: 6 }, '2026-11-30')).to.equal('2026-05-30');
    expect(wordsKeptFrom({ coachingWordsKeptMonths: 1 }, '2026-03-31'), 'a day the month lacks falls to its last').to.equal('2026-02-28');
    expect(wordsKeptFrom({ coachingWordsKeptMonths: 12 }, '2026-11-30')).to.equal('2025-11-30');
    expect(wordsKeptFrom({}, '2026-11-30')).to.equal(undefined);
    const old = { ...talk('old', sam.id, ana.id), day: '2026-05-29' };
    const kept = { ...talk('kept', sam.id, ana.id), day: '2026-05-30' };
    const writes = retentionWrites({ coachingWordsKeptMonths: 6 }, [old, kept], CONTEXT);
    expect(writes.map((w) => w.after.id)).to.deep.equal(['old']);
    const after = writes[0]!.after as CoachingSession;
    expect(after.wentWell).to.equal('');
    expect(sessionScore(after)).to.equal(sessionScore(old));
    expect(retentionWrites({ coachingWordsKeptMonths: 6 }, [after], CONTEXT), 'nothing twice').to.deep.equal([]);
    expect(retentionWrites(undefined, [old], CONTEXT)).to.deep.equal([]);
  });
});

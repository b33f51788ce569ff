import { expect } from '@open-wc/testing';
import { aggregate, pulseSummary, safetyProfile, youSaidWeDid } from '../../src/model/feedback.js';
import type { Feedback, FeedbackResponse } from '../../src/model/types.js';

const stamp = { createdAt: '2026-11-10T08:00:00.000Z', updatedAt: '2026-11-10T08:00:00.000Z' };
let n = 0;
const answer = (day: string, score: Feedback['score'], fields: Partial<Feedback> = {}): Feedback => ({
  id: `f${++n}`,
  subject: 'huddle',
  unitId: 'team',
  day,
  score,
  anonymous: true,
  ...stamp,
  ...fields,
});

describe('model: feedback', () => {
  it('withholds an aggregate of four answers and shows one of five', () => {
    const scores = (...list: Feedback['score'][]) => list.map((score) => ({ score }));
    expect(aggregate(scores(5, 4, 4, 3))).to.deep.equal({ count: 4, respondents: 4, mean: null });
    expect(aggregate(scores(5, 4, 4, 3, 4))).to.deep.equal({ count: 5, respondents: 5, mean: 4 });
    expect(aggregate([])).to.deep.equal({ count: 0, respondents: 0, mean: null });
  });

  it('counts people, not answers: two people answering three times each unlock no figure', () => {
    const twoPeople = [1, 2, 3].flatMap(() => [
      { score: 5 as const, respondent: 'week-pseudonym-a' },
      { score: 1 as const, respondent: 'week-pseudonym-b' },
    ]);
    expect(aggregate(twoPeople)).to.deep.equal({ count: 6, respondents: 2, mean: null });
    const fivePeople = ['a', 'b', 'c', 'd', 'e'].map((who) => ({ score: 4 as const, respondent: `week-pseudonym-${who}` }));
    expect(aggregate([...fivePeople, ...fivePeople]).respondents).to.equal(5);
    expect(aggregate([...fivePeople, ...fivePeople]).mean).to.equal(4);
    // A shared wall gives no pseudonym: each of its answers counts as one person (the caveat).
    expect(aggregate([{ score: 3 }, { score: 3 }, ...twoPeople]).respondents).to.equal(4);
  });

  it("summarises a board's pulse over a period, other boards and subjects left out", () => {
    const feedback = [
      answer('2026-11-16', 4),
      answer('2026-11-17', 5),
      answer('2026-11-18', 3),
      answer('2026-11-19', 4),
      answer('2026-11-20', 2),
      answer('2026-11-02', 1), // before the period
      answer('2026-11-18', 1, { unitId: 'other' }),
      answer('2026-11-18', 1, { subject: 'coaching' }),
    ];
    expect(pulseSummary(feedback, 'team', 'huddle', '2026-11-16', '2026-11-22')).to.deep.equal({ count: 5, respondents: 5, mean: 3.6 });
  });

  it('gives the safety profile per stage, withholding thin stages', () => {
    const safety = (stage: Feedback['stage'], score: Feedback['score']) => answer('2026-11-15', score, { subject: 'safety', stage });
    const feedback = [
      ...[4, 5, 4, 4, 3].map((s) => safety('inclusion', s as Feedback['score'])),
      ...[2, 3, 3, 2].map((s) => safety('challenger', s as Feedback['score'])),
    ];
    expect(safetyProfile(feedback, 'team', '2026-11-01', '2026-11-30')).to.deep.equal({
      inclusion: { count: 5, respondents: 5, mean: 4 },
      learner: { count: 0, respondents: 0, mean: null },
      contributor: { count: 0, respondents: 0, mean: null },
      challenger: { count: 4, respondents: 4, mean: null },
    });
  });

  it('lists comments unanswered first, with their answer and age', () => {
    const said = answer('2026-11-11', 2, { comment: 'Too long' });
    const open = answer('2026-11-19', 3, { comment: 'Start on time' });
    const noComment = answer('2026-11-19', 5);
    const response: FeedbackResponse = {
      id: 'r',
      feedbackId: said.id,
      unitId: 'team',
      text: 'We stop at ten minutes now',
      createdAt: '2026-11-14T09:00:00.000Z',
      updatedAt: '2026-11-14T09:00:00.000Z',
    };
    const comments = youSaidWeDid([said, open, noComment], [response], 'team', '2026-11-21');
    expect(comments.map((c) => [c.feedback.comment, c.response?.text, c.ageDays])).to.deep.equal([
      ['Start on time', undefined, 2],
      ['Too long', 'We stop at ten minutes now', 3],
    ]);
  });
});

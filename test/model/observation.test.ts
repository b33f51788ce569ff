import { expect } from '@open-wc/testing';
import { behaviourScoresByWeek, sessionScore, sessionScoresByWeek } from '../../src/model/observation.js';
import type { Rating } from '../../src/model/types.js';
import { session } from '../helpers/records.js';

const scored = (day: string, ratings: Record<string, Rating>, deleted = false) =>
  session(day, { id: `s-${day}`, ratings, ...(deleted ? { deletedAt: '2026-11-02T08:00:00.000Z' } : {}) });

describe('model: observation scores', () => {
  it('scores a session as the share of the best rating over the behaviours rated', () => {
    expect(sessionScore(scored('2026-11-02', { a: 2, b: 1, c: 0 }))).to.equal(0.5);
    expect(sessionScore(scored('2026-11-02', { a: 2 }))).to.equal(1);
    expect(sessionScore(scored('2026-11-02', {}))).to.equal(null);
  });

  it("gives one behaviour's weekly mean, skipping sessions that did not rate it", () => {
    const sessions = [
      scored('2026-11-02', { a: 0 }),
      scored('2026-11-04', { a: 1 }),
      scored('2026-11-05', { b: 2 }),
      scored('2026-11-10', { a: 2 }),
      scored('2026-11-11', { a: 0 }, true),
    ];
    expect(behaviourScoresByWeek(sessions, 'a')).to.deep.equal([
      { week: '2026-11-02', score: 0.25, count: 2 },
      { week: '2026-11-09', score: 1, count: 1 },
    ]);
  });

  it('gives the weekly mean of session scores', () => {
    const sessions = [scored('2026-11-02', { a: 2, b: 0 }), scored('2026-11-03', { a: 2 }), scored('2026-11-09', {})];
    expect(sessionScoresByWeek(sessions)).to.deep.equal([{ week: '2026-11-02', score: 0.75, count: 2 }]);
  });
});

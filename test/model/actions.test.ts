import { expect } from '@open-wc/testing';
import { actionAgeDays, boardOrder, daysOverdue, isOnBoard, isOverdue, isUnassigned } from '../../src/model/actions.js';
import type { Action } from '../../src/model/types.js';

const action = (id: string, fields: Partial<Action>): Action => ({
  id,
  unitId: 'u1',
  title: id,
  status: 'open',
  createdAt: '2026-11-10T09:00:00.000Z',
  updatedAt: '2026-11-10T09:00:00.000Z',
  ...fields,
});
const today = '2026-11-21';

describe('model: actions', () => {
  it('is overdue only when not done and the due day has passed', () => {
    expect(isOverdue(action('a', { due: '2026-11-20' }), today)).to.equal(true);
    expect(isOverdue(action('a', { due: today }), today)).to.equal(false);
    expect(isOverdue(action('a', { due: '2026-11-20', status: 'done' }), today)).to.equal(false);
    expect(isOverdue(action('a', {}), today)).to.equal(false);
    expect(daysOverdue(action('a', { due: '2026-11-18' }), today)).to.equal(3);
  });

  it('finds unassigned work and its age', () => {
    expect(isUnassigned(action('a', {}))).to.equal(true);
    expect(isUnassigned(action('a', { ownerId: 'p1' }))).to.equal(false);
    expect(actionAgeDays(action('a', {}), today)).to.equal(11);
  });

  it('keeps done items on the board for a day, then only in history', () => {
    expect(isOnBoard(action('a', { status: 'done', doneAt: '2026-11-20T12:00:00.000Z' }), today)).to.equal(true);
    expect(isOnBoard(action('a', { status: 'done', doneAt: '2026-11-19T12:00:00.000Z' }), today)).to.equal(false);
    expect(isOnBoard(action('a', { deletedAt: '2026-11-20T12:00:00.000Z' }), today)).to.equal(false);
    // Yesterday by this device's clock: from its first millisecond on, not the one before.
    const yesterdayBegins = new Date(2026, 10, 20).getTime();
    const doneAt = (ms: number) => action('a', { status: 'done', doneAt: new Date(ms).toISOString() });
    expect(isOnBoard(doneAt(yesterdayBegins), today)).to.equal(true);
    expect(isOnBoard(doneAt(yesterdayBegins - 1), today)).to.equal(false);
  });

  it('orders a board list: most overdue first, then unassigned, then the rest, done last', () => {
    const list = [
      action('done', { status: 'done', ownerId: 'p', doneAt: '2026-11-21T08:00:00.000Z' }),
      action('later', { ownerId: 'p', due: '2026-11-25' }),
      action('unassigned', { due: '2026-11-30' }),
      action('late1', { ownerId: 'p', due: '2026-11-20' }),
      action('late5', { ownerId: 'p', due: '2026-11-16' }),
    ];
    expect(boardOrder(list, today).map((a) => a.id)).to.deep.equal(['late5', 'late1', 'unassigned', 'later', 'done']);
  });
});

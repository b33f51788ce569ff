import { expect } from '@open-wc/testing';
import { escalationAgeDays, isEscalationOpen, receivedAndOpen, sentAndOpen, shownToSender } from '../../src/model/escalations.js';
import type { Escalation } from '../../src/model/types.js';

const esc = (id: string, fields: Partial<Escalation>): Escalation => ({
  id,
  fromUnitId: 'team',
  toUnitId: 'area',
  title: id,
  reason: 'needs the maintenance budget',
  state: 'open',
  createdAt: '2026-11-11T09:00:00.000Z',
  updatedAt: '2026-11-11T09:00:00.000Z',
  stateChangedAt: '2026-11-11T09:00:00.000Z',
  ...fields,
});

describe('model: escalations', () => {
  const list = [
    esc('open', {}),
    esc('accepted', { state: 'accepted' }),
    esc('returned', { state: 'returned' }),
    esc('resolved', { state: 'resolved', stateChangedAt: '2026-11-14T10:00:00.000Z' }),
    esc('other-team', { fromUnitId: 'team-b' }),
  ];

  it('stays visible to the sender until resolved, returned ones included', () => {
    expect(sentAndOpen(list, 'team').map((e) => e.id)).to.deep.equal(['open', 'accepted', 'returned']);
    expect(isEscalationOpen(list[3]!)).to.equal(false);
  });

  it('waits on the parent while open or accepted, from every child', () => {
    expect(receivedAndOpen(list, 'area').map((e) => e.id)).to.deep.equal(['open', 'accepted', 'other-team']);
  });

  it('ages until resolved, then keeps how long it took', () => {
    expect(escalationAgeDays(list[0]!, '2026-11-21')).to.equal(10);
    expect(escalationAgeDays(list[3]!, '2026-11-21')).to.equal(3);
  });

  it('shows a resolved escalation to the sender for a day, so the team sees the answer', () => {
    const resolved = esc('r', { state: 'resolved', stateChangedAt: '2026-11-20T10:00:00.000Z' });
    expect(shownToSender(resolved, '2026-11-21')).to.equal(true);
    expect(shownToSender(resolved, '2026-11-22')).to.equal(false);
    expect(shownToSender(esc('o', {}), '2026-12-30')).to.equal(true);
  });
});

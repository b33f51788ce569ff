import { expect } from '@open-wc/testing';
import { recordById } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, recordResults, seedSmallOrg, settle } from '../helpers/store.js';

describe('store: two writers on one action', () => {
  afterEach(deleteTestDatabases);

  it('keeps every field only one tab changed, and both tabs end with the stored state', async () => {
    const tabA = freshStore();
    const tabB = freshStore({ name: tabA.name });
    const { teamA, leader, member } = await seedSmallOrg(tabA);
    const action = await tabA.createAction({ unitId: teamA.id, title: 'Start', due: '2026-11-24' });
    const seenA = recordResults(tabA, recordById('actions', action.id));
    const seenB = recordResults(tabB, recordById('actions', action.id));
    await Promise.all([seenA.next(), seenB.next()]);
    for (let round = 0; round < 25; round++) {
      // At the same moment: A renames, B reassigns and moves the due date.
      await Promise.all([
        tabA.updateAction(action.id, { title: `Title ${round}` }),
        tabB.updateAction(action.id, { ownerId: round % 2 ? leader.id : member.id, due: `2026-12-${String(1 + round).padStart(2, '0')}` }),
      ]);
    }
    // Both change the same field at once: one wins, and everybody agrees which.
    await Promise.all([tabA.setActionStatus(action.id, 'doing'), tabB.setActionStatus(action.id, 'blocked')]);
    await settle(300);
    const stored = await tabA.get(recordById('actions', action.id));
    expect(stored).to.include({ title: 'Title 24', ownerId: member.id, due: '2026-12-25' }); // round 24 is even
    expect(['doing', 'blocked']).to.include(stored!.status);
    expect(seenA.results.at(-1)).to.deep.equal(stored);
    expect(seenB.results.at(-1)).to.deep.equal(stored);
    seenA.stop();
    seenB.stop();
  });
});

import { expect } from '@open-wc/testing';
import { allOf, escalationsOfUnit, recordById, whereEquals } from '../../src/store/queries.js';
import { seededRandom } from '../../src/demo/random.js';
import { deleteTestDatabases, freshStore, recordResults, seedSmallOrg, settle } from '../helpers/store.js';
import { clearAll } from '../../src/store/whole-database.js';

describe('store: live queries', () => {
  afterEach(deleteTestDatabases);

  it('delivers the result now and again after a change that affects it', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const watched = recordResults(store, whereEquals('actions', 'unitId', teamA.id));
    expect(await watched.next()).to.deep.equal([]);
    await store.createAction({ unitId: teamA.id, title: 'Label the bins' });
    expect((await watched.next()).map((a) => a.title)).to.deep.equal(['Label the bins']);
    watched.stop();
  });

  it('does not re-run for a change to another board', async () => {
    const store = freshStore();
    const { teamA, teamB } = await seedSmallOrg(store);
    const watched = recordResults(store, whereEquals('actions', 'unitId', teamA.id));
    await watched.next();
    await store.createAction({ unitId: teamB.id, title: 'Line 2 only' });
    await store.createPerson({ name: 'Cleo', unitId: teamA.id, role: 'member' });
    await settle();
    expect(watched.results).to.have.length(1);
    watched.stop();
  });

  it('re-runs when a record moves out of the query (old version matched)', async () => {
    const store = freshStore();
    const { teamA, teamB } = await seedSmallOrg(store);
    const action = await store.createAction({ unitId: teamA.id, title: 'Moves boards' });
    const watched = recordResults(store, whereEquals('actions', 'unitId', teamA.id));
    expect(await watched.next()).to.have.length(1);
    await store.updateAction(action.id, { unitId: teamB.id });
    expect(await watched.next()).to.have.length(0);
    watched.stop();
  });

  it('runs an identical query once for every element that watches it', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const query = whereEquals('actions', 'unitId', teamA.id);
    let runs = 0;
    const counted = { ...query, run: (reader: Parameters<typeof query.run>[0]) => (runs++, query.run(reader)) };
    // A board and two of its panels asking the same question (a store re-runs on every change).
    const board = recordResults(store, counted);
    const panel = recordResults(store, { ...counted });
    await board.next();
    const late = recordResults(store, { ...counted });
    expect(await panel.next()).to.deep.equal([]);
    expect(await late.next(), 'a late watcher gets the current answer at once').to.deep.equal([]);
    expect(runs, 'one read for three watchers').to.equal(1);
    const before = runs;
    const action = await store.createAction({ unitId: teamA.id, title: 'Sweep bay 3' });
    await store.retire('actions', action.id);
    await settle();
    for (const watched of [board, panel, late]) expect(watched.results.at(-1)).to.deep.equal([]);
    expect(runs - before, 'a change is worked out once, not once per watcher').to.be.at.most(2);
    board.stop();
    panel.stop();
    const seen = board.results.length;
    await store.createAction({ unitId: teamA.id, title: 'Still watched by one' });
    await settle();
    expect(late.results.at(-1)!.map((a) => a.title)).to.deep.equal(['Still watched by one']);
    expect(board.results, 'a watcher that stopped hears nothing more').to.have.length(seen);
    late.stop();
  });

  it('stops delivering after unsubscribe', async () => {
    const store = freshStore();
    const { teamA } = await seedSmallOrg(store);
    const watched = recordResults(store, whereEquals('actions', 'unitId', teamA.id));
    await watched.next();
    watched.stop();
    await store.createAction({ unitId: teamA.id, title: 'Nobody listens' });
    await settle();
    expect(watched.results).to.have.length(1);
  });

  it('shows a query watched again without reading it again, and never a result a change made stale', async () => {
    const store = freshStore();
    const otherTab = freshStore({ name: store.name });
    const { teamA, teamB } = await seedSmallOrg(store);
    const query = whereEquals('actions', 'unitId', teamA.id);
    let runs = 0;
    const counted = { ...query, run: (reader: Parameters<typeof query.run>[0]) => (runs++, query.run(reader)) };
    const titles = async () => {
      const watched = recordResults(store, { ...counted });
      const result = (await watched.next()).map((a) => a.title);
      watched.stop();
      return result;
    };
    expect(await titles()).to.deep.equal([]);
    // A kiosk rotating back to the board: the same answer, no second read.
    expect(await titles()).to.deep.equal([]);
    expect(runs, 'read once for two mounts').to.equal(1);
    await store.createAction({ unitId: teamB.id, title: 'Another board' });
    expect(await titles()).to.deep.equal([]);
    expect(runs, 'a change elsewhere keeps it').to.equal(1);
    // Changed here, in another tab, and replaced wholesale while nobody watched: read again each time.
    await store.createAction({ unitId: teamA.id, title: 'Made here' });
    expect(await titles()).to.deep.equal(['Made here']);
    await otherTab.createAction({ unitId: teamA.id, title: 'Made in another tab' });
    await settle();
    expect((await titles()).sort()).to.deep.equal(['Made here', 'Made in another tab']);
    await clearAll(otherTab);
    await settle();
    expect(await titles()).to.deep.equal([]);
    expect(runs).to.equal(4);
  });

  it('reaches another store on the same database (another tab) through BroadcastChannel', async () => {
    const kiosk = freshStore();
    const settingsTab = freshStore({ name: kiosk.name });
    const { teamA, area } = await seedSmallOrg(kiosk);
    const onParentBoard = recordResults(settingsTab, escalationsOfUnit(area.id));
    expect((await onParentBoard.next()).received).to.have.length(0);
    const action = await kiosk.createAction({ unitId: teamA.id, title: 'Air leak on station 3' });
    await kiosk.escalateAction(action.id, 'Needs a contractor');
    const { received } = await onParentBoard.next();
    expect(received.map((e) => [e.title, e.state])).to.deep.equal([['Air leak on station 3', 'open']]);
    onParentBoard.stop();
  });

  it('tells every watcher when a whole database is imported in another tab', async () => {
    const kiosk = freshStore();
    const { teamA } = await seedSmallOrg(kiosk);
    await kiosk.createAction({ unitId: teamA.id, title: 'Before the restore' });
    const other = freshStore({ name: kiosk.name });
    const watched = recordResults(other, whereEquals('actions', 'unitId', teamA.id));
    expect(await watched.next()).to.have.length(1);
    await clearAll(kiosk);
    expect(await watched.next()).to.have.length(0);
    watched.stop();
  });

  it('updates results from the changes exactly as a fresh read would', async () => {
    const store = freshStore();
    const { teamA, teamB, area, leader } = await seedSmallOrg(store);
    const queries = [
      whereEquals('actions', 'unitId', teamA.id),
      allOf('actions'),
      allOf('actions', { includeRetired: true }),
      escalationsOfUnit(area.id),
      escalationsOfUnit(teamA.id),
    ];
    const watched = queries.map((q) => recordResults<unknown>(store, q as never));
    await Promise.all(watched.map((w) => w.next()));
    const random = seededRandom(42);
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      const roll = random.next();
      const id = ids.length ? random.pick(ids) : undefined;
      if (!id || roll < 0.3) ids.push((await store.createAction({ unitId: random.chance(0.5) ? teamA.id : teamB.id, title: `Action ${i}` })).id);
      else if (roll < 0.5) await store.updateAction(id, { unitId: random.chance(0.5) ? teamA.id : teamB.id, ownerId: leader.id });
      else if (roll < 0.65) await store.setActionStatus(id, random.pick(['open', 'doing', 'done', 'blocked'] as const));
      else if (roll < 0.75) await store.retire('actions', id);
      else if (roll < 0.9) {
        const action = await store.get(recordById('actions', id));
        if (action && !action.escalationId && !action.deletedAt && action.unitId === teamA.id) await store.escalateAction(id, 'help');
      } else {
        const [escalation] = await store.get(whereEquals('escalations', 'toUnitId', area.id));
        if (escalation) await store.setEscalationState(escalation.id, random.pick(['accepted', 'resolved', 'returned'] as const), 'note');
      }
    }
    await settle();
    for (const [index, query] of queries.entries()) {
      expect(watched[index]!.results.at(-1), query.key).to.deep.equal(await store.get(query as never));
      watched[index]!.stop();
    }
  });
});

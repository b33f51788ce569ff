import { expect } from '@open-wc/testing';
import { escalationsOfUnit, whereEquals } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, recordResults, seedSmallOrg, settle } from '../helpers/store.js';

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
    await kiosk.clearAll();
    expect(await watched.next()).to.have.length(0);
    watched.stop();
  });
});

/**
 * Answers kept on the device (Query.remember): a new page's store shows the kept answer without
 * running the query, and works it out again after any write of what it reads - from this tab,
 * another tab, a sync or a restore - never showing figures older than the records.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import type { Query } from '../../src/store/contract.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';
import { formatHlc } from '../../src/model/hlc.js';
import { exportData, importData } from '../../src/store/whole-database.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';

let runs = 0;

/** The names of everyone, kept on the device; counts how often it really reads the people. */
function names(day = '2026-11-21'): Query<string[]> {
  return {
    key: `names@${day}`,
    remember: 'names',
    reads: [{ kind: 'people' }],
    run: async (reader) => {
      runs++;
      return (await reader.all('people')).map((p) => p.name).sort();
    },
  };
}

/** What a new page (a new store on the same database) is shown first. */
async function onANewPage(name: string): Promise<string[]> {
  return freshStore({ name }).get(names());
}

/** The store's own rows (META: kept answers, marks, the clock), as text. */
async function metaText(name: string): Promise<string> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<unknown[]>((resolve, reject) => {
    const request = db.transaction('meta', 'readonly').objectStore('meta').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return JSON.stringify(rows);
}

describe('answers kept on the device', () => {
  let name: string;
  beforeEach(() => {
    runs = 0;
    name = `kept-${Date.now()}`;
  });
  afterEach(deleteTestDatabases);

  it('a new page is shown the kept answer without reading the records again', async () => {
    const store = freshStore({ name });
    await store.createPerson({ name: 'Ana', unitId: 'team-1', role: 'member' });
    expect(await store.get(names())).to.deep.equal(['Ana']);
    expect(runs).to.equal(1);
    expect(await onANewPage(name)).to.deep.equal(['Ana']);
    expect(runs, 'kept, not read again').to.equal(1);
    // A write of a kind it does not read leaves it kept.
    await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    expect(await onANewPage(name)).to.deep.equal(['Ana']);
    expect(runs).to.equal(1);
    // Another day is another answer (the key says what else it depends on).
    expect(await freshStore({ name }).get(names('2026-11-22'))).to.deep.equal(['Ana']);
    expect(runs).to.equal(2);
  });

  it('is worked out again after a write in this tab or another', async () => {
    const store = freshStore({ name });
    const ana = await store.createPerson({ name: 'Ana', unitId: 'team-1', role: 'member' });
    await store.get(names());
    await store.createPerson({ name: 'Ben', unitId: 'team-1', role: 'member' });
    expect(await onANewPage(name)).to.deep.equal(['Ana', 'Ben']);
    const otherTab = freshStore({ name });
    await otherTab.updatePerson(ana.id, { name: 'Anna' });
    expect(await onANewPage(name)).to.deep.equal(['Anna', 'Ben']);
    expect(runs, 'worked out once after each write').to.equal(3);
  });

  it('is worked out again after a sync brings a record it reads', async () => {
    const store = freshStore({ name });
    const ana = await store.createPerson({ name: 'Ana', unitId: 'team-1', role: 'member' });
    await store.get(names());
    // Another device renamed Ana a second later.
    const stamp = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    const applied = await new IdbReplica(store).applyRemote('srv', [{ kind: 'people', id: ana.id, record: { name: 'Ana Lopez' }, clocks: { name: stamp } }], 1);
    expect(applied.changed).to.equal(1);
    expect(await onANewPage(name)).to.deep.equal(['Ana Lopez']);
  });

  it("a person's erasure leaves no kept answer naming them on the device", async () => {
    const store = freshStore({ name });
    const ana = await store.createPerson({ name: 'Ana Lopez', unitId: 'team-1', role: 'member' });
    await store.createPerson({ name: 'Ben', unitId: 'team-1', role: 'member' });
    expect(await store.get(names())).to.deep.equal(['Ana Lopez', 'Ben']);
    expect(await metaText(name), 'kept').to.contain('Ana Lopez');
    await store.erasePerson(ana.id);
    expect(await metaText(name), 'no kept answer names her').to.not.contain('Ana Lopez');
    expect(await onANewPage(name)).to.not.include('Ana Lopez');
  });

  it('is worked out again after a restore', async () => {
    const store = freshStore({ name });
    await store.createPerson({ name: 'Ana', unitId: 'team-1', role: 'member' });
    const backup = await exportData(store);
    await store.createPerson({ name: 'Ben', unitId: 'team-1', role: 'member' });
    expect(await store.get(names())).to.deep.equal(['Ana', 'Ben']);
    await importData(store, backup);
    expect(await onANewPage(name)).to.deep.equal(['Ana']);
  });
});

/**
 * Answers kept on the device (Query.remember): a new page's store shows the kept answer without
 * running the query, and works it out again after any write of what it reads - from this tab,
 * another tab, a sync or a restore - never showing figures older than the records.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import type { Query } from '../../src/store/contract.js';
import type { AnyRecord } from '../../src/model/index.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';
import { formatHlc } from '../../src/model/hlc.js';
import { exportData, importData } from '../../src/store/whole-database.js';
import { openDatabase } from '../../src/store/idb.js';
import { keepAnswer, writtenState } from '../../src/store/remembered-answers.js';
import { DB_VERSION, META } from '../../src/store/schema-versions.js';
import { deleteTestDatabases, freshStore, idle, storeOnANewPage } from '../helpers/store.js';

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

let applies = 0;
/** What the store handed to `apply`: each change's id, and whether it came with its `before`. */
let handed: string[] = [];

type Names = Record<string, string>;

/**
 * The name of every live board by id (boards' writes are journalled), or the title of every live
 * action (theirs are not), kept on the device and brought up to date by `apply`.
 */
function namesOf(kind: 'units' | 'actions'): Query<Names> {
  const field = kind === 'units' ? 'name' : 'title';
  const withChange = (byId: Names, record: AnyRecord) => {
    const { [record.id]: _old, ...rest } = byId;
    return record.deletedAt ? rest : { ...rest, [record.id]: String((record as unknown as Record<string, unknown>)[field]) };
  };
  return {
    key: `names-of-${kind}`,
    remember: `names-of-${kind}`,
    reads: [{ kind }],
    run: async (reader) => {
      runs++;
      return (await reader.all(kind)).reduce<Names>(withChange, {});
    },
    apply: (previous, changes) => {
      applies++;
      handed.push(...changes.map((change) => `${change.after.id}${change.before ? ' with before' : ''}`));
      return changes.reduce<Names>((result, change) => withChange(result, change.after), previous);
    },
  };
}

/** What a new page (a new store on the same database) is shown first. */
async function onANewPage(name: string): Promise<string[]> {
  return (await storeOnANewPage({ name })).get(names());
}

/** The store's own rows (META: kept answers, marks, the clock), as text. */
async function metaText(name: string): Promise<string> {
  await idle();
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
    applies = 0;
    handed = [];
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
    expect(await (await storeOnANewPage({ name })).get(names('2026-11-22'))).to.deep.equal(['Ana']);
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

  it('an answer read before an erasure and kept after it is not kept', async () => {
    const store = freshStore({ name });
    const ana = await store.createPerson({ name: 'Ana Lopez', unitId: 'team-1', role: 'member' });
    // The page reads the names; before it is idle (when it keeps them), Ana is erased.
    const quiet = () => undefined;
    const db = await openDatabase(name, DB_VERSION, { upgrade: quiet, blocked: quiet, blocking: quiet, terminated: quiet });
    const tx = db.transaction(['people', META], 'readonly');
    const read = await writtenState(tx, ['people']);
    await tx.done;
    await store.erasePerson(ana.id);
    await keepAnswer(db, 'names', names().key, read, ['Ana Lopez']);
    db.close();
    expect(await metaText(name), 'no kept answer names her').to.not.contain('Ana Lopez');
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

  it('a kept answer is brought up to date with the records written since, without reading them all', async () => {
    const store = freshStore({ name });
    const line1 = await store.createUnit({ name: 'Line 1', tier: 1 });
    const line2 = await store.createUnit({ name: 'Line 2', tier: 1 });
    expect(await store.get(namesOf('units'))).to.deep.equal({ [line1.id]: 'Line 1', [line2.id]: 'Line 2' });
    expect([runs, applies]).to.deep.equal([1, 0]);
    // Written since, in another tab and by a sync: two transactions and a pulled change.
    const otherTab = freshStore({ name });
    await otherTab.updateUnit(line1.id, { name: 'Line 1 (press)' });
    const line3 = await otherTab.createUnit({ name: 'Line 3', tier: 1 });
    const stamp = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    await new IdbReplica(store).applyRemote('srv', [{ kind: 'units', id: line1.id, record: { name: 'Press line' }, clocks: { name: stamp } }], 1);
    const now = { [line1.id]: 'Press line', [line2.id]: 'Line 2', [line3.id]: 'Line 3' };
    expect(await (await storeOnANewPage({ name })).get(namesOf('units'))).to.deep.equal(now);
    expect([runs, applies], 'applied, not read again').to.deep.equal([1, 1]);
    // Each record written since once, as stored now (the journal keeps ids, not versions).
    expect(handed.sort()).to.deep.equal([line1.id, line3.id].sort());
    // The applied answer is kept: the next page reads it back as it is.
    expect(await (await storeOnANewPage({ name })).get(namesOf('units'))).to.deep.equal(now);
    expect([runs, applies]).to.deep.equal([1, 1]);
  });

  it('is read again after a write of a kind not journalled (a tap on an action pays for no journal)', async () => {
    const store = freshStore({ name });
    const guard = await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    await store.get(namesOf('actions'));
    await store.updateAction(guard.id, { title: 'Fix the guard' });
    expect(await (await storeOnANewPage({ name })).get(namesOf('actions'))).to.deep.equal({ [guard.id]: 'Fix the guard' });
    expect([runs, applies]).to.deep.equal([2, 0]);
  });

  it('is read again when records were removed without being named (a screen given another board)', async () => {
    const store = freshStore({ name });
    const line1 = await store.createUnit({ name: 'Line 1', tier: 1 });
    await store.createUnit({ name: 'Line 2', tier: 1 });
    await store.get(namesOf('units'));
    // Line 2 leaves a wall now showing Line 1 only.
    expect(await new IdbReplica(store).keepOnlyBoardScope(line1.id)).to.be.greaterThan(0);
    expect(await (await storeOnANewPage({ name })).get(namesOf('units'))).to.deep.equal({ [line1.id]: 'Line 1' });
    expect([runs, applies]).to.deep.equal([2, 0]);
  });
});

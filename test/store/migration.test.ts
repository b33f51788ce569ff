import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import { ENTITY_KINDS } from '../../src/model/types.js';
import { allOf, whereEquals } from '../../src/store/queries.js';
import { StorageError } from '../../src/store/errors.js';
import { DB_VERSION } from '../../src/store/schema-versions.js';
import { createV1Database, V1_RECORDS } from '../fixtures/db-v1.js';
import { deleteDatabase, deleteTestDatabases, freshStore, rejectionOf } from '../helpers/store.js';
import { exportData } from '../../src/store/whole-database.js';

function openRaw(name: string, version?: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe('store: schema versions', () => {
  afterEach(deleteTestDatabases);

  it('upgrades a version 1 database with every record intact', async () => {
    const store = freshStore();
    await createV1Database(store.name);
    const exported = await exportData(store);
    expect(exported.schemaVersion).to.equal(DB_VERSION);
    for (const [kind, records] of Object.entries(V1_RECORDS)) {
      const stored = exported.data[kind as (typeof ENTITY_KINDS)[number]];
      expect(stored, kind).to.have.length(records.length);
      for (const record of records) {
        const upgraded = stored.find((r) => r.id === record['id']);
        // Every field of version 1 is still there with its value.
        expect(upgraded, `${kind} ${String(record['id'])}`).to.deep.include(record);
      }
    }
    const raw = await openRaw(store.name);
    expect(raw.version).to.equal(DB_VERSION);
    raw.close();
  });

  it('gives version 1 coaching a direction, a coach index and a place for responses', async () => {
    const store = freshStore();
    await createV1Database(store.name);
    const [session] = await store.get(whereEquals('coachingSessions', 'coachId', 'p-sup'));
    expect(session).to.include({ id: 'cs-1', direction: 'down' });
    await store.respondToFeedback('fb-1', 'We moved the huddle to 7:35 as you asked.');
    expect(await store.get(allOf('feedbackResponses'))).to.have.length(1);
  });

  it('refuses a database written by a newer version, and leaves it untouched', async () => {
    const store = freshStore();
    const raw = await openRaw(store.name, DB_VERSION + 1);
    raw.close();
    const error = await rejectionOf(store.createUnit({ name: 'Line 9', tier: 1 }));
    expect(error).to.be.instanceOf(StorageError);
    expect((error as StorageError).problem).to.equal('version');
    expect(error.message).to.contain('newer version');
    const after = await openRaw(store.name);
    expect(after.version).to.equal(DB_VERSION + 1);
    after.close();
  });

  it('says so when an older tab holds the database open during an upgrade', async () => {
    const store = freshStore();
    await createV1Database(store.name);
    const oldTab = await openRaw(store.name, 1); // an old kiosk tab that never closes on request
    const error = await rejectionOf(store.get(allOf('units')));
    expect((error as StorageError).problem).to.equal('blocked');
    expect(error.message).to.contain('Close the other tabs');
    oldTab.close();
    // Once the old tab is gone the same store works and the upgrade completes.
    expect(await store.get(allOf('units'))).to.have.length(2);
  });

  it('opens nothing again once closed: a write still under way fails plainly, and the database can be deleted', async () => {
    const store = freshStore();
    await store.createUnit({ name: 'Line 1', tier: 1 });
    const underWay = store.createUnit({ name: 'Line 2', tier: 1 });
    store.close();
    const late = await rejectionOf(store.createUnit({ name: 'Line 3', tier: 1 }));
    expect((late as StorageError).problem, 'a write after close').to.equal('closed');
    await underWay.catch(() => undefined);
    // A connection left open here would keep the delete waiting (and every later open behind it).
    await deleteDatabase(store.name, 3000);
    expect((await indexedDB.databases()).map((d) => d.name)).not.to.include(store.name);
  });

  it('steps aside when a newer version in another tab upgrades, then says the data is newer', async () => {
    const store = freshStore();
    await store.createUnit({ name: 'Line 1', tier: 1 });
    const newerTab = await openRaw(store.name, DB_VERSION + 1); // would block forever if we did not close
    newerTab.close();
    const error = await rejectionOf(store.createUnit({ name: 'Line 2', tier: 1 }));
    expect((error as StorageError).problem).to.equal('version');
  });
});

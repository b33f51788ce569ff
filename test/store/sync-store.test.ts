/**
 * The store's side of sync, on real IndexedDB: every write is stamped and queued with the
 * fields it set; pulled records merge field by field without losing a write not yet
 * pushed; a page of pulled records is applied whole; a version-2 database's pending writes
 * become pushable ops.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import { allOf } from '../../src/store/queries.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';
import { formatHlc, hlcMs, isHlc } from '../../src/model/hlc.js';
import type { PulledRecord } from '../../src/protocol/sync.js';
import { createV2Database, V2_OUTBOX } from '../fixtures/db-v2.js';
import { deleteTestDatabases, freshStore, recordResults } from '../helpers/store.js';

const far = (ms: number) => formatHlc({ ms, counter: 0, node: 'server1' });

describe('store: sync', () => {
  afterEach(deleteTestDatabases);

  it('queues each write with an op id, a stamp and the fields it set', async () => {
    const store = freshStore();
    const action = await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    await store.setActionStatus(action.id, 'doing');
    const [created, changed] = await store.outbox();
    expect(created!.opId).to.not.equal(changed!.opId);
    expect(isHlc(created!.hlc) && isHlc(changed!.hlc)).to.equal(true);
    expect(changed!.hlc > created!.hlc).to.equal(true);
    expect(changed!.fields).to.have.members(['status', 'updatedAt']);
    expect(await new IdbReplica(store).pendingCount()).to.equal(2);
    await new IdbReplica(store).acknowledge(created!.seq!);
    expect((await store.outbox()).map((e) => e.opId)).to.deep.equal([changed!.opId]);
  });

  it("a new screen's history moves its own place, and a page of a history no longer owed as pulled is dropped whole", async () => {
    const store = freshStore();
    const replica = new IdbReplica(store);
    const from = '2026-11-01';
    const old = (value: number): PulledRecord => ({
      kind: 'kpiValues',
      id: 'kpi-1:2026-03-04',
      record: {
        id: 'kpi-1:2026-03-04',
        kpiId: 'kpi-1',
        day: '2026-03-04',
        value,
        createdAt: '2026-03-04T16:00:00.000Z',
        updatedAt: '2026-03-04T16:00:00.000Z',
      },
      clocks: { value: far(value), kpiId: far(1), day: far(1), createdAt: far(1), updatedAt: far(1) },
    });
    const values = async () => (await store.get(allOf('kpiValues'))).map((v) => v.value);
    await replica.beginHistory('srv', from);
    // Still pulling the recent part (or a new reader's first sync began): no history is owed yet.
    await replica.applyRemote('srv', [old(5)], 40, new Set(), { into: 'history', from, after: 0, done: false });
    expect(await values()).to.deep.equal([]);
    await replica.applyRemote('srv', [], 120, new Set(), { into: 'cursor', historyBefore: from });
    expect(await replica.historyToPull('srv')).to.deep.equal({ from, cursor: 0, recentDone: true });
    await replica.applyRemote('srv', [old(6)], 40, new Set(), { into: 'history', from, after: 0, done: false });
    expect(await values()).to.deep.equal([6]);
    expect(await replica.historyToPull('srv')).to.deep.equal({ from, cursor: 40, recentDone: true });
    expect(await replica.syncCursor('srv')).to.equal(120);
    // A page pulled after a place the history has left (pulled twice) is dropped.
    await replica.applyRemote('srv', [old(7)], 80, new Set(), { into: 'history', from, after: 0, done: true });
    expect(await values()).to.deep.equal([6]);
    await replica.applyRemote('srv', [old(8)], 80, new Set(), { into: 'history', from, after: 40, done: true });
    expect(await values()).to.deep.equal([8]);
    expect(await replica.historyToPull('srv')).to.equal(undefined);
    expect(await replica.syncCursor('srv')).to.equal(120);
  });

  it("keeps, page after page of a wall's history, that the rest of the boards below comes with it", async () => {
    const replica = new IdbReplica(freshStore());
    const from = '2026-11-01';
    await replica.beginHistory('srv', from);
    await replica.applyRemote('srv', [], 120, new Set(), { into: 'cursor', historyBefore: from, below: true });
    expect(await replica.historyToPull('srv')).to.deep.equal({ from, cursor: 0, recentDone: true, below: true });
    await replica.applyRemote('srv', [], 40, new Set(), { into: 'history', from, after: 0, done: false });
    expect(await replica.historyToPull('srv')).to.deep.equal({ from, cursor: 40, recentDone: true, below: true });
  });

  it('a pulled change to another field keeps the local change not yet pushed', async () => {
    const store = freshStore();
    const action = await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    await store.setActionStatus(action.id, 'doing'); // local, pending
    const [, pending] = await store.outbox();
    // Another device renamed it earlier than our status change, and set the status before that.
    const pulled: PulledRecord = {
      kind: 'actions',
      id: action.id,
      record: { ...action, title: 'Fix guard on press 2', status: 'open' },
      clocks: { title: pending!.hlc.replace(/:[a-z0-9]+$/, ':aaaa'), status: far(1) },
    };
    const result = await new IdbReplica(store).applyRemote('srv', [pulled], 7);
    expect(result).to.deep.equal({ changed: 1, rejected: [] });
    const [stored] = await store.get(allOf('actions'));
    expect(stored).to.include({ title: 'Fix guard on press 2', status: 'doing' });
    expect(await new IdbReplica(store).syncCursor('srv')).to.equal(7);
  });

  it('a first sync stores what the device held none of without reading it, and still keeps a write made meanwhile', async () => {
    const store = freshStore();
    const replica = new IdbReplica(store);
    expect((await replica.emptyKinds()).has('actions'), 'a new device holds no actions').to.equal(true);
    const fresh = await replica.emptyKinds();
    // While the first sync runs, someone adds an action on this screen (not yet pushed).
    const local = await store.createAction({ unitId: 'team-1', title: 'Typed here' });
    const [pending] = await store.outbox();
    const older = pending!.hlc.replace(/^\d{16}/, (ms) => String(Number(ms) - 1000).padStart(16, '0'));
    const other = { ...local, id: 'action-from-server', title: 'From the server' };
    const page = (title: string, stamp: string): PulledRecord[] => [
      { kind: 'actions', id: local.id, record: { ...local, title: 'An older version' }, clocks: { title: older } },
      {
        kind: 'actions',
        id: other.id,
        record: { ...other, title },
        clocks: Object.fromEntries(
          Object.keys(other)
            .filter((f) => f !== 'id')
            .map((f) => [f, stamp]),
        ),
      },
    ];
    await replica.applyRemote('srv', page('From the server', older), 1, fresh);
    // The same record again later in the same sync (changed on the server meanwhile): the newer version replaces it.
    await replica.applyRemote('srv', page('Changed since', pending!.hlc.replace(/:[a-z0-9]+$/, ':zzzz')), 2, fresh);
    const stored = new Map((await store.get(allOf('actions'))).map((a) => [a.id, a.title]));
    expect(stored.get(local.id), 'the write made on this screen').to.equal('Typed here');
    expect(stored.get(other.id)).to.equal('Changed since');
    expect((await replica.emptyKinds()).has('actions')).to.equal(false);
  });

  it('keeps no stamps for what only came from the server, and merges as before: its next version wins, a write made here wins over its older one', async () => {
    const store = freshStore();
    const replica = new IdbReplica(store);
    const made = await freshStore().createAction({ unitId: 'team-1', title: 'From the server' });
    const stamped = (stamp: string, record: object) =>
      Object.fromEntries(
        Object.keys(record)
          .filter((f) => f !== 'id')
          .map((f) => [f, stamp]),
      );
    const first = formatHlc({ ms: Date.now() - 60_000, counter: 0, node: 'server1' });
    const pulled = (record: typeof made, clocks: Record<string, string>): PulledRecord[] => [{ kind: 'actions', id: made.id, record: { ...record }, clocks }];
    await replica.applyRemote('srv', pulled(made, stamped(first, made)), 1);
    const rows = async () => (await store.internals().connection()).count('fieldClocks');
    expect(await rows(), 'stamp rows after a pull').to.equal(0);

    await store.setActionStatus(made.id, 'doing');
    expect(await rows(), 'a write here keeps its stamps').to.equal(1);
    await replica.applyRemote('srv', pulled(made, stamped(first, made)), 2);
    expect((await store.get(allOf('actions')))[0]!.status, "the server's older version sent again").to.equal('doing');

    const newer = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    await replica.applyRemote('srv', pulled({ ...made, title: 'Renamed on another device' }, { ...stamped(first, made), title: newer }), 3);
    const [action] = await store.get(allOf('actions'));
    expect([action!.title, action!.status]).to.deep.equal(['Renamed on another device', 'doing']);
  });

  it('a newer pulled retire hides the record and watchers hear of it', async () => {
    const store = freshStore();
    const action = await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    const watched = recordResults(store, allOf('actions'));
    expect((await watched.next()).map((a) => a.id)).to.deep.equal([action.id]);
    await new IdbReplica(store).applyRemote(
      'srv',
      [{ kind: 'actions', id: action.id, record: { deletedAt: '2026-11-22T08:00:00.000Z' }, clocks: { deletedAt: far(9e15) } }],
      1,
    );
    expect(await watched.next(), 'retired records are not listed').to.deep.equal([]);
    watched.stop();
  });

  it('an honest pulled edit wins over a local stamp from the far future (pulled before the bound)', async () => {
    const store = freshStore();
    const replica = new IdbReplica(store);
    const action = await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    await replica.applyRemote('srv', [{ kind: 'actions', id: action.id, record: { ...action, title: 'Poisoned' }, clocks: { title: far(9e15) } }], 1);
    const honest = formatHlc({ ms: Date.now(), counter: 0, node: 'admin1' });
    await replica.applyRemote('srv', [{ kind: 'actions', id: action.id, record: { ...action, title: 'Honest' }, clocks: { title: honest } }], 2);
    expect((await store.get(allOf('actions')))[0]!.title).to.equal('Honest');
    // Nor did the device take the far stamp for its own clock: its next write is stamped now.
    await store.createAction({ unitId: 'team-1', title: 'Next' });
    expect(hlcMs((await store.outbox()).at(-1)!.hlc)).to.be.below(Date.now() + 5000);
  });

  it('repairs local stamps beyond the bound, and records the stamps the server re-stamped', async () => {
    const store = freshStore();
    const replica = new IdbReplica(store);
    const action = await store.createAction({ unitId: 'team-1', title: 'Fix guard' });
    await replica.applyRemote('srv', [{ kind: 'actions', id: action.id, record: { ...action, status: 'doing' }, clocks: { status: far(9e15) } }], 1);
    expect(await replica.repairClocks()).to.equal(1);
    expect(await replica.repairClocks(), 'a second run finds nothing').to.equal(0);
    await store.setActionStatus(action.id, 'blocked');
    const entries = await store.outbox();
    const last = entries.at(-1)!;
    const server = formatHlc({ ms: Date.now() - 10, counter: 0, node: 'server1' });
    await replica.restamp(entries, { [last.opId]: server });
    // The server's version of that write, pulled back, is the same stamp: nothing changes, and
    // an honest edit a moment later wins.
    const later = formatHlc({ ms: Date.now(), counter: 0, node: 'admin1' });
    await replica.applyRemote('srv', [{ kind: 'actions', id: action.id, record: { ...action, status: 'done' }, clocks: { status: later } }], 2);
    expect((await store.get(allOf('actions')))[0]!.status).to.equal('done');
  });

  it("stamps by the server's time once the offset is learnt, and keeps it for the next start", async () => {
    const store = freshStore();
    await new IdbReplica(store).learnOffset(3_600_000);
    await store.createAction({ unitId: 'team-1', title: 'An hour ahead, by the server' });
    const [first] = await store.outbox();
    expect(hlcMs(first!.hlc) - Date.now()).to.be.within(3_590_000, 3_610_000);
    const again = freshStore({ name: store.name });
    await again.createAction({ unitId: 'team-1', title: 'After a restart, offline' });
    const second = (await again.outbox()).at(-1)!;
    expect(hlcMs(second.hlc) - Date.now()).to.be.within(3_590_000, 3_610_000);
  });

  it('a full page of pulled records is applied whole, and a disk that refuses its last record leaves none of it and the cursor where it was', async () => {
    const page = (from: number): PulledRecord[] =>
      Array.from({ length: 1000 }, (_, i) => {
        const record = {
          id: `a-${from + i}`,
          unitId: 'team-1',
          title: `Pulled action ${from + i}`,
          status: 'open',
          createdAt: '2026-11-22T08:00:00.000Z',
          updatedAt: '2026-11-22T08:00:00.000Z',
        };
        const clocks = Object.fromEntries(
          Object.keys(record)
            .filter((f) => f !== 'id')
            .map((f) => [f, far(5)]),
        );
        return { kind: 'actions', id: record.id, record, clocks };
      });
    const store = freshStore();
    const replica = new IdbReplica(store);
    const applied = await replica.applyRemote('srv', page(0), 1000);
    expect(applied.changed).to.equal(1000);
    expect(await store.get(allOf('actions'))).to.have.length(1000);
    expect(await replica.syncCursor('srv')).to.equal(1000);

    // The second page's last action is refused: the page goes in short steps, yet in one transaction.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((args[0] as { id?: string }).id === 'a-1999') throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const refused = await replica.applyRemote('srv', page(1000), 2000).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(refused?.message).to.match(/full|space|quota/i);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await store.get(allOf('actions')), 'nothing of the refused page').to.have.length(1000);
    expect(await replica.syncCursor('srv'), 'pulled again from where it was').to.equal(1000);
  });

  it('a record this version cannot store is reported, and the rest of the page applies', async () => {
    const store = freshStore();
    const good = {
      id: 'a-good',
      unitId: 'team-1',
      title: 'From the tablet',
      status: 'open',
      createdAt: '2026-11-22T08:00:00.000Z',
      updatedAt: '2026-11-22T08:00:00.000Z',
    };
    const stamp = (record: Record<string, unknown>) =>
      Object.fromEntries(
        Object.keys(record)
          .filter((f) => f !== 'id')
          .map((f) => [f, far(5)]),
      );
    const bad = { ...good, id: 'a-bad', colourOfTheDay: 'red' };
    const result = await new IdbReplica(store).applyRemote(
      'srv',
      [
        { kind: 'actions', id: 'a-bad', record: bad, clocks: stamp(bad) },
        { kind: 'actions', id: 'a-good', record: good, clocks: stamp(good) },
      ],
      2,
    );
    expect(result.changed).to.equal(1);
    expect(result.rejected[0]).to.match(/colourOfTheDay is not a known field/);
    expect((await store.get(allOf('actions'))).map((a) => a.id)).to.deep.equal(['a-good']);
  });

  it('a version-2 database keeps its pending writes, now stamped in the order they were made', async () => {
    const store = freshStore();
    await createV2Database(store.name);
    const outbox = await store.outbox();
    expect(outbox.map((e) => e.record['status' as keyof typeof e.record])).to.deep.equal(V2_OUTBOX.map((e) => e.record.status));
    expect(outbox.every((e) => isHlc(e.hlc) && e.opId.length > 0)).to.equal(true);
    expect(outbox[1]!.hlc > outbox[0]!.hlc, 'same millisecond, still ordered').to.equal(true);
  });
});

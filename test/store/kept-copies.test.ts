/**
 * The copies kept beside the records the cascade reads whole (kept-copies.ts): after every write
 * they are the records stored (the conversations' facts, no words), a name erased is erased from
 * them at once, and a cascade shown with nothing kept reads them instead of every record - with
 * the figures of a full reading.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';
import { sessionFacts, type AnyRecord, type CoachingPair } from '../../src/model/index.js';
import { allOf, cascadeFigures, type CascadeFigures } from '../../src/store/queries.js';
import { COPIED_KINDS, keptCopy, type CopiedKind } from '../../src/store/kept-copies.js';
import { writtenState } from '../../src/store/remembered-answers.js';
import { exportData, importData } from '../../src/store/whole-database.js';
import { META } from '../../src/store/schema-versions.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';
import { formatHlc } from '../../src/model/hlc.js';
import { deleteTestDatabases, freshStore, idle, inIdOrder, rejectionOf, seedSmallOrg, storeOnANewPage } from '../helpers/store.js';
import { TODAY, demoStore } from '../helpers/ui.js';
import { session } from '../helpers/records.js';
import { createV1Database } from '../fixtures/db-v1.js';

/** A kind's copy as kept on the device, when it is in line with the records stored (else undefined), in id order. */
async function copyKept(store: IdbHuddleStore, kind: CopiedKind): Promise<{ id: string }[] | undefined> {
  const db = await store.internals().connection();
  const tx = db.transaction([kind, META], 'readonly');
  const state = await writtenState(tx, [kind]);
  const copy = await keptCopy(tx, kind, state.kinds[kind]!.mark);
  await tx.done;
  return copy && inIdOrder(copy);
}

/** What a kind's copy must hold: every record as stored (retired too), or the facts of the live conversations. */
async function whatIsStored(store: IdbHuddleStore, kind: CopiedKind): Promise<{ id: string }[]> {
  const records: AnyRecord[] = await store.get(allOf(kind, { includeRetired: kind !== 'coachingSessions' }));
  return kind === 'coachingSessions' ? records.map((record) => sessionFacts(record as Parameters<typeof sessionFacts>[0])) : records;
}

async function expectInLine(store: IdbHuddleStore, after: string, kinds: readonly CopiedKind[] = COPIED_KINDS): Promise<void> {
  for (const kind of kinds) {
    const kept = await copyKept(store, kind);
    expect(kept, `the copy of ${kind} in line after ${after}`).to.not.equal(undefined);
    expect(kept, `the copy of ${kind}: what is stored after ${after}`).to.deep.equal(await whatIsStored(store, kind));
  }
}

/** A conversation between a pair's coach and learner on `day`, as a draft. */
function conversation(pair: Pick<CoachingPair, 'coachId' | 'learnerId'>, day: string, followUpDate?: string) {
  const { coachId, learnerId } = pair;
  const { id: _id, createdAt: _created, updatedAt: _updated, ...draft } = session(day, { coachId, learnerId, ...(followUpDate ? { followUpDate } : {}) });
  return draft;
}

/** Calls `body` while counting the object stores whose records are read whole (getAll). */
async function countingWholeReads<T>(body: () => Promise<T>): Promise<{ result: T; read: Map<string, number> }> {
  const getAll = IDBObjectStore.prototype.getAll;
  const read = new Map<string, number>();
  IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['getAll']>) {
    read.set(this.name, (read.get(this.name) ?? 0) + 1);
    return getAll.apply(this, args);
  };
  try {
    return { result: await body(), read };
  } finally {
    IDBObjectStore.prototype.getAll = getAll;
  }
}

/** The figures worked out from every record, nothing kept. */
async function fullReading(name: string): Promise<CascadeFigures> {
  const { remember: _kept, ...readingEverything } = cascadeFigures(TODAY);
  return (await storeOnANewPage({ name, today: () => TODAY })).get(readingEverything);
}

function expectSameFigures(shown: CascadeFigures, full: CascadeFigures): void {
  const { basis: shownBasis, ...shownFigures } = shown;
  const { basis: fullBasis, ...fullFigures } = full;
  expect(shownFigures).to.deep.equal(fullFigures);
  expect(shownBasis.pairs).to.deep.equal(fullBasis.pairs);
  expect(inIdOrder(shownBasis.sessions())).to.deep.equal(inIdOrder(fullBasis.sessions()));
}

/**
 * The cascade as `store` shows it, with the object stores it read whole - checked to be the
 * figures of a full reading of the same database.
 */
async function cascadeShownBy(store: IdbHuddleStore): Promise<{ figures: CascadeFigures; read: Map<string, number>; readWhole: CopiedKind[] }> {
  const { result: figures, read } = await countingWholeReads(() => store.get(cascadeFigures(TODAY)));
  expectSameFigures(figures, await fullReading(store.name));
  return { figures, read, readWhole: COPIED_KINDS.filter((kind) => read.has(kind)) };
}

describe('the copies kept beside the records on a device', () => {
  afterEach(deleteTestDatabases);

  it('are the records stored after every kind of write', async () => {
    const store = await demoStore();
    await expectInLine(store, 'a restore');
    const [first, second] = await store.get(allOf('coachingSessions'));
    const pair = (await store.get(allOf('coachingPairs')))[0]!;
    const otherTab = freshStore({ name: store.name, today: () => TODAY });
    await otherTab.saveCoachingSession(conversation(pair, TODAY, '2026-11-28'));
    await store.retire('coachingSessions', first!.id);
    await store.saveCoachingPair({ ...pair, cadenceDays: 21 });
    const board = await store.createUnit({ name: 'Line 9', tier: 1 });
    await store.createPerson({ name: 'Nia New', unitId: board.id, role: 'leader' });
    await expectInLine(store, 'conversations, a pair, a board and a person written in two tabs');
    const stamp = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    await new IdbReplica(store).applyRemote('srv', [{ kind: 'coachingSessions', id: second!.id, record: { day: '2026-11-19' }, clocks: { day: stamp } }], 1);
    await expectInLine(store, 'a conversation moved to another day by a sync', ['coachingSessions']);
    const facts = (await copyKept(store, 'coachingSessions')) as { id: string; day: string }[];
    expect(facts.find((fact) => fact.id === second!.id)?.day).to.equal('2026-11-19');
    expect(facts.some((fact) => fact.id === first!.id)).to.equal(false);
  });

  it("lose a person's name in the erasure's own transaction, and keep no words of a conversation", async () => {
    const store = freshStore({ today: () => TODAY });
    expect(await copyKept(store, 'people'), 'none, in line on a new database').to.deep.equal([]);
    const { leader, member } = await seedSmallOrg(store);
    await store.saveCoachingSession({ ...conversation({ coachId: leader.id, learnerId: member.id }, TODAY), wentWell: 'Clear start', focus: 'Red KPIs first' });
    await store.erasePerson(member.id);
    await expectInLine(store, 'an erasure');
    expect(JSON.stringify([await copyKept(store, 'people'), await copyKept(store, 'coachingSessions')])).to.not.match(/Ben Member|Clear start|Red KPIs first/);
    // A restore of that database elsewhere starts in line too.
    const copy = freshStore({ today: () => TODAY });
    await importData(copy, await exportData(store));
    await expectInLine(copy, 'a restore');
  });

  it('show a cascade with nothing kept without reading every record: the figures of a full reading', async () => {
    const store = await demoStore();
    await store.get(cascadeFigures(TODAY));
    await idle();
    const pair = (await store.get(allOf('coachingPairs')))[0]!;
    await store.saveCoachingSession(conversation(pair, TODAY, '2026-11-25'));
    // A name changed: every kept answer goes (a name must never outlive its erasure).
    const person = (await store.get(allOf('people')))[0]!;
    await store.updatePerson(person.id, { name: 'Renamed Person' });
    const { figures, read, readWhole } = await cascadeShownBy(await storeOnANewPage({ name: store.name, today: () => TODAY }));
    expect(readWhole, 'records read whole').to.deep.equal([]);
    expect(read.get(META), 'the copies read').to.be.greaterThan(0);
    expect(figures.people.find((p) => p.id === person.id)?.name).to.equal('Renamed Person');
  });

  it('after records were removed without being named, the cascade reads the records and keeps the copies again', async () => {
    const store = await demoStore();
    const team = (await store.get(allOf('units'))).find((unit) => unit.tier === 1)!;
    // A wall given one board: the records of the others leave it, unnamed.
    expect(await new IdbReplica(store).keepOnlyBoardScope(team.id)).to.be.greaterThan(0);
    for (const kind of COPIED_KINDS) expect(await copyKept(store, kind), `the copy of ${kind} no longer in line`).to.equal(undefined);
    const { readWhole } = await cascadeShownBy(await storeOnANewPage({ name: store.name, today: () => TODAY }));
    expect(readWhole).to.deep.equal(COPIED_KINDS);
    await idle();
    await expectInLine(store, 'the cascade was shown');
  });

  it('a write of many records (an import, a page of a first sync) leaves its copy out of line, kept again at the next reading', async () => {
    const store = await demoStore();
    const team = (await store.get(allOf('units'))).find((unit) => unit.tier === 1)!;
    // A copy brought in line by every page of a first sync would be rewritten whole with each.
    const people = Array.from({ length: 150 }, (_, i) => ({ name: `Imported ${i}`, unitId: team.id, role: 'member' as const }));
    await store.addPeople(people, []);
    expect(await copyKept(store, 'people'), 'out of line after 150 people at once').to.equal(undefined);
    await expectInLine(store, 'an import of people', ['units', 'coachingPairs', 'coachingSessions']);
    const { readWhole } = await cascadeShownBy(await storeOnANewPage({ name: store.name, today: () => TODAY }));
    expect(readWhole, 'the people read, the rest from their copies').to.deep.equal(['people']);
    await idle();
    await expectInLine(store, 'the cascade was shown');
  });

  it('an upgraded database, which kept none, reads its records and then keeps copies of them as upgraded', async () => {
    const store = freshStore({ today: () => TODAY });
    await createV1Database(store.name);
    for (const kind of COPIED_KINDS) expect(await copyKept(store, kind), `no copy of ${kind} yet`).to.equal(undefined);
    const { readWhole } = await cascadeShownBy(store);
    expect(readWhole).to.deep.equal(COPIED_KINDS);
    await idle();
    // Version 1's conversations had no direction: the copy holds them as upgraded.
    await expectInLine(store, 'the cascade was shown');
  });

  it('a write the disk refuses leaves them as they were, in line', async () => {
    const store = await demoStore();
    const before = await copyKept(store, 'coachingSessions');
    const pair = (await store.get(allOf('coachingPairs')))[0]!;
    const put = IDBObjectStore.prototype.put;
    // The disk fills up as the copies are brought in line: the last puts of the write.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (String((args[0] as { key?: unknown }).key).startsWith('copy:')) throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let error: Error;
    try {
      error = await rejectionOf(store.saveCoachingSession(conversation(pair, TODAY)));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(error.message).to.match(/full|space|quota/i);
    expect(await copyKept(store, 'coachingSessions')).to.deep.equal(before);
    await expectInLine(store, 'a refused conversation');
  });
});

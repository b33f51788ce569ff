/**
 * The facts of every conversation kept beside them (conversation-facts.ts): after every write
 * they are the facts of the conversations stored, and a cascade shown with nothing kept reads
 * them instead of every conversation - with the figures of a full reading.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';
import type { RecordReader } from '../../src/store/contract.js';
import { sessionFacts, type CoachingPair, type SessionFacts } from '../../src/model/index.js';
import { allOf, cascadeFigures, type CascadeFigures } from '../../src/store/queries.js';
import { keptFactsFor } from '../../src/store/conversation-facts.js';
import { writtenState } from '../../src/store/remembered-answers.js';
import { exportData, importData } from '../../src/store/whole-database.js';
import { META } from '../../src/store/schema-versions.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';
import { formatHlc } from '../../src/model/hlc.js';
import { deleteTestDatabases, freshStore, idle, inIdOrder, rejectionOf, seedSmallOrg, storeOnANewPage } from '../helpers/store.js';
import { TODAY, demoStore } from '../helpers/ui.js';
import { session } from '../helpers/records.js';

/** The facts kept on the device, when they are in line with the conversations stored (else undefined), in id order. */
async function keptFacts(store: IdbHuddleStore): Promise<SessionFacts[] | undefined> {
  const db = await store.internals().connection();
  const tx = db.transaction(['coachingSessions', META], 'readonly');
  const state = await writtenState(tx, ['coachingSessions']);
  const facts = await keptFactsFor(tx, state.kinds.coachingSessions!.mark);
  await tx.done;
  return facts && inIdOrder(facts);
}

/** The facts of the live conversations stored, in id order. */
async function storedFacts(store: IdbHuddleStore): Promise<SessionFacts[]> {
  return (await store.get(allOf('coachingSessions'))).map(sessionFacts);
}

async function expectInLine(store: IdbHuddleStore, after: string): Promise<void> {
  const kept = await keptFacts(store);
  expect(kept, `in line after ${after}`).to.not.equal(undefined);
  expect(kept, `the facts of the conversations stored after ${after}`).to.deep.equal(await storedFacts(store));
}

/** A conversation between a pair's coach and learner (of its kind, if given) on `day`, as a draft. */
function conversation(
  pair: Pick<CoachingPair, 'coachId' | 'learnerId'> & Partial<Pick<CoachingPair, 'kind' | 'direction'>>,
  day: string,
  followUpDate?: string,
) {
  const { coachId, learnerId, kind = 'huddle-observation', direction = 'down' } = pair;
  const {
    id: _id,
    createdAt: _created,
    updatedAt: _updated,
    ...draft
  } = session(day, { coachId, learnerId, kind, direction, ...(followUpDate ? { followUpDate } : {}) });
  return draft;
}

/** The figures a new page shows, with which records it read for them. */
async function shownOnANewPage(name: string): Promise<{ figures: CascadeFigures; conversationsRead: number; factsRead: number }> {
  const query = cascadeFigures(TODAY);
  let conversationsRead = 0;
  let factsRead = 0;
  const counted = (reader: RecordReader): RecordReader => ({
    ...reader,
    all: (kind) => ((conversationsRead += kind === 'coachingSessions' ? 1 : 0), reader.all(kind)),
    ...(reader.conversationFacts ? { conversationFacts: () => (factsRead++, reader.conversationFacts!()) } : {}),
  });
  const store = await storeOnANewPage({ name, today: () => TODAY });
  const figures = await store.get({ ...query, run: (reader) => query.run(counted(reader)) });
  return { figures, conversationsRead, factsRead };
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
  expect(inIdOrder(shownBasis.sessions())).to.deep.equal(inIdOrder(fullBasis.sessions()));
}

describe("the conversations' facts kept on a device", () => {
  afterEach(deleteTestDatabases);

  it('are the facts of the conversations stored after every kind of write', async () => {
    const store = await demoStore();
    await expectInLine(store, 'a restore');
    const sessions = await store.get(allOf('coachingSessions'));
    const [first, second] = sessions;
    const otherTab = freshStore({ name: store.name, today: () => TODAY });
    const pair = (await store.get(allOf('coachingPairs')))[0]!;
    await otherTab.saveCoachingSession(conversation(pair, TODAY, '2026-11-28'));
    await expectInLine(store, 'a conversation recorded in another tab');
    await store.retire('coachingSessions', first!.id);
    await expectInLine(store, 'a conversation retired');
    const stamp = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    await new IdbReplica(store).applyRemote('srv', [{ kind: 'coachingSessions', id: second!.id, record: { day: '2026-11-19' }, clocks: { day: stamp } }], 1);
    await expectInLine(store, 'a conversation moved to another day by a sync');
    expect((await keptFacts(store))!.find((fact) => fact.id === second!.id)?.day).to.equal('2026-11-19');
    expect((await keptFacts(store))!.some((fact) => fact.id === first!.id)).to.equal(false);
  });

  it('start in line on a new database, and keep no words', async () => {
    const store = freshStore({ today: () => TODAY });
    expect(await keptFacts(store), 'none, in line').to.deep.equal([]);
    const { leader, member } = await seedSmallOrg(store);
    await store.saveCoachingSession({ ...conversation({ coachId: leader.id, learnerId: member.id }, TODAY), wentWell: 'Clear start', focus: 'Red KPIs first' });
    await expectInLine(store, 'the first conversation');
    expect(JSON.stringify(await keptFacts(store))).to.not.match(/Clear start|Red KPIs first/);
    // A restore of that database elsewhere starts in line too.
    const copy = freshStore({ today: () => TODAY });
    await importData(copy, await exportData(store));
    await expectInLine(copy, 'a restore');
  });

  it('show a cascade with nothing kept without reading every conversation: the figures of a full reading', async () => {
    const store = await demoStore();
    await store.get(cascadeFigures(TODAY));
    await idle();
    const pair = (await store.get(allOf('coachingPairs')))[0]!;
    await store.saveCoachingSession(conversation(pair, TODAY, '2026-11-25'));
    // A name changed: every kept answer goes (a name must never outlive its erasure).
    const person = (await store.get(allOf('people')))[0]!;
    await store.updatePerson(person.id, { name: 'Renamed Person' });
    const { figures, conversationsRead, factsRead } = await shownOnANewPage(store.name);
    expect([conversationsRead, factsRead], 'the facts read, no conversation').to.deep.equal([0, 1]);
    expectSameFigures(figures, await fullReading(store.name));
    expect(figures.people.find((p) => p.id === person.id)?.name).to.equal('Renamed Person');
  });

  it('after records were removed without being named, the cascade reads the conversations and keeps their facts again', async () => {
    const store = await demoStore();
    const team = (await store.get(allOf('units'))).find((unit) => unit.tier === 1)!;
    // A wall given one board: the records of the others leave it, unnamed.
    expect(await new IdbReplica(store).keepOnlyBoardScope(team.id)).to.be.greaterThan(0);
    expect(await keptFacts(store), 'no longer in line').to.equal(undefined);
    const { figures } = await shownOnANewPage(store.name);
    expectSameFigures(figures, await fullReading(store.name));
    await idle();
    await expectInLine(store, 'the cascade was shown');
  });

  it('a conversation the disk refuses leaves them as they were, in line', async () => {
    const store = await demoStore();
    const before = await keptFacts(store);
    const pair = (await store.get(allOf('coachingPairs')))[0]!;
    const put = IDBObjectStore.prototype.put;
    // The disk fills up as the facts are brought in line: the last put of the write.
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (String((args[0] as { key?: unknown }).key).startsWith('facts:')) throw new DOMException('The disk is full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    let error: Error;
    try {
      error = await rejectionOf(store.saveCoachingSession(conversation(pair, TODAY)));
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(error.message).to.match(/full|space|quota/i);
    expect(await keptFacts(store)).to.deep.equal(before);
    await expectInLine(store, 'a refused conversation');
  });
});

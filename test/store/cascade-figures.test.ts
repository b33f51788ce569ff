/**
 * The cascade's figures kept on the device and brought up to date (`apply`) from the records
 * written since must be exactly the figures worked out from every record: a manager's tablet
 * never shows a pair, a gap or a share of cadence kept that a full reading would not.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';
import type { CoachingPair, CoachingSession } from '../../src/model/index.js';
import { allOf, cascadeFigures, type CascadeFigures } from '../../src/store/queries.js';
import { unpackFacts } from '../../src/store/packed-facts.js';
import { sessionFacts } from '../../src/model/cadence.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';
import { formatHlc } from '../../src/model/hlc.js';
import { deleteTestDatabases, freshStore, idle, inIdOrder, storeOnANewPage } from '../helpers/store.js';
import { TODAY, demoStore } from '../helpers/ui.js';
import { session } from '../helpers/records.js';

/**
 * The figures a new page is shown on `today`, with how often it read every record for them, and
 * the figures worked out from every record, nothing kept.
 */
async function shownAndFullReading(name: string, today = TODAY): Promise<{ shown: CascadeFigures; runs: number; full: CascadeFigures }> {
  const query = cascadeFigures(today);
  let runs = 0;
  const shown = await (await storeOnANewPage({ name, today: () => today })).get({ ...query, run: (reader) => (runs++, query.run(reader)) });
  const { remember: _kept, ...readingEverything } = query;
  const full = await (await storeOnANewPage({ name, today: () => today })).get(readingEverything);
  return { shown, runs, full };
}

/** A conversation of `pair` recorded on `day` through `store`, with its words and follow-up as given. */
function recordConversation(
  store: IdbHuddleStore,
  pair: Pick<CoachingPair, 'kind' | 'direction' | 'coachId' | 'learnerId'>,
  day: string,
  fields: Partial<Pick<CoachingSession, 'wentWell' | 'focus' | 'followUpDate'>> = {},
) {
  const { kind, direction, coachId, learnerId } = pair;
  const { id: _id, createdAt: _created, updatedAt: _updated, ...draft } = session(day, { kind, direction, coachId, learnerId, ...fields });
  return store.saveCoachingSession(draft);
}

describe('the cascade figures kept on a device', () => {
  afterEach(deleteTestDatabases);

  it('brought up to date after conversations, pairs and boards changed, they are the figures of a full reading', async () => {
    const store = await demoStore();
    const name = store.name;
    const before = await store.get(cascadeFigures(TODAY));
    const [sam, tia] = [before.cascade.people.find((p) => p.gives.length > 1)!, before.cascade.people.find((p) => p.tier === 1 && p.receives.length > 0)!];
    const observed = tia.receives.find((r) => r.pair.kind === 'huddle-observation')!.pair;
    const sessions = before.basis.sessions().filter((s) => s.learnerId === tia.person.id);

    // Another tab records and edits, a sync brings a change, as a day on a tablet would.
    const otherTab = freshStore({ name, today: () => TODAY });
    await recordConversation(otherTab, observed, TODAY, { wentWell: 'Started on time', focus: 'Red KPIs first', followUpDate: '2026-11-28' });
    await otherTab.retire('coachingSessions', sessions[0]!.id);
    await otherTab.saveCoachingPair({ ...observed, cadenceDays: 14 });
    await otherTab.createUnit({ name: 'Line 9', tier: 1, parentId: sam.person.unitId });
    const stamp = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    await new IdbReplica(otherTab).applyRemote(
      'srv',
      [{ kind: 'coachingSessions', id: sessions[1]!.id, record: { day: '2026-11-20' }, clocks: { day: stamp } }],
      1,
    );

    const { shown: onANewPage, runs, full } = await shownAndFullReading(name);
    expect(runs, 'brought up to date, not read again').to.equal(0);
    const { basis: applied, ...shown } = onANewPage;
    const { basis: read, ...shownAfterReading } = full;
    expect(shown).to.deep.equal(shownAfterReading);
    expect(applied.pairs).to.deep.equal(read.pairs);
    expect(inIdOrder(applied.sessions())).to.deep.equal(inIdOrder(read.sessions()));
    // And the changes are in it: the new conversation, the moved one, the pair's new cadence.
    const tiaNow = onANewPage.cascade.people.find((p) => p.person.id === tia.person.id)!;
    const pairNow = tiaNow.receives.find((r) => r.pair.id === observed.id)!;
    expect(pairNow.status.lastDay).to.equal(TODAY);
    expect(pairNow.pair.cadenceDays).to.equal(14);
    const facts = onANewPage.basis.sessions();
    expect(
      facts.some((s) => s.id === sessions[0]!.id),
      'the retired conversation left',
    ).to.equal(false);
    expect(facts.find((s) => s.id === sessions[1]!.id)?.day).to.equal('2026-11-20');
  });

  it('brought up to date after conversations alone changed (only their pairs and learners worked out again), they are the figures of a full reading', async () => {
    const store = await demoStore();
    const name = store.name;
    const before = await store.get(cascadeFigures(TODAY));
    await idle();
    const tia = before.cascade.people.find((p) => p.tier === 1 && p.receives.length > 0)!;
    const observed = tia.receives.find((r) => r.pair.kind === 'huddle-observation')!.pair;
    const [first, second] = before.basis.sessions().filter((s) => s.learnerId === tia.person.id);
    // A conversation of a pair nothing else here touches: handed to another coach, its old pair is worked out again too.
    const moved = before.basis.sessions().find((s) => s.learnerId !== tia.person.id && s.coachId && s.coachId !== observed.coachId)!;
    const otherTab = freshStore({ name, today: () => TODAY });
    // Recorded with a follow-up, retired, moved to another day, and handed to another coach.
    await recordConversation(otherTab, observed, TODAY, { focus: 'Red KPIs first', followUpDate: '2026-11-24' });
    await otherTab.retire('coachingSessions', first!.id);
    const stamp = formatHlc({ ms: Date.now() + 1000, counter: 0, node: 'server1' });
    const otherCoach = before.cascade.people.find((p) => p.gives.length > 0 && p.person.id !== moved.coachId)!.person.id;
    await new IdbReplica(otherTab).applyRemote(
      'srv',
      [
        { kind: 'coachingSessions', id: second!.id, record: { day: '2026-11-19' }, clocks: { day: stamp } },
        { kind: 'coachingSessions', id: moved.id, record: { coachId: otherCoach }, clocks: { coachId: stamp } },
      ],
      1,
    );
    const { shown: applied, runs, full } = await shownAndFullReading(name);
    expect(runs, 'brought up to date, not read again').to.equal(0);
    const { basis: appliedBasis, ...shown } = applied;
    const { basis: readBasis, ...shownAfterReading } = full;
    expect(shown).to.deep.equal(shownAfterReading);
    expect(appliedBasis.pairAdherence).to.deep.equal(readBasis.pairAdherence);
    expect(inIdOrder(appliedBasis.sessions())).to.deep.equal(inIdOrder(readBasis.sessions()));
    expect(shown.cascade.people.find((p) => p.person.id === tia.person.id)!.receives.find((r) => r.pair.id === observed.id)!.status.lastDay).to.equal(TODAY);
  });

  it("on a new day, worked out from yesterday's kept figures and what was recorded since, they are the figures of a full reading", async () => {
    const store = await demoStore();
    const name = store.name;
    const yesterday = await store.get(cascadeFigures(TODAY));
    await idle();
    const tomorrow = '2026-11-22';
    // A conversation recorded since, by another tab.
    const pair = yesterday.cascade.people.find((p) => p.gives.length > 0)!.gives[0]!.pair;
    await recordConversation(freshStore({ name, today: () => tomorrow }), pair, tomorrow, { focus: 'Visual board first' });
    const { shown: onANewDay, runs, full } = await shownAndFullReading(name, tomorrow);
    expect(runs, "from yesterday's figures, not every conversation read again").to.equal(0);
    const { basis: rebased, ...shown } = onANewDay;
    const { basis: read, ...shownAfterReading } = full;
    expect(shown).to.deep.equal(shownAfterReading);
    expect(inIdOrder(rebased.sessions())).to.deep.equal(inIdOrder(read.sessions()));
    expect(onANewDay.cascade.people.flatMap((p) => p.gives).find((g) => g.pair.id === pair.id)!.status.lastDay).to.equal(tomorrow);
    // Figures of another version of the rules are never a starting point.
    expect(cascadeFigures(tomorrow).rebase!(yesterday, 'coaching-cascade:1@2026-11-21')).to.equal(undefined);
  });

  it('keep no words of any conversation, and the facts of every live one', async () => {
    const store = await demoStore();
    const figures = await store.get(cascadeFigures(TODAY));
    const stored = await store.get(allOf('coachingSessions'));
    expect(inIdOrder(figures.basis.sessions())).to.deep.equal(stored.map(sessionFacts));
    // As kept on the device, once the page is idle.
    const kept = await until(async () => (await metaRows(store.name)).find((row) => row.key === 'answer:coaching-cascade'));
    expect(inIdOrder(unpackFacts((kept.result as { basis: { sessions: string } }).basis.sessions))).to.deep.equal(stored.map(sessionFacts));
    const text = JSON.stringify(kept);
    const words = stored.flatMap((s) => [s.focus, s.wentWell, s.evenBetter]).filter((word) => word.length > 0);
    expect(words.length).to.be.greaterThan(0);
    expect(words.filter((word) => text.includes(word))).to.deep.equal([]);
  });
});

/** The store's own rows (META), as they are on the device. */
async function metaRows(name: string): Promise<{ key: string; result?: unknown }[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const rows = await new Promise<{ key: string }[]>((resolve, reject) => {
    const request = db.transaction('meta', 'readonly').objectStore('meta').getAll();
    request.onsuccess = () => resolve(request.result as { key: string }[]);
    request.onerror = () => reject(request.error);
  });
  db.close();
  return rows;
}

async function until<T>(found: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await found();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('not kept in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * An erasure or the retention on a device that has not synced yet: what is still queued for the
 * server must not carry the name or the words there (into its records and its history), and
 * what it sends must still be a valid record.
 */
import '../helpers/english.js';
import { expect } from '@open-wc/testing';
import { DEFAULT_TIERS, validateRecord } from '../../src/model/index.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';

const TODAY = '2026-11-21';

describe('the changes queued for the server after an erasure', () => {
  afterEach(deleteTestDatabases);

  it("hold neither the erased person's name nor the words of their conversations", async () => {
    const store = freshStore({ today: () => TODAY });
    const coach = await store.createPerson({ name: 'Sam Supervisor', unitId: 'area-1', role: 'leader' });
    const ana = await store.createPerson({ name: 'Ana Lopez', unitId: 'team-1', role: 'leader', email: 'ana@example.org' });
    await store.updatePerson(ana.id, { name: 'Ana Lopez-Garcia' });
    await store.saveCoachingSession({
      kind: 'huddle-observation',
      direction: 'down',
      anonymous: false,
      coachId: coach.id,
      learnerId: ana.id,
      day: TODAY,
      ratings: {},
      wentWell: 'Kept to nine minutes',
      evenBetter: 'Ask the quiet ones',
      focus: 'Questions first',
    });
    const queuedBefore = JSON.stringify(await store.outbox());
    expect(queuedBefore).to.contain('Ana Lopez').and.contain('Kept to nine minutes');

    await store.erasePerson(ana.id);
    const queued = await store.outbox();
    const text = JSON.stringify(queued);
    for (const word of ['Ana Lopez', 'ana@example.org', 'Kept to nine minutes', 'Ask the quiet ones', 'Questions first']) expect(text).to.not.contain(word);
    // Every change is still queued, in order, and each sends a valid record.
    expect(queued.length).to.be.greaterThan(4);
    for (const entry of queued) validateRecord(entry.kind, entry.record);
    // The coach's own name was not touched.
    expect(text).to.contain('Sam Supervisor');
  });

  it('hold no words of conversations past the retention', async () => {
    const store = freshStore({ today: () => TODAY });
    await store.saveOrgSettings({ name: 'Fixture', locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator', coachingWordsKeptMonths: 1 });
    const session = (day: string, focus: string) =>
      store.saveCoachingSession({
        kind: 'huddle-observation',
        direction: 'down',
        anonymous: false,
        coachId: 'p-coach',
        learnerId: 'p-learner',
        day,
        ratings: {},
        wentWell: '',
        evenBetter: '',
        focus,
      });
    await session('2026-09-02', 'An old focus');
    await session('2026-11-20', 'A recent focus');
    expect(await store.forgetOldWords()).to.equal(1);
    const text = JSON.stringify(await store.outbox());
    expect(text).to.not.contain('An old focus');
    expect(text).to.contain('A recent focus');
  });
});

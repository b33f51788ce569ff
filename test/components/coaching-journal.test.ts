import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/coaching-journal/coaching-journal.js';
import type { CoachingJournal } from '../../src/components/coaching-journal/coaching-journal.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';
import '../../src/components/huddle-provider/huddle-provider.js';
import { IdbReplica } from '../../src/sync/idb-replica.js';

async function journalOf(who: 'leader' | 'sup') {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const sup = await store.createPerson({ name: 'Sam Supervisor', unitId: org.area.id, role: 'leader' });
  const base = { kind: 'huddle-observation', ratings: {}, wentWell: '', evenBetter: '' } as const;
  await store.saveCoachingSession({
    ...base,
    direction: 'down',
    anonymous: false,
    coachId: sup.id,
    learnerId: org.leader.id,
    day: '2026-11-07',
    focus: 'Keep to ten minutes',
    followUpDate: '2026-11-14',
    ratings: { a: 2, b: 1 },
  });
  await store.saveCoachingSession({
    ...base,
    direction: 'up',
    anonymous: true,
    learnerId: org.leader.id,
    day: '2026-11-18',
    focus: 'Wait five seconds after asking',
    evenBetter: 'Let us finish our sentences',
  });
  const el = await fixture<CoachingJournal>(html`<coaching-journal person=${who === 'leader' ? org.leader.id : sup.id} .store=${store}></coaching-journal>`);
  await until(() => inShadow(el, 'h3').length === 2, 'the journal');
  return { store, el, sup, ...org };
}

describe('<coaching-journal>', () => {
  afterEach(deleteTestDatabases);

  it("shows a coachee's focus agreed with their coach (a note from below does not replace it), follow-up date and history, newest first", async () => {
    const { el } = await journalOf('leader');
    expect(oneInShadow(el, '.focus').textContent).to.contain('Keep to ten minutes').and.not.contain('Wait five seconds');
    const items = inShadow(el, 'li[part="session"]').map((li) => li.textContent!.replace(/\s+/g, ' '));
    expect(items).to.have.length(2);
    expect(items[0]).to.match(/18 November|November 18/);
    expect(items[0]).to.contain('anonymous').and.contain('Let us finish our sentences');
    // Rated consistently on one behaviour of two: 50 % seen consistently (its score is 75 %).
    expect(items[1]).to.contain('with Sam Supervisor').and.contain('50 % of behaviours seen consistently');
  });

  it('on a shared screen shows that conversations happened and their scores, never their words', async () => {
    const { store, leader } = await journalOf('leader');
    const wall = await fixture(
      html`<huddle-provider shared-screen .store=${store}><coaching-journal person=${leader.id}></coaching-journal></huddle-provider>`,
    );
    const el = wall.querySelector('coaching-journal')!;
    await until(() => inShadow(el, 'li[part="session"]').length === 2, 'the history');
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('with Sam Supervisor').and.contain('50 %').and.contain('The words stay with the people in this conversation.');
    expect(text, 'no focus, no note, no rating by behaviour')
      .to.not.contain('Wait five seconds')
      .and.not.contain('Let us finish')
      .and.not.contain('Keep to ten minutes')
      .and.not.contain('Rated:');
  });

  it('conversations this device holds without their words say so, and still show their scores', async () => {
    const { store, leader } = await journalOf('leader');
    // A device whose reader is in neither conversation keeps only that they happened.
    expect(await new IdbReplica(store).keepOnlyReadableWords({ personId: 'someone-else' })).to.equal(2);
    const el = await fixture<CoachingJournal>(html`<coaching-journal person=${leader.id} .store=${store}></coaching-journal>`);
    await until(() => inShadow(el, 'li[part="session"]').length === 2, 'the history');
    const item = inShadow(el, 'li[part="session"]')[1]!.textContent!.replace(/\s+/g, ' ');
    expect(item).to.contain('50 %').and.contain('The words stay with the people in this conversation.').and.not.contain('score-');
  });

  it('never shows who wrote anonymous coaching up', async () => {
    const { el } = await journalOf('leader');
    const anonymous = inShadow(el, 'li[part="session"]')[0]!;
    expect(anonymous.textContent).to.contain('anonymous').and.not.contain('Sam Supervisor').and.not.contain('Ben Member');
  });

  it('lists the follow-ups a coach owes, overdue ones flagged, and asks for one with a tap', async () => {
    const { el, leader } = await journalOf('sup');
    // The coach's 7 November conversation agreed a follow-up for the 14th; the anonymous note
    // from below since does not settle it: only the coach's own next conversation does.
    await until(() => inShadow(el, 'li[part="follow-up"]').length === 1, 'the follow-up owed');
    expect(oneInShadow(el, 'li[part="follow-up"]').textContent).to.contain('7 days overdue');
    const store = el.store!;
    const sup = (el as unknown as { person: string }).person;
    await store.saveCoachingSession({
      kind: 'kata',
      direction: 'down',
      anonymous: false,
      coachId: sup,
      learnerId: leader.id,
      day: '2026-11-19',
      ratings: {},
      wentWell: '',
      evenBetter: '',
      focus: 'Next experiment',
      followUpDate: '2026-11-20',
    });
    await until(() => inShadow(el, 'li[part="follow-up"]')[0]?.textContent?.includes('1 day overdue') === true, 'the new follow-up owed');
    expect(inShadow(el, 'li[part="follow-up"]')).to.have.length(1);
    expect(oneInShadow(el, 'li[part="follow-up"]').textContent).to.contain('Ana Leader');
    const requested = new Promise<CustomEvent>((resolve) => el.addEventListener('follow-up-requested', (e) => resolve(e), { once: true }));
    await tap(buttonNamed(el, 'Follow up now'));
    expect((await requested).detail.learnerId).to.equal(leader.id);
    await expect(el).to.be.accessible();
  });
});

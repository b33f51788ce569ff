import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/coaching-card/coaching-card.js';
import type { CoachingCard } from '../../src/components/coaching-card/coaching-card.js';
import { whereEquals } from '../../src/store/queries.js';
import { addDays } from '../../src/model/dates.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, chooseOption, inShadow, oneInShadow, tap, typeInto, until } from '../helpers/ui.js';
import { exportData } from '../../src/store/whole-database.js';
import '../../src/components/huddle-provider/huddle-provider.js';
import type { HuddleProvider } from '../../src/components/huddle-provider/huddle-provider.js';
import type { SyncStateSource } from '../../src/sync/sync-client.js';

let cardCount = 0;

async function card(draftKey = `test-${++cardCount}-${Date.now()}`) {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const sup = await store.createPerson({ name: 'Sam Supervisor', unitId: org.area.id, role: 'leader' });
  const el = await fixture<CoachingCard>(html`<coaching-card draft-key=${draftKey} .store=${store}></coaching-card>`);
  await until(() => inShadow<HTMLSelectElement>(el, 'select[name="learner"] option').length > 1, 'the people');
  return { store, el, sup, draftKey, ...org };
}

const saved = (el: CoachingCard) => new Promise<CustomEvent>((resolve) => el.addEventListener('coaching-saved', (e) => resolve(e), { once: true }));
const behaviour = (el: CoachingCard, id: string, rating: string) =>
  [...oneInShadow(el, `[data-behaviour="${id}"]`).querySelectorAll('button')].find((b) => b.textContent === rating)!;

describe('<coaching-card>', () => {
  afterEach(async () => {
    localStorage.clear();
    await deleteTestDatabases();
  });

  it('asks before Clear wipes a conversation, and keeps it on "Keep it"', async () => {
    const { el } = await card();
    const wentWell = oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="wentWell"]');
    await typeInto(wentWell, 'Red KPIs first');
    await tap(behaviour(el, 'board-visible', 'Consistently'));
    await tap(buttonNamed(el, 'Clear'));
    await until(() => inShadow(el, '[role="alertdialog"]').length === 1, 'the question');
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Keep it'));
    await until(() => inShadow(el, '[role="alertdialog"]').length === 0, 'the question gone');
    expect(oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="wentWell"]').value).to.equal('Red KPIs first');
    expect(behaviour(el, 'board-visible', 'Consistently').getAttribute('aria-pressed')).to.equal('true');
    await tap(buttonNamed(el, 'Clear'));
    await tap(buttonNamed(el, 'Yes, clear the card'));
    await until(() => oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="wentWell"]').value === '', 'the card cleared');
    expect(behaviour(el, 'board-visible', 'Consistently').getAttribute('aria-pressed')).to.equal('false');
  });

  it('records a huddle observation by taps and keys', async () => {
    const { store, el, sup, leader } = await card();
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await tap(behaviour(el, 'board-visible', 'Consistently'));
    await tap(behaviour(el, 'asks-questions', 'Partly'));
    await tap(behaviour(el, 'team-talks', 'Not seen'));
    await typeInto(oneInShadow(el, 'textarea[name="wentWell"]'), 'Red KPIs first');
    await typeInto(oneInShadow(el, 'textarea[name="evenBetter"]'), 'Let the team talk');
    await typeInto(oneInShadow(el, 'input[name="focus"]'), 'Ask one open question per red KPI');
    await tap(buttonNamed(el, 'In a week'));
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    const { session } = (await event).detail;
    expect(session).to.include({
      kind: 'huddle-observation',
      direction: 'down',
      coachId: sup.id,
      learnerId: leader.id,
      anonymous: false,
      day: TODAY,
      templateId: 'default-huddle-observation',
      templateVersion: 1,
      wentWell: 'Red KPIs first',
      focus: 'Ask one open question per red KPI',
      followUpDate: addDays(TODAY, 7),
    });
    expect(session.ratings).to.deep.equal({ 'board-visible': 2, 'asks-questions': 1, 'team-talks': 0 });
    expect(await store.get(whereEquals('coachingSessions', 'learnerId', leader.id))).to.deep.equal([session]);
    await until(() => oneInShadow(el, '[role="status"]').textContent!.includes('Saved'), 'the confirmation');
    expect(oneInShadow<HTMLInputElement>(el, 'input[name="focus"]').value).to.equal('');
  });

  it('on a device signed in as a person, records the conversation as that person, without a choice of coach', async () => {
    const store = freshStore({ today: () => TODAY });
    const org = await seedSmallOrg(store);
    const sup = await store.createPerson({ name: 'Sam Supervisor', unitId: org.area.id, role: 'leader' });
    // What a provider's sync client reports once the server said whose token this device holds.
    const signedIn: SyncStateSource = {
      state: { status: 'synced', pending: 0, personId: sup.id },
      subscribe: (listener) => (listener(signedIn.state), () => undefined),
    };
    const provider = await fixture<HuddleProvider>(
      html`<huddle-provider .store=${store} .sync=${signedIn}><coaching-card draft-key="signed-in-${Date.now()}"></coaching-card></huddle-provider>`,
    );
    const el = provider.querySelector('coaching-card')!;
    await until(() => inShadow(el, '.signed-in')[0]?.textContent?.includes('Sam Supervisor') === true, 'the signed-in coach, by name');
    expect(oneInShadow(el, '.signed-in').textContent).to.contain('signed in on this device');
    expect(inShadow(el, 'select[name="coach"]')).to.have.length(0);
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await typeInto(oneInShadow(el, 'textarea[name="wentWell"]'), 'Started on time');
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    expect((await event).detail.session.coachId).to.equal(sup.id);
  });

  it('gives gentle kata hints for the bad-answer patterns, and still saves', async () => {
    const { store, el, sup, leader } = await card();
    await tap(buttonNamed(el, 'Improvement kata'));
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await typeInto(oneInShadow(el, 'textarea[name="targetCondition"]'), 'Faster changeovers');
    await typeInto(oneInShadow(el, 'textarea[name="obstacle"]'), 'Lack of tools');
    await typeInto(oneInShadow(el, 'textarea[name="nextStep"]'), 'We need to buy a cart');
    await until(() => inShadow(el, '[data-hint]').length === 3, 'three hints');
    expect(inShadow(el, '[data-hint]').map((h) => h.dataset['hint'])).to.deep.equal(['target-needs-number', 'obstacle-is-lack', 'step-is-solution']);
    expect(oneInShadow(el, 'textarea[name="targetCondition"]').getAttribute('aria-describedby')).to.equal('hint-targetCondition');
    await typeInto(oneInShadow(el, 'textarea[name="targetCondition"]'), ' under 20 minutes');
    await until(() => inShadow(el, '[data-hint]').length === 2, 'the target hint gone once it has a number');
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    const { session } = (await event).detail;
    expect(session).to.include({ kind: 'kata', coachId: sup.id, learnerId: leader.id });
    expect(session.answers).to.deep.equal({
      targetCondition: 'Faster changeovers under 20 minutes',
      obstacle: 'Lack of tools',
      nextStep: 'We need to buy a cart',
    });
    expect(await store.get(whereEquals('coachingSessions', 'learnerId', leader.id))).to.have.length(1);
  });

  it("rates the coach's behaviours when coaching the coach", async () => {
    const { el, leader } = await card();
    await tap(buttonNamed(el, 'Coaching the coach'));
    await until(() => inShadow(el, '[data-behaviour="asked-not-told"]').length === 1, 'the coach checklist');
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await tap(behaviour(el, 'asked-not-told', 'Consistently'));
    await tap(behaviour(el, 'kept-to-time', 'Partly'));
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    const { session } = (await event).detail;
    expect(session).to.include({ kind: 'coaching-the-coach', templateId: 'default-coaching-the-coach', learnerId: leader.id });
    expect(session.ratings).to.deep.equal({ 'asked-not-told': 2, 'kept-to-time': 1 });
  });

  it('reads the saved conversation back, and a personal device starts the next card as the same coach', async () => {
    const { store, el, sup, draftKey } = await card();
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await tap(behaviour(el, 'board-visible', 'Consistently'));
    await typeInto(oneInShadow(el, 'textarea[name="wentWell"]'), 'Red KPIs first');
    await typeInto(oneInShadow(el, 'input[name="focus"]'), 'One open question per red KPI');
    await tap(buttonNamed(el, 'Save coaching'));
    await until(() => inShadow(el, '[part="saved"]').length === 1, 'the read-back');
    const readBack = oneInShadow(el, '[part="saved"]').textContent!.replace(/\s+/g, ' ');
    expect(readBack).to.contain('Huddle observation with Ana Leader').and.contain('Red KPIs first').and.contain('One open question per red KPI');
    expect(readBack).to.match(/: Consistently/);
    expect(oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="wentWell"]').value, 'the card is ready for the next').to.equal('');
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Done reading'));
    await until(() => inShadow(el, '[part="saved"]').length === 0, 'the read-back put away');

    el.remove();
    const next = await fixture<CoachingCard>(html`<coaching-card draft-key=${draftKey} .store=${store}></coaching-card>`);
    await until(() => inShadow<HTMLSelectElement>(next, 'select[name="coach"] option').length > 1, 'the people');
    expect(oneInShadow<HTMLSelectElement>(next, 'select[name="coach"]').value).to.equal(sup.id);
  });

  it('on a shared screen reads back without the words, and the next card does not start as the last coach', async () => {
    const store = freshStore({ today: () => TODAY });
    const org = await seedSmallOrg(store);
    await store.createPerson({ name: 'Sam Supervisor', unitId: org.area.id, role: 'leader' });
    const wall = () =>
      fixture<HuddleProvider>(html`<huddle-provider shared-screen .store=${store}><coaching-card draft-key="wall"></coaching-card></huddle-provider>`);
    const el = (await wall()).querySelector('coaching-card')!;
    await until(() => inShadow<HTMLSelectElement>(el, 'select[name="learner"] option').length > 1, 'the people');
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await tap(behaviour(el, 'board-visible', 'Consistently'));
    await typeInto(oneInShadow(el, 'textarea[name="wentWell"]'), 'Red KPIs first');
    await tap(buttonNamed(el, 'Save coaching'));
    await until(() => inShadow(el, '[part="saved"]').length === 1, 'the read-back');
    const readBack = oneInShadow(el, '[part="saved"]').textContent!;
    expect(readBack).to.contain('1 behaviour rated.').and.contain('The words stay with the people in this conversation');
    expect(readBack).to.not.contain('Red KPIs first');
    const next = (await wall()).querySelector('coaching-card')!;
    await until(() => inShadow<HTMLSelectElement>(next, 'select[name="coach"] option').length > 1, 'the people');
    expect(oneInShadow<HTMLSelectElement>(next, 'select[name="coach"]').value).to.equal('');
  });

  it('keeps an anonymous coaching-up author out of the record, the event and the view', async () => {
    const { store, el, leader, sup } = await card();
    // The author picks themselves first, then decides to stay anonymous.
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await tap(buttonNamed(el, 'Up'));
    await tap(oneInShadow(el, 'input[type="checkbox"]'));
    await until(() => inShadow(el, 'select[name="coach"]').length === 0, 'the author picker to go');
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await typeInto(oneInShadow(el, 'textarea[name="evenBetter"]'), 'Let us finish our sentences');
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    const { session } = (await event).detail;
    expect(session).to.include({ direction: 'up', anonymous: true, learnerId: leader.id });
    expect(session).to.not.have.property('coachId');
    const stored = (await exportData(store)).data.coachingSessions[0]!;
    expect(stored).to.not.have.property('coachId');
    expect(JSON.stringify(stored)).to.not.contain(sup.id);
    expect(JSON.stringify((await event).detail)).to.not.contain(sup.id);
  });

  it('restores a half-filled card after a reload, and clears the draft once saved', async () => {
    const { store, el, draftKey, leader } = await card();
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await tap(behaviour(el, 'board-visible', 'Partly'));
    await typeInto(oneInShadow(el, 'input[name="focus"]'), 'Keep to ten minutes');
    el.remove(); // the tablet's browser was closed
    const again = await fixture<CoachingCard>(html`<coaching-card draft-key=${draftKey} .store=${store}></coaching-card>`);
    await until(() => inShadow(again, 'select[name="learner"] option').length > 1, 'the people');
    expect(oneInShadow<HTMLInputElement>(again, 'input[name="focus"]').value).to.equal('Keep to ten minutes');
    expect(oneInShadow<HTMLSelectElement>(again, 'select[name="learner"]').value).to.equal(leader.id);
    expect(behaviour(again, 'board-visible', 'Partly').getAttribute('aria-pressed')).to.equal('true');
    await chooseOption(oneInShadow(again, 'select[name="coach"]'), 'Sam Supervisor');
    const event = saved(again);
    await tap(buttonNamed(again, 'Save coaching'));
    await event;
    expect(localStorage.getItem(`huddle-elements:coaching-draft:${draftKey}`)).to.equal(null);
  });

  it('links a follow-up to the previous conversation and shows what was agreed', async () => {
    const { store, el, sup, leader } = await card();
    const first = await store.saveCoachingSession({
      kind: 'huddle-observation',
      direction: 'down',
      anonymous: false,
      coachId: sup.id,
      learnerId: leader.id,
      day: '2026-11-14',
      ratings: {},
      wentWell: '',
      evenBetter: '',
      focus: 'Rotate who presents',
      followUpDate: TODAY,
    });
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Sam Supervisor');
    await until(() => inShadow(el, '[data-previous]').length === 1, 'the previous conversation');
    expect(oneInShadow(el, '[data-previous]').textContent).to.contain('Rotate who presents').and.contain('follow-up agreed for');
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    expect((await event).detail.session.previousSessionId).to.equal(first.id);
  });

  it("shows a coach only their own thread with the learner: another coach's conversation is not theirs to follow", async () => {
    const { store, el, sup, leader } = await card();
    const other = await store.createPerson({ name: 'Max Manager', unitId: leader.unitId, role: 'leader' });
    await store.saveCoachingSession({
      kind: 'huddle-observation',
      direction: 'down',
      anonymous: false,
      coachId: sup.id,
      learnerId: leader.id,
      day: '2026-11-14',
      ratings: {},
      wentWell: '',
      evenBetter: '',
      focus: 'Rotate who presents',
    });
    await chooseOption(oneInShadow(el, 'select[name="learner"]'), 'Ana Leader');
    await until(() => inShadow(el, `select[name="coach"] option[value="${other.id}"]`).length === 1, 'the other coach listed');
    await chooseOption(oneInShadow(el, 'select[name="coach"]'), 'Max Manager');
    await el.updateComplete;
    expect(inShadow(el, '[data-previous]')).to.have.length(0);
    const event = saved(el);
    await tap(buttonNamed(el, 'Save coaching'));
    expect((await event).detail.session.previousSessionId).to.equal(undefined);
  });

  it('says who is missing instead of saving, and passes axe', async () => {
    const { store, el, leader } = await card();
    await tap(buttonNamed(el, 'Save coaching'));
    await until(() => inShadow(el, '[role="alert"]').length === 1, 'the message');
    expect(oneInShadow(el, '[role="alert"]').textContent).to.contain('Choose who is coached');
    expect(await store.get(whereEquals('coachingSessions', 'learnerId', leader.id))).to.have.length(0);
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Improvement kata'));
    await expect(el).to.be.accessible();
  });
});

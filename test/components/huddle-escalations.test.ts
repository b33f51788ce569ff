import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-escalations/huddle-escalations.js';
import type { HuddleEscalations } from '../../src/components/huddle-escalations/huddle-escalations.js';
import { recordById } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, typeInto, until } from '../helpers/ui.js';

async function parentPanel() {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const action = await store.createAction({ unitId: org.teamA.id, title: 'Air leak at station 3' });
  const escalation = await store.escalateAction(action.id, 'Needs a contractor');
  const el = await fixture<HuddleEscalations>(html`<huddle-escalations unit=${org.area.id} .store=${store}></huddle-escalations>`);
  await until(() => inShadow(el, 'li[part="received"]').length === 1, 'the received escalation');
  return { store, el, escalation, ...org };
}

describe('<huddle-escalations>', () => {
  afterEach(deleteTestDatabases);

  it('lists what child boards sent, with sender, reason, state and age', async () => {
    const { el } = await parentPanel();
    const text = oneInShadow(el, 'li[part="received"]').textContent!;
    expect(text)
      .to.contain('Air leak at station 3')
      .and.contain('From Line 1')
      .and.contain('waiting')
      .and.contain('Needs a contractor')
      .and.contain('0 days old');
  });

  it('accepts with one tap, then resolves with a note', async () => {
    const { store, el, escalation } = await parentPanel();
    await tap(buttonNamed(el, 'Accept'));
    await until(() => oneInShadow(el, 'li[part="received"]').textContent!.includes('accepted'), 'accepted');
    await tap(buttonNamed(el, 'Resolve…'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="note"]'), 'Contractor booked for Tuesday');
    const updated = new Promise<CustomEvent>((resolve) => el.addEventListener('escalation-updated', (e) => resolve(e), { once: true }));
    await tap(buttonNamed(el, 'Resolve'));
    expect((await updated).detail.escalation).to.include({ state: 'resolved', resolution: 'Contractor booked for Tuesday' });
    await until(() => inShadow(el, 'li[part="received"]').length === 0, 'it leaving the waiting list');
    expect((await store.get(recordById('escalations', escalation.id)))?.state).to.equal('resolved');
  });

  it('returns to the team only with a reason', async () => {
    const { store, el, escalation } = await parentPanel();
    await tap(buttonNamed(el, 'Return…'));
    await tap(buttonNamed(el, 'Return'));
    await until(() => inShadow(el, '[role="alert"]').length === 1, 'the message');
    expect((await store.get(recordById('escalations', escalation.id)))?.state).to.equal('open');
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="note"]'), 'Within the team budget');
    await tap(buttonNamed(el, 'Return'));
    await until(() => inShadow(el, 'li[part="received"]').length === 0, 'it going back');
    expect(await store.get(recordById('escalations', escalation.id))).to.include({ state: 'returned', resolution: 'Within the team budget' });
  });

  it('shows the sending board its escalation and state until resolved', async () => {
    const { store, escalation, teamA } = await parentPanel();
    const sender = await fixture<HuddleEscalations>(html`<huddle-escalations unit=${teamA.id} .store=${store}></huddle-escalations>`);
    await until(() => inShadow(sender, 'li[part="sent"]').length === 1, 'the sent escalation');
    expect(oneInShadow(sender, 'li[part="sent"]').textContent).to.contain('To Assembly').and.contain('waiting');
    await store.setEscalationState(escalation.id, 'returned', 'Go ahead, it is your budget');
    await until(() => oneInShadow(sender, 'li[part="sent"]').textContent!.includes('returned to the team'), 'returned');
    expect(oneInShadow(sender, 'li[part="sent"]').textContent).to.contain('Go ahead, it is your budget');
  });

  it('passes axe', async () => {
    const { el } = await parentPanel();
    await tap(buttonNamed(el, 'Resolve…'));
    await expect(el).to.be.accessible();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-actions/huddle-actions.js';
import '../../src/components/huddle-provider/huddle-provider.js';
import type { HuddleActions } from '../../src/components/huddle-actions/huddle-actions.js';
import { recordById, whereEquals } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, typeInto, until } from '../helpers/ui.js';

async function board() {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const el = await fixture<HuddleActions>(html`<huddle-actions unit=${org.teamA.id} .store=${store}></huddle-actions>`);
  await until(() => inShadow(el, 'h2').length === 1, 'the list');
  return { store, el, ...org };
}

const items = (el: HuddleActions) => inShadow(el, 'li[data-action]');
const item = (el: HuddleActions, title: string) => {
  const found = items(el).find((li) => li.querySelector('.title')?.textContent === title);
  if (!found) throw new Error(`no action "${title}" shown`);
  return found;
};

describe('<huddle-actions>', () => {
  afterEach(deleteTestDatabases);

  it('adds an action with owner and due day in a few taps', async () => {
    const { store, el, teamA, member } = await board();
    const created = new Promise<CustomEvent>((resolve) => el.addEventListener('action-created', (e) => resolve(e), { once: true }));
    await tap(buttonNamed(el, 'Add action'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="title"]'), 'Order size 9 gloves');
    await tap(buttonNamed(el, member.name));
    await tap(buttonNamed(el, 'Tomorrow'));
    await tap(buttonNamed(el, 'Save action'));
    const { detail } = await created;
    expect(detail.action).to.include({ title: 'Order size 9 gloves', ownerId: member.id, due: '2026-11-22', status: 'open', unitId: teamA.id });
    await until(() => items(el).length === 1, 'the new action in the list');
    expect(item(el, 'Order size 9 gloves').textContent).to.contain(member.name).and.contain('Due tomorrow');
    expect(await store.get(whereEquals('actions', 'unitId', teamA.id))).to.have.length(1);
  });

  it('keeps the form and says why when the title is empty', async () => {
    const { store, el, teamA } = await board();
    await tap(buttonNamed(el, 'Add action'));
    await tap(buttonNamed(el, 'Save action'));
    await until(() => inShadow(el, '[role="alert"]').length === 1, 'the message');
    expect(oneInShadow(el, '[role="alert"]').textContent).to.contain('Write what needs doing');
    expect(inShadow(el, 'form.add')).to.have.length(1);
    expect(await store.get(whereEquals('actions', 'unitId', teamA.id))).to.have.length(0);
  });

  it('moves an action on with one tap: open, doing, done', async () => {
    const { store, el, teamA, leader } = await board();
    const action = await store.createAction({ unitId: teamA.id, title: 'Fix the guard', ownerId: leader.id, due: '2026-11-25' });
    await until(() => items(el).length === 1, 'the action');
    await tap(item(el, 'Fix the guard').querySelector('button.status')!);
    await until(() => item(el, 'Fix the guard').querySelector('.status')!.textContent!.includes('Doing'), 'Doing');
    expect((await store.get(recordById('actions', action.id)))?.status).to.equal('doing');
    await tap(item(el, 'Fix the guard').querySelector('button.status')!);
    await until(() => item(el, 'Fix the guard').classList.contains('done'), 'Done');
    expect((await store.get(recordById('actions', action.id)))?.status).to.equal('done');
  });

  it('keeps what was just done in sight: a new action opens its page, a status change says so and can be undone', async () => {
    const store = freshStore({ today: () => TODAY });
    const { teamA, leader } = await seedSmallOrg(store);
    // Seven overdue actions fill the first page of six; a new one due next week lands on page 2.
    for (let i = 1; i <= 7; i++) await store.createAction({ unitId: teamA.id, title: `Overdue ${i}`, ownerId: leader.id, due: '2026-11-10' });
    const el = await fixture<HuddleActions>(html`<huddle-actions unit=${teamA.id} page-size="6" .store=${store}></huddle-actions>`);
    await until(() => items(el).length === 6, 'the first page');
    await tap(buttonNamed(el, 'Add action'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="title"]'), 'Check the spare gauge');
    await tap(buttonNamed(el, 'Save action'));
    await until(() => items(el).some((li) => li.querySelector('.title')?.textContent === 'Check the spare gauge'), 'the new action in sight');
    expect(oneInShadow(el, '.pager').textContent).to.contain('Page 2 of 2');
    expect(oneInShadow(el, '.last-change').textContent).to.contain('Added "Check the spare gauge".');

    await tap(buttonNamed(el, 'Previous'));
    await until(() => items(el).some((li) => li.querySelector('.title')?.textContent === 'Overdue 1'), 'page 1');
    const status = item(el, 'Overdue 1').querySelector<HTMLButtonElement>('button.status')!;
    await tap(status);
    await until(() => oneInShadow(el, '.last-change').textContent!.includes('"Overdue 1" is now Doing.'), 'the first change said');
    await tap(item(el, 'Overdue 1').querySelector<HTMLButtonElement>('button.status')!);
    await until(() => oneInShadow(el, '.last-change').textContent!.includes('"Overdue 1" is now Done.'), 'the change said');
    const done = await store.get(whereEquals('actions', 'unitId', teamA.id));
    expect(done.find((a) => a.title === 'Overdue 1')!.status).to.equal('done');
    await tap(buttonNamed(el, 'Undo (back to Doing)'));
    await until(
      () => items(el).some((li) => li.querySelector('.title')?.textContent === 'Overdue 1' && li.className === 'overdue'),
      'the action back, in sight',
    );
    expect((await store.get(whereEquals('actions', 'unitId', teamA.id))).find((a) => a.title === 'Overdue 1')!.status).to.equal('doing');
    // Done in one tap, with the same word and the same undo.
    await tap(item(el, 'Overdue 1').querySelector<HTMLButtonElement>('button.done')!);
    await until(() => inShadow(el, '.last-change')[0]?.textContent?.includes('"Overdue 1" is now Done.') === true, 'done in one tap');
    expect((await store.get(whereEquals('actions', 'unitId', teamA.id))).find((a) => a.title === 'Overdue 1')!.status).to.equal('done');
    await expect(el).to.be.accessible();
  });

  it('makes overdue and unassigned actions stand out in words, most overdue first', async () => {
    const { store, el, teamA, leader } = await board();
    await store.createAction({ unitId: teamA.id, title: 'Due later', ownerId: leader.id, due: '2026-11-28' });
    await store.createAction({ unitId: teamA.id, title: 'Late by three', ownerId: leader.id, due: '2026-11-18' });
    await store.createAction({ unitId: teamA.id, title: 'Nobody owns me', due: '2026-11-27' });
    await until(() => items(el).length === 3, 'three actions');
    expect(items(el).map((li) => li.querySelector('.title')!.textContent)).to.deep.equal(['Late by three', 'Nobody owns me', 'Due later']);
    expect(item(el, 'Late by three').className).to.equal('overdue');
    expect(item(el, 'Late by three').textContent).to.contain('3 days overdue').and.contain('Raised today');
    expect(item(el, 'Nobody owns me').textContent).to.contain('No owner');
    expect(oneInShadow(el, '.counts').textContent).to.contain('1 overdue').and.contain('1 without owner');
    await store.createAction({ unitId: teamA.id, title: 'Late by one', ownerId: leader.id, due: '2026-11-20' });
    await until(() => items(el).length === 4, 'four actions');
    expect(item(el, 'Late by one').textContent, 'one day, not "1 days"').to.contain('1 day overdue').and.not.contain('1 days');
  });

  it('drops done actions from the board a day after they were done', async () => {
    const { store, el, teamA } = await board();
    const yesterday = await store.createAction({ unitId: teamA.id, title: 'Done yesterday' });
    const older = await store.createAction({ unitId: teamA.id, title: 'Done last week' });
    await store.updateAction(yesterday.id, { status: 'done', doneAt: new Date(2026, 10, 20, 15).toISOString() });
    await store.updateAction(older.id, { status: 'done', doneAt: new Date(2026, 10, 14, 15).toISOString() });
    await until(() => items(el).length === 1, 'one action');
    expect(items(el)[0]!.textContent).to.contain('Done yesterday');
  });

  it('escalates an action to the parent board with a reason, and keeps showing its state', async () => {
    const { store, el, teamA, area } = await board();
    await store.createAction({ unitId: teamA.id, title: 'Forklift brakes' });
    await until(() => items(el).length === 1, 'the action');
    await tap(buttonNamed(el, 'Escalate'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="reason"]'), 'Needs a contractor');
    await tap(buttonNamed(el, 'Send up'));
    await until(() => item(el, 'Forklift brakes').textContent!.includes('Escalated to Assembly: waiting'), 'the escalation state');
    const [escalation] = await store.get(whereEquals('escalations', 'toUnitId', area.id));
    expect(escalation).to.include({ title: 'Forklift brakes', reason: 'Needs a contractor', state: 'open' });
    await store.setEscalationState(escalation!.id, 'accepted');
    await until(() => item(el, 'Forklift brakes').textContent!.includes('Escalated to Assembly: accepted'), 'the accepted state');
  });

  it('pages a long list instead of letting it scroll off the screen', async () => {
    const { store, el, teamA } = await board();
    for (let i = 1; i <= 20; i++) await store.createAction({ unitId: teamA.id, title: `Action ${String(i).padStart(2, '0')}`, due: '2026-11-30' });
    await until(() => inShadow(el, '.pager').some((p) => p.textContent!.includes('Page 1 of 3')), 'all 20 actions, paged');
    expect(items(el)).to.have.length(8);
    await tap(buttonNamed(el, 'Next'));
    await until(() => oneInShadow(el, '.pager').textContent!.includes('Page 2 of 3'), 'page 2');
    expect(items(el)[0]!.textContent).to.contain('Action 09');
  });

  it('shows hostile text as text', async () => {
    const { store, el, teamA } = await board();
    const flag = window as unknown as { hacked?: boolean };
    const payload = '<img src=x onerror="window.hacked=true">';
    await store.createAction({ unitId: teamA.id, title: payload });
    await until(() => items(el).length === 1, 'the action');
    await new Promise((r) => setTimeout(r, 100));
    expect(flag.hacked).to.equal(undefined);
    expect(items(el)[0]!.querySelector('.title')!.textContent).to.equal(payload);
    expect(items(el)[0]!.querySelector('img')).to.equal(null);
  });

  it('passes axe with items and the add form open', async () => {
    const { store, el, teamA } = await board();
    await store.createAction({ unitId: teamA.id, title: 'Overdue one', due: '2026-11-02' });
    await until(() => items(el).length === 1, 'the action');
    await tap(buttonNamed(el, 'Add action'));
    await expect(el).to.be.accessible();
  });

  it('refuses to save while edits are locked, keeps the input and asks for the PIN', async () => {
    const store = freshStore({ today: () => TODAY });
    const { teamA } = await seedSmallOrg(store);
    const provider = await fixture(html`<huddle-provider edits-locked .store=${store}><huddle-actions unit=${teamA.id}></huddle-actions></huddle-provider>`);
    const el = provider.querySelector('huddle-actions')!;
    await until(() => inShadow(el, 'h2').length === 1, 'the list');
    const asked = new Promise((resolve) => provider.addEventListener('edit-locked', resolve, { once: true }));
    await tap(buttonNamed(el, 'Add action'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="title"]'), 'Locked out');
    await tap(buttonNamed(el, 'Save action'));
    await asked;
    expect(oneInShadow(el, '[role="alert"]').textContent).to.contain('enter the PIN');
    expect(oneInShadow<HTMLInputElement>(el, 'input[name="title"]').value).to.equal('Locked out');
    expect(await store.get(whereEquals('actions', 'unitId', teamA.id))).to.have.length(0);
  });
});

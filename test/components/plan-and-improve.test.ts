import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-attendance/huddle-attendance.js';
import '../../src/components/huddle-resources/huddle-resources.js';
import '../../src/components/improvement-card/improvement-card.js';
import '../../src/components/huddle-kudos/huddle-kudos.js';
import type { HuddleAttendance } from '../../src/components/huddle-attendance/huddle-attendance.js';
import type { HuddleResources } from '../../src/components/huddle-resources/huddle-resources.js';
import type { ImprovementCard } from '../../src/components/improvement-card/improvement-card.js';
import type { HuddleKudos } from '../../src/components/huddle-kudos/huddle-kudos.js';
import { recordById, whereEquals } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, typeInto, until } from '../helpers/ui.js';

async function org() {
  const store = freshStore({ today: () => TODAY });
  return { store, ...(await seedSmallOrg(store)) };
}

describe('<huddle-attendance>', () => {
  afterEach(deleteTestDatabases);

  it('marks each team member with one tap and counts them', async () => {
    const { store, teamA, member, leader } = await org();
    const el = await fixture<HuddleAttendance>(html`<huddle-attendance unit=${teamA.id} .store=${store}></huddle-attendance>`);
    await until(() => inShadow(el, 'li[data-person]').length === 2, 'the team');
    expect(oneInShadow(el, 'header').textContent).to.contain('0 of 2 present').and.contain('2 not marked');
    const row = (id: string) => oneInShadow(el, `li[data-person="${id}"]`);
    await tap([...row(member.id).querySelectorAll('button')].find((b) => b.textContent === 'Absent')!);
    await tap([...row(leader.id).querySelectorAll('button')].find((b) => b.textContent === 'Present')!);
    await until(() => oneInShadow(el, 'header').textContent!.includes('1 of 2 present'), 'the counts');
    expect(oneInShadow(el, 'header').textContent).to.contain('1 absent').and.not.contain('not marked');
    expect(row(member.id).querySelector('[aria-pressed="true"]')!.textContent).to.equal('Absent');
    const stored = await store.get(recordById('attendance', `${teamA.id}:${TODAY}:${member.id}`));
    expect(stored).to.include({ state: 'absent', day: TODAY });
    await expect(el).to.be.accessible();
  });
});

describe('<huddle-resources>', () => {
  afterEach(deleteTestDatabases);

  it('adds a gap with who closes it, then closes it', async () => {
    const { store, teamA, member } = await org();
    const el = await fixture<HuddleResources>(html`<huddle-resources unit=${teamA.id} .store=${store}></huddle-resources>`);
    await until(() => inShadow(el, 'h2').length === 1, 'the panel');
    await tap(buttonNamed(el, 'Add a need'));
    await tap(buttonNamed(el, 'Equipment'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="description"]'), 'Spare scanner battery');
    await tap(buttonNamed(el, member.name));
    await tap(buttonNamed(el, 'Save need'));
    await until(() => inShadow(el, 'li[data-need]').length === 1, 'the need');
    expect(oneInShadow(el, 'li[data-need]').textContent).to.contain('Equipment:').and.contain('Spare scanner battery').and.contain(`${member.name} closes it`);
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Mark closed'));
    await until(() => oneInShadow(el, 'li[data-need]').textContent!.includes('Closed'), 'closed');
    const [need] = await store.get(whereEquals('resourceNeeds', 'unitId', teamA.id));
    expect(need).to.include({ kind: 'equipment', ownerId: member.id, closed: true });
  });
});

describe('<improvement-card>', () => {
  afterEach(deleteTestDatabases);

  it('starts an experiment, updates what was learned, and shows the storyboard', async () => {
    const { store, teamA } = await org();
    const el = await fixture<ImprovementCard>(html`<improvement-card unit=${teamA.id} .store=${store}></improvement-card>`);
    await until(() => inShadow(el, 'h2').length === 1, 'the panel');
    await tap(buttonNamed(el, 'New experiment'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="title"]'), 'Cut changeover time');
    await typeInto(oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="targetCondition"]'), 'Changeover under 20 minutes');
    await typeInto(oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="nextStep"]'), 'Pre-stage the tool cart');
    await tap(buttonNamed(el, 'Save experiment'));
    await until(() => inShadow(el, 'article').length === 1, 'the storyboard');
    expect(oneInShadow(el, 'article').textContent).to.contain('Changeover under 20 minutes').and.contain('Pre-stage the tool cart');
    await tap(buttonNamed(el, 'Update'));
    await typeInto(oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="learning"]'), 'The cart must match the die list');
    await tap(buttonNamed(el, 'Save experiment'));
    await until(() => inShadow(el, 'article').length === 1 && oneInShadow(el, 'article').textContent!.includes('die list'), 'the learning');
    const [experiment] = await store.get(whereEquals('experiments', 'unitId', teamA.id));
    expect(experiment).to.include({
      title: 'Cut changeover time',
      learning: 'The cart must match the die list',
      nextStep: 'Pre-stage the tool cart',
      status: 'active',
    });
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Close experiment'));
    await until(() => inShadow(el, 'article').length === 0, 'closed');
  });
});

describe('<huddle-kudos>', () => {
  afterEach(deleteTestDatabases);

  it('gives kudos to a person and shows it for the day', async () => {
    const { store, teamA, member } = await org();
    await store.addRecognition({ unitId: teamA.id, day: '2026-11-20', text: 'Yesterday, not shown' });
    const el = await fixture<HuddleKudos>(html`<huddle-kudos unit=${teamA.id} .store=${store}></huddle-kudos>`);
    await until(() => inShadow(el, 'h2').length === 1, 'the panel');
    expect(inShadow(el, 'li')).to.have.length(0);
    await tap(buttonNamed(el, 'Give kudos'));
    await tap(buttonNamed(el, member.name));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="text"]'), 'Spotted the leak early');
    await tap(buttonNamed(el, 'Save kudos'));
    await until(() => inShadow(el, 'li').length === 1, 'the kudos');
    expect(oneInShadow(el, 'li').textContent).to.contain(member.name).and.contain('Spotted the leak early');
    await expect(el).to.be.accessible();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-agenda/huddle-agenda.js';
import type { HuddleAgenda } from '../../src/components/huddle-agenda/huddle-agenda.js';
import { whereEquals } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

async function agenda() {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  let offset = 0;
  const el = await fixture<HuddleAgenda>(html`<huddle-agenda unit=${org.teamA.id} .store=${store} .clock=${() => Date.now() + offset}></huddle-agenda>`);
  await until(() => inShadow<HTMLButtonElement>(el, 'button').some((b) => !b.disabled), 'the agenda to load');
  /** Moves the agenda's clock forward by `seconds` and re-renders. */
  const wait = async (seconds: number) => {
    offset += seconds * 1000;
    el.requestUpdate();
    await el.updateComplete;
  };
  return { store, el, wait, ...org };
}

const current = (el: HuddleAgenda) => oneInShadow(el, 'li[aria-current="step"]').textContent!;

describe('<huddle-agenda>', () => {
  afterEach(deleteTestDatabases);

  it('runs the three parts with a timer, records each part and the end', async () => {
    const { store, el, wait, teamA } = await agenda();
    const parts: (string | undefined)[] = [];
    el.addEventListener('agenda-part-changed', (e) => parts.push(e.detail.part));
    await tap(buttonNamed(el, 'Start huddle'));
    await until(() => inShadow(el, '[role="timer"]').length === 1, 'the timer');
    expect(current(el)).to.contain('Reflect on yesterday');
    expect(el.isRunning).to.equal(true);
    await wait(200);
    expect(oneInShadow(el, '[role="timer"]').textContent).to.match(/3:2\d \/ 5:00/);
    await tap(buttonNamed(el, 'Next part'));
    await until(() => current(el).includes('Plan to win today'), 'plan');
    await wait(100);
    await tap(buttonNamed(el, 'Next part'));
    await until(() => current(el).includes('Improve for tomorrow'), 'improve');
    await wait(60);
    await tap(buttonNamed(el, 'End huddle'));
    await until(() => inShadow(el, '[role="status"]').some((s) => s.textContent!.includes('Huddle held')), 'the summary');
    const [huddle] = await store.get(whereEquals('huddles', 'unitId', teamA.id));
    expect(huddle!.endedAt).to.be.a('string');
    expect(huddle!.partSeconds.reflect).to.be.within(200, 203);
    expect(huddle!.partSeconds.plan).to.be.within(100, 103);
    expect(huddle!.partSeconds.improve).to.be.within(60, 63);
    expect(el.isRunning, 'the interval is released once the huddle ends').to.equal(false);
    expect(parts).to.deep.equal(['reflect', 'plan', 'improve', undefined]);
  });

  it('shows an overrun and still lets the team move on', async () => {
    const { el, wait } = await agenda();
    await tap(buttonNamed(el, 'Start huddle'));
    await until(() => inShadow(el, '[role="timer"]').length === 1, 'the timer');
    await wait(345);
    const timer = oneInShadow(el, '[role="timer"]');
    expect(timer.classList.contains('over')).to.equal(true);
    expect(timer.textContent).to.contain('0:45 over');
    await tap(buttonNamed(el, 'Next part'));
    await until(() => current(el).includes('Plan'), 'plan after an overrun');
  });

  it('resumes a running huddle after a reload, in the right part', async () => {
    const { store, el, wait, teamA } = await agenda();
    await tap(buttonNamed(el, 'Start huddle'));
    await until(() => inShadow(el, '[role="timer"]').length === 1, 'the timer');
    await wait(30);
    await tap(buttonNamed(el, 'Next part'));
    await until(() => current(el).includes('Plan'), 'plan');
    el.remove();
    const again = await fixture<HuddleAgenda>(html`<huddle-agenda unit=${teamA.id} .store=${store}></huddle-agenda>`);
    await until(() => inShadow(again, 'li[aria-current="step"]').length === 1 && current(again).includes('Plan'), 'plan after reload');
    expect(el.isRunning, 'the removed agenda released its interval').to.equal(false);
  });

  it("shows the board's huddle time, then whether the huddle started on time, in words", async () => {
    const { store, el, teamA } = await agenda();
    const hhmm = (date: Date) => `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
    const due = new Date(Date.now() - 12 * 60_000);
    await store.updateUnit(teamA.id, { huddleAt: hhmm(due) });
    const shown = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(due);
    await until(() => oneInShadow(el, '.agenda').textContent!.includes(`Huddle at ${shown}`), 'the huddle time before the start');
    await tap(buttonNamed(el, 'Start huddle'));
    await until(() => inShadow(el, '.late').length === 1, 'the late start');
    const late = oneInShadow(el, '.late');
    expect(Number(late.dataset['late'])).to.be.within(12, 13);
    expect(late.textContent).to.match(/▲ Started 1[23] min late \(huddle at /);
    await store.updateUnit(teamA.id, { huddleAt: hhmm(new Date()) });
    await until(() => oneInShadow(el, '.agenda').textContent!.includes('✓ Started on time'), 'on time once the board keeps this time');
    expect(inShadow(el, '.late')).to.have.length(0);
    // An evening huddle against a morning time is another huddle, not "676 min early".
    await store.updateUnit(teamA.id, { huddleAt: hhmm(new Date(Date.now() - 11 * 3600_000)) });
    await until(() => oneInShadow(el, '.agenda').textContent!.includes('not at the huddle time'), 'held at another time');
    expect(oneInShadow(el, '.agenda').textContent).to.not.contain('min early').and.not.contain('min late');
    await expect(el).to.be.accessible();
  });

  it('uses configured time boxes and passes axe', async () => {
    const { el } = await agenda();
    el.timeBoxes = '7,2,1';
    await el.updateComplete;
    expect(inShadow(el, 'li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Reflect on yesterday (7:00)',
      'Plan to win today (2:00)',
      'Improve for tomorrow (1:00)',
    ]);
    await expect(el).to.be.accessible();
  });
});

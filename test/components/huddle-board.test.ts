import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/huddle-board/huddle-board.js';
import type { HuddleBoard } from '../../src/components/huddle-board/huddle-board.js';
import type { HuddleAgenda } from '../../src/components/huddle-agenda/huddle-agenda.js';
import type { HuddleAttendance } from '../../src/components/huddle-attendance/huddle-attendance.js';
import type { ThemeName } from '../../src/context/settings-context.js';
import { recordById, whereEquals } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, demoStore, inShadow, oneInShadow, press, tap, typeInto, until } from '../helpers/ui.js';
import { targetSizes, textSizes } from '../helpers/wall.js';

async function boardFor(unit: string, store: Awaited<ReturnType<typeof demoStore>>, theme: ThemeName = 'light') {
  const el = await fixture<HuddleBoard>(html`<huddle-board unit=${unit} theme=${theme} .store=${store}></huddle-board>`);
  await settled(el);
  return el;
}

/** The board and its agenda have their data, so nothing moves under a finger any more. */
async function settled(board: HuddleBoard): Promise<void> {
  await until(() => inShadow(board, 'h1').length === 1, 'the board');
  const agenda = oneInShadow(board, 'huddle-agenda');
  await until(() => inShadow<HTMLButtonElement>(agenda, 'button').some((b) => !b.disabled), 'the agenda');
}

const tab = (board: HuddleBoard, name: string) => inShadow(board, '[role="tab"]').find((t) => t.textContent!.includes(name))!;
const child = <T extends Element>(board: HuddleBoard, tag: string) => oneInShadow(board, tag) as unknown as T;

describe('<huddle-board>', function () {
  // Each test loads the 5,000-record demo organisation and taps through whole boards.
  this.timeout(30000);
  afterEach(deleteTestDatabases);
  after(() => setViewport({ width: 800, height: 600 }));

  it("shows the board's name, tier, leader, date and what is abnormal, from the model", async () => {
    const store = await demoStore();
    const board = await boardFor('unit-line-1', store);
    expect(oneInShadow(board, 'h1').textContent).to.equal('Line 1');
    const identity = oneInShadow(board, '.identity p').textContent!.replace(/\s+/g, ' ');
    expect(identity).to.contain('Team').and.contain('Saturday');
    const summary = oneInShadow(board, '.summary').textContent!.replace(/\s+/g, ' ');
    const actions = await store.get(whereEquals('actions', 'unitId', 'unit-line-1'));
    const overdue = actions.filter((a) => a.status !== 'done' && a.due !== undefined && a.due < TODAY).length;
    expect(summary).to.contain(`${overdue} actions overdue`).and.contain('of 5 KPIs red yesterday').and.contain('1 escalated');
    expect(inShadow(board, 'kpi-calendar')).to.have.length(5);
  });

  it('says a new board with KPIs but no results has none, not a green "0 of 2 red"', async () => {
    const store = freshStore({ today: () => TODAY });
    const { teamA } = await seedSmallOrg(store);
    for (const name of ['Falls', 'Yield']) await store.createKpi({ unitId: teamA.id, name, category: 'Q', measure: '%', target: 95, betterWhen: 'higher' });
    const el = await fixture<HuddleBoard>(html`<huddle-board unit=${teamA.id} .store=${store}></huddle-board>`);
    await until(() => inShadow(el, '.summary li').length > 0, 'the summary');
    const summary = oneInShadow(el, '.summary').textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('No KPI results yesterday').and.not.contain('✓ 0 of 2');
  });

  it('says so when the board id does not exist', async () => {
    const store = freshStore({ today: () => TODAY });
    await seedSmallOrg(store);
    const board = await fixture<HuddleBoard>(html`<huddle-board unit="no-such-board" .store=${store}></huddle-board>`);
    await until(() => oneInShadow(board, '[role="status"]').textContent!.includes('There is no board with id "no-such-board"'), 'the message');
  });

  it('switches views by tap and by arrow keys', async () => {
    const store = await demoStore();
    const board = await boardFor('unit-line-1', store);
    await tap(tab(board, 'Actions'));
    await until(() => inShadow(board, 'huddle-actions').length === 1, 'the actions view');
    expect(tab(board, 'Actions').getAttribute('aria-selected')).to.equal('true');
    await press('ArrowRight');
    await until(() => inShadow(board, 'huddle-escalations').length === 1, 'the escalations view');
    expect(board.shadowRoot!.activeElement).to.equal(tab(board, 'Escalations'));
    await press('Home');
    await until(() => inShadow(board, 'kpi-calendar').length > 0, 'the reflect view');
  });

  it('follows the running huddle from part to part', async () => {
    const store = await demoStore();
    const board = await boardFor('unit-line-3', store);
    await tap(tab(board, 'Actions'));
    const agenda = child<HTMLElement>(board, 'huddle-agenda');
    await until(() => inShadow(agenda, 'button').length > 0, 'the agenda');
    await tap(buttonNamed(agenda, 'Start huddle'));
    await until(() => board.view === 'reflect' && inShadow(agenda, 'button').some((b) => b.textContent!.includes('Next part')), 'reflect on start');
    await tap(buttonNamed(agenda, 'Next part'));
    await until(() => board.view === 'plan' && inShadow(board, 'huddle-attendance').length === 1, 'plan');
  });

  it('escalates on a child board and the parent accepts and resolves it, both live', async () => {
    const store = await demoStore();
    // Side by side, like two screens: one board growing never moves the other under a finger.
    await setViewport({ width: 1600, height: 900 });
    const wrapper = await fixture<HTMLDivElement>(html`<div style="display: flex; align-items: flex-start">
      <huddle-board unit="unit-line-2" view="actions" .store=${store} style="flex: 1"></huddle-board>
      <huddle-board unit="unit-assembly" view="escalations" .store=${store} style="flex: 1"></huddle-board>
    </div>`);
    const [childBoard, parentBoard] = [...wrapper.querySelectorAll('huddle-board')] as HuddleBoard[];
    await settled(childBoard!);
    await settled(parentBoard!);
    const actions = child<HTMLElement>(childBoard!, 'huddle-actions');
    const escalations = child<HTMLElement>(parentBoard!, 'huddle-escalations');
    await until(() => inShadow(actions, 'li[data-action]').length > 0 && inShadow(escalations, 'h3').length === 2, 'their lists');
    const before = inShadow(escalations, 'li[part="received"]').map((li) => li.dataset['escalation']!);

    const item = inShadow(actions, 'li[data-action]').find((li) => li.querySelector('.item-actions button:last-child')?.textContent?.includes('Escalate'))!;
    const actionId = item.dataset['action']!;
    await tap(item.querySelector<HTMLButtonElement>('.item-actions button:last-child')!);
    await typeInto(oneInShadow<HTMLInputElement>(actions, 'input[name="reason"]'), 'Needs the maintenance budget');
    await tap(buttonNamed(actions, 'Send up'));

    // Titles repeat in real boards; follow the records by id.
    let escalationId = '';
    await until(() => {
      escalationId =
        inShadow(escalations, 'li[part="received"]')
          .map((li) => li.dataset['escalation']!)
          .find((id) => !before.includes(id)) ?? '';
      return escalationId !== '';
    }, 'the escalation on the parent board');
    const received = () => inShadow(escalations, `li[data-escalation="${escalationId}"]`)[0];
    expect((await store.get(recordById('escalations', escalationId)))?.actionId).to.equal(actionId);
    expect(received()!.textContent).to.contain('From Line 2').and.contain('Needs the maintenance budget');

    await tap([...received()!.querySelectorAll('button')].find((b) => b.textContent === 'Accept')!);
    const childItem = () => oneInShadow(actions, `li[data-action="${actionId}"]`);
    await until(() => childItem().textContent!.includes('Escalated to Assembly: accepted'), 'accepted on the child board');

    await tap([...received()!.querySelectorAll('button')].find((b) => b.textContent === 'Resolve…')!);
    await typeInto(received()!.querySelector<HTMLInputElement>('input[name="note"]')!, 'Budget approved');
    await tap([...received()!.querySelectorAll('button')].find((b) => b.textContent === 'Resolve')!);
    await until(() => received() === undefined, 'resolved on the parent board');
    await until(() => childItem().textContent!.includes('Escalated to Assembly: resolved'), 'resolved on the child board');
    expect(await store.get(recordById('escalations', escalationId))).to.include({ state: 'resolved', resolution: 'Budget approved' });
  });

  it('shows hostile text in board and people names as text', async () => {
    const store = freshStore({ today: () => TODAY });
    const payload = '<img src=x onerror="window.hacked=true">';
    const unit = await store.createUnit({ name: payload, tier: 1 });
    await store.createPerson({ name: `<script>window.hacked=true</script>`, unitId: unit.id, role: 'leader' });
    const board = await fixture<HuddleBoard>(html`<huddle-board unit=${unit.id} .store=${store}></huddle-board>`);
    await until(() => inShadow(board, 'h1').length === 1 && oneInShadow(board, '.identity p').textContent!.includes('<script>'), 'the board');
    expect(oneInShadow(board, 'h1').textContent).to.equal(payload);
    expect(inShadow(board, 'img, script')).to.have.length(0);
    expect((window as unknown as { hacked?: boolean }).hacked).to.equal(undefined);
  });

  for (const theme of ['light', 'dark', 'wall'] as const) {
    it(`passes axe in the ${theme} theme, in every view`, async () => {
      const store = await demoStore();
      const board = await boardFor('unit-packing', store, theme);
      for (const view of ['reflect', 'plan', 'improve', 'actions', 'escalations'] as const) {
        board.view = view;
        await board.updateComplete;
        await new Promise((r) => setTimeout(r, 150));
        await expect(board, `${theme} ${view}`).to.be.accessible();
      }
    });
  }

  describe('on a 1080p wall', () => {
    beforeEach(() => setViewport({ width: 1920, height: 1080 }));

    async function fullTeamBoard() {
      const store = freshStore({ today: () => TODAY });
      const area = await store.createUnit({ name: 'Assembly', tier: 2 });
      const unit = await store.createUnit({ name: 'Line 7', tier: 1, parentId: area.id });
      const people = [];
      for (let i = 0; i < 12; i++)
        people.push(await store.createPerson({ name: `Operator Number ${i + 1}`, unitId: unit.id, role: i === 0 ? 'leader' : 'member' }));
      for (let i = 0; i < 12; i++) {
        const kpi = await store.createKpi({
          unitId: unit.id,
          name: `Key figure ${i + 1}`,
          category: (['S', 'Q', 'D', 'C', 'P', 'custom'] as const)[i % 6],
          measure: '%',
          target: 95,
          betterWhen: 'higher',
          amberBand: 2,
        });
        for (let d = 1; d <= 20; d++) await store.recordKpiValue(kpi.id, `2026-11-${String(d).padStart(2, '0')}`, { value: 90 + ((d * 7 + i) % 9) });
      }
      for (let i = 0; i < 30; i++)
        await store.createAction({
          unitId: unit.id,
          title: `Action number ${i + 1} for the team`,
          ownerId: people[i % 12]!.id,
          due: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}`,
        });
      await store.addResourceNeed({
        unitId: unit.id,
        day: TODAY,
        kind: 'people',
        description: 'One operator short on the afternoon shift',
        ownerId: people[0]!.id,
      });
      await store.saveExperiment({
        unitId: unit.id,
        title: 'Cut changeover time',
        targetCondition: 'Under 20 minutes',
        actualCondition: '31 minutes',
        obstacle: 'Tools fetched during changeover',
        nextStep: 'Pre-stage the tool cart',
        expectation: 'Saves 6 minutes',
        result: 'Saved 5 minutes',
        learning: 'Check the cart against the die list',
        status: 'active',
      });
      await store.addRecognition({ unitId: unit.id, day: TODAY, text: 'Zero scrap on the night shift' });
      const board = await fixture<HuddleBoard>(html`<huddle-board unit=${unit.id} theme="wall" .store=${store} style="height: 1080px"></huddle-board>`);
      await until(() => inShadow(board, 'kpi-calendar').length === 6, 'the first page of KPIs');
      return board;
    }

    it('fits every view of a 12-person, 12-KPI, 30-action board without scrolling', async () => {
      const board = await fullTeamBoard();
      for (const view of ['reflect', 'plan', 'improve', 'actions', 'escalations'] as const) {
        board.view = view;
        await board.updateComplete;
        await new Promise((r) => setTimeout(r, 250));
        const panel = oneInShadow(board, '[role="tabpanel"]');
        expect(panel.scrollHeight, `${view}: content height within the panel`).to.be.at.most(panel.clientHeight + 1);
        expect(board.getBoundingClientRect().height, `${view}: board within the screen`).to.be.at.most(1080);
      }
    });

    it('has no text smaller than 24 px and no touch target smaller than 64 px', async () => {
      const board = await fullTeamBoard();
      for (const view of ['reflect', 'plan', 'improve', 'actions', 'escalations'] as const) {
        board.view = view;
        await board.updateComplete;
        await new Promise((r) => setTimeout(r, 250));
        const [smallestText] = textSizes(board);
        expect(smallestText!.size, `${view}: "${smallestText!.text}"`).to.be.at.least(24);
        const [smallestTarget] = targetSizes(board);
        expect(Math.min(smallestTarget!.width, smallestTarget!.height), `${view}: "${smallestTarget!.text}"`).to.be.at.least(64);
      }
    });
  });
});

describe('<huddle-board> with shift huddles', function () {
  this.timeout(20000);
  afterEach(deleteTestDatabases);

  it("runs the night shift's huddle with its charge nurse, takes attendance for it, and leaves the early shift's to hold", async () => {
    const store = freshStore({ today: () => TODAY });
    const ward = await store.createUnit({ name: 'Ward 3', tier: 1, workingDays: [1, 2, 3, 4, 5, 6, 7] });
    const nina = await store.createPerson({ name: 'Nina Night', unitId: ward.id, role: 'leader' });
    const ed = await store.createPerson({ name: 'Ed Early', unitId: ward.id, role: 'leader' });
    const nurse = await store.createPerson({ name: 'Noor Nurse', unitId: ward.id, role: 'member' });
    await store.updateUnit(ward.id, {
      shifts: [
        { id: 'early', name: 'Early', at: '06:45', leaderId: ed.id },
        { id: 'late', name: 'Late', at: '14:45' },
        { id: 'night', name: 'Night', at: '21:45', leaderId: nina.id },
      ],
    });
    const el = await fixture<HuddleBoard>(html`<huddle-board unit=${ward.id} .store=${store}></huddle-board>`);
    await until(() => inShadow(el, 'huddle-agenda').length === 1, 'the board');
    const agenda = () => oneInShadow<HuddleAgenda>(el, 'huddle-agenda');
    await until(() => inShadow(agenda(), '[data-choose-shift]').length === 3, 'the shifts to choose from');
    await tap(oneInShadow(agenda(), '[data-choose-shift="night"]'));
    await until(() => oneInShadow(agenda(), '.shift').textContent!.includes('Night huddle'), 'the night huddle');
    expect(oneInShadow(agenda(), '.shift').textContent).to.contain('led by Nina Night');
    await tap(buttonNamed(agenda(), 'Start huddle'));
    await until(() => inShadow(agenda(), '[role="timer"]').length === 1, 'the night huddle running');
    const [huddle] = await store.get(whereEquals('huddles', 'unitId', ward.id));
    expect(huddle!.shiftId).to.equal('night');

    await tap(oneInShadow(el, '#tab-plan'));
    await until(() => inShadow(el, 'huddle-attendance').length === 1, 'attendance');
    const attendance = oneInShadow<HuddleAttendance>(el, 'huddle-attendance');
    expect(attendance.shift).to.equal('night');
    await until(() => inShadow(attendance, `li[data-person="${nurse.id}"] button`).length === 3, 'the team');
    await tap(inShadow(attendance, `li[data-person="${nurse.id}"] button`)[0]!);
    await until(() => inShadow(attendance, 'button[aria-pressed="true"]').length === 1, 'the nurse marked present');
    const marked = await store.get(whereEquals('attendance', 'unitId', ward.id));
    expect(marked.map((a) => [a.personId, a.shiftId, a.state])).to.deep.equal([[nurse.id, 'night', 'present']]);

    // The early shift's huddle is its own: still to hold, and its attendance still to take.
    await tap(oneInShadow(agenda(), '[data-choose-shift="early"]'));
    await until(() => inShadow(agenda(), '[role="timer"]').length === 0 && buttonNamed(agenda(), 'Start huddle') !== undefined, 'the early huddle not started');
    expect(oneInShadow(agenda(), '.shift').textContent).to.contain('led by Ed Early');
    await until(() => attendance.shift === 'early', 'attendance for the early shift');
    await until(() => inShadow(attendance, 'button[aria-pressed="true"]').length === 0, 'nobody marked at the early huddle');
    await expect(el).to.be.accessible();
  });
});

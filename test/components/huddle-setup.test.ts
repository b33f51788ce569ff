import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/huddle-setup/huddle-setup.js';
import '../../src/components/huddle-board/huddle-board.js';
import '../../src/components/coaching-journal/coaching-journal.js';
import type { HuddleSetup } from '../../src/components/huddle-setup/huddle-setup.js';
import { allOf, orgSettings } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, chooseOption, inShadow, oneInShadow, pasteText, tap, typeInto, until } from '../helpers/ui.js';

/** The set-up step element currently shown inside <huddle-setup>. */
const stepOf = (el: HuddleSetup, tag: string) => {
  const step = el.shadowRoot!.querySelector<HTMLElement>(tag);
  if (!step) throw new Error(`<${tag}> is not the step shown`);
  return step;
};
const loaded = (step: HTMLElement) => until(() => inShadow(step, 'h2').length === 1, `<${step.tagName.toLowerCase()}> loaded`);

async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}

/** Puts text into a field the way a paste does: one insertion, not key by key. */
async function paste(field: HTMLTextAreaElement, text: string): Promise<void> {
  await tap(field);
  await selectAll();
  await pasteText(text);
  if (field.value !== text) throw new Error(`pasted text but the field holds "${field.value.slice(0, 80)}"`);
}

const HR_FILE_WITH_TWO_BAD_ROWS = [
  'Name;Role;Board;Coach',
  "Dora Quinn;Director of nursing;St Mary's;",
  'Uma Stone;Unit manager;Surgery;',
  'Cara Diaz;Charge nurse;Ward 3;',
  'Ned Park;Nurse;Ward 3;Cara Diaz',
  'Ola Berg;Nurse;Ward 9;', // no such board
  'Pia Ruiz;Nurse;Ward 3;',
  'Raj Singh;Surgeon;Ward 3;', // not a role here
  'Sue Tan;Nurse;Ward 3;',
].join('\n');
const HR_FILE = HR_FILE_WITH_TWO_BAD_ROWS.replace('Ward 9', 'Ward 3').replace('Surgeon', 'Nurse');

async function addBoard(step: HTMLElement, name: string, tier?: string): Promise<void> {
  if (tier) await chooseOption(oneInShadow(step, 'select[name="tier"]'), tier);
  await typeInto(oneInShadow(step, 'form[aria-label="New board"] input[name="name"]'), name);
  await tap(buttonNamed(step, 'Add board'));
  await until(() => inShadow(step, 'li[part="board"]').some((li) => li.textContent!.includes(name)), `${name} in the tree`);
}

/** The boards step on a small organisation (one area, two teams), its tree drawn. */
async function boardsStep() {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const el = await fixture<HuddleSetup>(html`<huddle-setup step="boards" .store=${store}></huddle-setup>`);
  const step = stepOf(el, 'setup-boards');
  await until(() => inShadow(step, 'li[part="board"]').length === 4, 'the tree');
  return { store, el, step, ...org };
}

/** Replaces what a number field holds by selecting it all and typing. */
async function replaceNumber(field: HTMLInputElement, text: string): Promise<void> {
  await tap(field);
  await selectAll();
  await sendKeys({ type: text });
  if (field.value !== text) throw new Error(`typed ${text} but the field holds "${field.value}"`);
}

async function addKpi(
  step: HTMLElement,
  kpi: { name: string; category: string; measure: string; target: string; better: string; amber?: string; over?: string },
): Promise<void> {
  await typeInto(oneInShadow(step, 'input[name="name"]'), kpi.name);
  await chooseOption(oneInShadow(step, 'select[name="category"]'), kpi.category);
  await typeInto(oneInShadow(step, 'input[name="measure"]'), kpi.measure);
  await replaceNumber(oneInShadow<HTMLInputElement>(step, 'input[name="target"]'), kpi.target);
  await chooseOption(oneInShadow(step, 'select[name="betterWhen"]'), kpi.better);
  if (kpi.amber) await typeInto(oneInShadow(step, 'input[name="amberBand"]'), kpi.amber);
  if (kpi.over) await chooseOption(oneInShadow(step, 'select[name="aggregate"]'), kpi.over);
  await tap(buttonNamed(step, 'Add KPI'));
  await until(() => inShadow(step, 'li[data-kpi]').some((li) => li.textContent!.includes(kpi.name)), `${kpi.name} in the list`);
}

const previewStatuses = (step: HTMLElement) => {
  const calendar = oneInShadow(step, 'kpi-calendar');
  return inShadow(calendar, 'li[part="day"]').map((li) => li.className);
};

describe('<huddle-setup>', function () {
  this.timeout(120000);
  afterEach(async () => {
    localStorage.clear();
    await deleteTestDatabases();
  });

  it('sets up a small hospital from an empty database by taps and typing, and its board shows it', async () => {
    const store = freshStore({ today: () => TODAY });
    const el = await fixture<HuddleSetup>(html`<huddle-setup guided progress-key="setup-test" .store=${store}></huddle-setup>`);

    // 1. Tiers and roles in the hospital's words.
    const org = stepOf(el, 'setup-organisation');
    await loaded(org);
    await typeInto(oneInShadow(org, 'input[name="name"]'), "St Mary's Hospital");
    await tap(buttonNamed(org, 'A hospital: Unit, Department, Hospital'));
    await chooseOption(oneInShadow<HTMLSelectElement>(org, 'select[name="gaps"]'), 'The roles of the people in them');
    await typeInto(oneInShadow(org, 'input[name="keep-months"]'), '24');
    await tap(buttonNamed(org, 'Save organisation'));
    await until(() => inShadow(org, '[role="status"]').length === 1, 'saved');
    const settings = await store.get(orgSettings());
    expect(settings).to.include({ name: "St Mary's Hospital", memberLabel: 'Nurse' });
    expect(settings, 'private by default; the gaps by role and the words for two years, as chosen').to.include({
      coachingWordsReadBy: 'pair',
      cascadeGapsOnSharedScreens: 'roles',
      coachingWordsKeptMonths: 24,
    });
    expect(settings!.tiers.map((t) => t.leader)).to.deep.equal(['Charge nurse', 'Unit manager', 'Director of nursing']);
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Next: Boards'));

    // 2. Three boards, top down; each escalates to the one above.
    const boards = stepOf(el, 'setup-boards');
    await loaded(boards);
    await addBoard(boards, "St Mary's");
    await addBoard(boards, 'Surgery', '2: Department');
    await addBoard(boards, 'Ward 3', '1: Unit');
    const units = await store.get(allOf('units'));
    const byName = (name: string) => units.find((u) => u.name === name)!;
    expect(byName('Ward 3')).to.include({ tier: 1, parentId: byName('Surgery').id });
    expect(byName('Surgery')).to.include({ tier: 2, parentId: byName("St Mary's").id });
    expect(oneInShadow(boards, `li[data-unit="${byName('Ward 3').id}"]`).textContent)
      .to.contain('Unit')
      .and.contain('escalates to Surgery');
    await tap(buttonNamed(el, 'Next: People'));

    // 3. Eight people pasted from an HR file: two bad rows are marked and nothing is saved.
    const people = stepOf(el, 'setup-people');
    await loaded(people);
    await paste(oneInShadow(people, 'textarea[name="csv"]'), HR_FILE_WITH_TWO_BAD_ROWS);
    await tap(buttonNamed(people, 'Check the list'));
    await until(() => inShadow(people, 'tr[data-line]').length === 8, 'the preview of 8 lines');
    const bad = inShadow(people, 'tr.bad');
    expect(bad.map((tr) => tr.dataset['line'])).to.deep.equal(['6', '8']);
    expect(bad[0]!.querySelector('[data-problem="board"]')!.textContent).to.equal('there is no board named "Ward 9"');
    expect(bad[1]!.querySelector('[data-problem="role"]')!.textContent).to.contain('"Surgeon" is not a role here');
    expect(bad[1]!.querySelector('td[aria-invalid="true"]')).to.not.equal(null);
    expect(oneInShadow(people, '[role="alert"]').textContent).to.contain('2 of 8 lines need fixing');
    expect(inShadow(people, 'button').some((b) => b.textContent!.startsWith('Add 8 people'))).to.equal(false);
    expect(await store.get(allOf('people'))).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await paste(oneInShadow(people, 'textarea[name="csv"]'), HR_FILE);
    await tap(buttonNamed(people, 'Check the list'));
    await tap(buttonNamed(people, 'Add 8 people'));
    await until(() => inShadow(people, 'li[data-person]').length === 8, 'eight people listed');
    expect(oneInShadow(people, '[role="status"]').textContent).to.contain('Added 8 people and 1 coaching pairs');
    expect(
      (await store.get(allOf('people')))
        .filter((p) => p.role === 'leader')
        .map((p) => p.name)
        .sort(),
    ).to.deep.equal(['Cara Diaz', 'Dora Quinn', 'Uma Stone']);
    await tap(buttonNamed(el, 'Next: KPIs'));

    // 4. Four KPIs on Ward 3; the preview follows the threshold as it is typed.
    const kpis = stepOf(el, 'setup-kpis');
    await loaded(kpis);
    expect(oneInShadow<HTMLSelectElement>(kpis, 'select[name="board"]').selectedOptions[0]!.textContent).to.contain('Ward 3');
    await addKpi(kpis, {
      name: 'Patient falls',
      category: 'Safety (S)',
      measure: 'falls',
      target: '0',
      better: 'lower (at or below target)',
      over: 'add it up (a count: incidents, units)',
    });
    await addKpi(kpis, { name: 'Medication errors', category: 'Quality (Q)', measure: 'errors', target: '0', better: 'lower (at or below target)' });
    await addKpi(kpis, { name: 'Staff who feel heard', category: 'People (P)', measure: '%', target: '80', better: 'higher (at or above target)' });
    await typeInto(oneInShadow(kpis, 'input[name="name"]'), 'Discharges before noon');
    await chooseOption(oneInShadow(kpis, 'select[name="category"]'), 'Delivery (D)');
    await chooseOption(oneInShadow(kpis, 'select[name="betterWhen"]'), 'higher (at or above target)');
    await replaceNumber(oneInShadow<HTMLInputElement>(kpis, 'input[name="target"]'), '40');
    const withoutBand = previewStatuses(kpis);
    expect(withoutBand.filter((c) => c.includes('amber'))).to.have.length(0);
    expect(withoutBand.filter((c) => c.includes('red')).length).to.be.greaterThan(0);
    await typeInto(oneInShadow(kpis, 'input[name="amberBand"]'), '5');
    await until(() => previewStatuses(kpis).some((c) => c.includes('amber')), 'amber days in the preview');
    expect(previewStatuses(kpis).filter((c) => c.includes('red')).length).to.be.lessThan(withoutBand.filter((c) => c.includes('red')).length);
    await tap(buttonNamed(kpis, 'Add KPI'));
    await until(() => inShadow(kpis, 'li[data-kpi]').length === 4, 'four KPIs');
    const ward3 = byName('Ward 3').id;
    const discharge = (await store.get(allOf('kpis'))).find((k) => k.name === 'Discharges before noon');
    expect(discharge).to.include({ unitId: ward3, category: 'D', target: 40, betterWhen: 'higher', amberBand: 5 });
    expect(discharge!.aggregate, 'a rate is averaged: the default, not stored').to.equal(undefined);
    expect((await store.get(allOf('kpis'))).find((k) => k.name === 'Patient falls')!.aggregate, 'falls are counted: added up').to.equal('sum');
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Next: Coaching cascade'));

    // 5. The default cascade from the board tree, with one tap.
    const cascade = stepOf(el, 'setup-cascade');
    await loaded(cascade);
    await tap(buttonNamed(cascade, 'Propose the default cascade'));
    await until(() => inShadow(cascade, 'li[part="pair"]').length === 3, 'the proposed pairs beside the pair from the file');
    const pairs = (await store.get(allOf('coachingPairs'))).map((p) => [p.kind, p.cadenceDays]);
    expect(pairs).to.deep.include.members([
      ['coaching-the-coach', 14],
      ['huddle-observation', 7],
      ['kata', 7],
    ]);
    await tap(buttonNamed(el, 'Next: Checklists'));
    const finished = new Promise((resolve) => el.addEventListener('setup-finished', resolve, { once: true }));
    // By keyboard: a pointer tap on this last button left the test runner's session unfinished
    // (the page had finished; cause not found), while Enter - a user's other way - does not.
    buttonNamed(el, 'Finish set-up').focus();
    await sendKeys({ press: 'Enter' });
    await finished;

    // The board for Ward 3 shows the set-up: name, KPIs, the team.
    const board = await fixture(html`<huddle-board unit=${ward3} .store=${store}></huddle-board>`);
    await until(() => board.shadowRoot?.querySelector('h1')?.textContent === 'Ward 3', 'the board');
    await until(() => inShadow(board, 'kpi-calendar').length === 4, 'four letter calendars');
    expect(board.shadowRoot!.textContent).to.contain('Cara Diaz'); // the ward's charge nurse leads its board
  });

  it('asks before Next leaves a step with edits not saved, and keeps them on "Stay"', async () => {
    const store = freshStore({ today: () => TODAY });
    const el = await fixture<HuddleSetup>(html`<huddle-setup guided progress-key="setup-unsaved" .store=${store}></huddle-setup>`);
    const organisation = stepOf(el, 'setup-organisation');
    await loaded(organisation);
    await typeInto(oneInShadow(organisation, 'input[name="name"]'), 'St Mary');
    await tap(buttonNamed(el, 'Next: Boards'));
    await until(() => inShadow(el, '[role="alertdialog"]').length === 1, 'the question');
    expect(oneInShadow(el, '[role="alertdialog"]').textContent).to.contain('Organisation has changes that are not saved yet.');
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Stay and save them'));
    expect(stepOf(el, 'setup-organisation')).to.equal(organisation);
    expect(oneInShadow<HTMLInputElement>(organisation, 'input[name="name"]').value).to.contain('St Mary');
    await tap(buttonNamed(el, 'Next: Boards'));
    await tap(buttonNamed(el, 'Go on without them'));
    await until(() => el.shadowRoot!.querySelector('setup-boards') !== null, 'the boards step');
    expect(await store.get(orgSettings())).to.equal(undefined);
  });

  it('resumes the guided set-up where it was left, and a skipped step stays marked', async () => {
    const store = freshStore({ today: () => TODAY });
    const first = await fixture<HuddleSetup>(html`<huddle-setup guided progress-key="resume-test" .store=${store}></huddle-setup>`);
    await tap(buttonNamed(first, 'Skip this step'));
    // Each step's element loads when first shown: on a busy shared machine that can take seconds.
    await until(() => oneInShadow(first, '.guide').textContent!.includes('Step 2 of 6: Boards'), 'the boards step', 20000);
    // Tapped once the step has drawn: a step growing under the finger moves the button away.
    await loaded(stepOf(first, 'setup-boards'));
    await tap(buttonNamed(first, 'Next: People'));
    await until(() => oneInShadow(first, '.guide').textContent!.includes('Step 3 of 6: People'), 'the people step', 20000);
    first.remove();
    const again = await fixture<HuddleSetup>(html`<huddle-setup guided progress-key="resume-test" .store=${store}></huddle-setup>`);
    expect(oneInShadow(again, '.guide').textContent).to.contain('Step 3 of 6: People');
    expect(oneInShadow(again, 'button[aria-current="step"]').textContent).to.contain('People');
    expect(buttonNamed(again, '1. Organisation').textContent).to.contain('(skipped)');
    expect(buttonNamed(again, '2. Boards').textContent).to.contain('(done)');
  });

  it('edits a checklist without losing what older sessions rated', async () => {
    const store = freshStore({ today: () => TODAY });
    const { leader, area } = await seedSmallOrg(store);
    const sup = await store.createPerson({ name: 'Sam Supervisor', unitId: area.id, role: 'leader' });
    await store.saveCoachingSession({
      kind: 'huddle-observation',
      direction: 'down',
      coachId: sup.id,
      learnerId: leader.id,
      anonymous: false,
      day: '2026-11-10',
      templateId: 'default-huddle-observation',
      templateVersion: 1,
      ratings: { 'team-talks': 0, 'board-visible': 2 },
      wentWell: '',
      evenBetter: '',
      focus: '',
    });
    const el = await fixture<HuddleSetup>(html`<huddle-setup step="checklists" .store=${store}></huddle-setup>`);
    const step = stepOf(el, 'setup-checklists');
    await loaded(step);
    const teamTalks = oneInShadow(step, 'li[data-behaviour="team-talks"]');
    const label = teamTalks.querySelector('.user-text')!.textContent!;
    await tap([...teamTalks.querySelectorAll('button')].find((b) => b.textContent === 'Retire')!);
    const group = oneInShadow(step, 'form input[name="label"]');
    await typeInto(group as HTMLInputElement, 'Ends with who does what by when');
    await tap(buttonNamed(step, 'Add behaviour'));
    await tap(buttonNamed(step, 'Save checklist'));
    await until(() => inShadow(step, '[role="status"]').some((s) => s.textContent!.includes('Saved as version 2')), 'version 2');
    const [saved] = await store.get(allOf('checklists'));
    expect(saved!.version).to.equal(2);
    // The card asks the new behaviour, not the retired one; the journal still reads the old session.
    const behaviours = saved!.groups.flatMap((g) => g.behaviours);
    expect(behaviours.find((b) => b.id === 'team-talks')).to.include({ retired: true, label });
    expect(behaviours.some((b) => b.label === 'Ends with who does what by when')).to.equal(true);
    const journal = await fixture(html`<coaching-journal person=${leader.id} .store=${store}></coaching-journal>`);
    await until(() => inShadow(journal, 'li[part="session"]').length === 1, 'the old session');
    const line = oneInShadow(journal, 'li[part="session"]').textContent!.replace(/\s+/g, ' ');
    expect(line).to.contain(`${label}: Not seen`).and.contain('50 % of behaviours seen consistently');
    await expect(el).to.be.accessible();
  });

  it('takes a department as the top board when there is no hospital board above it (a site starting with one department)', async () => {
    const store = freshStore({ today: () => TODAY });
    await store.saveOrgSettings({
      name: 'St Mary',
      locale: 'en',
      tiers: [
        { unit: 'Unit', leader: 'Charge nurse' },
        { unit: 'Department', leader: 'Unit manager' },
        { unit: 'Hospital', leader: 'Director of nursing' },
      ],
      memberLabel: 'Nurse',
    });
    const el = await fixture<HuddleSetup>(html`<huddle-setup step="boards" .store=${store}></huddle-setup>`);
    const step = stepOf(el, 'setup-boards');
    await until(() => inShadow(step, 'select[name="tier"]').length === 1, 'the boards step');
    await chooseOption(oneInShadow(step, 'select[name="tier"]'), '2: Department');
    await until(() => inShadow(step, 'select[name="parent"]').length === 1, 'where it escalates');
    expect(oneInShadow(step, 'select[name="parent"]').textContent).to.contain('No board above: it is the top board (or add a Hospital first)');
    await addBoard(step, 'Surgery');
    await addBoard(step, 'Ward 3', '1: Unit');
    const units = await store.get(allOf('units'));
    const surgery = units.find((u) => u.name === 'Surgery')!;
    expect(surgery).to.include({ tier: 2 }).and.not.have.property('parentId');
    expect(units.find((u) => u.name === 'Ward 3')!.parentId, 'a ward escalates to the department by default').to.equal(surgery.id);
  });

  it('retires a board instead of deleting it, and keeps it listed as retired', async () => {
    const { store, step, teamB } = await boardsStep();
    const row = oneInShadow(step, `li[data-unit="${teamB.id}"]`);
    await tap([...row.querySelectorAll('button')].find((b) => b.textContent === 'Retire')!);
    await tap(buttonNamed(step, 'Retire board'));
    await until(() => inShadow(step, 'li[part="board"]').length === 3, 'the board leaving the tree');
    expect(step.shadowRoot!.textContent).to.contain('Retired boards (1)');
    const all = await store.get(allOf('units', { includeRetired: true }));
    expect(all.find((u) => u.id === teamB.id)?.deletedAt).to.be.a('string');
  });

  it("sets a board's huddle time by typing it, shows it, and takes it away", async () => {
    const { store, el, step, teamA } = await boardsStep();
    const row = () => oneInShadow(step, `li[data-unit="${teamA.id}"]`);
    await tap([...row().querySelectorAll('button')].find((b) => b.textContent === 'Huddle time')!);
    const field = row().querySelector<HTMLInputElement>('input[name="huddleAt"]')!;
    await tap(field);
    await sendKeys({ type: '0745A' }); // hours, minutes, AM: the time field of an English browser
    expect(field.value).to.equal('07:45');
    await tap(buttonNamed(step, 'Save time'));
    await until(() => row().querySelector('.huddle-at')?.textContent === 'huddle at 7:45 AM', 'the time on the board row');
    const stored = async () => (await store.get(allOf('units'))).find((u) => u.id === teamA.id)?.huddleAt;
    expect(await stored()).to.equal('07:45');
    await expect(el).to.be.accessible();

    await tap([...row().querySelectorAll('button')].find((b) => b.textContent === 'Huddle time')!);
    expect(row().querySelector<HTMLInputElement>('input[name="huddleAt"]')!.value).to.equal('07:45');
    await tap(buttonNamed(step, 'No fixed time'));
    await until(() => row().querySelector('.huddle-at') === null && !row().querySelector('form'), 'the time gone from the row');
    expect(await stored()).to.equal(undefined);
  });

  it("sets a working calendar on the top board - Monday to Friday, a holiday, the site's time zone - and the boards below take it", async () => {
    const { store, el, step, plant, teamA } = await boardsStep();
    const row = (id: string) => oneInShadow(step, `li[data-unit="${id}"]`);
    const openCalendar = async (id: string) => {
      await tap([...row(id).querySelectorAll('button')].find((b) => b.textContent === 'Calendar')!);
      await until(() => row(id).querySelector('setup-board-calendar')?.shadowRoot?.querySelector('form') instanceof HTMLFormElement, 'the calendar form');
      return row(id).querySelector('setup-board-calendar')!;
    };
    const form = await openCalendar(plant.id);
    await tap(oneInShadow(form, 'input[name="inherit"]'));
    for (const day of ['Sat', 'Sun'])
      await tap(
        inShadow(form, 'label.choices')
          .find((l) => l.textContent!.trim() === day)!
          .querySelector('input')!,
      );
    // The browser's own date picker is not ours to drive: the day is put in as the picker would.
    oneInShadow<HTMLInputElement>(form, 'input[name="closedDay"]').value = '2026-12-25';
    await tap(buttonNamed(form, 'Add closed day'));
    await until(() => inShadow(form, 'li[data-closed="2026-12-25"]').length === 1, 'the closed day listed');
    await typeInto(oneInShadow(form, 'input[name="timeZone"]'), 'Europe/Berlin');
    await expect(form).to.be.accessible();
    await tap(buttonNamed(form, 'Save calendar'));
    await until(() => row(plant.id).querySelector('.calendar') !== null, 'the calendar on the row');
    expect(row(plant.id).querySelector('.calendar')!.textContent).to.contain('works Mon, Tue, Wed, Thu, Fri').and.contain('Europe/Berlin');
    const stored = (await store.get(allOf('units'))).find((u) => u.id === plant.id)!;
    expect([stored.workingDays, stored.closedDays, stored.timeZone]).to.deep.equal([[1, 2, 3, 4, 5], ['2026-12-25'], 'Europe/Berlin']);

    const below = await openCalendar(teamA.id);
    const text = below.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('As the board above (Mon, Tue, Wed, Thu, Fri)').and.contain('Closed with the boards above: Dec 25, 2026');
    expect(oneInShadow<HTMLInputElement>(below, 'input[name="timeZone"]').placeholder).to.equal('Europe/Berlin');
    await expect(el).to.be.accessible();
  });

  it('gives a board shift huddles, each with its time and the leader who runs it, and refuses one without a time', async () => {
    const { store, el, step, teamA, leader } = await boardsStep();
    const row = () => oneInShadow(step, `li[data-unit="${teamA.id}"]`);
    await tap([...row().querySelectorAll('button')].find((b) => b.textContent === 'Shifts')!);
    await until(() => row().querySelector('setup-board-shifts')?.shadowRoot?.querySelector('form') instanceof HTMLFormElement, 'the shifts form');
    const form = row().querySelector('setup-board-shifts')!;
    for (const [i, name, time] of [
      [0, 'Early', '0645A'],
      [1, 'Night', '0945P'],
    ] as const) {
      await tap(buttonNamed(form, 'Add a shift'));
      await until(() => inShadow(form, `[data-shift-row="${i}"]`).length === 1, `shift ${i + 1}`);
      await typeInto(oneInShadow(form, `[data-shift-row="${i}"] input[name="name"]`), name);
      if (i === 1) {
        await tap(buttonNamed(form, 'Save shifts'));
        await until(() => inShadow(form, '[role="alert"]').length === 1, 'the missing time named');
        expect(oneInShadow(form, '[role="alert"]').textContent).to.contain('Night');
      }
      await tap(oneInShadow(form, `[data-shift-row="${i}"] input[name="at"]`));
      await sendKeys({ type: time });
    }
    await chooseOption(oneInShadow(form, '[data-shift-row="0"] select[name="leader"]'), 'Ana Leader');
    await expect(form).to.be.accessible();
    await tap(buttonNamed(form, 'Save shifts'));
    await until(() => row().querySelector('.calendar')?.textContent?.includes('shift huddles') === true, 'the shifts on the row');
    const stored = (await store.get(allOf('units'))).find((u) => u.id === teamA.id)!;
    expect(stored.shifts!.map((s) => [s.name, s.at, s.leaderId])).to.deep.equal([
      ['Early', '06:45', leader.id],
      ['Night', '21:45', undefined],
    ]);
    await expect(el).to.be.accessible();
  });

  it('refuses a time zone it does not know, naming the field, and saves nothing', async () => {
    const { store, step, teamA } = await boardsStep();
    const row = oneInShadow(step, `li[data-unit="${teamA.id}"]`);
    await tap([...row.querySelectorAll('button')].find((b) => b.textContent === 'Calendar')!);
    await until(() => row.querySelector('setup-board-calendar')?.shadowRoot?.querySelector('form') instanceof HTMLFormElement, 'the calendar form');
    const form = row.querySelector('setup-board-calendar')!;
    await typeInto(oneInShadow(form, 'input[name="timeZone"]'), 'Mars/Olympus');
    await tap(buttonNamed(form, 'Save calendar'));
    await until(() => inShadow(form, '[role="alert"]').length === 1, 'the refusal');
    expect(oneInShadow(form, '[role="alert"]').textContent).to.contain('timeZone').and.contain('time zone such as Europe/Berlin');
    expect((await store.get(allOf('units'))).find((u) => u.id === teamA.id)!.timeZone).to.equal(undefined);
  });

  it('refuses to retire a board that still has boards under it, saying which to move first', async () => {
    const { store, step, area } = await boardsStep();
    await tap([...oneInShadow(step, `li[data-unit="${area.id}"]`).querySelectorAll('button')].find((b) => b.textContent === 'Retire')!);
    await tap(buttonNamed(step, 'Retire board'));
    await until(() => inShadow(step, '[role="alert"]').length === 1, 'the message');
    expect(oneInShadow(step, '[role="alert"]').textContent).to.contain('Assembly still has 2 boards under it');
    expect((await store.get(allOf('units'))).length).to.equal(4);
  });
});

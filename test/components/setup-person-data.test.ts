import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-setup/setup-people.js';
import type { SetupPeople } from '../../src/components/huddle-setup/setup-people.js';
import type { SetupPersonData } from '../../src/components/huddle-setup/setup-person-data.js';
import { allOf } from '../../src/store/queries.js';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';
import { DEFAULT_TIERS } from '../../src/model/index.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

/** The people step of a small organisation where Ana (team leader) was coached by Cleo, with words. */
async function peopleStep() {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const coach = await store.createPerson({ name: 'Cleo Coach', unitId: org.area.id, role: 'leader' });
  const talk = await store.saveCoachingSession({
    kind: 'huddle-observation',
    direction: 'down',
    coachId: coach.id,
    learnerId: org.leader.id,
    anonymous: false,
    day: '2026-11-20',
    ratings: { 'board-visible': 2, 'owners-named': 1 },
    wentWell: 'Nine minutes, every action owned',
    evenBetter: 'Ask the quiet ones first',
    focus: 'Open questions',
  });
  const el = await fixture<SetupPeople>(html`<setup-people .store=${store}></setup-people>`);
  await until(() => inShadow(el, 'li[data-person]').length === 3, 'the people listed');
  return { store, el, coach, talk, ...org };
}

/** Opens a person's data panel from their row. */
async function openDataOf(el: SetupPeople, name: string): Promise<SetupPersonData> {
  await tap(oneInShadow(el, `button[aria-label="Data about ${name}"]`));
  await until(() => inShadow(el, 'setup-person-data').length === 1, 'the data panel');
  const panel = oneInShadow<SetupPersonData>(el, 'setup-person-data');
  await panel.updateComplete;
  return panel;
}

/** Catches the file a tap downloads: its name and its text. */
async function downloadedBy(action: () => Promise<void>): Promise<{ name: string; text: string }> {
  const click = HTMLAnchorElement.prototype.click;
  let caught: { name: string; href: string } | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    caught = { name: this.download, href: this.href };
  };
  try {
    await action();
    await until(() => caught !== undefined, 'a download');
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  return { name: caught!.name, text: await (await fetch(caught!.href)).text() };
}

const statusOf = (panel: SetupPersonData) => inShadow(panel, '[role="status"]')[0]?.textContent ?? '';

describe("<setup-person-data> (a person's rights, from the set-up)", function () {
  this.timeout(20000);
  afterEach(deleteTestDatabases);

  it('downloads everything about a person as JSON, the words of their conversations included', async () => {
    const { el, leader, talk } = await peopleStep();
    const panel = await openDataOf(el, 'Ana Leader');
    const file = await downloadedBy(() => tap(buttonNamed(panel, 'Download everything about them (JSON)')));
    const about = JSON.parse(file.text);
    expect(file.name).to.equal(`person-${leader.id}.json`);
    expect(about.person.name).to.equal('Ana Leader');
    expect(about.coachingConversations.map((s: { id: string; wentWell: string }) => [s.id, s.wentWell])).to.deep.equal([
      [talk.id, 'Nine minutes, every action owned'],
    ]);
    await until(() => statusOf(panel).includes('holds personal data'), 'the reminder that it is personal data');
  });

  it('erases a person only after a confirmation: pseudonym, no words in their conversations, the scores and the day kept', async () => {
    const { store, el, leader, talk } = await peopleStep();
    const panel = await openDataOf(el, 'Ana Leader');
    await tap(buttonNamed(panel, 'Erase this person…'));
    const question = oneInShadow(panel, '[role="alertdialog"]').textContent!;
    expect(question).to.contain('cannot be undone');
    expect(question).to.contain(`Former colleague ${leader.id.slice(-4)}`);
    await tap(buttonNamed(panel, 'Cancel'));
    expect((await store.get(allOf('people'))).find((p) => p.id === leader.id)!.name).to.equal('Ana Leader');

    await tap(buttonNamed(panel, 'Erase this person…'));
    await tap(buttonNamed(panel, 'Erase person'));
    await until(() => statusOf(panel).includes('is erased'), 'the erasure said');
    const person = (await store.get(allOf('people'))).find((p) => p.id === leader.id)!;
    expect(person.name).to.equal(`Former colleague ${leader.id.slice(-4)}`);
    const [kept] = await store.get(allOf('coachingSessions'));
    expect(kept!.id).to.equal(talk.id);
    expect(kept!.day).to.equal('2026-11-20');
    expect([kept!.wentWell, kept!.evenBetter, kept!.focus]).to.deep.equal(['', '', '']);
    // The scores stay (the figures), not which behaviour each was about.
    expect(Object.keys(kept!.ratings)).to.not.include('board-visible');
    expect(Object.values(kept!.ratings).sort()).to.deep.equal([1, 2]);
    // The row is the pseudonym now, and what was done stays in sight.
    await until(() => inShadow(el, 'li[data-person] strong').some((s) => s.textContent === person.name), 'the row renamed');
    await expect(panel).to.be.accessible();
  });

  it('leaves both to the host that answers (a synced screen asks its server) and keeps its own store untouched', async () => {
    const { store, el, leader } = await peopleStep();
    const asked: string[] = [];
    el.addEventListener('person-data-requested', (event) => {
      asked.push(`${event.detail.action} ${event.detail.personId}`);
      event.detail.respondWith(event.detail.action === 'erase' ? Promise.resolve(7) : Promise.resolve({ from: 'server' }));
    });
    const panel = await openDataOf(el, 'Ana Leader');
    const file = await downloadedBy(() => tap(buttonNamed(panel, 'Download everything about them (JSON)')));
    expect(JSON.parse(file.text)).to.deep.equal({ from: 'server' });
    await tap(buttonNamed(panel, 'Erase this person…'));
    await tap(buttonNamed(panel, 'Erase person'));
    await until(() => statusOf(panel).includes('is erased'), 'the erasure said');
    expect(asked).to.deep.equal([`export ${leader.id}`, `erase ${leader.id}`]);
    expect((await store.get(allOf('people'))).find((p) => p.id === leader.id)!.name).to.equal('Ana Leader');
  });

  it("says the server's refusal and changes nothing", async () => {
    const { el } = await peopleStep();
    el.addEventListener('person-data-requested', (event) => event.detail.respondWith(Promise.reject(new Error('Only an admin may erase a person.'))));
    const panel = await openDataOf(el, 'Ana Leader');
    await tap(buttonNamed(panel, 'Erase this person…'));
    await tap(buttonNamed(panel, 'Erase person'));
    await until(() => inShadow(panel, '[role="alert"]')[0]?.textContent === 'Only an admin may erase a person.', 'the refusal');
    expect(inShadow(panel, '[role="alertdialog"]')).to.have.length(1);
  });
});

describe('forgetOldWords (retention on a screen without a server)', () => {
  afterEach(deleteTestDatabases);

  async function withTalks(store: IdbHuddleStore, days: string[]) {
    const { leader, area } = await seedSmallOrg(store);
    const coach = await store.createPerson({ name: 'Cleo Coach', unitId: area.id, role: 'leader' });
    for (const day of days) {
      await store.saveCoachingSession({
        kind: 'huddle-observation',
        direction: 'down',
        coachId: coach.id,
        learnerId: leader.id,
        anonymous: false,
        day,
        ratings: { 'board-visible': 2 },
        wentWell: `Well on ${day}`,
        evenBetter: '',
        focus: '',
      });
    }
  }

  it('removes the words of conversations older than the months kept, keeps the newer ones and every conversation', async () => {
    const store = freshStore({ today: () => TODAY });
    await withTalks(store, ['2026-04-30', '2026-05-21', '2026-11-01']);
    await store.saveOrgSettings({ name: 'Fixture', locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator', coachingWordsKeptMonths: 6 });
    expect(await store.forgetOldWords()).to.equal(1);
    const sessions = (await store.get(allOf('coachingSessions'))).sort((a, b) => a.day.localeCompare(b.day));
    expect(sessions.map((s) => [s.day, s.wentWell])).to.deep.equal([
      ['2026-04-30', ''],
      ['2026-05-21', 'Well on 2026-05-21'],
      ['2026-11-01', 'Well on 2026-11-01'],
    ]);
    expect(await store.forgetOldWords()).to.equal(0);
  });

  it('keeps every word when the organisation sets no retention', async () => {
    const store = freshStore({ today: () => TODAY });
    await withTalks(store, ['2020-01-06']);
    expect(await store.forgetOldWords()).to.equal(0);
    expect((await store.get(allOf('coachingSessions')))[0]!.wentWell).to.equal('Well on 2020-01-06');
  });
});

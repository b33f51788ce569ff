import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/coaching-cascade/coaching-cascade.js';
import type { CoachingCascade } from '../../src/components/coaching-cascade/coaching-cascade.js';
import '../../src/components/huddle-provider/huddle-provider.js';
import type { HuddleProvider } from '../../src/components/huddle-provider/huddle-provider.js';
import type { SyncState } from '../../src/sync/sync-client.js';
import { orgSettings, recordById } from '../../src/store/queries.js';
import { DEFAULT_TIERS } from '../../src/model/org.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';
import { TODAY, chooseOption, demoStore, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

/**
 * A fixture organisation with known answers (today is 21 November):
 * - manager Mia coaches supervisor Sam every 14 days, last on 15 Nov -> on track;
 * - Sam observes Tia weekly, last on 12 Nov -> next due 19th, grace 1 day -> overdue by 1;
 * - Sam observes Tom weekly, last on 14 Nov -> due on the 21st -> due;
 * - Sam observes Theo weekly, never -> never, and Theo is a team leader never observed;
 * - Tia coaches Tom (peer kata, 14 days) on 20 Nov -> on track, but nobody coaches Tia... she is observed by Sam, so no gap.
 */
async function fixtureOrg() {
  const store = freshStore({ today: () => TODAY });
  await store.saveOrgSettings({ name: 'Fixture', locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator' });
  const plant = await store.createUnit({ name: 'Plant', tier: 3 });
  const area = await store.createUnit({ name: 'Area', tier: 2, parentId: plant.id });
  const teams = await Promise.all(['T1', 'T2', 'T3'].map((name) => store.createUnit({ name, tier: 1, parentId: area.id })));
  const mia = await store.createPerson({ name: 'Mia Manager', unitId: plant.id, role: 'leader' });
  const sam = await store.createPerson({ name: 'Sam Supervisor', unitId: area.id, role: 'leader' });
  const [tia, tom, theo] = await Promise.all(['Tia', 'Tom', 'Theo'].map((name, i) => store.createPerson({ name, unitId: teams[i]!.id, role: 'leader' })));
  const pair = (
    id: string,
    coachId: string,
    learnerId: string,
    kind: 'huddle-observation' | 'kata' | 'coaching-the-coach',
    cadenceDays: number,
    direction: 'down' | 'peer' = 'down',
    // Pairs that began long before the periods judged.
  ) => store.saveCoachingPair({ id, coachId, learnerId, kind, direction, cadenceDays, since: '2026-08-01' });
  await pair('mia-sam', mia.id, sam.id, 'coaching-the-coach', 14);
  await pair('sam-tia', sam.id, tia!.id, 'huddle-observation', 7);
  await pair('sam-tom', sam.id, tom!.id, 'huddle-observation', 7);
  await pair('sam-theo', sam.id, theo!.id, 'huddle-observation', 7);
  await pair('tia-tom', tia!.id, tom!.id, 'kata', 14, 'peer');
  const session = (
    coachId: string,
    learnerId: string,
    kind: 'huddle-observation' | 'kata' | 'coaching-the-coach',
    day: string,
    focus: string,
    direction: 'down' | 'peer' = 'down',
  ) => store.saveCoachingSession({ kind, direction, anonymous: false, coachId, learnerId, day, ratings: {}, wentWell: '', evenBetter: '', focus });
  await session(mia.id, sam.id, 'coaching-the-coach', '2026-11-15', 'Ask before telling');
  await session(sam.id, tia!.id, 'huddle-observation', '2026-11-05', 'Start on time');
  await session(sam.id, tia!.id, 'huddle-observation', '2026-11-12', 'Red KPIs first');
  await session(sam.id, tom!.id, 'huddle-observation', '2026-11-14', 'Rotate the facilitator');
  await session(tia!.id, tom!.id, 'kata', '2026-11-20', 'One obstacle at a time', 'peer');
  const el = await fixture<CoachingCascade>(html`<coaching-cascade .store=${store}></coaching-cascade>`);
  await until(() => inShadow(el, 'button.pair').length === 5, 'the pairs');
  return { store, el, mia, sam, tia: tia!, tom: tom!, theo: theo! };
}

const pairButton = (el: CoachingCascade, id: string) => oneInShadow(el, `button.pair[data-pair="${id}"]`);

describe('<coaching-cascade>', () => {
  afterEach(deleteTestDatabases);

  it('computes every pair state of the fixture organisation', async () => {
    const { el } = await fixtureOrg();
    const states = Object.fromEntries(inShadow(el, 'button.pair').map((b) => [b.dataset['pair'], b.dataset['state']]));
    expect(states).to.deep.equal({ 'mia-sam': 'on-track', 'sam-tia': 'overdue', 'sam-tom': 'due', 'sam-theo': 'never', 'tia-tom': 'on-track' });
    expect(pairButton(el, 'sam-tia').textContent!.replace(/\s+/g, ' ')).to.contain('Tia: ▲ overdue · last 9 days ago · every 7 days');
    expect(pairButton(el, 'tia-tom').textContent).to.contain('↔');
  });

  it('names the gaps: the team leader never observed', async () => {
    const { el } = await fixtureOrg();
    const gaps = inShadow(el, '[data-gap]').map((g) => [g.dataset['gap'], g.textContent!.trim()]);
    expect(gaps).to.deep.equal([['leader-never-observed', "▲ Nobody has observed Theo's huddle"]]);
    expect(inShadow(el, 'li.person.gap').map((li) => li.querySelector('strong')!.textContent)).to.deep.equal(['Theo']);
  });

  it('on a shared screen, the gaps say how many, or name roles or people only as the organisation chose', async () => {
    const { store } = await fixtureOrg();
    const gapsOnWall = async () => {
      const wall = await fixture(html`<huddle-provider shared-screen .store=${store}><coaching-cascade></coaching-cascade></huddle-provider>`);
      const el = wall.querySelector('coaching-cascade')!;
      await until(() => inShadow(el, 'button.pair').length === 5, 'the pairs');
      return { texts: inShadow(el, '[data-gap]').map((g) => g.textContent!.replace(/\s+/g, ' ').trim()), marked: inShadow(el, 'li.person.gap').length };
    };
    expect(await gapsOnWall(), 'counts by default, nobody marked').to.deep.equal({ texts: ["▲ 1 leader's huddle was never observed"], marked: 0 });
    const org = (await store.get(orgSettings()))!;
    await store.saveOrgSettings({ ...org, cascadeGapsOnSharedScreens: 'roles' });
    expect(await gapsOnWall(), 'roles').to.deep.equal({ texts: ["▲ Nobody has observed Team leader's huddle"], marked: 0 });
    await store.saveOrgSettings({ ...org, cascadeGapsOnSharedScreens: 'names' });
    expect(await gapsOnWall(), 'names').to.deep.equal({ texts: ["▲ Nobody has observed Theo's huddle"], marked: 1 });
  });

  it('shows adherence per tier over 4 and 12 weeks', async () => {
    const { el } = await fixtureOrg();
    const row = (tier: number) => [...oneInShadow(el, `tr[data-tier="${tier}"]`).children].map((cell) => cell.textContent!.trim()).join(' ');
    // Team leaders, 4 weeks (25 Oct-21 Nov): Tia 2 of 4 weekly windows, Tom 1 of 4 (+ the peer kata 1 of 2), Theo 0 of 4.
    // Mean of 0.5, 0.25, 0.5 and 0 = 0.3125 -> 31 %. 12 weeks: 2/12, 1/12, 1/6 (kata), 0 -> 10 %.
    expect(row(1)).to.equal('Team 31 % 10 %');
    // Supervisors: Mia-Sam every 14 days, 1 of 2 windows in 4 weeks, 1 of 6 in 12 weeks.
    expect(row(2)).to.equal('Area 50 % 17 %');
  });

  it('says how the cadence is counted, one tap from the figures', async () => {
    const { el } = await fixtureOrg();
    const details = oneInShadow<HTMLDetailsElement>(el, 'details[part="definition"]');
    expect(details.open).to.equal(false);
    await tap(details.querySelector('summary')!);
    await until(() => details.open, 'the definition open');
    expect(details.textContent).to.contain('counted from the day the pair began').and.contain('a new pair is on track');
  });

  it('pages a tier of more people than fit, while its figures and gaps still count everyone', async () => {
    const { el } = await fixtureOrg();
    el.peoplePerTier = 2;
    const teamTier = () => oneInShadow(el, '[part="tier"][data-tier="1"]');
    const names = () => [...teamTier().querySelectorAll('.person strong')].map((n) => n.textContent);
    await until(() => names().length === 2, 'the first page of team leaders');
    expect(names()).to.deep.equal(['Theo', 'Tia']);
    const pager = teamTier().querySelector('nav.pager')!;
    expect(pager.getAttribute('aria-label')).to.equal('Team: pages');
    expect(pager.textContent).to.contain('1–2 of 3');
    const [previous, next] = pager.querySelectorAll('button');
    expect(previous!.disabled).to.equal(true);
    await tap(next!);
    await until(() => names().join() === 'Tom', 'the second page');
    expect(teamTier().querySelector('nav.pager')!.textContent).to.contain('3–3 of 3');
    // Theo is off this page, and still the gap; the adherence of the tier still counts all three.
    expect(oneInShadow(el, '[part="gaps"]').textContent).to.contain('Theo');
    expect([...oneInShadow(el, 'tr[data-tier="1"]').children].map((c) => c.textContent!.trim()).join(' ')).to.equal('Team 31 % 10 %');
    expect(inShadow(el, '[part="tier"][data-tier="2"] nav.pager'), 'a tier that fits has no pager').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it("a new page shows a conversation recorded since the cascade's figures were kept", async () => {
    const { store, el, sam, theo } = await fixtureOrg();
    el.remove();
    // Another tab records Sam's first observation of Theo's huddle while nobody shows the cascade.
    const otherTab = freshStore({ name: store.name, today: () => TODAY });
    await otherTab.saveCoachingSession({
      kind: 'huddle-observation',
      direction: 'down',
      anonymous: false,
      coachId: sam.id,
      learnerId: theo.id,
      day: '2026-11-20',
      ratings: {},
      wentWell: '',
      evenBetter: '',
      focus: 'Board first',
    });
    const newPage = await fixture<CoachingCascade>(html`<coaching-cascade .store=${freshStore({ name: store.name, today: () => TODAY })}></coaching-cascade>`);
    await until(() => inShadow(newPage, 'button.pair').length === 5, 'the pairs');
    expect(pairButton(newPage, 'sam-theo').dataset['state']).to.equal('on-track');
    expect(inShadow(newPage, '[data-gap]'), 'Theo is observed now: no gap').to.have.length(0);
  });

  it('opens a pair history on tap and changes its cadence', async () => {
    const { store, el } = await fixtureOrg();
    await tap(pairButton(el, 'sam-tia'));
    await until(() => inShadow(el, '[data-detail="sam-tia"]').length === 1, 'the history');
    const detail = oneInShadow(el, '[data-detail="sam-tia"]');
    // The conversations are read when a pair opens: the figures were worked out without them.
    await until(() => !detail.textContent!.includes('Loading the conversations'), 'the conversations read');
    expect(detail.textContent).to.contain('Red KPIs first').and.contain('Start on time');
    await chooseOption(detail.querySelector('select')!, 'every 14 days');
    await until(() => pairButton(el, 'sam-tia').dataset['state'] === 'on-track', 'the pair back on track with a 14-day cadence');
    expect((await store.get(recordById('coachingPairs', 'sam-tia')))?.cadenceDays).to.equal(14);
    await expect(el).to.be.accessible();
  });

  it("on a shared screen, a pair's history opens only to a person tapped in, and never shows words", async () => {
    const { store } = await fixtureOrg();
    const wall = await fixture<HuddleProvider>(html`<huddle-provider shared-screen .store=${store}><coaching-cascade></coaching-cascade></huddle-provider>`);
    const el = wall.querySelector('coaching-cascade')!;
    await until(() => inShadow(el, 'button.pair').length === 5, 'the pairs');
    await tap(pairButton(el, 'sam-tia'));
    await until(() => inShadow(el, '[data-detail="sam-tia"]').length === 1, 'the detail');
    const passerBy = oneInShadow(el, '[data-detail="sam-tia"]').textContent!.replace(/\s+/g, ' ');
    expect(passerBy)
      .to.contain('tap in as yourself')
      .and.not.match(/12 Nov|Nov 12/);
    expect(inShadow(el, '[data-detail="sam-tia"] select'), 'no cadence to change').to.have.length(0);
    // Someone taps in: the wall's sync says who records now.
    const state: SyncState = { status: 'synced', pending: 0, personId: 'someone' };
    wall.sync = { state, subscribe: (listener) => (listener(state), () => undefined) };
    await until(() => inShadow(el, '[data-detail="sam-tia"] ul').length === 1, 'the history for the person tapped in');
    expect(inShadow(el, '[data-detail="sam-tia"] select')).to.have.length(1);
    const detail = oneInShadow(el, '[data-detail="sam-tia"]').textContent!.replace(/\s+/g, ' ');
    expect(detail).to.match(/12 Nov|Nov 12/);
    expect(detail).to.contain('The words stay with the people in this conversation.');
    expect(detail).to.not.contain('Red KPIs first').and.not.contain('Start on time');
  });

  it('shows the demo organisation with overdue pairs and one broken link', async function () {
    this.timeout(20000);
    const store = await demoStore();
    const el = await fixture<CoachingCascade>(html`<coaching-cascade .store=${store}></coaching-cascade>`);
    await until(() => inShadow(el, 'button.pair').length > 5, 'the demo pairs');
    const states = inShadow(el, 'button.pair').map((b) => b.dataset['state']);
    expect(states.filter((s) => s === 'never')).to.have.length(1);
    expect(states.filter((s) => s === 'overdue').length).to.be.at.least(1);
    expect(inShadow(el, '[data-gap="leader-never-observed"]')).to.have.length(1);
  });
});

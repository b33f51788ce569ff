import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import '../../src/components/coaching-impact/coaching-impact.js';
import type { CoachingImpact } from '../../src/components/coaching-impact/coaching-impact.js';
import { generateDemoOrganisation } from '../../src/demo/index.js';
import { addDays } from '../../src/model/dates.js';
import { leaderOf } from '../../src/model/org.js';
import { teamImpact } from '../../src/model/impact.js';
import { behaviourChanges } from '../../src/model/behaviour-change.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';
import { calendarOf, isoWeekday } from '../../src/model/calendar.js';
import { TODAY, buttonNamed, demoStore, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

const cell = (el: CoachingImpact, team: string, figure: string) =>
  oneInShadow(el, `tr[data-team="${team}"] td[data-figure="${figure}"]`).textContent!.replace(/\s+/g, ' ').trim();

describe('<coaching-impact>', function () {
  this.timeout(20000);
  afterEach(deleteTestDatabases);

  async function plant() {
    const store = await demoStore();
    const el = await fixture<CoachingImpact>(html`<coaching-impact unit="unit-plant" .store=${store}></coaching-impact>`);
    await until(() => inShadow(el, 'tr[data-team]').length === 6, 'the six teams');
    // chart.js is loaded when the first chart is drawn: the charts follow the figures.
    await until(() => el.charts.size === inShadow(el, 'canvas').length, 'the charts drawn');
    return { store, el };
  }

  it('shows every team with the figures the model computes', async () => {
    const { el } = await plant();
    const demo = generateDemoOrganisation({ today: TODAY });
    const leader = leaderOf(demo.people, 'unit-line-1')!;
    const expected = teamImpact(
      {
        unitId: 'unit-line-1',
        leaderId: leader.id,
        pairs: demo.coachingPairs,
        sessions: demo.coachingSessions,
        huddles: demo.huddles,
        actions: demo.actions,
        escalations: demo.escalations,
        feedback: demo.feedback,
        kpis: demo.kpis,
        values: demo.kpiValues,
      },
      addDays(TODAY, -41),
      TODAY,
    );
    expect(cell(el, 'unit-line-1', 'observationScore')).to.match(new RegExp(`^${Math.round(expected.observationScore.value! * 100)} %`));
    expect(cell(el, 'unit-line-1', 'greenDays')).to.match(new RegExp(`^${Math.round(expected.greenDays.value! * 100)} %`));
    // Each row says whose figures they are: the team leader, and who observes their huddle.
    const supervisor = demo.people.find((p) => p.id === 'person-assembly-supervisor')!;
    expect(oneInShadow(el, 'tr[data-team="unit-line-1"] th .who').textContent!.replace(/\s+/g, ' '))
      .to.contain(leader.name)
      .and.contain(`coached by ${supervisor.name}`);
  });

  it('tells the demo story: two teams improve in behaviour and results, one stays flat', async () => {
    const { el } = await plant();
    for (const team of ['unit-line-1', 'unit-packing-a']) {
      expect(cell(el, team, 'observationScore'), team).to.contain('▲');
      const chart = el.charts.get(team)!;
      const scores = chart.data.datasets[0]!.data as number[];
      expect(scores.at(-1)! - scores[0]!, `${team} weekly scores over 12 weeks`).to.be.greaterThan(25);
    }
    expect(cell(el, 'unit-line-3', 'observationScore')).to.contain('=');
    const flat = el.charts.get('unit-line-3')!.data.datasets[0]!.data as number[];
    expect(Math.abs(flat.at(-1)! - flat[0]!)).to.be.lessThan(15);
  });

  it("gives each figure's definition one tap from its name, and takes it away with another", async () => {
    const { el } = await plant();
    const name = inShadow(el, 'thead button').find((b) => b.textContent!.trim() === 'Huddles held')!;
    await tap(name);
    await until(() => oneInShadow(el, '#definition').textContent!.includes('working days'), 'the definition');
    expect(name.getAttribute('aria-expanded')).to.equal('true');
    expect(oneInShadow(el, '#definition').textContent).to.contain('Huddles held:').and.contain('holidays and shutdowns');
    await expect(el).to.be.accessible();
    const other = inShadow(el, 'thead button').find((b) => b.textContent!.trim() === 'Escalations resolved')!;
    await tap(other);
    await until(() => oneInShadow(el, '#definition').textContent!.includes('7 days before its end'), 'the other definition');
    await tap(other);
    await until(() => oneInShadow(el, '#definition').textContent!.trim() === '', 'the definition closed');
  });

  it('answers "which behaviours are improving?" as the model counts them, by name, with how it is counted one tap away', async () => {
    const { el } = await plant();
    const demo = generateDemoOrganisation({ today: TODAY });
    const teams = demo.units.filter((u) => u.tier === 1);
    const leaders = new Set(teams.map((team) => leaderOf(demo.people, team.id, team)!.id));
    const expected = behaviourChanges(
      demo.coachingSessions,
      leaders,
      { from: addDays(TODAY, -41), to: TODAY },
      { from: addDays(TODAY, -83), to: addDays(TODAY, -42) },
    );
    await until(() => inShadow(el, '[part="behaviours"] tbody tr').length > 0, 'the behaviours');
    const rows = inShadow(el, '[part="behaviours"] tbody tr');
    expect(rows.map((r) => [r.dataset['behaviour'], r.dataset['change']])).to.deep.equal(expected.map((c) => [c.behaviourId, c.change ?? 'unknown']));
    expect(
      expected.some((c) => c.change === 'better'),
      'the demo coaching improves a behaviour',
    ).to.equal(true);
    // Named as on the checklist, not by id.
    const first = rows[0]!.querySelector('th')!.textContent!.trim();
    expect(first).not.to.equal(expected[0]!.behaviourId);
    expect(first.length).to.be.greaterThan(8);
    await tap(buttonNamed(el, 'Which behaviours are improving?'));
    await until(() => oneInShadow(el, '#behaviours-definition').textContent!.includes('scatter'), 'how it is counted');
  });

  it('reads 100 % huddles held for a Monday-to-Friday team that held every huddle', async () => {
    let today = TODAY;
    const store = freshStore({ today: () => today });
    const area = await store.createUnit({ name: 'Area', tier: 2, workingDays: [1, 2, 3, 4, 5] });
    const team = await store.createUnit({ name: 'Line 9', tier: 1, parentId: area.id });
    for (let d = 0; d < 42; d++) {
      today = addDays(TODAY, -d);
      if (calendarOf(team.id, [area, team]).workingDays.has(isoWeekday(today))) await store.startHuddle(team.id);
    }
    today = TODAY;
    const el = await fixture<CoachingImpact>(html`<coaching-impact unit=${area.id} .store=${store}></coaching-impact>`);
    await until(() => inShadow(el, `tr[data-team="${team.id}"]`).length === 1, 'the team');
    expect(cell(el, team.id, 'huddlesHeld')).to.match(/^100 %/);
  });

  it('says "too little data" instead of drawing a trend for the team never observed', async () => {
    const { el } = await plant();
    expect(cell(el, 'unit-shipping', 'observationScore')).to.equal('too little data');
    expect(inShadow(el, 'figure[data-team="unit-shipping"] [data-no-trend]')).to.have.length(1);
    expect(el.charts.has('unit-shipping')).to.equal(false);
  });

  it('destroys its charts when removed and passes axe', async () => {
    const { el } = await plant();
    await expect(el).to.be.accessible();
    const canvases = inShadow<HTMLCanvasElement>(el, 'canvas');
    expect(canvases.length).to.equal(5);
    el.remove();
    expect(canvases.every((c) => Chart.getChart(c) === undefined)).to.equal(true);
    // An update that lands after removal (a wall swapping its views at midnight) draws nothing.
    const charts = Object.keys(Chart.instances).length;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.charts.size).to.equal(0);
    expect(Object.keys(Chart.instances)).to.have.length(charts);
  });
});

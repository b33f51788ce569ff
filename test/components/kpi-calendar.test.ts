import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-calendar/kpi-calendar.js';
import type { KpiCalendar } from '../../src/components/kpi-calendar/kpi-calendar.js';
import { recordById, whereEquals } from '../../src/store/queries.js';
import { shapeSlots } from '../../src/components/kpi-calendar/letter-shapes.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, typeInto, until } from '../helpers/ui.js';

async function calendarWithKpi(category: 'S' | 'Q' = 'Q') {
  const store = freshStore({ today: () => TODAY });
  const unit = await store.createUnit({ name: 'Line 1', tier: 1 });
  const kpi = await store.createKpi({ unitId: unit.id, name: 'First pass yield', category, measure: '%', target: 97, betterWhen: 'higher', amberBand: 2 });
  await store.recordKpiValue(kpi.id, '2026-11-02', { value: 98 });
  await store.recordKpiValue(kpi.id, '2026-11-03', { value: 96 });
  await store.recordKpiValue(kpi.id, '2026-11-04', { value: 90 });
  const el = await fixture<KpiCalendar>(html`<kpi-calendar kpi=${kpi.id} .store=${store}></kpi-calendar>`);
  await until(() => inShadow(el, 'li[data-day]').length === 30, 'the month');
  return { store, kpi, el };
}

const box = (el: KpiCalendar, day: string) => oneInShadow(el, `li[data-day="${day}"]`);

describe('<kpi-calendar>', () => {
  afterEach(deleteTestDatabases);

  it('draws every day of the month in the letter, with status as colour, symbol and words', async () => {
    const { el } = await calendarWithKpi();
    expect(box(el, '2026-11-02').className).to.equal('status-green');
    expect(box(el, '2026-11-02').textContent).to.contain('2').and.contain('met, 98 %');
    expect(box(el, '2026-11-03').className).to.equal('status-amber');
    expect(box(el, '2026-11-03').textContent).to.contain('!').and.contain('close to target');
    expect(box(el, '2026-11-04').className).to.equal('status-red');
    expect(box(el, '2026-11-04').textContent).to.contain('✗').and.contain('missed, 90 %');
    expect(box(el, '2026-11-05').className).to.equal('status-none');
    expect(box(el, '2026-11-25').className).to.equal('future');
    // The Q shape: the first grid row is ".XXXXX." so day 1 sits in the second column.
    expect(inShadow(el, 'li').indexOf(box(el, '2026-11-01'))).to.equal(1);
  });

  it("shows another month's results when set to it (it reads the month it shows, not the KPI's history)", async () => {
    const { store, kpi, el } = await calendarWithKpi();
    await store.recordKpiValue(kpi.id, '2026-10-15', { value: 90 });
    expect(inShadow(el, 'li[data-day^="2026-10"]'), 'November shows no October day').to.have.length(0);
    el.month = '2026-10';
    await until(() => inShadow(el, 'li[data-day]').length === 31, 'October');
    expect(box(el, '2026-10-15').className).to.equal('status-red');
    expect(box(el, '2026-10-15').textContent).to.contain('90 %');
    el.month = undefined;
    await until(() => inShadow(el, 'li[data-day]').length === 30, 'November again');
    await store.recordKpiValue(kpi.id, '2026-11-05', { value: 99 });
    await until(() => box(el, '2026-11-05').className === 'status-green', 'a result recorded while shown');
  });

  it('is as tall while it loads as the calendar it becomes (what is below it on a board stays put)', async () => {
    const store = freshStore({ today: () => TODAY });
    const unit = await store.createUnit({ name: 'Line 1', tier: 1 });
    const kpi = await store.createKpi({
      unitId: unit.id,
      name: 'First pass yield',
      category: 'Q',
      measure: '%',
      target: 97,
      betterWhen: 'higher',
      amberBand: 2,
    });
    await store.recordKpiValue(kpi.id, '2026-11-02', { value: 98 });
    for (const width of [300, 480]) {
      const holder = document.createElement('div');
      holder.style.width = `${width}px`;
      const el = Object.assign(document.createElement('kpi-calendar'), { kpi: kpi.id, store });
      holder.append(el);
      document.body.append(holder);
      // Its first render, in microtasks: before the store can answer (IndexedDB answers in a task).
      await el.updateComplete;
      expect(oneInShadow(el, '[role="status"]').textContent).to.contain('Loading');
      const loading = el.getBoundingClientRect().height;
      if (width === 300) await expect(el, 'while it loads').to.be.accessible();
      await until(() => inShadow(el, 'li[data-day]').length === 30, 'the month');
      const loaded = el.getBoundingClientRect().height;
      expect(Math.abs(loaded - loading), `${width} px wide: ${loading} px loading, ${loaded} px loaded`).to.be.below(loaded * 0.1);
      await expect(el).to.be.accessible();
      holder.remove();
    }
  });

  it('has a safety cross for S with room for 31 days', () => {
    const slots = shapeSlots('S', 31);
    expect(slots.filter((s) => s !== null)).to.have.length(31);
    expect(slots.slice(0, 7).map((s) => s !== null)).to.deep.equal([false, false, true, true, true, false, false]);
  });

  it('records yesterday as met in two taps', async () => {
    const { store, kpi, el } = await calendarWithKpi();
    await tap(buttonNamed(el, 'Record a day'));
    await tap(buttonNamed(el, 'Met'));
    await until(() => box(el, '2026-11-20').className === 'status-green', 'yesterday turning green');
    const stored = await store.get(recordById('kpiValues', `${kpi.id}:2026-11-20`));
    expect(stored).to.include({ met: true, day: '2026-11-20' });
    expect(oneInShadow(el, '.yesterday').textContent).to.contain('met');
  });

  it('records a number for yesterday: two taps plus the number', async () => {
    const { store, kpi, el } = await calendarWithKpi();
    const recorded = new Promise<CustomEvent>((resolve) => el.addEventListener('kpi-value-recorded', (e) => resolve(e), { once: true }));
    await tap(buttonNamed(el, 'Record a day'));
    await typeInto(oneInShadow<HTMLInputElement>(el, 'input[name="value"]'), '95.5');
    await tap(buttonNamed(el, 'Save'));
    const event = await recorded;
    expect(event.detail.value).to.include({ value: 95.5, day: '2026-11-20' });
    expect(event.composed).to.equal(true);
    await until(() => box(el, '2026-11-20').className === 'status-amber', 'yesterday turning amber');
    expect((await store.get(whereEquals('kpiValues', 'kpiId', kpi.id))).length).to.equal(4);
  });

  it('asks before a tap replaces a result already recorded for the day, and keeps it on "Keep it"', async () => {
    const { store, kpi, el } = await calendarWithKpi();
    await store.recordKpiValue(kpi.id, '2026-11-20', { value: 99.2 });
    await tap(buttonNamed(el, 'Record a day'));
    await until(() => inShadow(el, '[data-recorded="2026-11-20"]').length === 1, 'what is recorded');
    expect(oneInShadow(el, '[data-recorded]').textContent).to.contain('Already recorded for this day: 99.2 %');
    await tap(buttonNamed(el, 'Missed'));
    await until(() => inShadow(el, '[role="alertdialog"]').length === 1, 'the question');
    expect(oneInShadow(el, '[role="alertdialog"]').textContent).to.contain('Replace 99.2 %, recorded for this day, with missed?');
    await expect(el).to.be.accessible();
    await tap(buttonNamed(el, 'Keep it'));
    expect((await store.get(recordById('kpiValues', `${kpi.id}:2026-11-20`)))?.value).to.equal(99.2);
    await tap(buttonNamed(el, 'Missed'));
    await tap(buttonNamed(el, 'Replace it'));
    await until(() => box(el, '2026-11-20').className === 'status-red', 'the day replaced');
    expect(await store.get(recordById('kpiValues', `${kpi.id}:2026-11-20`))).to.include({ met: false });
  });

  it('says what is wrong when Save is tapped with no number, and saves nothing', async () => {
    const { store, kpi, el } = await calendarWithKpi();
    await tap(buttonNamed(el, 'Record a day'));
    await tap(buttonNamed(el, 'Save'));
    await until(() => inShadow(el, '[role="alert"]').length === 1, 'the message');
    expect(oneInShadow(el, '[role="alert"]').textContent).to.contain('Type a number');
    expect(await store.get(whereEquals('kpiValues', 'kpiId', kpi.id))).to.have.length(3);
  });

  it('passes axe with the record form open', async () => {
    const { el } = await calendarWithKpi('S');
    await tap(buttonNamed(el, 'Record a day'));
    await expect(el).to.be.accessible();
  });

  it('rolls an area KPI up from its teams: worst result each day, recorded on the teams, live', async () => {
    const store = freshStore({ today: () => TODAY });
    const area = await store.createUnit({ name: 'Assembly', tier: 2 });
    const teamA = await store.createUnit({ name: 'Line 1', tier: 1, parentId: area.id });
    const teamB = await store.createUnit({ name: 'Line 2', tier: 1, parentId: area.id });
    const safety = { name: 'Injuries', category: 'S', measure: 'incidents', target: 0, betterWhen: 'lower' } as const;
    const areaKpi = await store.createKpi({ unitId: area.id, ...safety, rollup: true });
    const a = await store.createKpi({ unitId: teamA.id, ...safety });
    const b = await store.createKpi({ unitId: teamB.id, ...safety });
    await store.recordKpiValue(a.id, '2026-11-02', { value: 0 });
    await store.recordKpiValue(b.id, '2026-11-02', { value: 0 });
    await store.recordKpiValue(a.id, '2026-11-03', { value: 0 });
    await store.recordKpiValue(b.id, '2026-11-03', { value: 1 });
    const el = await fixture<KpiCalendar>(html`<kpi-calendar kpi=${areaKpi.id} .store=${store}></kpi-calendar>`);
    await until(() => inShadow(el, 'li[data-day]').length === 30, 'the month');
    expect(box(el, '2026-11-02').className).to.equal('status-green');
    expect(box(el, '2026-11-03').className).to.equal('status-red');
    expect(box(el, '2026-11-03').textContent).to.contain('1 of 2 boards red');
    expect(inShadow(el, 'button')).to.have.length(0);
    expect(el.shadowRoot!.textContent).to.contain('Rolled up from 2 KPIs');
    await store.recordKpiValue(a.id, '2026-11-20', { value: 2 });
    await until(() => box(el, '2026-11-20').className === 'status-red', 'a team red day reaching the area');
    expect(oneInShadow(el, '.yesterday').textContent).to.contain('missed').and.contain('1 of 1 boards red');
    await expect(el).to.be.accessible();
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import { Chart } from 'chart.js';
import '../../src/components/kpi-trend/kpi-trend.js';
import type { KpiTrend } from '../../src/components/kpi-trend/kpi-trend.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';
import { TODAY, inShadow, oneInShadow, until } from '../helpers/ui.js';

async function trend() {
  const store = freshStore({ today: () => TODAY });
  const unit = await store.createUnit({ name: 'Line 1', tier: 1 });
  const kpi = await store.createKpi({ unitId: unit.id, name: 'First pass yield', category: 'Q', measure: '%', target: 95, betterWhen: 'higher', amberBand: 2 });
  await store.recordKpiValue(kpi.id, '2026-11-02', { value: 97 });
  await store.recordKpiValue(kpi.id, '2026-11-10', { value: 94 });
  await store.recordKpiValue(kpi.id, '2026-11-17', { value: 88 });
  const el = await fixture<KpiTrend>(html`<kpi-trend kpi=${kpi.id} periods="4" .store=${store}></kpi-trend>`);
  await until(() => el.chart !== undefined && inShadow(el, 'tbody tr').length === 4, 'the chart');
  return { store, kpi, el };
}

describe('<kpi-trend>', () => {
  afterEach(deleteTestDatabases);

  it('plots actual against target with status as colour and shape', async () => {
    const { el } = await trend();
    const [actual, target] = el.chart!.data.datasets;
    expect(actual!.data).to.deep.equal([null, 97, 94, 88]);
    expect(target!.data).to.deep.equal([95, 95, 95, 95]);
    expect((actual as unknown as { pointStyle: string[] }).pointStyle).to.deep.equal(['line', 'circle', 'triangle', 'crossRot']);
    const colours = (actual as unknown as { pointBackgroundColor: string[] }).pointBackgroundColor;
    expect(colours[3]).to.equal('#9b1c1c');
    expect(colours[1]).to.equal('#0a5c2b');
  });

  it('gives the same figures as a table for screen readers', async () => {
    const { el } = await trend();
    const rows = inShadow(el, 'tbody tr').map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[1]).to.contain('97 %').and.contain('met');
    expect(rows[3]).to.contain('88 %').and.contain('missed');
    expect(oneInShadow(el, 'canvas').getAttribute('role')).to.equal('img');
  });

  it('updates live when a value is recorded', async () => {
    const { store, kpi, el } = await trend();
    await store.recordKpiValue(kpi.id, '2026-11-18', { value: 98 });
    await until(() => el.chart!.data.datasets[0]!.data[3] === 93, 'the new weekly mean');
  });

  it('destroys its chart when removed', async () => {
    const { el } = await trend();
    const canvas = oneInShadow<HTMLCanvasElement>(el, 'canvas');
    expect(Chart.getChart(canvas)).to.not.equal(undefined);
    el.remove();
    expect(Chart.getChart(canvas)).to.equal(undefined);
    expect(el.chart).to.equal(undefined);
    // An update that lands after removal draws nothing that would outlive the element.
    el.requestUpdate();
    await el.updateComplete;
    expect(Chart.getChart(canvas)).to.equal(undefined);
    expect(el.chart).to.equal(undefined);
  });

  it('passes axe', async () => {
    const { el } = await trend();
    await expect(el).to.be.accessible();
  });
});

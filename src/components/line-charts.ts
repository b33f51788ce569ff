/**
 * chart.js, with the parts the package's line charts register (kpi-trend, coaching-impact),
 * loaded when the first chart is drawn: it is about a third of a wall's first start, and a
 * board opens on its calendar, not on a chart. An element draws at once when it is loaded,
 * else asks for it and updates again once it is there.
 */
import type { Chart } from 'chart.js';

type ChartClass = typeof Chart;

let loaded: ChartClass | undefined;
let loading: Promise<ChartClass> | undefined;

/** chart.js, registered; a failed load (offline before the code was cached) is tried again on the next call. */
function loadLineCharts(): Promise<ChartClass> {
  loading ??= import('chart.js').then(
    ({ CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement }) => {
      Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend);
      loaded = Chart;
      return Chart;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * For an element's `updated()`: chart.js when it is loaded; otherwise undefined, and `host`
 * updates again once it is (if still on the page).
 */
export function lineChartsFor(host: HTMLElement & { requestUpdate(): void }): ChartClass | undefined {
  if (loaded) return loaded;
  loadLineCharts().then(
    () => {
      if (host.isConnected) host.requestUpdate();
    },
    // Nothing to draw with: the figures stay in the element's table; the next update tries again.
    () => undefined,
  );
  return undefined;
}

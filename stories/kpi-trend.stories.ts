import { html } from 'lit';
import '../src/components/kpi-trend/kpi-trend.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/kpi-trend',
  component: 'kpi-trend',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const Weekly = {
  render: (args: Args) => withDemo((store) => html`<kpi-trend kpi="kpi-line-1-Q" period="week" theme=${args.theme} .store=${store}></kpi-trend>`),
  parameters: { smoke: { element: 'kpi-trend', shows: 'per week' } } satisfies SmokeParameters,
};

export const Monthly = {
  render: (args: Args) => withDemo((store) => html`<kpi-trend kpi="kpi-line-3-D" period="month" theme=${args.theme} .store=${store}></kpi-trend>`),
  parameters: { smoke: { element: 'kpi-trend', shows: 'per month' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const UnknownKpi = stateStory('kpi-trend', { kpi: 'kpi-removed' }, 'empty', 'There is no KPI with id');
export const StorageError = stateStory('kpi-trend', { kpi: 'kpi-line-1-Q' }, 'storage-error', 'held open by an older version');

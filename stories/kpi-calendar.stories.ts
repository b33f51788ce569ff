import { html } from 'lit';
import '../src/components/kpi-calendar/kpi-calendar.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/kpi-calendar',
  component: 'kpi-calendar',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const SafetyCross = {
  render: (args: Args) => withDemo((store) => html`<kpi-calendar kpi="kpi-line-1-S" theme=${args.theme} .store=${store}></kpi-calendar>`),
  parameters: { smoke: { element: 'kpi-calendar', shows: 'Injuries and near misses' } } satisfies SmokeParameters,
};

export const Quality = {
  render: (args: Args) => withDemo((store) => html`<kpi-calendar kpi="kpi-line-3-Q" theme=${args.theme} .store=${store}></kpi-calendar>`),
  parameters: { smoke: { element: 'kpi-calendar', shows: 'First pass yield' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const UnknownKpi = stateStory('kpi-calendar', { kpi: 'kpi-removed' }, 'empty', 'There is no KPI with id');
export const StorageError = stateStory('kpi-calendar', { kpi: 'kpi-line-1-Q' }, 'storage-error', 'held open by an older version');

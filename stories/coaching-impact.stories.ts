import { html } from 'lit';
import '../src/components/coaching-impact/coaching-impact.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
  unit: string;
}

export default {
  title: 'Feedback/coaching-impact',
  component: 'coaching-impact',
  args: { theme: 'light', unit: 'unit-plant' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

/** The plant manager's screen: six teams, behaviour beside results. */
export const Plant = {
  render: (args: Args) => withDemo((store) => html`<coaching-impact unit=${args.unit} theme=${args.theme} .store=${store}></coaching-impact>`),
  parameters: { smoke: { element: 'coaching-impact', shows: 'Is the coaching working?' } } satisfies SmokeParameters,
};
/** One team. */
export const OneTeam = {
  args: { unit: 'unit-line-3' },
  render: (args: Args) => withDemo((store) => html`<coaching-impact unit=${args.unit} theme=${args.theme} .store=${store}></coaching-impact>`),
  parameters: { smoke: { element: 'coaching-impact', shows: 'Line 3' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const NewTeam = stateStory('coaching-impact', { unit: 'unit-team' }, 'empty', 'New team');
export const StorageError = stateStory('coaching-impact', { unit: 'unit-assembly' }, 'storage-error', 'held open by an older version');

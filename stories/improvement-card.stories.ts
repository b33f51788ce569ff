import { html } from 'lit';
import '../src/components/improvement-card/improvement-card.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/improvement-card',
  component: 'improvement-card',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const RunningExperiment = {
  render: (args: Args) => withDemo((store) => html`<improvement-card unit="unit-line-1" theme=${args.theme} .store=${store}></improvement-card>`),
  parameters: { smoke: { element: 'improvement-card', shows: 'Target condition' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('improvement-card', { unit: 'unit-team' }, 'empty', 'No experiment running.');
export const StorageError = stateStory('improvement-card', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

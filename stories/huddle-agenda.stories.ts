import { html } from 'lit';
import '../src/components/huddle-agenda/huddle-agenda.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-agenda',
  component: 'huddle-agenda',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const NotStarted = {
  render: (args: Args) => withDemo((store) => html`<huddle-agenda unit="unit-line-1" theme=${args.theme} .store=${store}></huddle-agenda>`),
  parameters: { smoke: { element: 'huddle-agenda', shows: 'Start huddle' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const StorageError = stateStory('huddle-agenda', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

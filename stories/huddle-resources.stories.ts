import { html } from 'lit';
import '../src/components/huddle-resources/huddle-resources.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-resources',
  component: 'huddle-resources',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const Today = {
  render: (args: Args) => withDemo((store) => html`<huddle-resources unit="unit-line-2" theme=${args.theme} .store=${store}></huddle-resources>`),
  parameters: { smoke: { element: 'huddle-resources', shows: 'Resource needs' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('huddle-resources', { unit: 'unit-team' }, 'empty', 'No gaps today.');
export const StorageError = stateStory('huddle-resources', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

import { html } from 'lit';
import '../src/components/huddle-escalations/huddle-escalations.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-escalations',
  component: 'huddle-escalations',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const AreaBoard = {
  render: (args: Args) => withDemo((store) => html`<huddle-escalations unit="unit-assembly" theme=${args.theme} .store=${store}></huddle-escalations>`),
  parameters: { smoke: { element: 'huddle-escalations', shows: 'Waiting on this board' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('huddle-escalations', { unit: 'unit-area' }, 'empty', 'Nothing escalated to this board.');
export const LongTexts = stateStory('huddle-escalations', { unit: 'unit-assembly' }, 'long-texts', 'Lockout-tagout-verification');
export const StorageError = stateStory('huddle-escalations', { unit: 'unit-assembly' }, 'storage-error', 'held open by an older version');

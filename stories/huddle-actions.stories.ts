import { html } from 'lit';
import '../src/components/huddle-actions/huddle-actions.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-actions',
  component: 'huddle-actions',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const TeamActions = {
  render: (args: Args) => withDemo((store) => html`<huddle-actions unit="unit-packing-b" theme=${args.theme} .store=${store}></huddle-actions>`),
  parameters: { smoke: { element: 'huddle-actions', shows: 'overdue' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('huddle-actions', { unit: 'unit-team' }, 'empty', 'No open actions.');
export const LongTexts = stateStory('huddle-actions', { unit: 'unit-line-1' }, 'long-texts', 'Lockout-tagout-verification');
export const StorageError = stateStory('huddle-actions', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

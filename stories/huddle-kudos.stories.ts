import { html } from 'lit';
import '../src/components/huddle-kudos/huddle-kudos.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-kudos',
  component: 'huddle-kudos',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const Today = {
  render: (args: Args) => withDemo((store) => html`<huddle-kudos unit="unit-line-1" theme=${args.theme} .store=${store}></huddle-kudos>`),
  parameters: { smoke: { element: 'huddle-kudos', shows: 'Recognition' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('huddle-kudos', { unit: 'unit-team' }, 'empty', 'No kudos yet today.');
export const LongTexts = stateStory('huddle-kudos', { unit: 'unit-line-1' }, 'long-texts', 'Thanks for the Lockout-tagout');
export const StorageError = stateStory('huddle-kudos', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

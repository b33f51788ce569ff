import { html } from 'lit';
import '../src/components/huddle-attendance/huddle-attendance.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-attendance',
  component: 'huddle-attendance',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

export const Today = {
  render: (args: Args) => withDemo((store) => html`<huddle-attendance unit="unit-line-2" theme=${args.theme} .store=${store}></huddle-attendance>`),
  parameters: { smoke: { element: 'huddle-attendance', shows: 'present' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('huddle-attendance', { unit: 'unit-team' }, 'empty', '1 not marked');
export const StorageError = stateStory('huddle-attendance', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

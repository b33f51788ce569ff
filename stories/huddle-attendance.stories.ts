import { html } from 'lit';
import '../src/components/huddle-attendance/huddle-attendance.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-attendance',
  component: 'huddle-attendance',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall'] } },
};

export const Today = {
  render: (args: Args) => withDemo((store) => html`<huddle-attendance unit="unit-line-2" theme=${args.theme} .store=${store}></huddle-attendance>`),
  parameters: { smoke: { element: 'huddle-attendance', shows: 'present' } } satisfies SmokeParameters,
};

import { html } from 'lit';
import '../src/components/huddle-kudos/huddle-kudos.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Board/huddle-kudos',
  component: 'huddle-kudos',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall'] } },
};

export const Today = {
  render: (args: Args) => withDemo((store) => html`<huddle-kudos unit="unit-line-1" theme=${args.theme} .store=${store}></huddle-kudos>`),
  parameters: { smoke: { element: 'huddle-kudos', shows: 'Recognition' } } satisfies SmokeParameters,
};

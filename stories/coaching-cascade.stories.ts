import { html } from 'lit';
import '../src/components/coaching-cascade/coaching-cascade.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Coaching/coaching-cascade',
  component: 'coaching-cascade',
  args: { theme: 'wall' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall'] } },
};

/** The demo plant: mostly on track, Packing B's observations overdue, Shipping's team leader never observed. */
export const DemoPlant = {
  render: (args: Args) => withDemo((store) => html`<coaching-cascade theme=${args.theme} .store=${store}></coaching-cascade>`),
  parameters: { smoke: { element: 'coaching-cascade', shows: 'Nobody has observed' } } satisfies SmokeParameters,
};

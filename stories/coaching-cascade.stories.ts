import { html } from 'lit';
import '../src/components/coaching-cascade/coaching-cascade.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Coaching/coaching-cascade',
  component: 'coaching-cascade',
  args: { theme: 'wall' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

/** The demo plant: mostly on track, Packing B's observations overdue, Shipping's team leader never observed. */
export const DemoPlant = {
  render: (args: Args) => withDemo((store) => html`<coaching-cascade theme=${args.theme} .store=${store}></coaching-cascade>`),
  parameters: { smoke: { element: 'coaching-cascade', shows: 'Nobody has observed' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('coaching-cascade', {}, 'empty', 'Nobody has observed Tia Leader');
export const LongTexts = stateStory('coaching-cascade', {}, 'long-texts', 'Maria-Fernanda Lockout-tagout');
export const StorageError = stateStory('coaching-cascade', {}, 'storage-error', 'held open by an older version');

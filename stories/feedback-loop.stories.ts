import { html } from 'lit';
import '../src/components/feedback-loop/feedback-loop.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Feedback/feedback-loop',
  component: 'feedback-loop',
  args: { theme: 'wall' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

const smoke = (shows: string): SmokeParameters => ({ smoke: { element: 'feedback-loop', shows } });

/** The one-tap pulse on the wall as people walk away from the huddle. */
export const HuddlePulse = {
  render: (args: Args) => withDemo((store) => html`<feedback-loop unit="unit-line-1" theme=${args.theme} .store=${store}></feedback-loop>`),
  parameters: smoke("How useful was today's huddle?"),
};
/** The psychological-safety pulse with the team's stage profile. */
export const PsychologicalSafety = {
  args: { theme: 'light' },
  render: (args: Args) => withDemo((store) => html`<feedback-loop unit="unit-packing-a" mode="safety" theme=${args.theme} .store=${store}></feedback-loop>`),
  parameters: smoke('Inclusion'),
};
/** "You said, we did" on the team leader's device. */
export const YouSaidWeDid = {
  args: { theme: 'light' },
  render: (args: Args) =>
    withDemo((store) => html`<feedback-loop unit="unit-line-1" mode="you-said" can-respond theme=${args.theme} .store=${store}></feedback-loop>`),
  parameters: smoke('You said, we did'),
};

// The states every element must handle (see states.ts).
export const YouSaidEmpty = stateStory('feedback-loop', { unit: 'unit-team', mode: 'you-said' }, 'empty', 'No comments yet.');
export const YouSaidLongTexts = stateStory('feedback-loop', { unit: 'unit-line-1', mode: 'you-said' }, 'long-texts', 'Too long: Lockout-tagout');
export const YouSaidStorageError = stateStory('feedback-loop', { unit: 'unit-line-1', mode: 'you-said' }, 'storage-error', 'held open by an older version');

import { html } from 'lit';
import '../src/components/coaching-card/coaching-card.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
  kind: 'huddle-observation' | 'kata' | 'coaching-the-coach';
  direction: 'down' | 'peer' | 'up';
}

export default {
  title: 'Coaching/coaching-card',
  component: 'coaching-card',
  args: { theme: 'light', kind: 'huddle-observation', direction: 'down' } satisfies Args,
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] },
    kind: { control: 'select', options: ['huddle-observation', 'kata', 'coaching-the-coach'] },
    direction: { control: 'select', options: ['down', 'peer', 'up'] },
  },
};

const card = (args: Args, learner: string, draftKey: string) =>
  withDemo(
    (store) => html`<coaching-card kind=${args.kind} direction=${args.direction} coach="person-assembly-supervisor" learner=${learner}
    draft-key=${draftKey} theme=${args.theme} .store=${store}></coaching-card>`,
  );
const smoke = (shows: string): SmokeParameters => ({ smoke: { element: 'coaching-card', shows } });

/** A supervisor observing a team leader's huddle, following up on last week. */
export const HuddleObservation = { render: (args: Args) => card(args, 'person-line-1-leader', 'story-observation'), parameters: smoke('Follows up on') };
/** The five kata questions with their gentle hints. */
export const Kata = {
  args: { kind: 'kata' },
  render: (args: Args) => card(args, 'person-line-2-leader', 'story-kata'),
  parameters: smoke('What is the target condition?'),
};
/** A manager rating how a supervisor coaches. */
export const CoachingTheCoach = {
  args: { kind: 'coaching-the-coach' },
  render: (args: Args) => card(args, 'person-assembly-supervisor', 'story-ctc'),
  parameters: smoke('Asked rather than told'),
};
/** Coaching up, which may be anonymous. */
export const CoachingUp = { args: { direction: 'up' }, render: (args: Args) => card(args, 'person-line-3-leader', 'story-up'), parameters: smoke('Anonymous') };

// The states every element must handle (see states.ts).
export const StorageError = stateStory(
  'coaching-card',
  { learner: 'person-line-1-leader', 'draft-key': 'story-error' },
  'storage-error',
  'held open by an older version',
);

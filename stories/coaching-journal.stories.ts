import { html } from 'lit';
import '../src/components/coaching-journal/coaching-journal.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  theme: ThemeName;
}

export default {
  title: 'Coaching/coaching-journal',
  component: 'coaching-journal',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

/** A team leader's coaching received, with an anonymous coaching-up entry. */
export const TeamLeader = {
  render: (args: Args) => withDemo((store) => html`<coaching-journal person="person-line-3-leader" theme=${args.theme} .store=${store}></coaching-journal>`),
  parameters: { smoke: { element: 'coaching-journal', shows: 'anonymous' } } satisfies SmokeParameters,
};
/** A supervisor who owes follow-ups. */
export const Supervisor = {
  render: (args: Args) =>
    withDemo((store) => html`<coaching-journal person="person-packing-supervisor" theme=${args.theme} .store=${store}></coaching-journal>`),
  parameters: { smoke: { element: 'coaching-journal', shows: 'Follow-ups I owe' } } satisfies SmokeParameters,
};

// The states every element must handle (see states.ts).
export const Empty = stateStory('coaching-journal', { person: 'person-team-leader' }, 'empty', 'No coaching recorded yet.');
export const LongTexts = stateStory('coaching-journal', { person: 'person-line-1-leader' }, 'long-texts', 'Maria-Fernanda Lockout-tagout');
export const StorageError = stateStory('coaching-journal', { person: 'person-line-1-leader' }, 'storage-error', 'held open by an older version');

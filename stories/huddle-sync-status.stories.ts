import { html } from 'lit';
import '../src/components/huddle-sync-status/huddle-sync-status.js';
import type { ThemeName } from '../src/context/settings-context.js';
import type { SyncState, SyncStateSource } from '../src/sync/sync-client.js';
import type { SmokeParameters } from './demo-store.js';

interface Args {
  theme: ThemeName;
}

/** A fixed state, as a SyncClient would report it. */
const fixed = (state: SyncState): SyncStateSource => ({ state, subscribe: (listener) => (listener(state), () => undefined) });

export default {
  title: 'Sync/huddle-sync-status',
  component: 'huddle-sync-status',
  args: { theme: 'light' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
};

const story = (state: SyncState, shows: string) => ({
  render: (args: Args) => html`<huddle-sync-status theme=${args.theme} .source=${fixed(state)}></huddle-sync-status>`,
  parameters: { smoke: { element: 'huddle-sync-status', shows } } satisfies SmokeParameters,
});

export const Synced = story({ status: 'synced', pending: 0 }, 'Synced');
export const Waiting = story({ status: 'pending', pending: 4 }, '4 waiting to send');
export const Offline = story({ status: 'offline', pending: 12, reason: 'the server cannot be reached' }, 'Offline: 12 changes kept');
export const Refused = story(
  { status: 'error', pending: 1, reason: "op 0 (8f1c…): actions 2b7e…: a wall token can only write its own board's records (unit-line-1)" },
  'Not synced: op 0',
);

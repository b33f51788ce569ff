import { html } from 'lit';
import '../src/components/huddle-board/huddle-board.js';
import type { BoardView } from '../src/components/huddle-board/huddle-board.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { withDemo, type SmokeParameters } from './demo-store.js';
import { stateStory } from './states.js';

interface Args {
  unit: string;
  theme: ThemeName;
  view: BoardView;
  width: string;
}

export default {
  title: 'Board/huddle-board',
  component: 'huddle-board',
  args: { unit: 'unit-line-1', theme: 'wall', view: 'reflect', width: '100%' } satisfies Args,
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] },
    view: { control: 'select', options: ['reflect', 'plan', 'improve', 'actions', 'escalations'] },
  },
  render: (args: Args) =>
    withDemo(
      (store) =>
        html`<div style="width: ${args.width}"><huddle-board unit=${args.unit} theme=${args.theme} view=${args.view} .store=${store}></huddle-board></div>`,
    ),
};

const smoke = (shows: string): SmokeParameters => ({ smoke: { element: 'huddle-board', shows } });

/** A team board on the wall: KPI letter calendars. */
export const TeamOnTheWall = { parameters: smoke('Line 1') };
/** The same board in the light theme, on the actions view. */
export const LightActions = { args: { theme: 'light', view: 'actions' }, parameters: smoke('Actions') };
/** Dark theme, plan view (attendance and resource needs). */
export const DarkPlan = { args: { theme: 'dark', view: 'plan' }, parameters: smoke('Attendance') };
/** A tier 2 board with the escalations its teams sent. */
export const AreaEscalations = { args: { unit: 'unit-packing', view: 'escalations' }, parameters: smoke('Waiting on this board') };
/** In a 400 px intranet column. */
export const IntranetColumn = { args: { theme: 'light', width: '400px' }, parameters: smoke('Line 1') };
/** A board id that does not exist says so. */
export const UnknownBoard = { args: { unit: 'no-such-board' }, parameters: smoke('There is no board with id') };

// The states every element must handle (see states.ts).
export const Empty = stateStory('huddle-board', { unit: 'unit-team' }, 'empty', 'This board has no KPIs yet.');
export const LongTexts = stateStory('huddle-board', { unit: 'unit-line-1' }, 'long-texts', 'Maria-Fernanda Lockout-tagout');
export const StorageError = stateStory('huddle-board', { unit: 'unit-line-1' }, 'storage-error', 'held open by an older version');

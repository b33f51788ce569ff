import { html } from 'lit';
import '../src/components/huddle-setup/huddle-setup.js';
import type { ThemeName } from '../src/context/settings-context.js';
import { SETUP_STEPS, type SetupStep } from '../src/components/huddle-setup/setup-steps.js';
import { withDemo, type SmokeParameters } from './demo-store.js';

interface Args {
  theme: ThemeName;
  step: SetupStep;
}

export default {
  title: 'Administration/huddle-setup',
  component: 'huddle-setup',
  args: { theme: 'light', step: 'organisation' } satisfies Args,
  argTypes: {
    theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] },
    step: { control: 'select', options: SETUP_STEPS },
  },
};

const story = (step: SetupStep, shows: string) => ({
  args: { step },
  render: (args: Args) => withDemo((store) => html`<huddle-setup step=${args.step} theme=${args.theme} .store=${store}></huddle-setup>`),
  parameters: { smoke: { element: 'huddle-setup', shows } } satisfies SmokeParameters,
});

export const Organisation = story('organisation', 'Tiers, from the front line up');
export const Boards = story('boards', 'escalates to Assembly');
export const People = story('people', 'Many people from a spreadsheet or HR file');
export const Kpis = story('kpis', 'Preview:');
export const Cascade = story('cascade', 'Propose the default cascade');
export const Checklists = story('checklists', 'Observation checklists');

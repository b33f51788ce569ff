import { html } from 'lit';
import '../src/components/huddle-provider/huddle-provider.js';
import '../kiosk/board-overview.js';
import { withDemo, type SmokeParameters } from './demo-store.js';

interface Args {
  theme: 'light' | 'dark' | 'wall';
  locale: string;
}

export default {
  title: 'Foundation/huddle-provider',
  component: 'huddle-provider',
  args: { theme: 'light', locale: 'en-GB' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall', 'wall-dark'] } },
  render: (args: Args) => html`
    <huddle-provider theme=${args.theme} locale=${args.locale}>
      ${withDemo((store) => html`<kiosk-board-overview .store=${store}></kiosk-board-overview>`)}
    </huddle-provider>
  `,
};

/** The demo organisation's boards, as the kiosk overview lists them. */
export const DemoOrganisation = {
  parameters: { smoke: { element: 'kiosk-board-overview', shows: 'Riverside Plant' } } satisfies SmokeParameters,
};

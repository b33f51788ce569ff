import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import '../src/components/huddle-provider/huddle-provider.js';
import '../kiosk/board-overview.js';
import { demoStore } from './demo-store.js';

interface Args {
  theme: 'light' | 'dark' | 'wall';
  locale: string;
}

export default {
  title: 'Foundation/huddle-provider',
  component: 'huddle-provider',
  args: { theme: 'light', locale: 'en-GB' } satisfies Args,
  argTypes: { theme: { control: 'select', options: ['light', 'dark', 'wall'] } },
  render: (args: Args) => html`
    <huddle-provider theme=${args.theme} locale=${args.locale}>
      ${until(demoStore().then((store) => html`<kiosk-board-overview .store=${store}></kiosk-board-overview>`), html`<p>Loading the demo organisation…</p>`)}
    </huddle-provider>
  `,
};

/** The demo organisation's boards, as the kiosk shows them on a first start. */
export const DemoOrganisation = {};

/** An empty provider: nothing inside, nothing shown. */
export const Empty = { render: () => html`<huddle-provider></huddle-provider>` };

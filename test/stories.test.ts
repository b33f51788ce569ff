/**
 * Smoke test of every story: it renders with its args, its element finishes loading, and it
 * shows what the story's `smoke` parameter says. (Storybook's own runner downloads browsers,
 * which this machine cannot.)
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import type { SmokeParameters } from '../stories/demo-store.js';
import * as provider from '../stories/huddle-provider.stories.js';
import * as board from '../stories/huddle-board.stories.js';
import * as calendar from '../stories/kpi-calendar.stories.js';
import * as trend from '../stories/kpi-trend.stories.js';
import * as agenda from '../stories/huddle-agenda.stories.js';
import * as actions from '../stories/huddle-actions.stories.js';
import * as escalations from '../stories/huddle-escalations.stories.js';
import * as attendance from '../stories/huddle-attendance.stories.js';
import * as resources from '../stories/huddle-resources.stories.js';
import * as improvement from '../stories/improvement-card.stories.js';
import * as kudos from '../stories/huddle-kudos.stories.js';
import * as coachingCard from '../stories/coaching-card.stories.js';
import * as journal from '../stories/coaching-journal.stories.js';
import * as cascade from '../stories/coaching-cascade.stories.js';
import * as feedbackLoop from '../stories/feedback-loop.stories.js';
import * as impact from '../stories/coaching-impact.stories.js';
import * as setup from '../stories/huddle-setup.stories.js';
import * as syncStatus from '../stories/huddle-sync-status.stories.js';
import { until } from './helpers/ui.js';

interface Story {
  args?: object;
  render?: (args: never) => TemplateResult;
  parameters?: Partial<SmokeParameters>;
}
interface Meta extends Story {
  title: string;
}

const MODULES = [
  provider,
  board,
  calendar,
  trend,
  agenda,
  actions,
  escalations,
  attendance,
  resources,
  improvement,
  kudos,
  coachingCard,
  journal,
  cascade,
  feedbackLoop,
  impact,
  setup,
  syncStatus,
];

/** The element's own text, through nested shadow roots, without the loading notes. */
function shownText(element: Element): string {
  const parts: string[] = [];
  const walk = (root: Element | ShadowRoot) => {
    for (const node of root.querySelectorAll('*')) {
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    parts.push(root.textContent ?? '');
  };
  walk(element.shadowRoot ?? element);
  return parts.join(' ');
}

for (const module of MODULES) {
  const { default: meta, ...stories } = module as unknown as { default: Meta } & Record<string, Story>;
  describe(`stories: ${meta.title}`, function () {
    this.timeout(20000);
    for (const [name, story] of Object.entries(stories)) {
      it(`${name} renders and shows what it promises`, async () => {
        const smoke = story.parameters?.smoke;
        expect(smoke, `story ${name} declares what it shows`).to.be.an('object');
        const host = document.createElement('div');
        document.body.append(host);
        const renderer = (story.render ?? meta.render)!;
        render(renderer({ ...(meta.args ?? {}), ...(story.args ?? {}) } as never), host);
        await until(() => host.querySelector(smoke!.element) !== null, `<${smoke!.element}>`, 15000);
        const element = host.querySelector(smoke!.element)!;
        await until(() => shownText(element).includes(smoke!.shows), `"${smoke!.shows}" in ${name}`, 15000);
        host.remove();
      });
    }
  });
}

/**
 * Smoke test of every story: each renders with its args and shows what it promises.
 * (Storybook's own test runner downloads browsers, which this machine cannot.)
 */
import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as providerStories from '../stories/huddle-provider.stories.js';

interface Story<A> {
  args?: Partial<A>;
  render?: (args: A) => TemplateResult;
}
interface Meta<A> {
  title: string;
  args?: A;
  render: (args: A) => TemplateResult;
}

/** What each story must show once rendered; a story without an entry fails the test. */
const EXPECTATIONS: Record<string, (host: HTMLElement) => Promise<boolean>> = {
  'Foundation/huddle-provider/DemoOrganisation': async (host) => {
    const overview = host.querySelector('kiosk-board-overview');
    return (overview?.shadowRoot?.querySelectorAll('li').length ?? 0) === 9;
  },
  'Foundation/huddle-provider/Empty': async (host) => host.querySelector('huddle-provider')?.children.length === 0,
};

async function eventually(check: () => Promise<boolean>, timeoutMs = 8000): Promise<boolean> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

for (const module of [providerStories]) {
  const { default: meta, ...stories } = module as unknown as { default: Meta<unknown> } & Record<string, Story<unknown>>;
  describe(`stories: ${meta.title}`, () => {
    for (const [name, story] of Object.entries(stories)) {
      it(`${name} renders`, async () => {
        const host = document.createElement('div');
        document.body.append(host);
        render((story.render ?? meta.render)({ ...(meta.args as object), ...(story.args as object) }), host);
        const expectation = EXPECTATIONS[`${meta.title}/${name}`];
        expect(expectation, `an expectation for story ${name}`).to.be.a('function');
        expect(await eventually(() => expectation!(host))).to.equal(true);
        host.remove();
      });
    }
  });
}

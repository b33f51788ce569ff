/**
 * Stories render against the demo organisation, on a database of their own so that they
 * never touch a real board's data. Loaded once per page, with today pinned so that every
 * story shows the same board.
 */
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { IdbHuddleStore } from '../src/store/idb-store.js';
import { loadDemoOrganisation } from '../src/demo/index.js';

export const STORY_TODAY = '2026-11-21';

let ready: Promise<IdbHuddleStore> | undefined;

export function demoStore(): Promise<IdbHuddleStore> {
  ready ??= (async () => {
    const store = new IdbHuddleStore({ name: 'huddle-elements-stories', today: () => STORY_TODAY });
    await loadDemoOrganisation(store, { today: STORY_TODAY });
    return store;
  })();
  return ready;
}

/** Renders `template(store)` once the demo organisation is loaded. */
export function withDemo(template: (store: IdbHuddleStore) => TemplateResult): TemplateResult {
  return html`${until(demoStore().then(template), html`<p>Loading the demo organisation…</p>`)}`;
}

/**
 * What the smoke test in npm test waits to see in the story's element once it has loaded.
 * Kept beside the stories so that a new story says what it shows.
 */
export interface SmokeParameters {
  smoke: { element: string; shows: string };
}

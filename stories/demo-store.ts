/**
 * A store holding the demo organisation for stories, on its own database so that stories
 * never touch a real board's data. Loaded once per page.
 */
import { IdbHuddleStore } from '../src/store/idb-store.js';
import { loadDemoOrganisation } from '../src/demo/index.js';

let ready: Promise<IdbHuddleStore> | undefined;

export function demoStore(): Promise<IdbHuddleStore> {
  ready ??= (async () => {
    const store = new IdbHuddleStore({ name: 'huddle-elements-stories' });
    await loadDemoOrganisation(store);
    return store;
  })();
  return ready;
}

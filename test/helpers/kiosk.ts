/**
 * The whole kiosk in a test page: opened with a query as a wall screen would be, and closed
 * after each test with its store and the page's address put back.
 */
import '../../kiosk/kiosk-app.js';
import type { KioskApp } from '../../kiosk/kiosk-app.js';
import { deleteDatabase } from './store.js';
import { until } from './ui.js';

/** A kiosk opened at `?query`, once it shows its views (a first start loads the demo first). */
export async function openKiosk(query: string): Promise<KioskApp> {
  history.replaceState(null, '', `?${query}`);
  const app = document.createElement('kiosk-app');
  document.body.append(app);
  // On a timeout, say where the kiosk stopped and what it shows.
  await until(() => app.phaseName === 'ready', 'the kiosk ready', 30000).catch((error: Error) => {
    throw new Error(`${error.message} (it is at "${app.phaseName}", showing "${app.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 200)}")`);
  });
  return app;
}

/** Registers the teardown for a suite of kiosk tests; `current()` is the kiosk the test opened. */
export function closeKioskAfterEach(current: () => KioskApp | undefined): void {
  const start = location.href;
  afterEach(() => {
    const app = current();
    const store = app?.store;
    app?.remove();
    store?.close();
    history.replaceState(null, '', start);
  });
  // Each file starts on an empty database, and leaves none behind.
  before(() => deleteDatabase('huddle-elements'));
  after(() => deleteDatabase('huddle-elements'));
}

/**
 * Whom the kiosk's coaching card observes is taken while the card is not on screen, so a huddle
 * starting on the board never changes the person under someone filling the card in (that a card
 * opened after a shift's huddle observes its charge nurse: test/e2e/hospital-demo.e2e.mjs).
 */
import { expect } from '@open-wc/testing';
import '../../kiosk/kiosk-app.js';
import type { KioskApp } from '../../kiosk/kiosk-app.js';
import { deleteDatabase, settle } from '../helpers/store.js';
import { until } from '../helpers/ui.js';

describe('kiosk: the coaching card on a ward board', function () {
  this.timeout(60000);
  const start = location.href;
  let app: KioskApp | undefined;
  after(async () => {
    const store = app?.store;
    app?.remove();
    store?.close();
    history.replaceState(null, '', start);
    await deleteDatabase('huddle-elements');
  });

  it("opens on the ward manager (the board's leader, not a charge nurse) and keeps them while a huddle starts under the open card", async () => {
    history.replaceState(null, '', '?first-run=hospital-demo&unit=unit-ward-3&views=board,card');
    app = document.createElement('kiosk-app');
    document.body.append(app);
    await until(() => app!.phaseName === 'ready', 'the kiosk ready', 30000);
    const card = () => app!.shadowRoot!.querySelector('coaching-card');
    const learner = () => card()?.shadowRoot?.querySelector<HTMLSelectElement>('select[name="learner"]')?.value;
    await settle(500);
    app.showView(1);
    // The card's first view loads its module and the demo's people: on a busy machine, over 5 s.
    await until(() => learner() === 'person-ward-3-manager', 'the ward manager, with no huddle held yet today', 20000);

    await app.store.startHuddle('unit-ward-3', 'night');
    await settle(500);
    expect(learner(), 'not changed under the person at the card').to.equal('person-ward-3-manager');
  });
});

/**
 * The admin's "History of a record" panel on the demo organisation, against a server that cannot
 * be reached: it offers the records of the chosen kind by their words, narrows them by a filter,
 * and says when the history cannot be fetched; it passes axe. (The history itself, from the real
 * server's audit trail: test/e2e/tap-in.e2e.mjs.)
 */
import '../helpers/english.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../kiosk/record-history.js';
import type { KioskRecordHistory } from '../../kiosk/record-history.js';
import { demoStore, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

// Nothing listens on port 9 (discard).
const OFFLINE_SERVER = 'http://127.0.0.1:9';

describe('kiosk: history of a record', () => {
  it('finds a record by its words and says when its history cannot be fetched', async () => {
    const store = await demoStore();
    const panel = await fixture<KioskRecordHistory>(
      html`<kiosk-record-history .server=${OFFLINE_SERVER} .token=${'he_test'} .store=${store}></kiosk-record-history>`,
    );
    const offered = () => inShadow(panel, 'ul.records button').map((b) => b.textContent!.trim());
    await until(() => offered().length > 0, 'the actions offered');
    const kind = oneInShadow<HTMLSelectElement>(panel, 'select[name="kind"]');
    kind.value = 'people';
    kind.dispatchEvent(new Event('change'));
    await until(() => offered().includes('Quentin Zimmer'), 'the people offered by name');
    const filter = oneInShadow<HTMLInputElement>(panel, 'input[name="filter"]');
    filter.value = 'quentin zim';
    filter.dispatchEvent(new Event('input'));
    await panel.updateComplete;
    expect(offered(), 'the filter narrows by words, in any case').to.deep.equal(['Quentin Zimmer']);
    await tap(inShadow<HTMLButtonElement>(panel, 'ul.records button')[0]!);
    await until(() => (inShadow(panel, '[role="alert"]')[0]?.textContent ?? '').includes('The server cannot be reached'), 'the offline message', 10000);
    expect(oneInShadow(panel, '.history h3').textContent).to.equal('History of "Quentin Zimmer"');
    await expect(panel).to.be.accessible();
  });
});

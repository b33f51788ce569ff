/**
 * The tap-in overlays on their own, against a server that cannot be reached: the wall's number
 * pad takes digits by touch and by keyboard and says that tapping in needs the server; the
 * person's own device says it cannot make a code. Both pass axe. (Tapping in against the real
 * server, and the wall signing out by itself: test/e2e/tap-in.e2e.mjs.)
 */
import '../helpers/english.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../kiosk/tap-in.js';
import type { KioskTapIn, KioskTapInCode } from '../../kiosk/tap-in.js';
import { SyncClient } from '../../src/sync/sync-client.js';
import { freshStore } from '../helpers/store.js';
import { buttonNamed, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

// Nothing listens on port 9 (discard): the overlays meet a server they cannot reach.
const OFFLINE_SERVER = 'http://127.0.0.1:9';

describe('kiosk: tap in on a wall', () => {
  it("takes the person's code on the number pad and says that tapping in needs the server", async () => {
    const sync = new SyncClient({ store: freshStore(), server: OFFLINE_SERVER, token: 'he_test-token-of-a-wall' });
    const pad = await fixture<KioskTapIn>(html`<kiosk-tap-in .sync=${sync}></kiosk-tap-in>`);
    await expect(pad).to.be.accessible();
    for (const digit of '12345') await tap(buttonNamed(pad, digit));
    await tap(oneInShadow(pad, 'button[aria-label="Delete the last digit"]'));
    const input = oneInShadow<HTMLInputElement>(pad, 'input[name="code"]');
    expect(input.value, 'four digits after one was deleted').to.equal('1234');
    input.value = '1234 5678';
    input.dispatchEvent(new Event('input'));
    input.form!.requestSubmit();
    await until(() => (inShadow(pad, '[role="alert"]')[0]?.textContent ?? '').includes('Tapping in needs the server'), 'the offline message');
    expect(input.value, 'the code is cleared for another try').to.equal('');
    expect(sync.tappedIn, 'nobody tapped in').to.equal(undefined);
    await expect(pad).to.be.accessible();
  });

  it("on a person's own device, says when no code can be made", async () => {
    const panel = await fixture<KioskTapInCode>(html`<kiosk-tap-in-code .server=${OFFLINE_SERVER} .token=${'he_test'}></kiosk-tap-in-code>`);
    await until(() => (inShadow(panel, '[role="alert"]')[0]?.textContent ?? '').includes('The server cannot be reached'), 'the offline message', 10000);
    await expect(panel).to.be.accessible();
  });
});

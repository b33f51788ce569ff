/**
 * The admin's "Sign-in codes for people" panel on its own: what it says when the server
 * cannot be reached, that it asks whose code it is before asking the server, and that the
 * code just made - large, as a link and as a QR code - passes axe. (Making and redeeming codes
 * against the real server: test/e2e/sign-in.e2e.mjs.)
 */
import '../helpers/english.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../kiosk/sign-in-codes.js';
import type { KioskSignInCodes } from '../../kiosk/sign-in-codes.js';
import type { Person } from '../../src/model/index.js';
import { buttonNamed, inShadow, oneInShadow, tap, until } from '../helpers/ui.js';

const STAMP = { createdAt: '2026-11-01T08:00:00.000Z', updatedAt: '2026-11-01T08:00:00.000Z' };
const people: Person[] = [
  { id: 'p-sam', name: 'Sam Supervisor', unitId: 'area', role: 'leader', ...STAMP },
  { id: 'p-ana', name: 'Ana Leader', unitId: 'team', role: 'leader', ...STAMP },
];

// Nothing listens on port 9 (discard): the panel meets a server it cannot reach.
const OFFLINE_SERVER = 'http://127.0.0.1:9';

describe('kiosk: sign-in codes for people', () => {
  it('says the server cannot be reached, and asks whose code it is before asking the server', async () => {
    const panel = await fixture<KioskSignInCodes>(
      html`<kiosk-sign-in-codes .server=${OFFLINE_SERVER} .token=${'he_test'} .people=${people}></kiosk-sign-in-codes>`,
    );
    const alert = () => inShadow(panel, '[role="alert"]')[0]?.textContent ?? '';
    await until(() => alert().includes('The server cannot be reached'), 'the offline message', 10000);
    await tap(buttonNamed(panel, 'Make a sign-in code'));
    await until(() => alert() === 'Choose whose code it is.', 'the missing person named');
  });

  it('shows a code just made large, as a link and as a QR code, and passes axe', async () => {
    const panel = await fixture<KioskSignInCodes>(
      html`<kiosk-sign-in-codes .server=${OFFLINE_SERVER} .token=${'he_test'} .people=${people}></kiosk-sign-in-codes>`,
    );
    panel.made = { code: 'K7QM3-XZPW2', id: 'abcdef012345', expires: '2026-12-01T08:00:00.000Z', person: people[0]! };
    await panel.updateComplete;
    expect(oneInShadow(panel, '[data-code]').textContent).to.equal('K7QM3-XZPW2');
    expect(oneInShadow(panel, '.link').textContent).to.equal(`${OFFLINE_SERVER}/?server=${encodeURIComponent(OFFLINE_SERVER)}&sign-in=K7QM3-XZPW2&views=card`);
    expect(oneInShadow(panel, '.made svg').getAttribute('aria-label')).to.equal('QR code that signs in Sam Supervisor');
    await expect(panel).to.be.accessible();
  });
});

/**
 * The kiosk's views a team and its supervisor reach at the wall: the feedback view shows the
 * psychological-safety pulse beside "you said, we did" (not the plain pulse again), each has a
 * view of its own, and a supervisor opens the coaching card from any board with "Coach this
 * huddle" and closes it back to the board; the overview of boards leads to the settings; axe
 * finds nothing on them.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { KioskApp } from '../../kiosk/kiosk-app.js';
import { closeKioskAfterEach, openKiosk } from '../helpers/kiosk.js';
import { buttonNamed, tap, until } from '../helpers/ui.js';

const modes = (app: KioskApp) => [...app.shadowRoot!.querySelectorAll('feedback-loop')].map((element) => element.mode);
const bar = (app: KioskApp) => app.shadowRoot!.querySelector('nav')!;

describe('kiosk: feedback views and the way to the coaching card', function () {
  // A first start loads the demo organisation (90 days of history) before anything shows.
  this.timeout(60000);
  let app: KioskApp | undefined;
  closeKioskAfterEach(() => app);

  it('shows the safety pulse beside "you said, we did" in the feedback view, and each in a view of its own', async () => {
    app = await openKiosk('first-run=demo&unit=unit-line-1&views=feedback,safety,you-said&rotate=0');
    await until(() => modes(app!).length === 2, 'the feedback view drawn');
    expect(modes(app)).to.deep.equal(['safety', 'you-said']);
    await expect(app).to.be.accessible();
    await tap(buttonNamed(app, 'Psychological safety'));
    await until(() => modes(app!).join() === 'safety', 'the safety view');
    await tap(buttonNamed(app, 'You said, we did'));
    await until(() => modes(app!).join() === 'you-said', 'the you-said view');
  });

  it('opens the coaching card from the board with "Coach this huddle" and closes it back to the board', async () => {
    // A wall's card keeps an unfinished conversation (its learner too) for whoever comes next: none here.
    localStorage.removeItem('huddle-elements:coaching-draft:default');
    app = await openKiosk('first-run=demo&unit=unit-line-1&views=board,cascade&rotate=0');
    const card = () => app!.shadowRoot!.querySelector('coaching-card');
    const board = () => app!.shadowRoot!.querySelector('huddle-board');
    await until(() => board() !== null, 'the board');
    await tap(buttonNamed(app, 'Coach this huddle'));
    await until(() => card() !== null && board() === null, 'the card instead of the board', 15000);
    const learner = () => card()!.shadowRoot?.querySelector<HTMLSelectElement>('select[name="learner"]')?.value;
    await until(() => learner() === 'person-line-1-leader', "the card observes the board's team leader", 15000);
    await expect(app).to.be.accessible();
    // By keyboard: the tall card is paged as it lays out, and the bar below it may still move
    // under a pointer (a tap then lands beside the button); a key press goes to the button.
    buttonNamed(app, 'Close the coaching card').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => board() !== null && card() === null, 'back to the board', 15000);
  });

  it('leads from the overview of boards to the settings and back (after a set-up, the way on)', async () => {
    app = await openKiosk('first-run=demo');
    const root = app.shadowRoot!;
    await until(() => root.querySelector('kiosk-board-overview') !== null, 'the overview');
    await tap(buttonNamed(app, 'Settings'));
    await until(() => root.querySelector('kiosk-settings') !== null, 'the settings');
    await tap(buttonNamed(app, 'Back to the boards'));
    await until(() => root.querySelector('kiosk-board-overview') !== null && root.querySelector('kiosk-settings') === null, 'the overview again');
  });

  it("offers each board's coaching card on the overview, opening on that board's huddle with the board one tap away", async () => {
    localStorage.removeItem('huddle-elements:coaching-draft:default');
    app = await openKiosk('first-run=demo');
    const overview = () => app!.shadowRoot!.querySelector('kiosk-board-overview')?.shadowRoot;
    await until(() => (overview()?.querySelectorAll('li a.coach').length ?? 0) > 3, 'the boards, each with a way to coach', 20000);
    const coach = overview()!.querySelector<HTMLAnchorElement>('li[data-unit="unit-line-1"] a.coach')!;
    expect(coach.textContent).to.equal('Coach this huddle');
    const query = new URL(coach.href).search;
    expect(query).to.equal('?unit=unit-line-1&views=card,board');
    const store = app.store;
    app.remove();
    store?.close();
    app = await openKiosk(`first-run=demo&${query.slice(1)}`);
    const learner = () => app!.shadowRoot!.querySelector('coaching-card')?.shadowRoot?.querySelector<HTMLSelectElement>('select[name="learner"]')?.value;
    await until(() => learner() === 'person-line-1-leader', "the card on Line 1's team leader", 15000);
    expect([...bar(app).querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include('Board');
  });

  it('offers no second way to the card on a screen that has the card as a view', async () => {
    app = await openKiosk('first-run=demo&unit=unit-line-1&views=board,card&rotate=0');
    await until(() => app!.shadowRoot!.querySelector('huddle-board') !== null, 'the board');
    const labels = [...bar(app).querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(labels).to.include('Coaching card');
    expect(labels).not.to.include('Coach this huddle');
  });
});

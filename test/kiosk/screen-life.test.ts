/**
 * The kiosk's screen life, one controller at a time, on a bare host element: what a wall
 * screen does by itself over months (turn views, relock, reload into a new build, recover,
 * move to a new day) and that each stops when the screen leaves the page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ActivityController } from '../../kiosk/screen-life/activity.js';
import { DayController } from '../../kiosk/screen-life/day.js';
import { RotationController } from '../../kiosk/screen-life/rotation.js';
import { RelockController } from '../../kiosk/screen-life/relock.js';
import { TapOutController } from '../../kiosk/screen-life/tap-out.js';
import { UpdateReloadController, hasUnsavedInput } from '../../kiosk/screen-life/update-reload.js';
import { RecoveryController } from '../../kiosk/screen-life/recovery.js';
import { until } from '../helpers/ui.js';

class ScreenHost extends LitElement {
  renders = 0;
  protected override render() {
    this.renders++;
    return html`<input name="note" />`;
  }
}
customElements.define('screen-life-host', ScreenHost);

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kiosk: screen life', () => {
  it('rotation turns while it may, waits while it may not, and stops with the screen', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    const rotation = new RotationController(host);
    let turns = 0;
    let may = true;
    rotation.start({ everySeconds: 0.02, mayTurn: () => may, turn: () => turns++ });
    await until(() => turns >= 2, 'two turns');
    may = false;
    const held = turns;
    await pause(100);
    expect(turns, 'no turn while someone is at the screen').to.equal(held);
    may = true;
    await until(() => turns > held, 'turning again');
    host.remove();
    const gone = turns;
    await pause(100);
    expect(turns, 'no turn after the screen left the page').to.equal(gone);
  });

  it('activity counts a touch or a key anywhere, and stops listening with the screen', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    const activity = new ActivityController(host);
    host.requestUpdate();
    await host.updateComplete;
    expect(activity.idleFor(60), 'nobody touched it yet').to.equal(true);
    window.dispatchEvent(new PointerEvent('pointerdown'));
    expect(activity.idleFor(60)).to.equal(false);
    expect(activity.idleFor(0)).to.equal(true);
  });

  it('relock: starts locked, unlocks with the PIN, locks again after the idle time', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    const activity = new ActivityController(host);
    const relock = new RelockController(host, activity);
    relock.start(0.05, 10);
    expect(relock.locked).to.equal(true);
    relock.unlock();
    expect(relock.locked, 'unlocked by the PIN').to.equal(false);
    await until(() => relock.locked, 'locked again after the idle time');
    host.remove();
    relock.unlock();
    await pause(120);
    expect(relock.locked, 'no relock timer after the screen left the page').to.equal(false);
  });

  it('tap-out: a person tapped in is signed out after the idle time, counted down at the end; a touch keeps them', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    const activity = new ActivityController(host);
    const tapOut = new TapOutController(host, activity);
    let signedOut = 0;
    const started = Date.now();
    tapOut.start(0.4, () => signedOut++, 20);
    await until(() => tapOut.secondsLeft !== undefined, 'the countdown shown');
    await pause(250);
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await until(() => signedOut === 1, 'signed out after the idle time');
    expect(Date.now() - started, 'the touch at 250 ms kept the person signed in for another 400 ms').to.be.greaterThan(600);
    expect(tapOut.secondsLeft, 'no countdown once signed out').to.equal(undefined);
    tapOut.start(0.05, () => signedOut++, 10);
    host.remove();
    await pause(120);
    expect(signedOut, 'no sign-out timer after the screen left the page').to.equal(1);
  });

  it('an update reloads only at a quiet moment: never over unsaved input', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    let reloads = 0;
    const update = new UpdateReloadController(
      host,
      () => !hasUnsavedInput(host.renderRoot),
      () => reloads++,
    );
    host.shadowRoot!.querySelector('input')!.value = 'Half-typed action';
    update.updateReady(10);
    update.updateReady(10);
    await pause(100);
    expect(reloads, 'kept waiting while a field holds typed text').to.equal(0);
    host.shadowRoot!.querySelector('input')!.value = '';
    await until(() => reloads === 1, 'the reload once the field is empty');
    await pause(60);
    expect(reloads, 'reloaded once').to.equal(1);
  });

  it('recovery shows a notice after an uncaught error and reloads by itself, once', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    let reloads = 0;
    const recovery = new RecoveryController(host, () => reloads++, 30);
    host.requestUpdate();
    await host.updateComplete;
    // (The page's error events call recover(); the end-to-end wall test throws a real one.)
    recovery.recover('ResizeObserver loop completed with undelivered notifications.');
    expect(recovery.crashed, 'a benign layout notice is not a crash').to.equal(false);
    const before = host.renders;
    recovery.recover('TypeError: x is undefined');
    recovery.recover('TypeError: again');
    expect(recovery.crashed).to.equal(true);
    await until(() => host.renders > before, 'the notice rendered');
    await until(() => reloads === 1, 'the reload');
    await pause(60);
    expect(reloads).to.equal(1);
  });

  it('the day moves on and re-renders the screen; a woken page checks at once', async () => {
    const host = await fixture<ScreenHost>(html`<screen-life-host></screen-life-host>`);
    const day = new DayController(host);
    host.requestUpdate();
    await host.updateComplete;
    const today = day.day;
    const before = host.renders;
    day.check('2099-01-01');
    await host.updateComplete;
    expect(day.day).to.equal('2099-01-01');
    expect(host.renders).to.equal(before + 1);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(day.day, 'back to the real today when the page is visible again').to.equal(today);
  });
});

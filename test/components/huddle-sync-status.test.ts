/**
 * <huddle-sync-status>: what a person at the board reads about whether their change has
 * reached everyone - a symbol and words for each state (never colour alone), the reason on an
 * error, nothing at all for a store that does not sync, and no subscription left behind.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-provider/huddle-provider.js';
import '../../src/components/huddle-board/huddle-board.js';
import '../../src/components/huddle-sync-status/huddle-sync-status.js';
import type { HuddleSyncStatus } from '../../src/components/huddle-sync-status/huddle-sync-status.js';
import { getLocale } from '../../src/locales/localization.js';
import type { SyncState, SyncStateSource } from '../../src/sync/sync-client.js';
import { demoStore, until } from '../helpers/ui.js';

/** A state source a host could run itself (the contract `SyncClient` implements). */
class StateSource implements SyncStateSource {
  readonly listeners = new Set<(state: SyncState) => void>();
  constructor(public state: SyncState) {}
  subscribe(listener: (state: SyncState) => void) {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }
  publish(state: SyncState) {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

const shown = (el: HuddleSyncStatus) => el.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('<huddle-sync-status>', () => {
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('shows nothing when the store does not sync', async () => {
    const el = await fixture<HuddleSyncStatus>(html`<huddle-sync-status></huddle-sync-status>`);
    expect(el.shadowRoot!.textContent?.trim()).to.equal('');
  });

  it('follows the provider: synced, waiting, offline and an error with its reason', async () => {
    const source = new StateSource({ status: 'synced', pending: 0 });
    const provider = await fixture(html`<huddle-provider .sync=${source}><huddle-sync-status></huddle-sync-status></huddle-provider>`);
    const el = provider.querySelector('huddle-sync-status')!;
    await until(() => shown(el) === '✓ Synced', 'synced');
    await expect(el).to.be.accessible();
    source.publish({ status: 'pending', pending: 3 });
    await until(() => shown(el) === '↑ 3 waiting to send', 'waiting');
    source.publish({ status: 'offline', pending: 3, reason: 'the server cannot be reached' });
    await until(() => shown(el) === '⚠ Offline: 3 changes kept on this device', 'offline');
    source.publish({ status: 'error', pending: 1, reason: 'op 0 (x): actions a1: title is required' });
    await until(() => shown(el) === '✗ Not synced: op 0 (x): actions a1: title is required', 'the error and its reason');
    await expect(el).to.be.accessible();
  });

  it('on a new screen, says it is synced with what it shows and names the days still arriving', async () => {
    const source = new StateSource({ status: 'synced', pending: 0, historyBefore: '2026-11-25' });
    const el = await fixture<HuddleSyncStatus>(html`<huddle-sync-status .source=${source}></huddle-sync-status>`);
    await until(() => /^✓ Synced; days before (25 Nov|Nov 25) still arriving$/.test(shown(el)), 'the history named');
    source.publish({ status: 'synced', pending: 0 });
    await until(() => shown(el) === '✓ Synced', 'synced alone once it has come');
  });

  it('on a new wall with boards below, says that the rest of theirs is still arriving too', async () => {
    const source = new StateSource({ status: 'synced', pending: 0, historyBefore: '2026-11-01', historyBelow: true });
    const el = await fixture<HuddleSyncStatus>(html`<huddle-sync-status .source=${source}></huddle-sync-status>`);
    await until(() => /^✓ Synced; the boards below and days before (1 Nov|Nov 1) still arriving$/.test(shown(el)), 'the boards below named');
    await expect(el).to.be.accessible();
  });

  it("writes the day as the page's language does when the page takes another tag of the same language", async () => {
    document.documentElement.lang = 'en-US';
    const source = new StateSource({ status: 'synced', pending: 0, historyBefore: '2026-11-25' });
    const el = await fixture<HuddleSyncStatus>(html`<huddle-sync-status .source=${source}></huddle-sync-status>`);
    await until(() => shown(el) === '✓ Synced; days before Nov 25 still arriving', 'the day as in en-US');
    // A new wall takes its organisation's language once the organisation has arrived.
    document.documentElement.lang = 'en-GB';
    await until(() => shown(el) === '✓ Synced; days before 25 Nov still arriving', 'the day as in en-GB, with no new state');
  });

  it('shows in the header of a board inside a syncing provider', async () => {
    const store = await demoStore();
    const source = new StateSource({ status: 'pending', pending: 2 });
    const provider = await fixture(html`<huddle-provider .store=${store} .sync=${source}><huddle-board unit="unit-line-1"></huddle-board></huddle-provider>`);
    const board = provider.querySelector('huddle-board')!;
    const badge = () => board.shadowRoot?.querySelector('header huddle-sync-status')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim();
    await until(() => badge() === '↑ 2 waiting to send', 'the sync state in the board header');
  });

  it('lets go of the source when removed, and takes it again when put back', async () => {
    const source = new StateSource({ status: 'synced', pending: 0 });
    const el = await fixture<HuddleSyncStatus>(html`<huddle-sync-status .source=${source}></huddle-sync-status>`);
    expect(source.listeners.size).to.equal(1);
    const parent = el.parentElement!;
    el.remove();
    expect(source.listeners.size, 'after removal').to.equal(0);
    parent.append(el);
    expect(source.listeners.size, 'after putting it back').to.equal(1);
    el.remove();
  });

  it('speaks German on a German page', async () => {
    document.documentElement.lang = 'de';
    await until(() => getLocale() === 'de', 'the German texts');
    const source = new StateSource({ status: 'offline', pending: 2 });
    const el = await fixture<HuddleSyncStatus>(html`<huddle-sync-status .source=${source}></huddle-sync-status>`);
    await until(() => shown(el) === '⚠ Offline: 2 Änderungen auf diesem Gerät gespeichert', 'German');
  });
});

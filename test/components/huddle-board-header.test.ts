/**
 * The board's header on the wall's other screens says what the board says: the same name, the
 * same at-a-glance figures, today's date and the time of day; a board that does not exist is
 * named, and axe finds nothing.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/huddle-board/huddle-board.js';
import '../../src/components/huddle-board/huddle-board-header.js';
import type { HuddleBoard } from '../../src/components/huddle-board/huddle-board.js';
import type { HuddleBoardHeader } from '../../src/components/huddle-board/huddle-board-header.js';
import { deleteTestDatabases } from '../helpers/store.js';
import { demoStore, inShadow, oneInShadow, until } from '../helpers/ui.js';

const glance = (host: Element) => inShadow(host, '.summary li').map((li) => li.textContent!.replace(/\s+/g, ' ').trim());

describe('<huddle-board-header>', function () {
  this.timeout(30000);
  afterEach(deleteTestDatabases);

  it('shows the board’s name and the same figures at a glance as the board, with the date and time', async () => {
    const store = await demoStore();
    const header = await fixture<HuddleBoardHeader>(html`<huddle-board-header unit="unit-packing" theme="wall" .store=${store}></huddle-board-header>`);
    const board = await fixture<HuddleBoard>(html`<huddle-board unit="unit-packing" .store=${store}></huddle-board>`);
    await until(() => inShadow(header, 'h1').length === 1 && inShadow(board, 'h1').length === 1, 'both drawn', 15000);
    expect(oneInShadow(header, 'h1').textContent).to.equal(oneInShadow(board, 'h1').textContent);
    expect(glance(header)).to.deep.equal(glance(board));
    expect(
      glance(header).some((line) => /waiting on us/.test(line)),
      'a tier-2 board says what waits on it',
    ).to.equal(true);
    const clock = oneInShadow(header, 'time.clock');
    // This minute, or the one before when the test crossed a minute.
    const minutes = [0, -60_000].map((ms) => new Date(Date.now() + ms).toTimeString().slice(0, 5));
    expect(minutes).to.include(clock.getAttribute('datetime'));
    await expect(header).to.be.accessible();
  });

  it('names a board that does not exist', async () => {
    const store = await demoStore();
    const header = await fixture<HuddleBoardHeader>(html`<huddle-board-header unit="unit-nowhere" .store=${store}></huddle-board-header>`);
    await until(() => (inShadow(header, '[role="status"]')[0]?.textContent ?? '').includes('unit-nowhere'), 'the message', 15000);
  });
});

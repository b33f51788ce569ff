import { expect } from '@open-wc/testing';
import type { Refusal } from '../fixtures/fill-disk.js';
import { runOnFreshOrigin } from '../helpers/fresh-origin.js';

interface Outcome {
  prepared: { saved: number; refusal?: Refusal };
  inspected: { alert: string; typed: string | null; listed: string[]; stored: string[] };
}

describe('a full disk, as the user at the board meets it', () => {
  it('says the save failed, keeps what was typed, and keeps earlier actions', async function () {
    this.timeout(60000);
    const title = 'Order size M gloves for the night shift';
    const { prepared, inspected } = await runOnFreshOrigin<Outcome>({
      module: '/test/fixtures/quota-ui-scenario.ts',
      quotaSize: 300 * 1024,
      steps: [{ tap: 'Add action' }, { tap: 'title' }, { type: title }, { call: 'fillAgain' }, { tap: 'Save action' }],
    });
    expect(prepared.refusal?.problem, 'the disk should be full before the user saves').to.equal('quota');
    // On a failure, what the user saw instead: a save that went through lists the new action.
    expect(inspected.alert, `the panel's alert (listed: ${inspected.listed.join(' | ')})`).to.contain('no storage space left');
    expect(inspected.typed, 'the form stays open with the text the user typed').to.equal(title);
    expect(inspected.listed).to.deep.equal(['Saved before the disk filled up']);
    expect(inspected.stored).to.deep.equal(['Saved before the disk filled up']);
  });
});

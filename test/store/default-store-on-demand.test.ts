/**
 * An element given no store uses the shared default one, whose IndexedDB engine loads on first
 * use: it must behave as that store itself - same records, same refusals - and never look like
 * a promise to code that awaits it.
 */
import '../helpers/english.js';
import { expect, fixture, html } from '@open-wc/testing';
import { defaultStoreOnDemand } from '../../src/store/default-store-on-demand.js';
import { getDefaultStore } from '../../src/store/default-store.js';
import { recordById, whereEquals } from '../../src/store/queries.js';
import { ValidationError } from '../../src/model/index.js';
import { rejectionOf, settle } from '../helpers/store.js';
import { inShadow, until } from '../helpers/ui.js';
import '../../src/components/huddle-actions/huddle-actions.js';
import '../../src/components/huddle-board/huddle-board.js';
import type { Action } from '../../src/model/index.js';

describe('store: the default store, loaded on demand', () => {
  const unitId = `on-demand-${Date.now()}`;

  it('is the same store as getDefaultStore(): a write through one is read through the other', async () => {
    const unit = await defaultStoreOnDemand().createUnit({ id: unitId, name: 'Loaded on demand', tier: 1 });
    expect(unit.name).to.equal('Loaded on demand');
    expect((await getDefaultStore().get(recordById('units', unitId)))?.name).to.equal('Loaded on demand');
  });

  it('refuses a bad write naming the field, as the engine does', async () => {
    const error = await rejectionOf(defaultStoreOnDemand().createAction({ unitId, title: '   ' }));
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.contain('title');
  });

  it('is not mistaken for a promise by code that awaits it, nor for a directive by Lit', async () => {
    const store = defaultStoreOnDemand();
    expect(await Promise.resolve(store)).to.equal(store);
    // A board hands its store to its panels through its template.
    const board = await fixture(html`<huddle-board unit=${unitId}></huddle-board>`);
    await until(() => inShadow(board, 'h1').some((h1) => h1.textContent?.includes('Loaded on demand')), 'the board and its panels');
    expect(inShadow(board, 'huddle-agenda')).to.have.length(1);
  });

  it('reports nothing to a watcher stopped before the engine answered', async () => {
    const seen: Action[][] = [];
    const stop = defaultStoreOnDemand().watch(whereEquals('actions', 'unitId', unitId), (actions) => seen.push(actions));
    stop();
    await settle(200);
    expect(seen).to.deep.equal([]);
  });

  it('an element on a page with no provider and no store shows what the default store holds', async () => {
    await getDefaultStore().createAction({ unitId, title: 'Fix the label printer' });
    const actions = await fixture(html`<huddle-actions unit=${unitId}></huddle-actions>`);
    await until(() => inShadow(actions, 'li').some((li) => li.textContent?.includes('Fix the label printer')), 'the action on the element');
  });
});

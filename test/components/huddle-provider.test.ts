import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { HuddleElement } from '../../src/components/huddle-element.js';
import '../../src/components/huddle-provider/huddle-provider.js';
import type { HuddleProvider } from '../../src/components/huddle-provider/huddle-provider.js';
import { LiveQueryController } from '../../src/controllers/live-query.js';
import { whereEquals } from '../../src/store/queries.js';
import type { HuddleStore, Query } from '../../src/store/contract.js';
import type { Action } from '../../src/model/types.js';
import { deleteTestDatabases, freshStore, settle } from '../helpers/store.js';
import { until } from '../helpers/ui.js';

/** A minimal element built the way every product element is: base class + live query. */
class TestActionCount extends HuddleElement {
  static override properties = { unit: { type: String } };
  unit = '';
  readonly actions = new LiveQueryController<Action[]>(
    this,
    () => this.activeStore,
    () => (this.unit ? whereEquals('actions', 'unitId', this.unit) : undefined),
  );
  protected override render() {
    return litHtml`<p>${this.actions.value?.length ?? '…'} actions</p>`;
  }
}
customElements.define('test-action-count', TestActionCount);
declare global {
  interface HTMLElementTagNameMap {
    'test-action-count': TestActionCount;
  }
}

/** Wraps a store and counts live subscriptions, to prove they are released. */
function countingStore(inner: HuddleStore): { store: HuddleStore; active: () => number } {
  let active = 0;
  const watch = <T>(query: Query<T>, onResult: (r: T) => void, onError?: (e: Error) => void) => {
    active++;
    const stop = inner.watch(query, onResult, onError);
    return () => {
      active--;
      stop();
    };
  };
  const store = new Proxy(inner, {
    get: (target, prop) => {
      if (prop === 'watch') return watch;
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, active: () => active };
}

const text = (el: HTMLElement) => el.shadowRoot!.textContent!.trim();

describe('<huddle-provider> and the element base', () => {
  afterEach(deleteTestDatabases);

  it('gives descendants its database, and they update live when it changes', async () => {
    const store = freshStore();
    const unit = await store.createUnit({ name: 'Line 1', tier: 1 });
    await store.createAction({ unitId: unit.id, title: 'One' });
    const provider = await fixture<HuddleProvider>(html`
      <huddle-provider database=${store.name}><div><test-action-count unit=${unit.id}></test-action-count></div></huddle-provider>
    `);
    const counter = provider.querySelector('test-action-count')!;
    await until(() => text(counter) === '1 actions', 'the first result');
    await store.createAction({ unitId: unit.id, title: 'Two' });
    await until(() => text(counter) === '2 actions', 'the live update');
    provider.remove();
  });

  it('prefers a store set on the element over the provided one', async () => {
    const provided = freshStore();
    const own = freshStore();
    const unit = await own.createUnit({ name: 'Line 2', tier: 1 });
    await own.createAction({ unitId: unit.id, title: 'Only in the own store' });
    const provider = await fixture<HuddleProvider>(html`
      <huddle-provider database=${provided.name}><test-action-count unit=${unit.id} .store=${own}></test-action-count></huddle-provider>
    `);
    const counter = provider.querySelector('test-action-count')!;
    await until(() => text(counter) === '1 actions', 'the own store result');
    provider.remove();
  });

  it('follows a changed unit and releases its subscription on disconnect', async () => {
    const raw = freshStore();
    const { store, active } = countingStore(raw);
    const a = await raw.createUnit({ name: 'A', tier: 1 });
    const b = await raw.createUnit({ name: 'B', tier: 1 });
    await raw.createAction({ unitId: b.id, title: 'on B' });
    const counter = await fixture<TestActionCount>(html`<test-action-count unit=${a.id} .store=${store}></test-action-count>`);
    await until(() => text(counter) === '0 actions', 'unit A');
    counter.unit = b.id;
    await until(() => text(counter) === '1 actions', 'unit B');
    expect(active()).to.equal(1);
    counter.remove();
    expect(active()).to.equal(0);
    await raw.createAction({ unitId: b.id, title: 'after removal' });
    await settle();
    expect(text(counter)).to.equal('1 actions');
  });

  it('renders only its children and passes axe', async () => {
    const provider = await fixture<HuddleProvider>(html`<huddle-provider><p>Board</p></huddle-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });
});

/**
 * Every element, mounted and removed 200 times on the demo organisation, leaves no growing
 * heap, DOM nodes or listeners behind: a wall screen swaps views for months.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { LEAK_BOUNDS, mountRepeatedly } from '../helpers/leak.js';
import { demoStore, until } from '../helpers/ui.js';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';

/** Each element with the attributes that make it show real data, and what it shows when ready. */
const ELEMENTS: [tag: string, attributes: Record<string, string>, ready: (el: HTMLElement) => boolean][] = [
  [
    'huddle-board',
    { unit: 'unit-line-1' },
    (el) => (el.shadowRoot?.querySelector('kpi-calendar')?.shadowRoot?.querySelectorAll('li[data-day]').length ?? 0) > 0,
  ],
  ['huddle-board-header', { unit: 'unit-line-1' }, (el) => el.shadowRoot?.querySelector('h1')?.textContent === 'Line 1'],
  ['kpi-calendar', { kpi: 'kpi-line-1-Q' }, (el) => (el.shadowRoot?.querySelectorAll('li[data-day]').length ?? 0) > 0],
  ['kpi-trend', { kpi: 'kpi-line-1-Q' }, (el) => el.shadowRoot?.querySelector('canvas') !== null && el.shadowRoot?.querySelector('canvas') !== undefined],
  ['huddle-agenda', { unit: 'unit-line-1' }, (el) => [...(el.shadowRoot?.querySelectorAll('button') ?? [])].some((b) => !b.disabled)],
  ['huddle-actions', { unit: 'unit-line-1' }, (el) => (el.shadowRoot?.querySelectorAll('li[data-action]').length ?? 0) > 0],
  ['huddle-escalations', { unit: 'unit-assembly' }, (el) => (el.shadowRoot?.querySelectorAll('h3').length ?? 0) === 2],
  ['huddle-attendance', { unit: 'unit-line-1' }, (el) => (el.shadowRoot?.querySelectorAll('li').length ?? 0) > 0],
  ['huddle-resources', { unit: 'unit-line-1' }, (el) => (el.shadowRoot?.querySelectorAll('li').length ?? 0) > 0],
  ['improvement-card', { unit: 'unit-line-1' }, (el) => (el.shadowRoot?.querySelectorAll('article').length ?? 0) > 0],
  ['huddle-kudos', { unit: 'unit-line-1' }, (el) => (el.shadowRoot?.querySelectorAll('h2').length ?? 0) > 0],
  [
    'coaching-card',
    { coach: 'person-assembly-supervisor', learner: 'person-line-1-leader', 'draft-key': 'memory' },
    (el) => (el.shadowRoot?.querySelectorAll('[data-previous]').length ?? 0) > 0,
  ],
  ['coaching-journal', { person: 'person-line-1-leader' }, (el) => (el.shadowRoot?.querySelectorAll('li').length ?? 0) > 0],
  ['coaching-cascade', {}, (el) => (el.shadowRoot?.querySelectorAll('button.pair').length ?? 0) > 0],
  ['feedback-loop', { unit: 'unit-line-1', mode: 'safety' }, (el) => (el.shadowRoot?.querySelectorAll('tr[data-stage]').length ?? 0) > 0],
  ['coaching-impact', { unit: 'unit-assembly' }, (el) => (el.shadowRoot?.querySelectorAll('canvas').length ?? 0) > 0],
  ['huddle-provider', {}, () => true],
  ['huddle-sync-status', {}, () => true],
  ['huddle-setup', { step: 'people' }, (el) => (el.shadowRoot?.querySelector('setup-people')?.shadowRoot?.querySelectorAll('li[data-person]').length ?? 0) > 0],
  ['setup-kpis', {}, (el) => (el.shadowRoot?.querySelector('kpi-calendar')?.shadowRoot?.querySelectorAll('li[data-day]').length ?? 0) > 0],
  ['setup-checklists', {}, (el) => (el.shadowRoot?.querySelectorAll('li[part="behaviour"]').length ?? 0) > 0],
];

describe('memory: mount and remove every element 200 times', function () {
  this.timeout(180000);
  let store: IdbHuddleStore;
  before(async () => {
    store = await demoStore();
  });

  for (const [tag, attributes, ready] of ELEMENTS) {
    it(`<${tag}> leaves nothing behind`, async () => {
      const result = await mountRepeatedly(async () => {
        const el = document.createElement(tag) as HTMLElement & { store?: IdbHuddleStore };
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        el.store = store;
        document.body.append(el);
        await until(() => ready(el), `<${tag}> to show its data`);
        return el;
      });
      expect(result.nodeGrowth, 'live DOM nodes').to.be.below(LEAK_BOUNDS.nodes);
      expect(result.listenerGrowth, 'event listeners').to.be.below(LEAK_BOUNDS.listeners);
      expect(result.heapGrowth, 'JS heap bytes').to.be.below(LEAK_BOUNDS.heapBytes);
    });
  }
});

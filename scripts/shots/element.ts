/**
 * Renders one element on the demo organisation for a screenshot:
 * ?tag=huddle-board&unit=...&theme=wall ... every parameter but tag, today and fit becomes an attribute.
 */
import '../../src/index.js';
import { IdbHuddleStore } from '../../src/store/idb-store.js';
import { loadDemoOrganisation } from '../../src/demo/index.js';

const params = new URLSearchParams(location.search);
const today = params.get('today') ?? '2026-11-21';
const store = new IdbHuddleStore({ name: `shots-${Date.now()}`, today: () => today });
await loadDemoOrganisation(store, { today });
const element = document.createElement(params.get('tag') ?? 'huddle-board') as HTMLElement & { store: IdbHuddleStore };
for (const [name, value] of params) if (!['tag', 'today', 'fit'].includes(name)) element.setAttribute(name, value);
element.store = store;
if (params.get('fit') === 'content') document.body.dataset['fit'] = 'content';
document.body.append(element);
document.body.dataset['ready'] = 'true';

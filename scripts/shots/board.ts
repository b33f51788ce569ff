/** Renders one demo board for a screenshot: ?unit=&theme=&view=&today= */
import '../../src/components/huddle-board/huddle-board.js';
import { IdbHuddleStore } from '../../src/store/idb-store.js';
import { loadDemoOrganisation } from '../../src/demo/index.js';
import type { BoardView } from '../../src/components/huddle-board/huddle-board.js';
import type { ThemeName } from '../../src/context/settings-context.js';

const params = new URLSearchParams(location.search);
const today = params.get('today') ?? '2026-11-21';
const store = new IdbHuddleStore({ name: `shots-${Date.now()}`, today: () => today });
await loadDemoOrganisation(store, { today });
const board = document.createElement('huddle-board');
board.unit = params.get('unit') ?? 'unit-line-1';
board.theme = (params.get('theme') ?? 'wall') as ThemeName;
board.view = (params.get('view') ?? 'reflect') as BoardView;
board.store = store;
if (params.get('fit') === 'content') document.body.dataset['fit'] = 'content';
document.body.append(board);
document.body.dataset['ready'] = 'true';

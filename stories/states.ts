/**
 * The states every element must handle, as stories: a board with nothing on it yet, the
 * longest texts the forms accept, and a database that cannot be read. Each lives on a
 * database of its own, so that no story changes another's data.
 */
import { html, type TemplateResult } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { until } from 'lit/directives/until.js';
import { loadDemoOrganisation } from '../src/demo/index.js';
import type { HuddleStore } from '../src/store/contract.js';
import { StorageError } from '../src/store/errors.js';
import { IdbHuddleStore } from '../src/store/idb-store.js';
import { STORY_TODAY, type SmokeParameters } from './demo-store.js';
import { clearAll } from '../src/store/whole-database.js';

/** A word longer than any screen is wide, as a long German compound or a pasted path gives. */
export const LONG_WORD = `Lockout-tagout-verification-${'of-the-hydraulic-press-guard-'.repeat(4)}before-restart`;

let empty: Promise<IdbHuddleStore> | undefined;
let long: Promise<IdbHuddleStore> | undefined;

/** An organisation just set up: an area, one team and their leaders; no KPIs, actions or history. */
export function emptyStore(): Promise<IdbHuddleStore> {
  empty ??= (async () => {
    const store = new IdbHuddleStore({ name: 'huddle-elements-stories-empty', today: () => STORY_TODAY });
    await clearAll(store);
    await store.saveOrgSettings({
      name: 'New Plant',
      locale: 'en-GB',
      tiers: [
        { unit: 'Team', leader: 'Team leader' },
        { unit: 'Area', leader: 'Supervisor' },
      ],
      memberLabel: 'Operator',
    });
    await store.createUnit({ id: 'unit-area', name: 'Area', tier: 2 });
    await store.createUnit({ id: 'unit-team', name: 'New team', tier: 1, parentId: 'unit-area' });
    await store.createPerson({ id: 'person-team-leader', name: 'Tia Leader', unitId: 'unit-team', role: 'leader' });
    await store.createPerson({ id: 'person-area-leader', name: 'Sam Supervisor', unitId: 'unit-area', role: 'leader' });
    return store;
  })();
  return empty;
}

/** The demo organisation, with Line 1's leader, an action, its escalation, kudos and comments at full length. */
export function longTextStore(): Promise<IdbHuddleStore> {
  long ??= (async () => {
    const store = new IdbHuddleStore({ name: 'huddle-elements-stories-long', today: () => STORY_TODAY });
    await loadDemoOrganisation(store, { today: STORY_TODAY });
    await store.updatePerson('person-line-1-leader', { name: `Maria-Fernanda ${LONG_WORD}`.slice(0, 120) });
    const action = await store.createAction({ unitId: 'unit-line-1', title: `${LONG_WORD} ${'and check again '.repeat(4)}`.slice(0, 200), due: STORY_TODAY });
    await store.escalateAction(action.id, `${LONG_WORD} needs the maintenance department.`);
    await store.addRecognition({ unitId: 'unit-line-1', day: STORY_TODAY, text: `Thanks for the ${LONG_WORD}!` });
    await store.submitFeedback({ subject: 'huddle', unitId: 'unit-line-1', score: 2, anonymous: true, day: STORY_TODAY, comment: `Too long: ${LONG_WORD}` });
    return store;
  })();
  return long;
}

/** A store whose every read fails, as a database held open by an old tab does. */
export function failingStore(): HuddleStore {
  const inner = new IdbHuddleStore({ name: 'huddle-elements-stories-failing', today: () => STORY_TODAY });
  const failure = () => new StorageError('blocked');
  return new Proxy(inner, {
    get(target, property) {
      if (property === 'watch')
        return (_query: unknown, _onResult: unknown, onError: (error: Error) => void) => (queueMicrotask(() => onError(failure())), () => undefined);
      if (property === 'get') return () => Promise.reject(failure());
      // Bound to the store itself: its methods use private fields a proxy does not have.
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export type StoryState = 'empty' | 'long-texts' | 'storage-error';

const STORES: Record<StoryState, () => Promise<HuddleStore>> = {
  empty: emptyStore,
  'long-texts': longTextStore,
  'storage-error': async () => failingStore(),
};

/** A story of `tag` with `attributes`, in `state`, that the smoke test expects to show `shows`. */
export function stateStory(tag: string, attributes: Record<string, string>, state: StoryState, shows: string) {
  const element = unsafeStatic(tag);
  // Our own constant attributes, written into the template (never user text).
  const attributeText = unsafeStatic(
    Object.entries(attributes)
      .map(([name, value]) => `${name}="${value}"`)
      .join(' '),
  );
  const render = (args: { theme?: string }): TemplateResult =>
    html`${until(
      STORES[state]().then((store) => staticHtml`<${element} ${attributeText} theme=${args.theme ?? 'light'} .store=${store}></${element}>`),
      html`<p>Loading…</p>`,
    )}`;
  return { render, parameters: { smoke: { element: tag, shows } } satisfies SmokeParameters };
}

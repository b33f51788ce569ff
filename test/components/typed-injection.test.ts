/**
 * Hostile text typed by a person: every payload of the injection corpus goes, key by key,
 * into the text fields of every element that has them, is saved, and is then shown. Nothing
 * may execute, no element may appear from the text, the text must be readable as typed, and
 * long words must stay inside the element. The last flow pastes the corpus as a people file
 * (CSV). (injection.test.ts covers the same corpus arriving through an imported backup.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, chooseOption, inShadow, oneInShadow, pasteText, tap, typeInto, until } from '../helpers/ui.js';
import { deepElements } from '../helpers/wall.js';
import { CORPUS } from '../helpers/hostile-text.js';
import { cleanText } from '../../src/model/index.js';

type Org = Awaited<ReturnType<typeof seedSmallOrg>>;

let typedCount = 0;
/**
 * Types the next payload of the corpus into a field of `host` and returns it. No keyboard
 * produces a control character, so such a payload is pasted (inserted as text) instead.
 */
async function typeHostile(host: Element, selector: string): Promise<string> {
  const payload = CORPUS[typedCount++ % CORPUS.length]!;
  const field = oneInShadow<HTMLInputElement>(host, selector);
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f]/.test(payload)) {
    await tap(field);
    await pasteText(payload);
    expect(field.value, 'the pasted text').to.equal(payload);
  } else {
    await typeInto(field, payload);
  }
  return payload;
}

const mount = (template: TemplateResult) => fixture<HTMLElement>(template);
const ready = (el: Element) =>
  until(
    () => inShadow(el, 'h2').length > 0 && inShadow(el, '[role="status"]').every((s) => !s.textContent!.includes('Loading')),
    `<${el.tagName.toLowerCase()}> loaded`,
  );

/** Each flow types into every text field of one element, saves, and returns where the text shows. */
const FLOWS: [string, (store: IdbHuddleStore, org: Org) => Promise<{ shownBy: HTMLElement; typed: string[] }>][] = [
  [
    'huddle-actions: new action, then escalation reason',
    async (store, { teamA }) => {
      const el = await mount(html`<huddle-actions unit=${teamA.id} .store=${store}></huddle-actions>`);
      await ready(el);
      await tap(buttonNamed(el, 'Add action'));
      const title = await typeHostile(el, 'input[name="title"]');
      await tap(buttonNamed(el, 'Save action'));
      await until(() => inShadow(el, 'li[data-action]').length === 1, 'the new action');
      await tap(buttonNamed(el, 'Escalate'));
      const reason = await typeHostile(el, 'input[name="reason"]');
      await tap(buttonNamed(el, 'Send up'));
      await until(() => oneInShadow(el, 'li[data-action]').textContent!.includes('waiting'), 'the escalation');
      const received = await mount(html`<huddle-escalations unit=${teamA.parentId} .store=${store}></huddle-escalations>`);
      await until(() => inShadow(received, 'li[part="received"]').length === 1, 'the escalation on the parent board');
      return { shownBy: received, typed: [title, reason] };
    },
  ],
  [
    'huddle-escalations: resolution note',
    async (store, { teamA, area }) => {
      const leak = await store.createAction({ unitId: teamA.id, title: 'Air leak' });
      await store.escalateAction(leak.id, 'Needs a contractor');
      const el = await mount(html`<huddle-escalations unit=${area.id} .store=${store}></huddle-escalations>`);
      await until(() => inShadow(el, 'li[part="received"]').length === 1, 'the escalation');
      await tap(buttonNamed(el, 'Resolve…'));
      const note = await typeHostile(el, 'input[name="note"]');
      await tap(buttonNamed(el, 'Resolve'));
      const sent = await mount(html`<huddle-escalations unit=${teamA.id} .store=${store}></huddle-escalations>`);
      await until(() => (sent.shadowRoot!.textContent ?? '').includes(note.slice(0, 20)), 'the resolution on the sending board');
      return { shownBy: sent, typed: [note] };
    },
  ],
  [
    'huddle-kudos: what for',
    async (store, { teamA, member }) => {
      const el = await mount(html`<huddle-kudos unit=${teamA.id} .store=${store}></huddle-kudos>`);
      await ready(el);
      await tap(buttonNamed(el, 'Give kudos'));
      await tap(buttonNamed(el, member.name));
      const text = await typeHostile(el, 'input[name="text"]');
      await tap(buttonNamed(el, 'Save kudos'));
      await until(() => inShadow(el, 'li').length === 1, 'the kudos');
      return { shownBy: el, typed: [text] };
    },
  ],
  [
    'huddle-resources: what exactly',
    async (store, { teamA }) => {
      const el = await mount(html`<huddle-resources unit=${teamA.id} .store=${store}></huddle-resources>`);
      await ready(el);
      await tap(buttonNamed(el, 'Add a need'));
      await tap(buttonNamed(el, 'Equipment'));
      const description = await typeHostile(el, 'input[name="description"]');
      await tap(buttonNamed(el, 'Save need'));
      await until(() => inShadow(el, 'li[data-need]').length === 1, 'the need');
      return { shownBy: el, typed: [description] };
    },
  ],
  [
    'improvement-card: title and every storyboard field',
    async (store, { teamA }) => {
      const el = await mount(html`<improvement-card unit=${teamA.id} .store=${store}></improvement-card>`);
      await ready(el);
      await tap(buttonNamed(el, 'New experiment'));
      const typed = [await typeHostile(el, 'input[name="title"]')];
      for (const area of inShadow<HTMLTextAreaElement>(el, 'textarea')) typed.push(await typeHostile(el, `textarea[name="${area.name}"]`));
      await tap(buttonNamed(el, 'Save experiment'));
      await until(() => inShadow(el, 'article').length === 1, 'the storyboard');
      return { shownBy: el, typed };
    },
  ],
  [
    'coaching-card: observation notes, then kata answers',
    async (store, { leader, area }) => {
      const sup = await store.createPerson({ name: 'Sam Supervisor', unitId: area.id, role: 'leader' });
      const el = await mount(html`<coaching-card draft-key=${`typed-${Date.now()}`} .store=${store}></coaching-card>`);
      await until(() => inShadow(el, 'select[name="learner"] option').length > 1, 'the people');
      const typed: string[] = [];
      for (const kind of ['Huddle observation', 'Improvement kata']) {
        await tap(buttonNamed(el, kind));
        await chooseOption(oneInShadow(el, 'select[name="learner"]'), leader.name);
        await chooseOption(oneInShadow(el, 'select[name="coach"]'), sup.name);
        for (const field of inShadow<HTMLInputElement>(el, 'textarea, input[type="text"]')) typed.push(await typeHostile(el, `[name="${field.name}"]`));
        await tap(buttonNamed(el, 'Save coaching'));
        await until(() => inShadow(el, '[role="status"]').some((s) => s.textContent!.includes('Saved')), `the ${kind} saved`);
      }
      const journal = await mount(html`<coaching-journal person=${leader.id} .store=${store}></coaching-journal>`);
      await until(() => inShadow(journal, 'li').length >= 2, 'both sessions in the journal');
      return { shownBy: journal, typed };
    },
  ],
  [
    'feedback-loop: pulse comment, then the leader reply',
    async (store, { teamA }) => {
      const pulse = await mount(html`<feedback-loop unit=${teamA.id} .store=${store}></feedback-loop>`);
      await until(() => inShadow(pulse, 'button[data-score]').length === 5, 'the scale');
      await tap(oneInShadow(pulse, 'button[data-score="2"]'));
      await until(() => inShadow(pulse, 'input[name="comment"]').length === 1, 'the comment field');
      const comment = await typeHostile(pulse, 'input[name="comment"]');
      await tap(buttonNamed(pulse, 'Send comment'));
      const leaderView = await mount(html`<feedback-loop unit=${teamA.id} mode="you-said" can-respond .store=${store}></feedback-loop>`);
      await until(() => inShadow(leaderView, 'li').length === 1, 'the comment');
      await tap(buttonNamed(leaderView, 'Reply…'));
      const reply = await typeHostile(leaderView, 'input[name="reply"]');
      await tap(buttonNamed(leaderView, 'Reply'));
      const teamView = await mount(html`<feedback-loop unit=${teamA.id} mode="you-said" .store=${store}></feedback-loop>`);
      await until(() => (teamView.shadowRoot!.textContent ?? '').includes(reply.slice(0, 20)), 'the reply on the team view');
      return { shownBy: teamView, typed: [comment, reply] };
    },
  ],
  [
    'setup-people: hostile names in a pasted HR file, previewed then saved',
    async (store, { teamA }) => {
      const el = await mount(html`<setup-people .store=${store}></setup-people>`);
      await ready(el);
      // Every payload as a name (cut to the 120 a name may have), quoted as a CSV cell must be.
      const names = CORPUS.map((payload) => payload.slice(0, 120));
      const cell = (text: string) => `"${text.replaceAll('"', '""')}"`;
      const file = ['name,role,board', ...names.map((name) => [cell(name), 'member', cell(teamA.name)].join(','))].join('\n');
      const area = oneInShadow<HTMLTextAreaElement>(el, 'textarea[name="csv"]');
      await tap(area);
      await pasteText(file);
      await tap(buttonNamed(el, 'Check the list'));
      await until(() => inShadow(el, 'tr[data-line]').length === names.length, 'the preview');
      await tap(buttonNamed(el, `Add ${names.length} people`));
      await until(() => inShadow(el, 'li[data-person]').length === names.length + 2, 'everyone listed');
      return { shownBy: el, typed: names };
    },
  ],
];

describe('injection: hostile text typed into every text field', function () {
  this.timeout(120000);
  before(() => setViewport({ width: 1280, height: 900 }));
  afterEach(deleteTestDatabases);

  for (const [name, flow] of FLOWS) {
    it(name, async () => {
      const store = freshStore({ today: () => TODAY });
      const { shownBy, typed } = await flow(store, await seedSmallOrg(store));
      shownBy.style.display = 'block';
      shownBy.style.width = '1000px';
      await new Promise((r) => setTimeout(r, 50));
      const root = shownBy.shadowRoot!;
      const injected = [...deepElements(root)].filter((n) => n.matches('img, script, svg, iframe, object, embed, a[href^="javascript:"]'));
      expect(injected.map((n) => n.outerHTML.slice(0, 60))).to.deep.equal([]);
      const text = root.textContent!.replace(/\s+/g, ' ');
      // As typed, less the invisible control characters the model cleans out (a NUL, a bell).
      for (const payload of typed) expect(text, 'the payload reads as typed').to.contain(cleanText(payload).replace(/\s+/g, ' ').trim());
      expect(shownBy.scrollWidth, 'long words stay inside the element').to.be.at.most(shownBy.clientWidth + 1);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });
  }

  it('typed every payload of the corpus at least once', () => {
    expect(typedCount).to.be.at.least(CORPUS.length);
  });
});

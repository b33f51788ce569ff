/**
 * Hostile text everywhere: a corpus of payloads (markup, event handlers, javascript: URLs,
 * SVG, very long words, right-to-left overrides, emoji, null bytes) put into every text field
 * of every kind through an imported file, then shown by every element. Nothing may execute,
 * no element may appear from the text, every payload must be readable as text, and long words
 * must not push anything off the screen.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import { generateDemoOrganisation } from '../../src/demo/index.js';
import { toExportFile } from '../../src/model/backup-file.js';
import { deleteTestDatabases, freshStore } from '../helpers/store.js';
import { TODAY, until } from '../helpers/ui.js';
import { deepElements } from '../helpers/wall.js';
import { CORPUS } from '../helpers/hostile-text.js';
import { importData } from '../../src/store/whole-database.js';

/** Puts payload number `i` into every text field of the demo organisation's records. */
function hostileDemo() {
  const data = generateDemoOrganisation({ today: TODAY });
  let i = 0;
  const next = (max: number) => CORPUS[i++ % CORPUS.length]!.slice(0, max);
  for (const u of data.units) u.name = next(120);
  for (const p of data.people) p.name = next(120);
  for (const k of data.kpis) k.name = next(120);
  for (const a of data.actions) a.title = next(200);
  for (const e of data.escalations) Object.assign(e, { title: next(200), reason: next(4000), ...(e.resolution ? { resolution: next(4000) } : {}) });
  for (const x of data.experiments) Object.assign(x, { title: next(200), targetCondition: next(4000), obstacle: next(4000), learning: next(4000) });
  for (const r of data.recognitions) r.text = next(200);
  for (const n of data.resourceNeeds) n.description = next(200);
  for (const s of data.coachingSessions) Object.assign(s, { wentWell: next(4000), evenBetter: next(4000), focus: next(200) });
  for (const f of data.feedback) if (f.comment) f.comment = next(400);
  for (const r of data.feedbackResponses) r.text = next(4000);
  return data;
}

const MOUNTS: [string, Record<string, string>][] = [
  ['huddle-board', { unit: 'unit-line-1', view: 'actions' }],
  ['huddle-board', { unit: 'unit-assembly', view: 'escalations' }],
  ['kpi-calendar', { kpi: 'kpi-line-1-Q' }],
  ['huddle-actions', { unit: 'unit-line-2' }],
  ['huddle-escalations', { unit: 'unit-packing' }],
  ['huddle-resources', { unit: 'unit-line-1' }],
  ['improvement-card', { unit: 'unit-line-1' }],
  ['huddle-kudos', { unit: 'unit-line-1' }],
  ['coaching-journal', { person: 'person-line-1-leader' }],
  ['coaching-cascade', {}],
  ['feedback-loop', { unit: 'unit-line-1', mode: 'you-said' }],
];

describe('injection: hostile text in every field, shown by every element', function () {
  this.timeout(60000);
  before(() => setViewport({ width: 1280, height: 900 }));
  after(deleteTestDatabases);

  it('executes nothing, injects no element, shows the text, and keeps the layout', async () => {
    const store = freshStore({ today: () => TODAY });
    await importData(store, toExportFile(hostileDemo()));
    const pwned = () => (window as unknown as { __pwned?: number }).__pwned;
    for (const [tag, attributes] of MOUNTS) {
      const el = document.createElement(tag) as HTMLElement & { store?: unknown };
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      el.store = store;
      el.style.display = 'block';
      el.style.width = '1200px';
      document.body.append(el);
      await until(() => el.shadowRoot?.querySelector('h1, h2, ol') !== null && !el.shadowRoot?.querySelector('[role="status"]'), `<${tag}> with data`, 10000);
      await new Promise((r) => setTimeout(r, 100));
      const injected = [...deepElements(el.shadowRoot!)].filter((n) => n.matches('img, script, svg, iframe, object, embed, a[href^="javascript:"]'));
      expect(
        injected.map((n) => n.outerHTML.slice(0, 60)),
        `<${tag}> ${JSON.stringify(attributes)}`,
      ).to.deep.equal([]);
      const text = [...deepElements(el.shadowRoot!)].map((n) => n.shadowRoot?.textContent ?? '').join(' ') + el.shadowRoot!.textContent;
      expect(
        CORPUS.some((payload) => text.includes(payload.slice(0, 20))),
        `<${tag}> shows the payloads as text`,
      ).to.equal(true);
      expect(el.scrollWidth, `<${tag}> keeps long words inside its width`).to.be.at.most(el.clientWidth + 1);
      el.remove();
    }
    expect(pwned()).to.equal(undefined);
  });
});

/**
 * Every element in German and Spanish: switched at runtime by the page's `lang`, each element
 * with the demo organisation shows no English message of the package (text, labels,
 * placeholders), and dates are in the page's language. Text typed by users (class
 * `user-text`, e.g. the demo's English action titles) is theirs and is not checked.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { getLocale } from '../../src/locales/localization.js';
import { demoStore, until } from '../helpers/ui.js';
import type { IdbHuddleStore } from '../../src/store/idb-store.js';
import { StorageError } from '../../src/store/errors.js';
import { parseImport } from '../../src/model/backup-file.js';
import { WriteRefused } from '../../src/model/write-rules.js';
import { loadProblemWords } from '../../src/components/load-problem-words.js';
import { defaultChecklist } from '../../src/model/index.js';
import { localChecklist } from '../../src/components/checklist-words.js';
import { ConfigError } from '../../kiosk/config.js';
import { buttonNamed, inShadow, oneInShadow, tap } from '../helpers/ui.js';
import { deleteDatabase, freshStore } from '../helpers/store.js';

const MOUNTS: [string, Record<string, string>][] = [
  ['huddle-board', { unit: 'unit-line-1' }],
  ['huddle-board', { unit: 'unit-line-1', view: 'actions' }],
  ['huddle-board', { unit: 'unit-line-1', view: 'plan' }],
  ['huddle-board', { unit: 'unit-line-1', view: 'improve' }],
  ['huddle-board', { unit: 'unit-assembly', view: 'escalations' }],
  ['kpi-calendar', { kpi: 'kpi-line-1-Q' }],
  ['kpi-trend', { kpi: 'kpi-line-1-Q' }],
  ['coaching-card', { learner: 'person-line-1-leader', coach: 'person-assembly-supervisor', 'draft-key': 'locales' }],
  ['coaching-card', { kind: 'kata', learner: 'person-line-1-leader', 'draft-key': 'locales-kata' }],
  ['coaching-journal', { person: 'person-line-1-leader' }],
  ['coaching-journal', { person: 'person-assembly-supervisor' }],
  ['coaching-cascade', {}],
  ['feedback-loop', { unit: 'unit-line-1' }],
  ['feedback-loop', { unit: 'unit-line-1', mode: 'safety' }],
  ['feedback-loop', { unit: 'unit-line-1', mode: 'you-said', 'can-respond': '' }],
  ['coaching-impact', { unit: 'unit-assembly' }],
  ['huddle-setup', { step: 'organisation', guided: '' }],
  ['huddle-setup', { step: 'boards' }],
  ['huddle-setup', { step: 'people' }],
  ['huddle-setup', { step: 'kpis' }],
  ['huddle-setup', { step: 'cascade' }],
  ['huddle-setup', { step: 'checklists' }],
];

type Catalogue = Record<string, string>;

/** The demo organisation's labels (tiers, roles), data that an organisation names itself. */
const ORG_WORDS = new Set(['Team', 'Area', 'Plant', 'Team leader', 'Supervisor', 'Manager', 'Operator']);
const load = async (name: string): Promise<Catalogue> => (await fetch(`/locales/${name}.json`)).json() as Promise<Catalogue>;

/** A whole-text matcher per English message that the locale translates differently. */
function englishMatchers(english: Catalogue, translated: Catalogue): { text: string; pattern: RegExp }[] {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // A message that is mostly placeholders ("Move {0}") would match labels built from users'
  // text (an action titled "Move the bin"); only messages with enough words of their own count.
  const ownLetters = (text: string) => text.replace(/\{\d+\}/g, '').replace(/[^A-Za-z]/g, '').length;
  return Object.entries(english)
    .filter(([id, text]) => translated[id] !== text && ownLetters(text) >= (text.includes('{') ? 12 : 2))
    .map(([, text]) => ({ text, pattern: new RegExp(`^${escape(text.trim()).replace(/\\\{\d+\\\}/g, '.+')}$`) }));
}

/** The element's own words: text nodes and labels, through nested shadow roots, users' text left out. */
function shownWords(root: ShadowRoot | Element): string[] {
  const words: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.classList.contains('user-text') || node.tagName === 'OPTION' || node.tagName === 'SCRIPT' || node.tagName === 'STYLE') return;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = node.getAttribute(name);
        if (value) words.push(value.trim());
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent!.replace(/\s+/g, ' ').trim();
      if (text) words.push(text);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return words;
}

/** A loading note ("Loading…", "Wird geladen…") is still shown somewhere inside. */
function loading(root: ShadowRoot): boolean {
  for (const el of root.querySelectorAll('*')) {
    if (el.getAttribute('role') === 'status' && el.textContent!.trim().endsWith('…')) return true;
    if (el.shadowRoot && loading(el.shadowRoot)) return true;
  }
  return false;
}

describe('localization: every element in German and Spanish', function () {
  this.timeout(120000);
  let store: IdbHuddleStore;
  let english: Catalogue;
  before(async () => {
    store = await demoStore();
    english = await load('en');
  });
  after(() => {
    document.documentElement.lang = 'en';
  });

  for (const [locale, dateWord] of [
    ['de', 'November'],
    ['es', 'noviembre'],
  ] as const) {
    it(`shows no untranslated English in ${locale}`, async () => {
      const matchers = englishMatchers(english, await load(locale));
      document.documentElement.lang = locale;
      await until(() => getLocale() === locale, `the ${locale} texts`);
      const found: string[] = [];
      let dates = 0;
      for (const [tag, attributes] of MOUNTS) {
        const el = document.createElement(tag) as HTMLElement & { store?: IdbHuddleStore };
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        el.store = store;
        document.body.append(el);
        // Loaded: something shown, and no "loading" note left anywhere inside.
        await until(() => shownWords(el.shadowRoot!).length > 3 && !loading(el.shadowRoot!), `<${tag}> loaded`, 10000);
        await new Promise((r) => setTimeout(r, 200));
        const words = shownWords(el.shadowRoot!);
        if (words.some((w) => w.includes(dateWord))) dates++;
        for (const word of words) {
          // The organisation's own words for tiers and roles come from its settings, not from us.
          if (ORG_WORDS.has(word)) continue;
          const hit = matchers.find((m) => m.pattern.test(word));
          if (hit) found.push(`<${tag} ${JSON.stringify(attributes)}> "${word}" (English: "${hit.text}")`);
        }
        el.remove();
      }
      expect(found, 'English left on screen').to.deep.equal([]);
      expect(dates, `dates written in ${locale}`).to.be.greaterThan(2);
    });
  }

  it("says store refusals, refused files, HR-file problems and the shipped checklist in the page's language", async () => {
    document.documentElement.lang = 'de';
    await until(() => getLocale() === 'de', 'the German texts');
    await loadProblemWords({ withFiles: true });
    // The store and the model say what is wrong as data; the elements' words say it in the page's language.
    expect(new StorageError('quota').message).to.match(/^Auf dem Gerät ist kein Speicherplatz mehr/);
    expect(new WriteRefused({ code: 'no-parent-board', board: 'Werk' }).message).to.equal('Tafel „Werk“ hat keine übergeordnete Tafel für Eskalationen');
    // A refused backup names the record and field, and says what is wrong in German.
    const stamp = '2026-11-21T08:00:00.000Z';
    const badAction = { id: 'a-1', unitId: 'u-1', title: 'Fix the leak', status: 'open', due: 'next Tuesday', createdAt: stamp, updatedAt: stamp };
    const refusal = (file: unknown) => {
      try {
        parseImport(file);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('the file was accepted');
    };
    expect(refusal({ format: 'huddle-elements', schemaVersion: 3, data: { actions: [badAction] } })).to.equal(
      'actions, Eintrag 1 (ID „a-1“): due muss ein Datum im Format JJJJ-MM-TT sein.',
    );
    expect(refusal('{not json')).to.match(/^Die Datei ist kein gültiges JSON/);
    expect(new ConfigError('rotate', 'url', 'abc').message).to.equal(
      '„rotate“ in der Adresse ist „abc“, muss aber eine ganze Zahl von Sekunden von 10 bis 3600, oder 0 für keinen Wechsel sein.',
    );

    const people = document.createElement('setup-people');
    people.store = store;
    document.body.append(people);
    await until(() => inShadow(people, 'textarea[name="csv"]').length === 1, 'the people step');
    const csv = oneInShadow<HTMLTextAreaElement>(people, 'textarea[name="csv"]');
    csv.value = 'Bo Kim,Surgeon,Ward 9\nBo Kim,Operator,Line 1,Bo Kim';
    await tap(csv.form!.querySelector('button[type="submit"]')!);
    await until(() => inShadow(people, '[data-problem]').length >= 3, 'the marked rows');
    const problems = inShadow(people, '[data-problem]').map((p) => p.textContent);
    expect(problems).to.include('es gibt keine Tafel namens „Ward 9“');
    expect(problems.some((p) => p!.startsWith('„Surgeon“ ist hier keine Rolle'))).to.equal(true);
    expect(problems).to.include('niemand kann sich selbst coachen');
    people.remove();

    // The demo stores the shipped checklist as it ships: its behaviours are shown in German.
    const card = document.createElement('coaching-card');
    card.store = store;
    card.setAttribute('learner', 'person-line-1-leader');
    card.setAttribute('draft-key', 'locales-checklist');
    document.body.append(card);
    await until(() => inShadow(card, '[part="checklist"]').length === 1, 'the checklist');
    expect(oneInShadow(card, '[part="checklist"]').textContent).to.contain('Tafel sichtbar; das Team kann sehen und hören').and.not.contain('Board visible');
    card.remove();

    // A label the organisation changed is theirs and stays as written.
    const shipped = { ...defaultChecklist('huddle-observation'), createdAt: '', updatedAt: '' };
    const setting = shipped.groups[0]!;
    const edited = {
      ...shipped,
      groups: [{ ...setting, behaviours: setting.behaviours.map((b) => (b.id === 'time-box' ? { ...b, label: 'In 10 Minuten fertig' } : b)) }],
    };
    expect(localChecklist(edited).groups[0]!.behaviours.map((b) => b.label)).to.deep.equal([
      'Tafel sichtbar; das Team kann sehen und hören',
      'Gleiche Zeit und gleicher Ort, pünktlich begonnen',
      'In 10 Minuten fertig',
    ]);
  });

  it("sets up a new organisation in the page's language: its words, its language chosen, the required name marked", async () => {
    document.documentElement.lang = 'de-DE';
    await until(() => getLocale() === 'de', 'the German texts');
    const empty = freshStore();
    // Inside another element's shadow root, as in the kiosk's set-up: the page's language still reaches it.
    const host = document.createElement('div');
    const step = document.createElement('setup-organisation');
    step.store = empty;
    host.attachShadow({ mode: 'open' }).append(step);
    document.body.append(host);
    const field = (name: string) => step.shadowRoot?.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    await until(() => field('unit-0') !== null && field('unit-0') !== undefined, 'the organisation step');
    expect(field('locale')!.value, 'the language picker').to.equal('de');
    expect([field('unit-0')!.value, field('leader-0')!.value, field('member')!.value]).to.deep.equal(['Team', 'Teamleitung', 'Mitarbeiter']);
    expect(step.shadowRoot!.querySelector('label')!.textContent).to.contain('(Pflichtfeld)');
    await tap(buttonNamed(step, 'Ein Krankenhaus'));
    await until(() => field('unit-0')?.value === 'Station', 'the hospital words in German');
    expect([field('leader-0')!.value, field('unit-1')!.value, field('member')!.value]).to.deep.equal(['Schichtleitung', 'Abteilung', 'Pflegekraft']);
    host.remove();
    empty.close();
    await deleteDatabase(empty.name);
  });

  it('switches back to English when the page does, and follows a language by its region tag', async () => {
    document.documentElement.lang = 'de-AT';
    await until(() => getLocale() === 'de', 'German for de-AT');
    const el = document.createElement('huddle-actions');
    el.store = store;
    el.setAttribute('unit', 'unit-line-1');
    document.body.append(el);
    await until(() => el.shadowRoot?.querySelector('h2')?.textContent === 'Maßnahmen', 'the German heading');
    document.documentElement.lang = 'fr';
    await until(() => el.shadowRoot?.querySelector('h2')?.textContent === 'Actions', 'English again for a language not shipped');
    el.remove();
  });
});

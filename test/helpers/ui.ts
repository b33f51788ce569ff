/**
 * Driving elements as a person does: real pointer taps at an element's position and real
 * key presses, through the browser's input pipeline (not synthetic `click()` calls).
 */
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { IdbHuddleStore } from '../../src/store/idb-store.js';
import { loadDemoOrganisation } from '../../src/demo/index.js';
import { freshStore } from './store.js';

export const TODAY = '2026-11-21';

/** Waits until `check` passes, or fails naming what it waited for. */
export async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Taps the middle of an element with the mouse (scrolling it into view first). */
export async function tap(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) throw new Error(`cannot tap an invisible ${element.tagName.toLowerCase()}`);
  await sendMouse({ type: 'click', position: [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)] });
}

/** Taps a field and types into it with the keyboard. */
export async function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  await tap(field);
  const before = field.value;
  await sendKeys({ type: text });
  if (field.value !== before + text) {
    throw new Error(`typed "${text}" but the field holds "${field.value}" (focus was on ${document.activeElement?.tagName})`);
  }
}

/**
 * Puts text into the focused field in one insertion, as a paste does - the way to enter what no
 * keyboard types (a null byte) or a whole file at once.
 */
export async function pasteText(text: string): Promise<void> {
  await executeServerCommand('cdp', { method: 'Input.insertText', params: { text } });
}

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Every element in an element's shadow root matching `selector`. */
export function inShadow<E extends Element = HTMLElement>(host: Element, selector: string): E[] {
  return [...(host.shadowRoot?.querySelectorAll<E>(selector) ?? [])];
}

/** The one element matching `selector` in the shadow root; fails when there is none. */
export function oneInShadow<E extends Element = HTMLElement>(host: Element, selector: string): E {
  const found = host.shadowRoot?.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.tagName.toLowerCase()}>`);
  return found;
}

/** A button in the shadow root whose visible text is `text` (or, failing that, contains it). */
export function buttonNamed(host: Element, text: string): HTMLButtonElement {
  const buttons = inShadow<HTMLButtonElement>(host, 'button');
  const label = (b: HTMLButtonElement) => b.textContent!.replace(/\s+/g, ' ').trim();
  const button = buttons.find((b) => label(b) === text) ?? buttons.find((b) => label(b).includes(text));
  if (!button) throw new Error(`no button "${text}" in <${host.tagName.toLowerCase()}>`);
  return button;
}

/** A store on a fresh database holding the demo organisation, with today pinned. */
export async function demoStore(): Promise<IdbHuddleStore> {
  const store = freshStore({ today: () => TODAY });
  await loadDemoOrganisation(store, { today: TODAY });
  return store;
}

/** Chooses an option of a native select with the keyboard, as a keyboard user would (type-ahead). */
export async function chooseOption(select: HTMLSelectElement, label: string): Promise<void> {
  select.focus();
  await sendKeys({ type: label });
  const chosen = select.selectedOptions[0]?.textContent?.trim();
  if (chosen !== label) throw new Error(`typed "${label}" into the list but "${chosen}" is chosen`);
}

/**
 * Measurements for the wall rules, walking every shadow root: the smallest text on screen
 * and the smallest touch target.
 */

/** Every element under `root`, shadow roots included. */
export function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

const isShown = (element: Element) => {
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
};

/** Elements holding visible text directly, with their font size, smallest first. */
export function textSizes(root: Element): { element: Element; size: number; text: string }[] {
  const found: { element: Element; size: number; text: string }[] = [];
  for (const element of deepElements(root.shadowRoot ?? root)) {
    const own = [...element.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent!.trim())
      .join('');
    if (!own || !isShown(element) || element.closest('.visually-hidden')) continue;
    found.push({ element, size: parseFloat(getComputedStyle(element).fontSize), text: own.slice(0, 40) });
  }
  return found.sort((a, b) => a.size - b.size);
}

/** Buttons and inputs shown, with their size, smallest first. */
export function targetSizes(root: Element): { element: Element; width: number; height: number; text: string }[] {
  return [...deepElements(root.shadowRoot ?? root)]
    .filter((e) => e.matches('button, input, select, textarea, [role="tab"]') && isShown(e))
    .map((element) => {
      const rect = element.getBoundingClientRect();
      return { element, width: rect.width, height: rect.height, text: (element.textContent ?? '').trim().slice(0, 40) };
    })
    .sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height));
}

// Measurements of a wall screen taken inside the page, across every shadow root: what a person
// three metres away would miss. Used by wall-screens.e2e.mjs.
import { readFileSync } from 'node:fs';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Runs axe on the whole page (landmarks and headings are page rules) and lists its violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
  });
}

/**
 * What the screen shows wrong for a wall: text under `minText` px, touch targets under 64 px (at
 * 1080p), text cut off (beyond the screen or under the bar), boxes that need scrolling, charts
 * outside their card, and whether the board's name is in sight.
 */
export function measureScreen(page, minText) {
  return page.evaluate((minText) => {
    const all = [];
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        all.push(element);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    const shown = (element) => {
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return rect.width > 1 && rect.height > 1 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const describe = (element, text) => `${element.localName}${element.className ? '.' + String(element.className).split(' ')[0] : ''} "${text.slice(0, 30)}"`;
    const bar = all.find((e) => e.localName === 'nav' && e.closest('.view'));
    // Boxes that hide part of their content: a paged view shows the rest on its other pages.
    const clipping = all.filter((e) => getComputedStyle(e).overflowY === 'hidden' && e.scrollHeight > e.clientHeight + 2 && shown(e));
    const within = (box, element) => {
      for (let node = element; node; node = node.parentNode ?? node.host) if (node === box) return true;
      return false;
    };
    const bottom = bar ? bar.getBoundingClientRect().top : innerHeight;
    /** Whether an element is on another page of a paged view (clipped away, reachable by the pager). */
    const onAnotherPage = (element, rect) => {
      const box = clipping.find((b) => b !== element && within(b, element));
      if (!box) return false;
      const { top, bottom: boxBottom } = box.getBoundingClientRect();
      const inset = /inset\(([\d.]+)px \S+ ([\d.]+)px/.exec(getComputedStyle(box).clipPath);
      return rect.bottom <= top + (inset ? parseFloat(inset[1]) : 0) + 1 || rect.top >= boxBottom - (inset ? parseFloat(inset[2]) : 0) - 1;
    };
    // Touch targets: 64 px at 1080p, scaled like the text at 4K.
    const minTarget = (64 * minText) / 24;
    const targets = all
      .filter((e) => e.matches('button, select, textarea, input:not([type="checkbox"]):not([type="radio"]), [role="tab"], a[href]') && shown(e))
      .filter((e) => !onAnotherPage(e, e.getBoundingClientRect()))
      .filter((e) => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height) < minTarget - 1)
      .map((e) => `${describe(e, e.textContent.trim())} ${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`);
    const small = [];
    const cut = [];
    for (const element of all) {
      const text = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent.trim())
        .join('');
      if (!text || !shown(element) || element.closest('.visually-hidden')) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < minText - 0.5) small.push(`${describe(element, text)} ${size}px`);
      const rect = element.getBoundingClientRect();
      const box = clipping.find((b) => b !== element && within(b, element));
      if (box) {
        const { top: boxTop, bottom: boxBottom } = box.getBoundingClientRect();
        // A page shows whole rows: what belongs to another page is clipped away.
        const inset = /inset\(([\d.]+)px \S+ ([\d.]+)px/.exec(getComputedStyle(box).clipPath);
        const top = boxTop + (inset ? parseFloat(inset[1]) : 0);
        const pageBottom = boxBottom - (inset ? parseFloat(inset[2]) : 0);
        if (rect.bottom <= top + 1 || rect.top >= pageBottom - 1) continue; // on another page
        if (rect.top < top - 1 || rect.bottom > pageBottom + 1) {
          cut.push(`${describe(element, text)} split by the page's edge at ${Math.round(pageBottom)}`);
          continue;
        }
      }
      const inBar = bar && (bar === element || bar.contains(element));
      if (rect.right > innerWidth + 1 || rect.left < -1 || rect.top < -1 || (!inBar && rect.bottom > bottom + 1) || rect.bottom > innerHeight + 1)
        cut.push(`${describe(element, text)} at ${Math.round(rect.left)},${Math.round(rect.top)}-${Math.round(rect.right)},${Math.round(rect.bottom)}`);
    }
    const scrolling = all
      .filter((element) => {
        const style = getComputedStyle(element);
        const y = /auto|scroll/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 2;
        const x = /auto|scroll/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 2;
        return shown(element) && (x || y);
      })
      .map((element) => `${element.localName}.${element.className} ${element.scrollHeight}>${element.clientHeight}`);
    const charts = all
      .filter((e) => e.localName === 'canvas' && shown(e))
      .filter((canvas) => {
        const card = (canvas.closest('figure') ?? canvas.getRootNode().host).getBoundingClientRect();
        const rect = canvas.getBoundingClientRect();
        return rect.left < card.left - 1 || rect.right > card.right + 1 || rect.top < card.top - 1 || rect.bottom > card.bottom + 1;
      })
      .map(
        (canvas) =>
          `${canvas.getRootNode().host.localName} ${JSON.stringify(canvas.getBoundingClientRect())} ${JSON.stringify((canvas.closest('figure') ?? canvas.getRootNode().host).getBoundingClientRect())}`,
      );
    const name = all.find((e) => e.id === 'board-name' && shown(e));
    const nameRect = name?.getBoundingClientRect();
    const pager = all.find((e) => e.classList?.contains('pager'));
    return {
      hidden: clipping.map((e) => e.localName),
      targets: targets.slice(0, 4),
      pages: pager?.querySelector('[role="status"]')?.textContent.trim(),
      small: small.slice(0, 4),
      cut: cut.slice(0, 4),
      scrolling,
      charts,
      boardName: name && nameRect.top >= 0 && nameRect.bottom <= bottom ? name.textContent.trim() : undefined,
    };
  }, minText);
}

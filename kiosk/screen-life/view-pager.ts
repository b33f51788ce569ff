/**
 * Pages a view that is taller than the wall, a screenful at a time: nobody scrolls a wall TV,
 * and a page never splits a row - the first row the screen's bottom edge would cut starts the
 * next page, and is hidden below the page (clip-path) until then. The view's element is the scroll
 * box (overflow hidden); its content, across shadow roots, is watched so that pages follow data
 * arriving or a screen turning.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Rows are what a page must not split: anything shorter than half a screen. */
const ROW_SHARE = 0.5;
/** A view longer than this many screens is cut off there, rather than measured for ever. */
const MAX_PAGES = 100;

/** Every element under `root`, shadow roots included. */
function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.children) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
    yield* deepElements(element);
  }
}

/** Where each page starts, in the box's scroll offsets: 0 first. */
export function pageStarts(box: HTMLElement): number[] {
  const height = box.clientHeight;
  const total = box.scrollHeight;
  if (height <= 0 || total <= height + 2) return [0];
  const origin = box.getBoundingClientRect().top - box.scrollTop;
  const rows = [...deepElements(box.shadowRoot ?? box)]
    .map((element) => element.getBoundingClientRect())
    .filter((rect) => rect.height > 0 && rect.height < height * ROW_SHARE)
    .map((rect) => ({ top: rect.top - origin, bottom: rect.bottom - origin }));
  const starts = [0];
  for (let start = 0; start + height < total - 2;) {
    const edge = start + height;
    // The first row the edge cuts starts the next page; with none cut, the edge itself. A row
    // that the new start would cut in turn (a row holding the cut one) starts it instead.
    let next = edge;
    for (let moved = true; moved;) {
      const cut = rows.filter((row) => row.top > start + 1 && row.top < next && row.bottom > next + 1).map((row) => row.top);
      moved = cut.length > 0;
      if (moved) next = Math.min(...cut);
    }
    start = next > start + 1 ? next : edge;
    starts.push(start);
    if (starts.length >= MAX_PAGES) break;
  }
  return starts;
}

export class ViewPager implements ReactiveController {
  /** The page shown, from 0. */
  page = 0;
  #starts: number[] = [0];
  #box: HTMLElement | undefined;
  // Measured in the next frame, not inside the observer: paging changes the bar, and with it the box's size.
  readonly #resize = new ResizeObserver(() => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#measure());
  });
  #frame = 0;
  readonly #children = new MutationObserver(() => this.#watchContent());

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The scroll box of the view shown, if any. */
    private readonly findBox: () => HTMLElement | undefined,
  ) {
    host.addController(this);
  }

  get pages(): number {
    return this.#starts.length;
  }

  hostUpdated(): void {
    const box = this.findBox();
    if (box === this.#box) return;
    this.#stopWatching();
    this.#box = box;
    this.page = 0;
    this.#starts = [0];
    if (!box) return;
    box.scrollTop = 0;
    this.#resize.observe(box);
    // The content lives in the view's shadow root: watch what it holds, as it arrives.
    this.#children.observe(box.shadowRoot ?? box, { childList: true });
    this.#watchContent();
  }

  hostDisconnected(): void {
    this.#stopWatching();
    this.#box = undefined;
  }

  #watchContent(): void {
    const box = this.#box;
    if (!box) return;
    for (const child of (box.shadowRoot ?? box).children) this.#resize.observe(child);
  }

  #stopWatching(): void {
    cancelAnimationFrame(this.#frame);
    this.#resize.disconnect();
    this.#children.disconnect();
  }

  /** Shows page `page`; false when there is no such page. */
  show(page: number): boolean {
    // Measured again: rows may have changed inside a view whose outer size did not.
    if (this.#box) this.#starts = pageStarts(this.#box);
    if (page < 0 || page >= this.#starts.length) return false;
    this.#apply(page);
    return true;
  }

  /** Pages again after a change of size: the clip depends on the box's height, not only on where pages start. */
  #measure(): void {
    if (!this.#box) return;
    this.#starts = pageStarts(this.#box);
    this.#apply(Math.min(this.page, this.#starts.length - 1));
  }

  #apply(page: number): void {
    this.page = page;
    const box = this.#box;
    if (box) {
      const start = this.#starts[page]!;
      box.scrollTop = start;
      // The box shows whole rows only: what belongs to the next page stays out of sight, and on
      // the last page, which the box cannot scroll to the top of, so does the end of the one before.
      const above = Math.max(0, start - box.scrollTop);
      const end = this.#starts[page + 1];
      const below = end === undefined ? 0 : Math.max(0, box.scrollTop + box.clientHeight - end);
      box.style.clipPath = above + below > 0 ? `inset(${above}px 0 ${below}px 0)` : '';
    }
    this.host.requestUpdate();
  }
}

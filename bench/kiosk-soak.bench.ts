/**
 * The kiosk running for days, compressed: 1,000 view rotations (board, escalations, cascade,
 * feedback, impact) and 30 midnights (every view re-mounted for a new day) in one page.
 * Prints the JS heap after forced garbage collection at the start, half-way and the end: a
 * leak grows in both halves alike, while caches filling up (templates, message ids) grow in
 * the first half only.
 */
import '../kiosk/kiosk-app.js';
import type { KioskApp } from '../kiosk/kiosk-app.js';

declare global {
  interface Window {
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    window.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.memory?.usedJSHeapSize ?? Number.NaN;
}

/** The view's elements, below the board's header on a wall (the feedback view shows two). */
function viewElements(app: KioskApp): Element[] {
  return [...(app.shadowRoot?.querySelectorAll('.view main *') ?? [])].filter((el) => el.shadowRoot && el.localName !== 'huddle-board-header');
}

/** Waits until the view shown has its data (no shadow root of it holds a loading note). */
async function viewLoaded(app: KioskApp): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const shown = viewElements(app);
    if (shown.length > 0 && shown.every((view) => !view.shadowRoot!.querySelector('[role="status"]:not(.thanks):not(.definition)'))) return;
    await settle();
  }
  // Measuring a view that never shows its data would measure nothing: say which one.
  throw new Error(
    `the view ${
      viewElements(app)
        .map((el) => `<${el.localName}>`)
        .join(', ') || '(none)'
    } never showed its data`,
  );
}

export default async function run() {
  history.replaceState(null, '', '?first-run=demo&unit=unit-line-1&views=board,escalations,cascade,feedback,impact');
  const app = document.createElement('kiosk-app');
  document.body.append(app);
  while (app.phaseName !== 'ready') await new Promise((r) => setTimeout(r, 50));
  const views = 5;
  for (let i = 0; i < 20; i++) {
    app.showView(i % views);
    await app.updateComplete;
    await viewLoaded(app);
  }
  const start = await heapAfterGc();
  const began = performance.now();
  let middle = Number.NaN;
  for (let i = 0; i < 1000; i++) {
    if (i === 500) middle = await heapAfterGc();
    app.showView(i % views);
    await app.updateComplete;
    await viewLoaded(app);
    // Every 33 rotations is a midnight: the views re-mount for the new day.
    if (i % 33 === 32) {
      app.calendar.check(`day-${i}`);
      await app.updateComplete;
    }
  }
  const seconds = (performance.now() - began) / 1000;
  const end = await heapAfterGc();
  app.remove();
  return [
    {
      bench: 'kiosk-soak',
      figure: '1000 rotations and 30 midnights in one page',
      heapStartMB: Math.round((start / 1048576) * 100) / 100,
      heapEndMB: Math.round((end / 1048576) * 100) / 100,
      growthMB: Math.round(((end - start) / 1048576) * 100) / 100,
      firstHalfMB: Math.round(((middle - start) / 1048576) * 100) / 100,
      secondHalfMB: Math.round(((end - middle) / 1048576) * 100) / 100,
      seconds: Math.round(seconds),
    },
  ];
}

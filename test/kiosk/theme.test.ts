/**
 * The screen's theme reaches every kiosk screen: with `theme=dark` the overview of boards and
 * the bar under the views are dark too (their colours are the design tokens), and axe finds
 * nothing on them.
 */
import { expect } from '@open-wc/testing';
import type { KioskApp } from '../../kiosk/kiosk-app.js';
import { closeKioskAfterEach, openKiosk } from '../helpers/kiosk.js';
import { until } from '../helpers/ui.js';

/** Relative luminance of a computed `rgb(...)` colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('kiosk: themes', function () {
  // A first start loads the demo organisation (90 days of history) before anything shows.
  this.timeout(60000);
  let app: KioskApp | undefined;
  closeKioskAfterEach(() => app);

  it('dark reaches the overview of boards', async () => {
    app = await openKiosk('first-run=demo&theme=dark');
    const overview = () => app!.shadowRoot!.querySelector('kiosk-board-overview')?.shadowRoot;
    await until(() => (overview()?.querySelectorAll('li').length ?? 0) > 3, 'the boards listed', 20000);
    const card = overview()!.querySelector('li')!;
    expect(luminance(getComputedStyle(card).backgroundColor), 'a board card is dark').to.be.below(0.1);
    expect(luminance(getComputedStyle(card).color), 'its text is light').to.be.above(0.6);
    await expect(app).to.be.accessible();
  });

  it('dark reaches the bar under the views', async () => {
    app = await openKiosk('first-run=demo&theme=dark&unit=unit-line-1&views=board,cascade');
    const nav = () => app!.shadowRoot!.querySelector('nav');
    await until(() => nav() !== null, 'the bar');
    expect(luminance(getComputedStyle(nav()!).backgroundColor), 'the bar is dark').to.be.below(0.1);
    const current = nav()!.querySelector('button[aria-current="true"]')!;
    const other = nav()!.querySelector('button[aria-current="false"]')!;
    expect(luminance(getComputedStyle(other).backgroundColor), 'a view button is dark').to.be.below(0.1);
    expect(luminance(getComputedStyle(current).backgroundColor), 'the current view stands out').to.be.above(0.2);
  });
});

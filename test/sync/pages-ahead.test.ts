import { expect } from '@open-wc/testing';
import { PagesAhead } from '../../src/sync/pages-ahead.js';

interface Page {
  more: boolean;
  cursor: number;
}

/** A server of `count` pages; each answers when `answer()` is called, in order. */
function server(count: number, failAt?: number) {
  const asked: number[] = [];
  const answers: (() => void)[] = [];
  const fetch = (cursor: number) =>
    new Promise<Page>((resolve, reject) => {
      asked.push(cursor);
      answers.push(() => (cursor === failAt ? reject(new Error(`page after ${cursor} failed`)) : resolve({ cursor: cursor + 1, more: cursor + 1 < count })));
    });
  const answer = async (n = 1) => {
    for (let i = 0; i < n; i++) {
      await new Promise((resolve) => setTimeout(resolve));
      answers.shift()?.();
    }
    await new Promise((resolve) => setTimeout(resolve));
  };
  return { fetch, asked, answer };
}

describe('sync: pages fetched ahead of the storing', () => {
  it('fetches the next pages while the ones before are stored, and gives every page that arrived at once, in order', async () => {
    const { fetch, asked, answer } = server(5);
    const pages = new PagesAhead(fetch, 0, 8, () => false);
    await answer(3);
    expect((await pages.take()).map((p) => p.cursor)).to.deep.equal([1, 2, 3]);
    await answer(2);
    const rest = await pages.take();
    expect(rest.map((p) => p.cursor)).to.deep.equal([4, 5]);
    expect(rest.at(-1)!.more).to.equal(false);
    expect(asked, 'each page asked once, after the one before').to.deep.equal([0, 1, 2, 3, 4]);
    expect(await pages.take(), 'nothing after the last').to.deep.equal([]);
  });

  it('holds no more than it was told to while the storing is slow', async () => {
    const { fetch, asked, answer } = server(10);
    const pages = new PagesAhead(fetch, 0, 2, () => false);
    await answer(5);
    expect(asked, 'two pages waiting: the third is not asked').to.have.length(2);
    expect(await pages.take()).to.have.length(2);
    await answer(0);
    expect(asked, 'room for one more once they were taken').to.have.length(3);
  });

  it('gives the pages before a failed one, then the failure', async () => {
    const { fetch, answer } = server(5, 2);
    const pages = new PagesAhead(fetch, 0, 8, () => false);
    await answer(3);
    expect((await pages.take()).map((p) => p.cursor)).to.deep.equal([1, 2]);
    let failure: unknown;
    await pages.take().catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('page after 2 failed');
  });
});

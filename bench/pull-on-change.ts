import type { PullResponse } from '../src/protocol/sync.js';

/**
 * A device's pulls when its live channel says "changed": one at a time, page after page until
 * the server has no more, and once more if told of a change meanwhile. `get` fetches a path;
 * `seen` receives each page's records and when they arrived.
 */
export function pullOnChange(
  get: (path: string) => Promise<string>,
  from: number,
  seen: (records: PullResponse['records'], at: number) => void,
): () => Promise<void> {
  let cursor = from;
  let pulling = false;
  let again = false;
  return async () => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = true;
    try {
      do {
        again = false;
        for (;;) {
          const page = JSON.parse(await get(`/api/sync/pull?cursor=${cursor}`)) as PullResponse;
          seen(page.records, performance.now());
          cursor = page.cursor;
          if (!page.more) break;
        }
      } while (again);
    } finally {
      pulling = false;
    }
  };
}

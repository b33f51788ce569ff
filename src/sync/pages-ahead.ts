/**
 * Pages of a pull fetched one after another while the ones before are stored, at most `ahead`
 * of them waiting, and taken by the storing all at once: a new wall's first thousands of
 * records are stored in a few transactions, as fast as they arrive, instead of a page each
 * (a month of a KPI's results is one row, written again by every transaction that adds one).
 */
interface Page {
  more: boolean;
  cursor: number;
}

export class PagesAhead<T extends Page> {
  readonly #waiting: T[] = [];
  #failure: { error: unknown } | undefined;
  #ended = false;
  /** Wakes the storing waiting for a page. */
  #arrived: (() => void) | undefined;
  /** Wakes the fetching waiting for room. */
  #room: (() => void) | undefined;

  constructor(
    fetch: (cursor: number) => Promise<T>,
    cursor: number,
    private readonly ahead: number,
    stopped: () => boolean,
  ) {
    void this.#fetch(fetch, cursor, stopped);
  }

  async #fetch(fetch: (cursor: number) => Promise<T>, cursor: number, stopped: () => boolean): Promise<void> {
    try {
      for (let from = cursor; ;) {
        while (this.#waiting.length >= this.ahead) await new Promise<void>((resolve) => (this.#room = resolve));
        const page = await fetch(from);
        this.#waiting.push(page);
        this.#arrived?.();
        if (!page.more || stopped()) return;
        from = page.cursor;
      }
    } catch (error) {
      this.#failure = { error };
    } finally {
      this.#ended = true;
      this.#arrived?.();
    }
  }

  /**
   * Every page that has arrived, in order (waiting for the next when none has); none once the
   * last was taken. A failed fetch is thrown once the pages before it were taken.
   */
  async take(): Promise<T[]> {
    while (this.#waiting.length === 0) {
      if (this.#failure) throw this.#failure.error;
      if (this.#ended) return [];
      await new Promise<void>((resolve) => (this.#arrived = resolve));
    }
    const pages = this.#waiting.splice(0);
    this.#room?.();
    return pages;
  }
}

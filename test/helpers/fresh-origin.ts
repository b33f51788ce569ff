import { executeServerCommand } from '@web/test-runner-commands';

/** What a run on a fresh origin is given (test/support/cdp-plugin.mjs). */
export interface FreshOriginRun {
  /** The module whose default export runs there (and whose locate() and inspect() the steps use). */
  module: string;
  /** The origin's storage quota in bytes, set before it opens IndexedDB. */
  quotaSize: number;
  /** Real taps ({ tap: name }) and keys ({ type: text }) after the module ran, or one of its exported functions ({ call: name }). */
  steps?: ({ tap: string } | { type: string } | { call: string })[];
}

type Answer<T> = { done: false } | { done: true; result: T } | { done: true; error: string };

/**
 * Runs a module in a new page on an origin of its own and resolves with what it returned. Asks
 * for the result again every 10 s rather than waiting in one command, which the test runner
 * gives up on after 20 s on a busy machine.
 */
export async function runOnFreshOrigin<T>(run: FreshOriginRun): Promise<T> {
  const { job } = (await executeServerCommand<{ job: number }, FreshOriginRun>('run-on-fresh-origin', run))!;
  for (;;) {
    const answer = (await executeServerCommand<Answer<T>, { job: number }>('fresh-origin-result', { job }))!;
    if (!answer.done) continue;
    if ('error' in answer) throw new Error(`the run on a fresh origin failed: ${answer.error}`);
    return answer.result;
  }
}

import { expect } from '@open-wc/testing';
import '../helpers/english.js';
import { runOnFreshOrigin } from '../helpers/fresh-origin.js';

interface ScenarioResult {
  refusal?: { name: string; problem: string; message: string };
  saved: number;
  actionTitles: string[];
  keptTitle: string;
  experimentIds: string[];
  outboxExperimentIds: string[];
}

describe('store: writes the browser refuses', () => {
  it('reports a full disk plainly and keeps earlier data intact', async function () {
    this.timeout(60000);
    const result = await runOnFreshOrigin<ScenarioResult>({
      module: '/test/fixtures/quota-scenario.ts',
      quotaSize: 300 * 1024,
    });
    expect(result.refusal, 'the browser should have refused a write').to.include({ name: 'StorageError', problem: 'quota' });
    expect(result.refusal!.message).to.contain('no storage space left');
    expect(result.saved, 'some experiments fit before the disk filled').to.be.greaterThan(0);
    expect(result.actionTitles).to.deep.equal([result.keptTitle]);
    // Every stored experiment has its outbox entry and the refused one has neither.
    expect(result.outboxExperimentIds).to.deep.equal(result.experimentIds);
    expect(result.experimentIds).to.have.length(result.saved);
  });
});

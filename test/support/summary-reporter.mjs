// Counts wtr's results. `npm test` (scripts/run-tests.mjs) reads them from the file named by
// HUDDLE_TEST_COUNTS to print one closing line for the whole run; run alone (`npm run
// test:unit`), the reporter prints the plain "N passed, N failed" line itself.
import { writeFileSync } from 'node:fs';

function count(suite, acc, path = []) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) count(s, acc, [...path, s.name]);
  return acc;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults, acc);
        // A file that failed to load or threw outside a test has no test results to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) acc.failed++;
      }
      const file = process.env.HUDDLE_TEST_COUNTS;
      if (file) {
        writeFileSync(file, JSON.stringify(acc));
        return;
      }
      const line = `${acc.passed} passed, ${acc.failed} failed${acc.skipped ? `, ${acc.skipped} skipped` : ''}`;
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}

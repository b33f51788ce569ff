// Counts wtr's results. `npm test` (scripts/run-tests.mjs) reads them from the file named by
// HUDDLE_TEST_COUNTS to print one closing line for the whole run; run alone (`npm run
// test:unit`), the reporter prints the plain "N passed, N failed" line itself. Failures are
// kept by name so the run's last lines say what failed, even when only its tail is read.
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

function count(suite, acc, file, path = []) {
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      acc.failures.push(`${file}: ${[...path, t.name].join(' > ')}${t.error?.message ? ` (${t.error.message.split('\n')[0]})` : ''}`);
    }
  }
  for (const s of suite.suites ?? []) count(s, acc, file, [...path, s.name]);
  return acc;
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, failures: [] };
      for (const session of sessions) {
        const file = relative(process.cwd(), session.testFile);
        if (session.testResults) count(session.testResults, acc, file);
        // A file that failed to load or threw outside a test has no test results to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          acc.failed++;
          acc.failures.push(`${file}: ${session.errors[0]?.message ?? 'failed outside a test'}`);
        }
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

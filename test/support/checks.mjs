// What every end-to-end script that is not run by the kiosk harness needs: checks that print
// ✓ / ✗ and count, the closing "e2e: N passed, N failed" line scripts/run-tests.mjs reads,
// and waiting for a condition.
export function checks() {
  const results = { passed: 0, failed: 0 };
  const check = (what, ok, detail = '') => {
    console.log(`${ok ? '  ✓' : '  ✗'} ${what}${!ok && detail ? ` (${detail})` : ''}`);
    results[ok ? 'passed' : 'failed']++;
  };
  const finish = () => {
    console.log(`e2e: ${results.passed} passed, ${results.failed} failed`);
    process.exit(results.failed === 0 ? 0 : 1);
  };
  return { check, finish };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `what()`'s first truthy value, polled every 150 ms; its last value after `timeoutMs`. */
export async function until(what, timeoutMs = 15000) {
  const start = Date.now();
  for (;;) {
    const value = await what();
    if (value) return value;
    if (Date.now() - start > timeoutMs) return value;
    await sleep(150);
  }
}

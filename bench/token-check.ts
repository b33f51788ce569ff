/**
 * `npm run bench:tokens`: what checking a device's token costs each request, now that every
 * write is bound to the person it belongs to. The server's app runs in this process on PGlite
 * with 2,000 tokens (walls, coaches, admins, personal sign-ins); requests go through the whole
 * middleware (rate limit, token check) to `/api/whoami`. Prints p50 and p95 for a token the
 * server has just seen (its short cache), one it has not (a database lookup), and, as the
 * yardstick measured in the same run, `/api/health`, which checks no token.
 *
 * Run with tsx (it imports the server's modules).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../server/app.js';
import { openDatabase } from '../server/db.js';
import { LiveHub } from '../server/live-hub.js';
import { migrate } from '../server/migrations.js';
import { createToken } from '../server/tokens.js';
import { percentile, round } from './stats.js';

const TOKENS = 2000;
const SAMPLES = 1000;
const ORG = 'bench';

const dataDir = mkdtempSync(join(tmpdir(), 'huddle-bench-tokens-'));
const db = await openDatabase({ dataDir });
await migrate(db);
const tokens: string[] = [];
for (let i = 0; i < TOKENS; i++) {
  const kind = i % 4;
  tokens.push(
    await createToken(db, {
      org: ORG,
      ...(kind === 0
        ? { role: 'wall', unitId: `board-${i}` }
        : kind === 1
          ? { role: 'coach', personId: `person-${i}` }
          : kind === 2
            ? { role: 'admin' }
            : { role: 'coach', personId: `person-${i}`, label: 'signed in' }),
    }),
  );
}
// Called in process, with no socket: the caller's address comes from the proxy header.
const app = createApp({ db, hub: new LiveHub(), ratePerMinute: 1_000_000, badTokensPerMinute: 1_000_000, trustProxy: true });

async function timed(path: string, token?: string): Promise<number> {
  const start = performance.now();
  const response = await app.request(path, { headers: { 'X-Forwarded-For': '10.0.0.1', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - start;
}

const figures = (name: string, samples: number[]) =>
  console.log(
    JSON.stringify({ bench: 'token-check', case: name, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), samples: samples.length }),
  );

// Warm up the app and the database.
for (let i = 0; i < 100; i++) await timed('/api/health');
const health: number[] = [];
const known: number[] = [];
const fresh: number[] = [];
await timed('/api/whoami', tokens[0]);
for (let i = 0; i < SAMPLES; i++) {
  // Interleaved, so that a noisy moment on a shared machine touches every case alike.
  health.push(await timed('/api/health'));
  known.push(await timed('/api/whoami', tokens[0]));
  fresh.push(await timed('/api/whoami', tokens[1 + (i % (TOKENS - 1))]));
}
figures('no token to check (/api/health)', health);
figures('a token seen in the last 10 s (cached)', known);
figures(`a token not seen yet (looked up among ${TOKENS})`, fresh);
console.log(
  JSON.stringify({
    bench: 'token-check',
    ratio: 'p95 of a lookup / p95 of no check',
    value: round(percentile(fresh, 95) / percentile(health, 95)),
  }),
);
await db.close();
rmSync(dataDir, { recursive: true, force: true });

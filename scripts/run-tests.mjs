// `npm test`: type-check, unit and element tests in headless Chromium (wtr), then the
// end-to-end checks; ends with one plain line "N passed, N failed" for the whole run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../test/support/chromium.mjs';

const totals = { passed: 0, failed: 0 };
// What failed, by name, repeated just before the closing line: a long run's log is often read from its tail.
const failures = [];
const step = (name, ok) => {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
};
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROME_PATH) {
    console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but there is no file there. Fix or unset it.`);
    process.exit(1);
  }
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (canInstall) {
    console.log("No Chromium found: installing Debian's chromium with apt-get (about a minute)...");
    const ok = run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']) === 0;
    const installed = ok ? findChromium() : undefined;
    if (installed) return installed;
  }
  console.error(
    [
      '',
      'No Chromium or Chrome was found, and the tests run in a real headless Chromium.',
      'Get one, then run `npm test` again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  any system:     set CHROME_PATH to a Chrome or Chromium executable, e.g.',
      '                  CHROME_PATH=/usr/bin/google-chrome npm test',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/**
 * The site test (test/e2e/site.e2e.mjs) checks deploy/ with nginx and caddy and runs the kiosk
 * behind nginx: installed from Debian's packages when missing and this runs as root with
 * apt-get; otherwise that test fails, naming the package to install.
 */
function ensureSiteTools() {
  const missing = ['nginx', 'caddy'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (missing.length === 0 || !canInstall) return;
  console.log(`Installing Debian's ${missing.join(' and ')} for the site test (deploy/ configurations, HTTPS behind a proxy)...`);
  run('sh', ['-c', `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')} >/dev/null`]);
}

const chromium = ensureChromium();
ensureSiteTools();
const env = { CHROME_PATH: chromium };

// The checks that read the sources, and the build the end-to-end tests drive, two at a time:
// each is one busy process, and the machines this runs on have two cores. Their output is
// printed whole, in this order, once each has finished.
const e2eDir = 'test/e2e';
const e2eScripts = existsSync(e2eDir)
  ? readdirSync(e2eDir)
      .filter((f) => f.endsWith('.e2e.mjs'))
      .sort()
  : [];
const checkSteps = [
  {
    name: 'typecheck',
    title: 'typecheck (tsc, strict): elements, kiosk, tests, and the sync server',
    commands: [
      ['npx', ['tsc', '-p', 'tsconfig.json']],
      ['npx', ['tsc', '-p', 'server/tsconfig.json']],
    ],
  },
  {
    name: 'lint and format',
    title: 'lint (ESLint: JS, TypeScript, Lit and web-component rules) and format (Prettier)',
    commands: [
      ['npx', ['eslint', '.']],
      ['npx', ['prettier', '--check', '--log-level', 'warn', '.']],
    ],
  },
  ...(e2eScripts.length > 0
    ? [
        {
          name: 'the build for the end-to-end tests',
          title: 'building the library and the kiosk for end-to-end tests',
          commands: [
            ['node', ['scripts/build-lib.mjs']],
            ['npx', ['vite', 'build', '--config', 'kiosk/vite.config.ts', '--logLevel', 'warn']],
          ],
          counted: false,
        },
      ]
    : []),
  {
    name: 'every message translated',
    title: 'every message translated into German and Spanish (node scripts/locales.mjs)',
    commands: [['node', ['scripts/locales.mjs', '--check']]],
  },
  {
    name: 'layers',
    title: 'layers: no import runs back up (dependency-cruiser, .dependency-cruiser.cjs)',
    commands: [['npx', ['depcruise', 'src', 'kiosk', 'server', '--config', '.dependency-cruiser.cjs']]],
  },
  {
    name: 'custom-elements.json is current',
    title: 'custom-elements.json is current (npm run analyze)',
    commands: [['node', ['scripts/manifest.mjs', '--check']]],
  },
  {
    name: 'React wrappers match',
    title: 'React wrappers match custom-elements.json (npm run analyze)',
    commands: [['node', ['scripts/react-wrappers.mjs', '--check']]],
  },
];

/** Runs a step's commands one after another, capturing what they print; resolves with ok and the output. */
function runCaptured(commands) {
  return commands.reduce(
    (previous, [cmd, args]) =>
      previous.then((done) =>
        !done.ok
          ? done
          : new Promise((resolve) => {
              const child = spawn(cmd, args, { env: { ...process.env, ...env } });
              let output = '';
              child.stdout.on('data', (chunk) => (output += chunk));
              child.stderr.on('data', (chunk) => (output += chunk));
              child.on('close', (code) => resolve({ ok: code === 0, output: done.output + output }));
            }),
      ),
    Promise.resolve({ ok: true, output: '' }),
  );
}

const results = new Array(checkSteps.length);
let nextStep = 0;
const lane = async () => {
  while (nextStep < checkSteps.length) {
    const index = nextStep++;
    results[index] = await runCaptured(checkSteps[index].commands);
  }
};
await Promise.all([lane(), lane()]);
let built = true;
checkSteps.forEach((check, i) => {
  console.log(`\n== ${check.title}`);
  process.stdout.write(results[i].output);
  if (check.counted === false) built = results[i].ok;
  else step(check.name, results[i].ok);
});

console.log('\n== unit and element tests (web-test-runner, headless Chromium)');
const countsFile = join(mkdtempSync(join(tmpdir(), 'huddle-test-')), 'counts.json');
const wtrStatus = run('npx', ['wtr'], { ...env, HUDDLE_TEST_COUNTS: countsFile });
if (existsSync(countsFile)) {
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  failures.push(...counts.failures);
} else {
  step('web-test-runner wrote no counts', false);
}
if (wtrStatus !== 0 && totals.failed === 0) step(`web-test-runner exited with ${wtrStatus}`, false);

// End-to-end scripts drive the kiosk built above; each prints its own counts as JSON on its last line.
if (e2eScripts.length > 0) {
  if (!built) {
    totals.failed += e2eScripts.length;
    failures.push('the build for the end-to-end tests');
  } else {
    // Two lanes: the scripts that run a sync server (and PostgreSQL) one after another in one,
    // the browser-only ones in the other - two server scripts at once on two cores made an
    // admin screen's first sync outlast its wait. Each one's output is printed whole when it ends.
    const runsServer = (script) => /sync-server\.mjs/.test(readFileSync(join(e2eDir, script), 'utf8'));
    const lanes = [e2eScripts.filter(runsServer), e2eScripts.filter((script) => !runsServer(script))];
    const lane = async (queue) => {
      for (let script = queue.shift(); script; script = queue.shift()) {
        const started = Date.now();
        const result = await runScript(join(e2eDir, script));
        console.log(`\n== end-to-end: ${script}`);
        process.stdout.write(result.stdout);
        process.stderr.write(result.stderr);
        // How long each took, so a CI run near its time limit says where the time went.
        console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
        const last = result.stdout.trim().split('\n').at(-1) ?? '';
        const match = /^e2e: (\d+) passed, (\d+) failed$/.exec(last);
        const [passed, failed] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
        totals.passed += passed;
        // A script that crashed, or exited non-zero without counting a failure, is one failure.
        totals.failed += failed > 0 ? failed : result.status === 0 && match ? 0 : 1;
        const failedChecks = result.stdout.split('\n').filter((line) => line.trimStart().startsWith('✗ '));
        if (failed > 0) failures.push(...failedChecks.map((line) => `${script}: ${line.trim().slice(2)}`));
        else if (!(result.status === 0 && match)) failures.push(`${script}: stopped (exit ${result.status})${stoppedBy(result.stderr)}`);
      }
    };
    await Promise.all(lanes.map(lane));
  }
}

/**
 * The error a crashed script printed, for the list of failures at the end of a long log: the
 * line under Node's caret for an uncaught error (a Playwright timeout says what it waited
 * for there), else the first line naming an error.
 */
function stoppedBy(stderr) {
  const lines = stderr.split('\n');
  const caret = lines.findIndex((line) => /^\s*\^\s*$/.test(line));
  const error = (caret >= 0 ? lines.slice(caret + 1).find((line) => line.trim() !== '') : undefined) ?? lines.find((line) => /^\w*Error\b/.test(line));
  return error ? `: ${error.trim().slice(0, 300)}` : '';
}

/** Runs one end-to-end script, collecting what it prints. */
function runScript(path) {
  return new Promise((resolve) => {
    const child = spawn('node', [path], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((name) => `  ✗ ${name}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);

// Running at a real site (issue: HTTPS, monitoring, backups, upgrades). The server serves the
// kiosk over HTTPS itself on a name that is not localhost (a throwaway certificate made here
// with openssl, the name mapped by Chromium's host rules, the key trusted by its hash): the
// page is a secure context, the service worker takes control and an offline reload still shows
// the board; a renewed certificate is taken on SIGHUP; plain HTTP redirects. Then the same
// behind nginx ending TLS with deploy/nginx/huddle.conf, live updates included; /metrics read
// as Prometheus text; a backup taken during a burst of pushes restores whole (PGlite through
// the running server, and PostgreSQL); two instances migrating one PostgreSQL at once; a
// database from a newer server refused; and the deploy/ files checked by nginx, caddy and
// systemd-analyze.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'node:http';
import { connect } from 'node:tls';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { chromium } from 'playwright-core';
import { call } from '../support/api.mjs';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, sleep, until } from '../support/checks.mjs';
import { freePort, SERVER, serverCommand, startPostgres, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const NAME = 'huddle.plant.test';
const work = mkdtempSync(join(tmpdir(), 'huddle-site-'));
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const openssl = (...args) => {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
  return result.stdout;
};

/** A self-signed certificate for NAME, the base64 SHA-256 of its public key (what Chromium is told to trust) and its fingerprint. */
function makeCertificate(prefix) {
  const cert = join(work, `${prefix}-cert.pem`);
  const key = join(work, `${prefix}-key.pem`);
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '2',
    '-subj',
    `/CN=${NAME}`,
    '-addext',
    `subjectAltName=DNS:${NAME}`,
  );
  const spki = spawnSync('sh', ['-c', `openssl x509 -in ${cert} -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`], {
    encoding: 'utf8',
  });
  const fingerprint = openssl('x509', '-in', cert, '-noout', '-fingerprint', '-sha256').trim().split('=')[1].replace(/:/g, '').toLowerCase();
  return { cert, key, spki: spki.stdout.trim(), fingerprint };
}

/** The SHA-256 fingerprint of the certificate a TLS server presents now. */
const presented = (port) =>
  new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port, servername: NAME, rejectUnauthorized: false }, () => {
      done(socket.getPeerX509Certificate()?.fingerprint256.replace(/:/g, '').toLowerCase());
      socket.end();
    });
    socket.on('error', fail);
  });

/** An admin command that runs while the test goes on (a backup during a burst of pushes). */
const commandAsync = (env, ...args) =>
  new Promise((done, fail) => {
    const child = spawn(process.execPath, [...SERVER, ...args], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => (code === 0 ? done(out) : fail(new Error(`server ${args.join(' ')}: ${out}`))));
  });

const stamp = (counter) => `${String(Date.now()).padStart(16, '0')}:${counter.toString(16).padStart(4, '0')}:siteburst`;

/**
 * Pushes batches that rename the same five actions to "burst N" in one push each, until
 * `stop()`; a backup taken meanwhile must hold every push whole: all five with one N.
 */
function burst(url, token, actionIds) {
  let running = true;
  let batches = 0;
  const done = (async () => {
    while (running) {
      const n = ++batches;
      const ops = actionIds.map((id, i) => ({ opId: `burst-${n}-${i}`, kind: 'actions', id, hlc: stamp(i), fields: { title: `burst ${n}` } }));
      const answer = await call(url, token, '/api/sync/push', { method: 'POST', body: { ops } });
      if (answer.status !== 200) throw new Error(`burst push ${n}: ${answer.status} ${JSON.stringify(answer.json)}`);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return batches;
    },
  };
}

/** What a restored database says about the burst: the five titles, and whether the change counter covers every record. */
async function restoredState(query, actionIds) {
  const titles = (await query(`select data->>'title' as title from records where org = 'riverside' and kind = 'actions' and id = any($1)`, [actionIds])).map(
    (r) => r.title,
  );
  const [counter] = await query(
    `select (select seq from org_seq where org = 'riverside') as seq, (select max(seq) from records where org = 'riverside') as top`,
  );
  return { titles, counterCovers: Number(counter.seq) === Number(counter.top) };
}

const judgeRestore = (label, state, batches) => {
  const n = Number(/^burst (\d+)$/.exec(state.titles[0] ?? '')?.[1]);
  check(
    `${label}: the backup taken during a burst of ${batches} pushes holds each push whole (all five actions from push ${n})`,
    state.titles.length === 5 && n >= 1 && n <= batches && state.titles.every((t) => t === state.titles[0]),
    JSON.stringify(state.titles),
  );
  check(`${label}: the restored change counter covers every record (devices pull from it)`, state.counterCovers);
};

/** Prometheus text format: every line a comment, blank, or `name{labels} value`; the samples by series. */
function parsePrometheus(text) {
  const samples = new Map();
  const bad = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(line);
    if (!match) bad.push(line);
    else samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return { samples, bad };
}

/** deploy/nginx/huddle.conf with this test's name, certificate and ports, inside a minimal nginx.conf. */
function nginxConfig({ cert, key, httpsPort, httpPort, upstreamPort }) {
  const site = readFileSync('deploy/nginx/huddle.conf', 'utf8')
    .replaceAll('huddle.example.org', NAME)
    .replaceAll('/etc/huddle/tls/cert.pem', cert)
    .replaceAll('/etc/huddle/tls/key.pem', key)
    .replaceAll('127.0.0.1:8787', `127.0.0.1:${upstreamPort}`)
    .replace(/listen \[::\]:\d+[^;]*;\n/g, '')
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`)
    .replace('listen 80;', `listen 127.0.0.1:${httpPort};`);
  const dir = join(work, 'nginx');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'huddle.conf'), site);
  const main = join(dir, 'nginx.conf');
  writeFileSync(
    main,
    `daemon off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  access_log off;\n` +
      ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};\n`).join('') +
      `  include ${dir}/huddle.conf;\n}\n`,
  );
  return main;
}

async function browserFor(spki) {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${NAME} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${spki}`],
  });
}

const boardShown = (page) =>
  page
    .locator('huddle-board h1')
    .waitFor({ timeout: 30000 })
    .then(
      () => true,
      () => false,
    );

async function deployFiles() {
  console.log('deploy/: each file checked by the tool that owns its format');
  const unit = spawnSync('systemd-analyze', ['verify', 'deploy/huddle-server.service'], { encoding: 'utf8' });
  check('systemd-analyze verify accepts deploy/huddle-server.service', has('systemd-analyze') && unit.status === 0, unit.stderr);
  const tls = makeCertificate('deploy');
  if (has('nginx')) {
    const conf = nginxConfig({ ...tls, httpsPort: 8443, httpPort: 8080, upstreamPort: 8787 });
    const test = spawnSync('nginx', ['-t', '-c', conf], { encoding: 'utf8' });
    check('nginx -t accepts deploy/nginx/huddle.conf', test.status === 0, test.stderr);
  } else check('nginx is installed to check deploy/nginx/huddle.conf (apt-get install nginx)', false);
  if (has('caddy')) {
    const caddyfile = join(work, 'Caddyfile');
    writeFileSync(
      caddyfile,
      readFileSync('deploy/Caddyfile', 'utf8').replaceAll('/etc/huddle/tls/cert.pem', tls.cert).replaceAll('/etc/huddle/tls/key.pem', tls.key),
    );
    const valid = spawnSync('caddy', ['validate', '--config', caddyfile, '--adapter', 'caddyfile'], { encoding: 'utf8', env: { ...process.env, HOME: work } });
    check('caddy validate accepts deploy/Caddyfile', valid.status === 0, valid.stderr.split('\n').slice(-3).join(' '));
  } else check('caddy is installed to check deploy/Caddyfile (apt-get install caddy)', false);
}

async function https(env, tokens) {
  console.log('HTTPS served by the server itself, on a name that is not localhost');
  const first = makeCertificate('first');
  const port = await freePort();
  const redirectPort = await freePort();
  const backups = join(work, 'scheduled');
  const server = await startServer({
    ...env,
    PORT: String(port),
    TLS_CERT: first.cert,
    TLS_KEY: first.key,
    HTTP_REDIRECT_PORT: String(redirectPort),
    // A backup every 2 seconds, the two newest kept.
    BACKUP_DIR: backups,
    BACKUP_EVERY_HOURS: String(2 / 3600),
    BACKUP_KEEP: '2',
  });
  const origin = `https://${NAME}:${port}`;
  const browser = await browserFor(first.spki);
  try {
    check('the server says it serves HTTPS', server.url.startsWith('https://'), server.url);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${origin}/?server=${encodeURIComponent(origin)}&token=${tokens.wall}&unit=unit-line-1`);
    check('the wall opens its board from the server over HTTPS', await boardShown(page));
    check(
      'the page is a secure context (service worker, wake lock and crypto.randomUUID available)',
      await page.evaluate(() => window.isSecureContext && 'serviceWorker' in navigator && 'wakeLock' in navigator && typeof crypto.randomUUID === 'function'),
    );
    const controlled = await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 })
      .then(
        () => true,
        () => false,
      );
    check('the service worker takes control of the kiosk', controlled);
    await context.setOffline(true);
    await page.reload();
    check('offline, a reload still shows the board', await boardShown(page));
    await context.setOffline(false);
    await context.close();

    const redirected = await new Promise((done, fail) =>
      request({ host: '127.0.0.1', port: redirectPort, path: '/board?unit=unit-line-1', headers: { Host: `${NAME}:${redirectPort}` } }, done)
        .on('error', fail)
        .end(),
    );
    check(
      'plain HTTP is redirected to the same address over HTTPS',
      redirected.statusCode === 308 && redirected.headers.location === `${origin}/board?unit=unit-line-1`,
      `${redirected.statusCode} ${redirected.headers.location}`,
    );

    // A renewed certificate: new files in the same place, then SIGHUP (systemctl reload).
    check('before the renewal the first certificate is presented', (await presented(port)) === first.fingerprint);
    const renewed = makeCertificate('renewed');
    writeFileSync(first.cert, readFileSync(renewed.cert));
    writeFileSync(first.key, readFileSync(renewed.key));
    const pid = Number(readFileSync(join(env.DATA_DIR, 'huddle-server.lock'), 'utf8'));
    process.kill(pid, 'SIGHUP');
    check(
      'after SIGHUP new connections get the renewed certificate, without a restart',
      await until(async () => (await presented(port)) === renewed.fingerprint, 10000),
    );
    const written = () =>
      server
        .log()
        .split('\n')
        .filter((line) => line.includes('"backup written"')).length;
    // Whole backups only (one being written is a .partial until it is complete).
    const kept = () => readdirSync(backups).filter((name) => /^huddle-backup-.*\.jsonl\.gz$/.test(name));
    const settled = await until(() => written() >= 3 && kept().length === 2, 15000);
    check(`scheduled backups are written and only the newest 2 kept (BACKUP_KEEP=2, ${written()} written)`, settled, readdirSync(backups).join());
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function behindNginx(env, tokens, actionIds) {
  console.log('behind nginx ending TLS (deploy/nginx/huddle.conf), on PGlite');
  if (!has('nginx')) return check('nginx is installed for the reverse-proxy test (apt-get install nginx)', false);
  const tls = makeCertificate('proxy');
  const metricsToken = 'site-test-metrics-token';
  const server = await startServer({ ...env, TRUST_PROXY: '1', METRICS_TOKEN: metricsToken });
  const readMetrics = async () =>
    parsePrometheus(await (await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } })).text());
  const httpsPort = await freePort();
  const conf = nginxConfig({ ...tls, httpsPort, httpPort: await freePort(), upstreamPort: new URL(server.url).port });
  const nginx = spawn('nginx', ['-c', conf], { stdio: 'ignore' });
  const origin = `https://${NAME}:${httpsPort}`;
  const browser = await browserFor(tls.spki);
  try {
    await until(async () => (await presented(httpsPort).catch(() => undefined)) === tls.fingerprint, 10000);
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${origin}/?server=${encodeURIComponent(origin)}&token=${tokens.wall}&unit=unit-line-1`);
    check('through nginx the wall opens its board', await boardShown(page));
    const requestId = await page.evaluate(async () => (await fetch('/api/health')).headers.get('x-request-id'));
    check("the server answers with nginx's request id (one id in both logs)", /^[0-9a-f]{32}$/.test(requestId ?? ''), String(requestId));

    // Live: a change pushed by another device reaches the wall through nginx's SSE passage at
    // once - well before the kiosk's one-minute safety-net pull.
    const live = await until(async () => (await readMetrics()).samples.get('huddle_live_connections') >= 1, 15000);
    check('the wall holds a live channel through nginx', live);
    const pushed = Date.now();
    const title = 'Renamed behind the proxy';
    const answer = await call(server.url, tokens.admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: 'proxy-live-1', kind: 'actions', id: actionIds[0], hlc: stamp(0), fields: { title } }] },
    });
    const arrived = await until(
      () =>
        page.evaluate(
          ([id, title]) =>
            document
              .querySelector('kiosk-app')
              .store.get({ key: 'e2e:site', reads: [{ kind: 'actions' }], run: (reader) => reader.all('actions') })
              .then((all) => all.find((a) => a.id === id)?.title === title),
          [actionIds[0], title],
        ),
      20000,
    );
    check(
      `a change pushed elsewhere is on the wall through nginx in ${Date.now() - pushed} ms (live, not the minute's pull)`,
      answer.status === 200 && arrived && Date.now() - pushed < 20000,
    );
    await context.close();

    // Monitoring: /metrics as Prometheus text, with what an IT department graphs.
    await call(server.url, tokens.admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: 'bad', kind: 'actions', id: actionIds[0], hlc: stamp(1), fields: { status: 'finished-ish' } }] },
    });
    check('/metrics without its token is refused', (await fetch(`${server.url}/metrics`)).status === 401);
    const metrics = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${metricsToken}` } });
    const { samples, bad } = parsePrometheus(await metrics.text());
    check(
      '/metrics is Prometheus text (every line a comment or a sample)',
      metrics.headers.get('content-type')?.startsWith('text/plain') && bad.length === 0,
      bad.slice(0, 3).join(' | '),
    );
    const series = (prefix) => [...samples.entries()].filter(([name]) => name.startsWith(prefix));
    check('requests are counted by route and status', (samples.get('huddle_http_requests_total{method="POST",route="/api/sync/push",status="200"}') ?? 0) >= 1);
    check('ops applied are counted per organisation', (samples.get('huddle_ops_applied_total{org="riverside"}') ?? 0) >= 1);
    check('ops refused are counted by reason', (samples.get('huddle_ops_refused_total{reason="invalid"}') ?? 0) >= 1);
    check(
      'push and pull latency are histograms',
      series('huddle_sync_duration_seconds_bucket{le="+Inf",operation="push"}').length === 1 &&
        series('huddle_sync_duration_seconds_count{operation="pull"}').length === 1,
    );
    check(
      'the database pool and the process are measured',
      series('huddle_db_connections{').length === 3 && series('huddle_process_resident_memory_bytes').length === 1,
    );
    const logs = server
      .log()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    check(
      'the server logs each request as a JSON line with its request id, and no token or query string',
      logs.some((l) => JSON.parse(l).req === requestId) && !logs.some((l) => l.includes(tokens.wall) || l.includes('cursor=')),
    );

    // A backup while pushes keep coming: through the running server, which holds the embedded database.
    const pushes = burst(server.url, tokens.admin, actionIds);
    await sleep(700);
    const file = join(work, 'pglite-backup.jsonl.gz');
    const said = await commandAsync(env, 'backup', 'create', '--out', file);
    await sleep(500);
    const batches = await pushes.stop();
    check(
      'the backup command asks the running server and says where the file is',
      said.includes('written by the running server') && said.includes(file),
      said.trim(),
    );
    const restoredDir = join(work, 'pglite-restored');
    const restoredSaid = serverCommand({ DATA_DIR: restoredDir }, 'backup', 'restore', '--file', file);
    check('the backup restores into a new data folder', /restored: \d+ records of 1 organisation/.test(restoredSaid), restoredSaid);
    const db = await PGlite.create(restoredDir);
    judgeRestore('PGlite', await restoredState(async (text, params) => (await db.query(text, params)).rows, actionIds), batches);
    await db.close();
  } finally {
    await browser.close();
    nginx.kill('SIGQUIT');
    await server.stop();
  }
}

async function onPostgresSite() {
  console.log('PostgreSQL: instances starting together, a newer database, a backup during pushes');
  const postgres = await startPostgres();
  if (!postgres) return check('PostgreSQL is installed for the upgrade tests (apt-get install postgresql)', false);
  const env = { DATABASE_URL: postgres.url };
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    const [a, b] = await Promise.all([startServer(env), startServer(env)]);
    const { rows } = await client.query('select version, count(*)::int as n from schema_migrations group by version order by version');
    check(
      'two instances starting at once on an empty database both start, and each migration is applied once',
      rows.length > 0 && rows.every((r, i) => r.version === i + 1 && r.n === 1),
      JSON.stringify(rows),
    );
    const ready = await Promise.all([a, b].map((s) => fetch(`${s.url}/api/ready`).then((r) => r.status)));
    check(
      'both say they are ready',
      ready.every((s) => s === 200),
      ready.join(),
    );

    serverCommand(env, 'demo', '--org', 'riverside');
    const admin = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'admin');
    const actionIds = (await client.query("select id from records where org = 'riverside' and kind = 'actions' order by id limit 5")).rows.map((r) => r.id);
    const pushes = burst(a.url, admin, actionIds);
    await sleep(700);
    const file = join(work, 'postgres-backup.jsonl.gz');
    await commandAsync(env, 'backup', 'create', '--out', file);
    await sleep(300);
    const batches = await pushes.stop();
    await client.query('create database restored');
    const restoredUrl = postgres.url.replace(/\/postgres$/, '/restored');
    serverCommand({ DATABASE_URL: restoredUrl }, 'backup', 'restore', '--file', file);
    const restored = new pg.Client({ connectionString: restoredUrl });
    await restored.connect();
    judgeRestore('PostgreSQL', await restoredState(async (text, params) => (await restored.query(text, params)).rows, actionIds), batches);
    await restored.end();
    const again = spawnSync(process.execPath, [...SERVER, 'backup', 'restore', '--file', file], {
      env: { ...process.env, DATABASE_URL: restoredUrl },
      encoding: 'utf8',
    });
    check(
      'a restore into a database that holds organisations is refused, saying why',
      again.status !== 0 && /already holds organisations/.test(again.stderr),
      again.stderr.trim(),
    );
    await Promise.all([a.stop(), b.stop()]);

    // A database written by a newer server: refused at start with what to do, and left as it was.
    await client.query('insert into schema_migrations (version) values (99)');
    const refused = spawnSync(process.execPath, SERVER, { env: { ...process.env, ...env, PORT: '0' }, encoding: 'utf8', timeout: 60000 });
    const newest = (await client.query('select max(version) as v from schema_migrations')).rows[0].v;
    check(
      'a server refuses a database from a newer version, saying so, and changes nothing',
      refused.status !== 0 && /written by a newer huddle server/.test(refused.stderr) && newest === 99,
      refused.stderr.trim().slice(0, 300),
    );
  } finally {
    await client.end();
    postgres.stop();
  }
}

try {
  await deployFiles();
  const dataDir = join(work, 'pglite');
  const env = { DATA_DIR: dataDir, KIOSK_DIR: resolve('dist/kiosk') };
  serverCommand(env, 'demo', '--org', 'riverside');
  const tokens = {
    wall: serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall'),
    admin: serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'admin', '--label', 'Site test'),
  };
  const db = await PGlite.create(dataDir);
  const actionIds = (
    await db.query("select id from records where org = 'riverside' and kind = 'actions' and data->>'unitId' = 'unit-line-1' order by id limit 5")
  ).rows.map((r) => r.id);
  await db.close();
  await https(env, tokens);
  await behindNginx(env, tokens, actionIds);
  await onPostgresSite();
} catch (error) {
  check(`the site test ran to the end (${error.stack ?? error})`, false);
} finally {
  rmSync(work, { recursive: true, force: true });
}
finish();

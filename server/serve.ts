/**
 * `npm run server`: the server running at a site - HTTP or HTTPS (with a certificate renewed on
 * SIGHUP and, if asked, a plain-HTTP port that redirects), the daily pruning, scheduled backups,
 * a backup on request from the command line (SIGUSR2), metrics and request logs.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer as createSecureServer, type Server as SecureServer } from 'node:https';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { backupName, keepNewest, writeBackup } from './backup.js';
import { openDatabase, type Database } from './db.js';
import { LiveHub } from './live-hub.js';
import { ServerMetrics } from './metrics.js';
import { migrate } from './migrations.js';
import { OidcSignIn, oidcSettings } from './oidc.js';
import { DEFAULT_OP_MEMORY_DAYS, pruneAppliedOps } from './prune.js';
import { upkeep } from './embedded-upkeep.js';
import { jsonLog } from './request-log.js';
import { applyRetention } from './retention.js';
import { readTls, redirectToHttps, tlsFiles } from './tls.js';
import { purgePhoneLinks } from './tokens.js';

/** How often the embedded database's tables are checked for analysing and vacuuming (embedded-upkeep.ts). */
const UPKEEP_SECONDS = 30;

/** The embedded database's folder: the server's data when DATABASE_URL is not set. */
export const dataDirOf = (env: NodeJS.ProcessEnv): string => env['DATA_DIR'] ?? '.huddle-server';

/** Opens the database DATABASE_URL or DATA_DIR names, with its tables migrated to this version. */
export async function openMigrated(env: NodeJS.ProcessEnv): Promise<Database> {
  const db = await openDatabase({ url: env['DATABASE_URL'], dataDir: dataDirOf(env) });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/**
 * Where the command line asks a running server on the embedded database (which it cannot open
 * while the server holds it) for a backup: it writes the file it wants here, then sends SIGUSR2.
 */
export const backupRequestFile = (env: NodeJS.ProcessEnv): string => join(dataDirOf(env), 'backup-request.json');

const number = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, 0 or more (it is "${env[name]}")`);
  return value;
};

export async function startServer(env: NodeJS.ProcessEnv): Promise<void> {
  // Settings that are wrong stop the start, naming what is wrong, before anything opens.
  const oidcConfig = oidcSettings(env);
  const tls = tlsFiles(env);
  let certificate = tls ? readTls(tls) : undefined;
  const backupDir = env['BACKUP_DIR'];
  const backupHours = number(env, 'BACKUP_EVERY_HOURS', 24);
  const backupKeep = Math.max(1, Math.round(number(env, 'BACKUP_KEEP', 14)));
  const log = jsonLog;

  const db = await openMigrated(env);
  const hub = new LiveHub({ perToken: number(env, 'LIVE_PER_TOKEN', 4), perOrg: number(env, 'LIVE_PER_ORG', 5000) });
  await hub.start(db);
  const metrics = new ServerMetrics({ liveConnections: () => hub.connections, database: () => ({ kind: db.kind, ...db.connections() }) });
  const kioskDir = env['KIOSK_DIR'] ?? 'dist/kiosk';
  const app = createApp({
    db,
    hub,
    metrics,
    log,
    logRequests: env['LOG_REQUESTS'] !== '0',
    ...(env['METRICS_TOKEN'] ? { metricsToken: env['METRICS_TOKEN'] } : {}),
    ratePerMinute: number(env, 'RATE_PER_MINUTE', 600),
    badTokensPerMinute: number(env, 'BAD_TOKENS_PER_MINUTE', 30),
    frameAncestors: env['FRAME_ANCESTORS'] ?? "'none'",
    trustProxy: env['TRUST_PROXY'] === '1',
    ...(existsSync(kioskDir) ? { kioskDir } : {}),
    ...(oidcConfig ? { oidc: new OidcSignIn(oidcConfig, db) } : {}),
  });

  const timers: NodeJS.Timeout[] = [];
  // Old op ids and dead phone links are forgotten once a day (and at start), so neither
  // table grows for ever; conversations past their organisation's retention lose their words.
  const opMemoryDays = number(env, 'OP_MEMORY_DAYS', DEFAULT_OP_MEMORY_DAYS);
  const pruneFailed = (error: unknown) => log({ at: new Date().toISOString(), level: 'error', msg: 'pruning failed', error: (error as Error).message });
  const forgetOld = () => Promise.all([pruneAppliedOps(db, opMemoryDays), purgePhoneLinks(db)]);
  // Retention is applied before the first request is served: a device pulling at once after a
  // restart (or after the retention was shortened) never receives words the organisation no
  // longer keeps. The rest of the pruning can wait for the server to be up.
  await applyRetention(db).catch(pruneFailed);
  void forgetOld().catch(pruneFailed);
  const prune = () => void Promise.all([forgetOld(), applyRetention(db)]).catch(pruneFailed);
  timers.push(setInterval(prune, 24 * 3600 * 1000));
  if (db.kind === 'pglite') {
    const tidy = () =>
      void upkeep(db).catch((error: unknown) =>
        log({ at: new Date().toISOString(), level: 'error', msg: 'database upkeep failed', error: (error as Error).message }),
      );
    tidy();
    timers.push(setInterval(tidy, UPKEEP_SECONDS * 1000));
  }

  const backUp = async (file: string): Promise<void> => {
    const started = Date.now();
    const rows = await writeBackup(db, file);
    metrics.backedUp(new Date());
    log({ at: new Date().toISOString(), level: 'info', msg: 'backup written', file, rows, ms: Date.now() - started });
  };
  if (backupDir && backupHours > 0) {
    const scheduled = () =>
      void backUp(backupName(backupDir))
        .then(() => keepNewest(backupDir, backupKeep))
        .catch((error: unknown) => log({ at: new Date().toISOString(), level: 'error', msg: 'scheduled backup failed', error: (error as Error).message }));
    timers.push(setInterval(scheduled, backupHours * 3600 * 1000));
  }
  // `npm run server -- backup create` while this server holds the embedded database.
  process.on('SIGUSR2', () => {
    const request = backupRequestFile(env);
    void readFile(request, 'utf8')
      .then(async (text) => {
        await rm(request, { force: true });
        const { out } = JSON.parse(text) as { out: string };
        await backUp(out).catch((error: unknown) => writeFile(`${out}.failed`, (error as Error).message));
      })
      .catch((error: unknown) => log({ at: new Date().toISOString(), level: 'error', msg: 'backup request unreadable', error: (error as Error).message }));
  });

  const port = number(env, 'PORT', 8787);
  const hostname = env['HOST'] ?? '127.0.0.1';
  const scheme = certificate ? 'https' : 'http';
  // People who type the server's name without https:// are sent on to it.
  const redirect = tls && env['HTTP_REDIRECT_PORT'] ? redirectToHttps(port) : undefined;
  const server = serve(
    {
      fetch: app.fetch,
      port,
      hostname,
      ...(certificate ? { createServer: createSecureServer, serverOptions: certificate } : {}),
    },
    (info) => {
      if (redirect) redirect.listen(number(env, 'HTTP_REDIRECT_PORT', 80), hostname);
      // The line tests and scripts wait for; keep its shape.
      console.log(`huddle sync server on ${scheme}://${hostname}:${info.port} (storage: ${db.kind})`);
    },
  );
  if (tls) {
    // A renewed certificate, without dropping a connection: new ones get it.
    process.on('SIGHUP', () => {
      try {
        certificate = readTls(tls);
        (server as SecureServer).setSecureContext(certificate);
        log({ at: new Date().toISOString(), level: 'info', msg: 'certificate re-read', cert: tls.cert });
      } catch (error) {
        log({ at: new Date().toISOString(), level: 'error', msg: 'certificate not re-read, the old one stays', error: (error as Error).message });
      }
    });
  }

  const stop = () => {
    for (const timer of timers) clearInterval(timer);
    redirect?.close();
    server.close();
    void hub
      .stop()
      .then(() => db.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * `npm run server` - the sync server and its admin commands.
 *
 *   npm run server                                   serve (embedded PGlite in ./.huddle-server)
 *   npm run server -- token create --org ORG --role wall|coach|member|admin [--unit BOARD] [--person ID] [--label TEXT]
 *   npm run server -- token list --org ORG
 *   npm run server -- token revoke --org ORG --id ID
 *   npm run server -- sign-in create --org ORG --person PERSON_ID [--role member|coach|admin] [--hours N]
  npm run server -- sign-in list --org ORG
  npm run server -- sign-in revoke --org ORG --id ID
  npm run server -- history --org ORG --kind KIND --id RECORD_ID
  npm run server -- person export --org ORG --id PERSON_ID
  npm run server -- person erase --org ORG --id PERSON_ID
  npm run server -- demo --org ORG                 load the demo organisation into ORG
 *   npm run server -- person export|erase --org ORG --id PERSON_ID   everything about a person, or erase them
 *   npm run server -- restore --org ORG --file F     restore a kiosk's backup file into ORG
 *   npm run server -- prune --days N                 forget op ids older than N days (the server does it daily)
 *   npm run server -- backup create [--out FILE]     a backup of every organisation, also while the server runs
 *   npm run server -- backup restore --file FILE     load a backup into an empty database
 *   npm run server -- migrate                        bring the database's tables to this version, then stop
 *
 * Environment: PORT (8787), HOST (127.0.0.1; 0.0.0.0 to reach it from the LAN), DATABASE_URL
 * (PostgreSQL; without it, PGlite in DATA_DIR, default ./.huddle-server), RATE_PER_MINUTE
 * (600 per token), KIOSK_DIR (dist/kiosk, served at /), OP_MEMORY_DAYS (90: how long a
 * pushed op id is remembered, so a retry counts as a duplicate), LIVE_PER_TOKEN (4) and
 * LIVE_PER_ORG (5000) live connections, BAD_TOKENS_PER_MINUTE (30 unknown tokens per address),
 * FRAME_ANCESTORS ('none': who may frame the kiosk), TRUST_PROXY (1: the caller's address
 * from X-Forwarded-For); TLS_CERT and TLS_KEY (PEM files: serve HTTPS; re-read on SIGHUP),
 * HTTP_REDIRECT_PORT (with TLS: a plain-HTTP port that redirects to HTTPS); BACKUP_DIR,
 * BACKUP_EVERY_HOURS (24), BACKUP_KEEP (14); METRICS_TOKEN (/metrics answers only it);
 * LOG_REQUESTS (0: log failed requests only).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImportError } from '../src/model/backup-file.js';
import { ENTITY_KINDS } from '../src/model/types.js';
import { ROLES, type Role } from '../src/protocol/sync.js';
import { BackupError, backupName, restoreBackupFile, sizeOf, writeBackup } from './backup.js';
import { DataDirInUse, openDatabase, type Database } from './db.js';
import { SCHEMA_VERSION } from './migrations.js';
import { pruneAppliedOps } from './prune.js';
import { restoreBackup, seedDemo } from './load-records.js';
import { isEntityKind, recordHistory } from './history.js';
import { erasePerson, exportPerson } from './personal-data.js';
import { backupRequestFile, dataDirOf, openMigrated, startServer } from './serve.js';
import { createSignInCode, listSignInCodes, revokeSignInCode, type PersonalRole } from './sign-in.js';
import { AccessError } from './sync-service.js';
import { createToken, ensureOrg, listTokens, revokeToken, TokenError } from './tokens.js';

const USAGE = `usage:
  npm run server
  npm run server -- token create --org ORG --role ${ROLES.filter((r) => r !== 'pulse').join('|')} [--unit BOARD_ID] [--person PERSON_ID] [--label TEXT]
  npm run server -- token list --org ORG
  npm run server -- token revoke --org ORG --id ID
  npm run server -- sign-in create --org ORG --person PERSON_ID [--role member|coach|admin] [--hours N]
  npm run server -- sign-in list --org ORG
  npm run server -- sign-in revoke --org ORG --id ID
  npm run server -- history --org ORG --kind KIND --id RECORD_ID
  npm run server -- person export --org ORG --id PERSON_ID
  npm run server -- person erase --org ORG --id PERSON_ID
  npm run server -- demo --org ORG
  npm run server -- restore --org ORG --file BACKUP.json
  npm run server -- prune --days N
  npm run server -- backup create [--out FILE]
  npm run server -- backup restore --file FILE
  npm run server -- migrate`;

function flags(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new TokenError(`unexpected "${arg}"\n${USAGE}`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new TokenError(`${arg} needs a value\n${USAGE}`);
    out[arg.slice(2)] = value;
    i++;
  }
  return out;
}

function need(options: Record<string, string>, name: string): string {
  const value = options[name];
  if (!value) throw new TokenError(`--${name} is required\n${USAGE}`);
  return value;
}

const open = (): Promise<Database> => openMigrated(process.env);

async function command(args: string[]): Promise<void> {
  const [verb, sub, ...rest] = args;
  if (verb === 'token' && sub === 'create') {
    const options = flags(rest);
    const db = await open();
    try {
      const role = need(options, 'role') as Role;
      if (role === 'pulse') throw new TokenError('phone links are made by a board (POST /api/phone-link), not here');
      const token = await createToken(db, { org: need(options, 'org'), role, unitId: options['unit'], personId: options['person'], label: options['label'] });
      console.log(token);
    } finally {
      await db.close();
    }
  } else if (verb === 'token' && sub === 'list') {
    const db = await open();
    try {
      console.table(await listTokens(db, need(flags(rest), 'org')));
    } finally {
      await db.close();
    }
  } else if (verb === 'token' && sub === 'revoke') {
    const options = flags(rest);
    const db = await open();
    try {
      if (!(await revokeToken(db, need(options, 'org'), need(options, 'id')))) throw new TokenError('no such active token in that organisation');
      console.log('revoked');
    } finally {
      await db.close();
    }
  } else if (verb === 'sign-in' && sub === 'create') {
    const options = flags(rest);
    const hours = options['hours'] === undefined ? undefined : Number(options['hours']);
    const db = await open();
    try {
      const org = need(options, 'org');
      const made = await createSignInCode(db, { org, personId: need(options, 'person'), role: options['role'] as PersonalRole | undefined, hours });
      console.log(made.code);
      console.error(
        `One-time sign-in code for ${options['person']}, until ${made.expires}. On their device open the kiosk at ` +
          `/?server=<this server>&sign-in=${made.code}&views=card (as a link or a QR code); it then records as them.`,
      );
    } finally {
      await db.close();
    }
  } else if (verb === 'sign-in' && sub === 'list') {
    const db = await open();
    try {
      console.table(await listSignInCodes(db, need(flags(rest), 'org')));
    } finally {
      await db.close();
    }
  } else if (verb === 'sign-in' && sub === 'revoke') {
    const options = flags(rest);
    const db = await open();
    try {
      if (!(await revokeSignInCode(db, need(options, 'org'), need(options, 'id'))))
        throw new TokenError('no unused sign-in code with that id in that organisation');
      console.log('revoked');
    } finally {
      await db.close();
    }
  } else if (verb === 'history') {
    const options = flags([sub, ...rest].filter((a): a is string => a !== undefined));
    const kind = need(options, 'kind');
    if (!isEntityKind(kind)) throw new TokenError(`--kind must be one of: ${ENTITY_KINDS.join(', ')}`);
    const db = await open();
    try {
      const history = await recordHistory(db, need(options, 'org'), kind, need(options, 'id'));
      if (history.length === 0) console.log('no changes recorded for that record (anonymous records keep none)');
      for (const entry of history) {
        const who = entry.person ? `${entry.personName || entry.person} (${entry.person})` : 'no person';
        console.log(`${entry.at}  ${who} on ${entry.deviceLabel || entry.device || 'the command line'} [${entry.role}]: ${entry.fields.join(', ')}`);
      }
    } finally {
      await db.close();
    }
  } else if (verb === 'person' && (sub === 'export' || sub === 'erase')) {
    const options = flags(rest);
    const db = await open();
    try {
      const [org, id] = [need(options, 'org'), need(options, 'id')];
      if (sub === 'export') console.log(JSON.stringify(await exportPerson(db, org, id), null, 2));
      else console.log(`${await erasePerson(db, org, id)} records changed: ${id} is erased (their name is a pseudonym, their conversations keep no words)`);
    } finally {
      await db.close();
    }
  } else if (verb === 'demo') {
    const options = flags([sub, ...rest].filter((a): a is string => a !== undefined));
    const db = await open();
    try {
      const org = need(options, 'org');
      await ensureOrg(db, org);
      console.log(`${await seedDemo(db, org)} demo records loaded into ${org}`);
    } finally {
      await db.close();
    }
  } else if (verb === 'restore') {
    const options = flags([sub, ...rest].filter((a): a is string => a !== undefined));
    const org = need(options, 'org');
    const file = need(options, 'file');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new TokenError(`cannot read ${file}: ${(error as Error).message}`);
    }
    const db = await open();
    try {
      const restored = await restoreBackup(db, org, text);
      console.log(`${restored} record${restored === 1 ? '' : 's'} from ${file} restored into ${org}; every device gets them`);
    } catch (error) {
      if (error instanceof ImportError || error instanceof AccessError) throw new TokenError(`${file} was not restored, nothing changed: ${error.message}`);
      throw error;
    } finally {
      await db.close();
    }
  } else if (verb === 'prune') {
    const days = Number(need(flags([sub, ...rest].filter((a): a is string => a !== undefined)), 'days'));
    if (!Number.isInteger(days) || days < 0) throw new TokenError(`--days must be a whole number of days, 0 or more\n${USAGE}`);
    const db = await open();
    try {
      console.log(`${await pruneAppliedOps(db, days)} op ids older than ${days} days forgotten`);
    } finally {
      await db.close();
    }
  } else if (verb === 'backup' && sub === 'create') {
    await createBackup(flags(rest)['out'] ?? backupName(process.env['BACKUP_DIR'] ?? 'backups'));
  } else if (verb === 'backup' && sub === 'restore') {
    const file = need(flags(rest), 'file');
    if (!existsSync(file)) throw new TokenError(`there is no file ${file}`);
    // Not `open()`: a restore loads the backup's rows into the tables as they were, then migrates.
    const db = await openDatabase({ url: process.env['DATABASE_URL'], dataDir: dataDirOf(process.env) });
    try {
      const rows = await restoreBackupFile(db, file);
      console.log(`${file} restored: ${describeRows(rows)}; tables at version ${SCHEMA_VERSION}`);
    } finally {
      await db.close();
    }
  } else if (verb === 'migrate') {
    await (await open()).close();
    console.log(`the database's tables are at version ${SCHEMA_VERSION}`);
  } else if (verb === undefined || verb === 'serve') {
    await startServer(process.env);
  } else {
    throw new TokenError(USAGE);
  }
}

/**
 * A backup into `file`. On PostgreSQL, or an embedded database no server holds, it is read
 * here; an embedded database a running server holds is backed up by that server, asked by a
 * signal (it writes the file; this waits for it).
 */
async function createBackup(file: string): Promise<void> {
  const out = resolve(file);
  let db: Database | undefined;
  try {
    db = await open();
  } catch (error) {
    if (!(error instanceof DataDirInUse)) throw error;
    await askRunningServer(error.owner, out);
    console.log(`backup of every organisation written by the running server (process ${error.owner}): ${out} (${await sizeOf(out)})`);
    return;
  }
  try {
    const rows = await writeBackup(db, out);
    console.log(`backup of every organisation: ${out} (${await sizeOf(out)}; ${describeRows(rows)})`);
  } finally {
    await db.close();
  }
}

async function askRunningServer(pid: number, out: string): Promise<void> {
  const failed = `${out}.failed`;
  rmSync(failed, { force: true });
  writeFileSync(backupRequestFile(process.env), JSON.stringify({ out }));
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + 30 * 60_000;
  while (Date.now() < until) {
    if (existsSync(out)) return;
    if (existsSync(failed)) {
      const reason = readFileSync(failed, 'utf8');
      rmSync(failed, { force: true });
      throw new BackupError(reason);
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new BackupError(`the running server (process ${pid}) wrote no backup in 30 minutes: see its log`);
}

const describeRows = (rows: Record<string, number>): string =>
  `${rows['records'] ?? 0} records of ${rows['orgs'] ?? 0} organisation${rows['orgs'] === 1 ? '' : 's'}, ${rows['tokens'] ?? 0} tokens`;

command(process.argv.slice(2)).catch((error: unknown) => {
  // A message for the admin at the terminal; the stack only when asked for (DEBUG=1).
  console.error(error instanceof Error && !process.env['DEBUG'] ? error.message : error);
  process.exit(1);
});

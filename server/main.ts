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
 *
 * Environment: PORT (8787), HOST (127.0.0.1; 0.0.0.0 to reach it from the LAN), DATABASE_URL
 * (PostgreSQL; without it, PGlite in DATA_DIR, default ./.huddle-server), RATE_PER_MINUTE
 * (600 per token), KIOSK_DIR (dist/kiosk, served at /), OP_MEMORY_DAYS (90: how long a
 * pushed op id is remembered, so a retry counts as a duplicate), LIVE_PER_TOKEN (4) and
 * LIVE_PER_ORG (2000) live connections, BAD_TOKENS_PER_MINUTE (30 unknown tokens per address),
 * FRAME_ANCESTORS ('none': who may frame the kiosk), TRUST_PROXY (1: the caller's address
 * from X-Forwarded-For).
 */
import { existsSync, readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { ImportError } from '../src/model/backup-file.js';
import { ENTITY_KINDS } from '../src/model/types.js';
import { ROLES, type Role } from '../src/protocol/sync.js';
import { createApp } from './app.js';
import { openDatabase, type Database } from './db.js';
import { LiveHub } from './live-hub.js';
import { migrate } from './migrations.js';
import { DEFAULT_OP_MEMORY_DAYS, pruneAppliedOps } from './prune.js';
import { restoreBackup, seedDemo } from './load-records.js';
import { isEntityKind, recordHistory } from './history.js';
import { erasePerson, exportPerson } from './personal-data.js';
import { applyRetention } from './retention.js';
import { OidcSignIn, oidcSettings } from './oidc.js';
import { createSignInCode, listSignInCodes, revokeSignInCode, type PersonalRole } from './sign-in.js';
import { AccessError } from './sync-service.js';
import { createToken, ensureOrg, listTokens, purgePhoneLinks, revokeToken, TokenError } from './tokens.js';

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
  npm run server -- prune --days N`;

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

async function open(): Promise<Database> {
  const db = await openDatabase({ url: process.env['DATABASE_URL'], dataDir: process.env['DATA_DIR'] ?? '.huddle-server' });
  await migrate(db);
  return db;
}

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
  } else if (verb === undefined || verb === 'serve') {
    await startServer();
  } else {
    throw new TokenError(USAGE);
  }
}

async function startServer(): Promise<void> {
  // A half-set identity provider stops the start, naming what is missing, before anything opens.
  const oidcConfig = oidcSettings(process.env);
  const db = await open();
  const hub = new LiveHub({ perToken: Number(process.env['LIVE_PER_TOKEN'] ?? 4), perOrg: Number(process.env['LIVE_PER_ORG'] ?? 2000) });
  await hub.start(db);
  const kioskDir = process.env['KIOSK_DIR'] ?? 'dist/kiosk';
  const app = createApp({
    db,
    hub,
    ratePerMinute: Number(process.env['RATE_PER_MINUTE'] ?? 600),
    badTokensPerMinute: Number(process.env['BAD_TOKENS_PER_MINUTE'] ?? 30),
    frameAncestors: process.env['FRAME_ANCESTORS'] ?? "'none'",
    trustProxy: process.env['TRUST_PROXY'] === '1',
    ...(existsSync(kioskDir) ? { kioskDir } : {}),
    ...(oidcConfig ? { oidc: new OidcSignIn(oidcConfig, db) } : {}),
  });
  // Old op ids and dead phone links are forgotten once a day (and at start), so neither
  // table grows for ever; conversations past their organisation's retention lose their words.
  const opMemoryDays = Number(process.env['OP_MEMORY_DAYS'] ?? DEFAULT_OP_MEMORY_DAYS);
  const prune = () =>
    void Promise.all([pruneAppliedOps(db, opMemoryDays), purgePhoneLinks(db), applyRetention(db)]).catch((error: unknown) =>
      console.error('pruning failed:', (error as Error).message),
    );
  prune();
  const pruning = setInterval(prune, 24 * 3600 * 1000);
  const port = Number(process.env['PORT'] ?? 8787);
  const hostname = process.env['HOST'] ?? '127.0.0.1';
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    // The line tests and scripts wait for; keep its shape.
    console.log(`huddle sync server on http://${hostname}:${info.port} (storage: ${db.kind})`);
  });
  const stop = () => {
    clearInterval(pruning);
    server.close();
    void hub
      .stop()
      .then(() => db.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

command(process.argv.slice(2)).catch((error: unknown) => {
  // A message for the admin at the terminal; the stack only when asked for (DEBUG=1).
  console.error(error instanceof Error && !process.env['DEBUG'] ? error.message : error);
  process.exit(1);
});

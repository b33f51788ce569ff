// Many screens, one organisation: the real sync server (on PostgreSQL from Debian's packages, with
// a second instance on the same database; embedded PGlite where PostgreSQL is not installed - the
// server's SQL runs on both in hostile-sync and authorship) and three kiosks as devices in separate browser
// contexts - the Line 1 wall, the Assembly wall above it, and a supervisor's tablet on
// Line 1. Proves live delivery up the cascade, offline edits arriving after reconnect,
// concurrent edits (different fields both kept, the same field converging), idempotent and
// all-or-nothing pushes, and that tokens keep organisations and boards apart.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, sleep, until } from '../support/checks.mjs';
import { onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();

/** Every stored record of a kind on a device (its own IndexedDB, read through the kiosk's store). */
const recordsOn = (page, kind) =>
  page.evaluate((kind) => document.querySelector('kiosk-app').store.get({ key: `e2e:${kind}`, reads: [{ kind }], run: (reader) => reader.all(kind) }), kind);
const actionOn = async (page, id) => (await recordsOn(page, 'actions')).find((a) => a.id === id);
const storeCall = (page, method, ...args) =>
  page.evaluate(
    ([method, args]) =>
      document
        .querySelector('kiosk-app')
        .store[method](...args)
        .then((r) => r?.id ?? null),
    [method, args],
  );

async function suite(label, env, { secondInstance = false, databaseUrl } = {}) {
  console.log(`sync server (${label}): three devices, one organisation`);
  serverCommand(env, 'demo', '--org', 'riverside');
  const token = (...args) => serverCommand(env, 'token', 'create', ...args);
  const line1Wall = token('--org', 'riverside', '--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
  const assemblyWall = token('--org', 'riverside', '--role', 'wall', '--unit', 'unit-assembly', '--label', 'Assembly wall');
  const supervisor = token('--org', 'riverside', '--role', 'coach', '--person', 'person-assembly-supervisor', '--label', 'Supervisor tablet');
  const otherOrg = token('--org', 'hillside', '--role', 'admin', '--label', 'Another organisation');
  const admin = token('--org', 'riverside', '--role', 'admin', '--label', 'Admin laptop');
  const server = await startServer(env);
  // On PostgreSQL the Assembly wall talks to a second instance: live updates must cross
  // instances through LISTEN/NOTIFY, as behind a load balancer.
  const other = secondInstance ? await startServer(env) : server;
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
  const errors = [];
  const device = async (tokenText, query, via = server) => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${via.url}/?server=${encodeURIComponent(via.url)}&token=${tokenText}&${query}`);
    return { context, page };
  };
  try {
    const wall = await device(line1Wall, 'unit=unit-line-1');
    const parent = await device(assemblyWall, 'unit=unit-assembly&views=escalations', other);
    const tablet = await device(supervisor, 'unit=unit-line-1');
    for (const d of [wall, parent, tablet]) await d.page.locator('huddle-board h1').waitFor({ timeout: 30000 });
    check(
      'each device opens its board from the server (no demo, no set-up on the device)',
      (await wall.page.locator('huddle-board h1').textContent()) === 'Line 1',
    );
    const synced = await until(async () => /Synced/.test((await wall.page.locator('kiosk-app nav huddle-sync-status [role="status"]').textContent()) ?? ''));
    check('the wall shows it is synced', synced);

    // Restore, demo and clear would change only a syncing screen's copy: the server's job.
    const settings = await device(supervisor, 'unit=unit-line-1');
    await settings.page.locator('kiosk-app nav button', { hasText: 'Settings' }).click();
    await settings.page.locator('kiosk-settings h1').waitFor({ timeout: 15000 });
    const settingsText = await settings.page.locator('kiosk-settings').evaluate((el) => el.shadowRoot.textContent);
    check(
      "a coach's syncing screen leaves the full backup to an admin, and restore, demo and clear to the server",
      !settingsText.includes('Download a full backup') &&
        settingsText.includes('an admin makes it') &&
        !settingsText.includes('Restore a backup') &&
        !settingsText.includes('Clear all data') &&
        settingsText.includes(`keeps a copy of the data on ${server.url}`),
      settingsText.slice(0, 400),
    );
    await settings.context.close();

    // A phone scans the wall's QR code and answers the pulse, anonymously.
    await wall.page.locator('kiosk-app nav button', { hasText: 'Answer on your phone' }).click();
    const link = wall.page.locator('kiosk-phone-link [data-url]');
    await link.waitFor({ timeout: 10000 });
    const phoneUrl = await link.getAttribute('data-url');
    const cardUrl = await wall.page.locator('kiosk-phone-link [data-card-url]').getAttribute('data-card-url');
    check(
      'the wall shows QR codes for phones: the pulse, and the coaching card',
      (await wall.page.locator('kiosk-phone-link svg path').count()) === 2 && phoneUrl.startsWith(server.url) && !cardUrl.includes('token='),
    );
    await wall.page.locator('kiosk-phone-link button', { hasText: 'Close' }).click();
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await phoneContext.newPage();
    phone.on('pageerror', (error) => errors.push(error.message));
    await phone.goto(phoneUrl);
    await phone.locator('feedback-loop button[data-score="2"]').tap({ timeout: 30000 });
    const comment = `Too long today ${label}`;
    await phone.locator('feedback-loop input[name="comment"]').fill(comment);
    await phone.locator('feedback-loop button', { hasText: 'Send comment' }).tap();
    const answer = await until(async () => (await recordsOn(wall.page, 'feedback')).find((f) => f.comment === comment));
    check(
      "the phone answer and its comment reach the wall, anonymous, with the phone's weekly pseudonym only",
      answer?.score === 2 && answer.anonymous === true && answer.unitId === 'unit-line-1' && typeof answer.respondent === 'string' && !('personId' in answer),
      JSON.stringify(answer),
    );
    const phoneSees = { actions: await recordsOn(phone, 'actions'), people: await recordsOn(phone, 'people'), units: await recordsOn(phone, 'units') };
    check(
      "the phone link reads none of the board's actions or people",
      phoneSees.actions.length === 0 && phoneSees.people.length === 0 && phoneSees.units.length > 0,
    );
    await phoneContext.close();

    // A coach's phone: once the personal link, then the board's coaching-card code opens the
    // card as that coach for the board's leader; the session reaches the wall.
    const coachContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const coachPhone = await coachContext.newPage();
    coachPhone.on('pageerror', (error) => errors.push(error.message));
    await coachPhone.goto(cardUrl);
    check(
      'a phone that does not know the coach says how to fix it',
      /does not know you yet/.test(await coachPhone.locator('kiosk-app h1').textContent({ timeout: 10000 })),
    );
    await coachPhone.goto(`${server.url}/?server=${encodeURIComponent(server.url)}&token=${supervisor}&unit=unit-line-1&views=card`);
    await coachPhone.locator('coaching-card').waitFor({ timeout: 30000 });
    await until(() => coachPhone.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('huddle-elements:coach-token@'))));
    await coachPhone.goto(cardUrl);
    const card = coachPhone.locator('coaching-card');
    await card.locator('[data-behaviour="board-visible"] button', { hasText: 'Consistently' }).tap({ timeout: 30000 });
    const coachShown = await card.locator('.signed-in').textContent({ timeout: 10000 });
    check(
      `the card names the coach as the person signed in, with no other choice ("${coachShown?.replace(/\s+/g, ' ').trim()}")`,
      /signed in on this device/.test(coachShown ?? '') && (await card.locator('select[name="coach"]').count()) === 0,
    );
    const wentWell = `Red KPIs first ${label}`;
    await card.locator('textarea[name="wentWell"]').fill(wentWell);
    await card.locator('button', { hasText: 'Save coaching' }).tap();
    const session = await until(async () => (await recordsOn(tablet.page, 'coachingSessions')).find((s) => s.wentWell === wentWell));
    check(
      "the coach's phone records the session as the coach, for the board's leader (on the coach's tablet, words and all)",
      session?.coachId === 'person-assembly-supervisor' && session?.learnerId === 'person-line-1-leader',
      JSON.stringify(session),
    );
    const onWall = await until(async () => (await recordsOn(wall.page, 'coachingSessions')).find((s) => s.id === session?.id));
    check('the wall learns that it happened, not its words', onWall?.coachId === session?.coachId && onWall?.wentWell === '', JSON.stringify(onWall));
    await coachContext.close();

    // An action made at the Line 1 wall by taps and typing, then escalated to Assembly.
    const title = `Guard parts missing ${label}`;
    await wall.page.locator('huddle-board [role="tab"]', { hasText: 'Actions' }).click();
    await wall.page.locator('huddle-actions button', { hasText: 'Add action' }).click();
    await wall.page.locator('huddle-actions input[name="title"]').fill(title);
    await wall.page.locator('huddle-actions button', { hasText: 'Save action' }).click();
    await wall.page.locator('huddle-actions form.add').waitFor({ state: 'detached', timeout: 10000 });
    const actionId = (await recordsOn(wall.page, 'actions')).find((a) => a.title === title)?.id;
    const onTablet = await until(async () => (await actionOn(tablet.page, actionId))?.title === title);
    check("the new action reaches the supervisor's tablet", onTablet);
    // The board lists actions a page at a time; page to the new one to escalate it.
    const item = wall.page.locator(`huddle-actions li[data-action="${actionId}"]`);
    const next = wall.page.locator('huddle-actions nav.pager button', { hasText: 'Next' });
    while (!(await item.count()) && (await next.count()) && (await next.isEnabled())) await next.click();
    await item.locator('button', { hasText: 'Escalate' }).click();
    await item.locator('input[name="reason"]').fill('Supplier needs a call from the area');
    await item.locator('button', { hasText: 'Send up' }).click();
    const received = await until(() => parent.page.locator('huddle-escalations li[data-escalation]', { hasText: title }).count());
    check(`the escalation reaches the Assembly board's screen${secondInstance ? ' (served by another instance)' : ''}`, received > 0);

    // The tablet goes offline (a ward with no Wi-Fi) and renames the action; meanwhile the
    // wall changes its status. Both changes survive, everywhere.
    await tablet.context.setOffline(true);
    await storeCall(tablet.page, 'updateAction', actionId, { title: `${title} (call booked)` });
    await storeCall(wall.page, 'setActionStatus', actionId, 'doing');
    const offlineBadge = await until(async () =>
      /Offline/.test((await tablet.page.locator('kiosk-app nav huddle-sync-status [role="status"]').textContent()) ?? ''),
    );
    check(
      'the offline tablet says its change is kept on the device',
      offlineBadge,
      await tablet.page.locator('kiosk-app nav huddle-sync-status [role="status"]').textContent(),
    );
    await tablet.context.setOffline(false);
    await tablet.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const both = (a) => a?.title === `${title} (call booked)` && a?.status === 'doing';
    const [wallBoth, tabletBoth] = [
      await until(async () => both(await actionOn(wall.page, actionId))),
      await until(async () => both(await actionOn(tablet.page, actionId))),
    ];
    check('the edit made offline arrives after reconnect', wallBoth, JSON.stringify(await actionOn(wall.page, actionId)));
    check('concurrent edits of different fields both survive on both devices', wallBoth && tabletBoth);

    // Both change the same field while the tablet is cut off: all end with one value.
    await tablet.context.setOffline(true);
    await storeCall(wall.page, 'setActionStatus', actionId, 'blocked');
    // Later by more than a device's error in the server's time: a stamp a few ms ahead of the
    // server is re-stamped on arrival, so edits 20 ms apart count as simultaneous.
    await sleep(1500);
    await storeCall(tablet.page, 'setActionStatus', actionId, 'done');
    await tablet.context.setOffline(false);
    await tablet.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const agree = await until(async () => {
      const [a, b, c] = await Promise.all([wall, tablet, parent].map((d) => actionOn(d.page, actionId)));
      return a?.status === b?.status && b?.status === c?.status && a?.status !== 'doing' ? a.status : undefined;
    });
    check(`concurrent edits of the same field converge everywhere (${agree})`, agree === 'done');

    // A long time offline: more writes than one push carries, all uploaded on reconnect.
    await tablet.context.setOffline(true);
    await tablet.page.evaluate(async (label) => {
      const store = document.querySelector('kiosk-app').store;
      for (let i = 0; i < 600; i++) await store.createAction({ unitId: 'unit-line-1', title: `Offline note ${label} ${i}` });
    }, label);
    await tablet.context.setOffline(false);
    await tablet.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const countOn = async (page) => (await recordsOn(page, 'actions')).filter((a) => a.title.startsWith(`Offline note ${label} `)).length;
    const arrived = await until(async () => (await countOn(wall.page)) === 600, 30000);
    check(`600 writes made offline all arrive after reconnect (${await countOn(wall.page)} on the wall)`, arrived);

    // A write the server refuses for good (the Line 1 wall writing Line 2's board) is set
    // aside and named; the writes after it still go.
    await storeCall(wall.page, 'createAction', { unitId: 'unit-line-2', title: `Not ours ${label}` });
    const afterRefusal = await storeCall(wall.page, 'createAction', { unitId: 'unit-line-1', title: `After the refusal ${label}` });
    const refusal = await until(async () => {
      const text = (await wall.page.locator('kiosk-app nav huddle-sync-status [role="status"]').textContent()) ?? '';
      return /refused 1 change/.test(text) ? text : undefined;
    });
    check(`a refused write is named on the screen: "${refusal?.trim()}"`, /own board/.test(refusal ?? ''));
    check(
      'and the writes after it still reach the other devices',
      await until(async () => (await actionOn(tablet.page, afterRefusal))?.title === `After the refusal ${label}`),
    );

    // The API directly: idempotent pushes, malformed batches, boards and organisations apart.
    const api = (tokenText, path, body) =>
      fetch(`${server.url}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { Authorization: `Bearer ${tokenText}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, json: await r.json() }));
    // Now, by the server's clock (the same machine): later than every device's edit above, and
    // not ahead of the server, which would store it under a new stamp of its own.
    const stamp = `${String(Date.now()).padStart(16, '0')}:0000:e2etest`;
    const rename = { opId: `e2e-rename-${label}`, kind: 'actions', id: actionId, hlc: stamp, fields: { title: 'Renamed once' } };
    const first = await api(supervisor, '/api/sync/push', { ops: [rename] });
    const again = await api(supervisor, '/api/sync/push', { ops: [rename] });
    check(
      'an op pushed twice is applied once',
      first.json.applied === 1 && again.json.applied === 0 && again.json.duplicates === 1,
      JSON.stringify([first.json, again.json]),
    );
    const since = `/api/sync/pull?cursor=${first.json.cursor - 1}`;
    const before = (await api(supervisor, since)).json;
    const bad = await api(supervisor, '/api/sync/push', {
      ops: [
        { opId: `e2e-ok-${label}`, kind: 'actions', id: actionId, hlc: stamp.replace(':0000:', ':0001:'), fields: { title: 'Should not land' } },
        { opId: `e2e-bad-${label}`, kind: 'actions', id: actionId, hlc: stamp.replace(':0000:', ':0002:'), fields: { status: 'finished-ish' } },
      ],
    });
    const after = (await api(supervisor, since)).json;
    check(
      `a malformed op is refused naming the op and field: "${bad.json.error}"`,
      bad.status === 400 && /op 1 \(e2e-bad-/.test(bad.json.error) && bad.json.field === 'status',
    );
    check(
      'and nothing of that batch is applied',
      after.cursor === before.cursor && after.records.find((r) => r.id === actionId)?.record.title === 'Renamed once',
    );
    // Pushes from several devices at once are stored together (one transaction), each still
    // judged alone: a refused one leaves the others stored, an op sent twice lands once.
    const newAction = (id, unitId, title) => {
      const now = new Date().toISOString();
      return { opId: `e2e-${id}`, kind: 'actions', id, hlc: stamp, fields: { unitId, title, status: 'open', createdAt: now, updatedAt: now } };
    };
    const wallAction = newAction(`together-wall-${label}`, 'unit-line-1', 'From the wall');
    const badStatus = newAction(`together-bad-${label}`, 'unit-line-1', 'Bad status');
    badStatus.fields.status = 'finished-ish';
    // On PostgreSQL another connection holds the organisation's lock meanwhile, as a long push
    // would: the five pushes wait behind it and are stored in one batch once it ends.
    const holder = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : undefined;
    await holder?.connect();
    await holder?.query('begin');
    await holder?.query("select seq from org_seq where org = 'riverside' for update");
    const pilot = api(supervisor, '/api/sync/push', { ops: [newAction(`together-pilot-${label}`, 'unit-line-1', 'Waits for the lock')] });
    await sleep(300);
    const pushing = Promise.all([
      api(supervisor, '/api/sync/push', { ops: [newAction(`together-tablet-${label}`, 'unit-line-1', 'From the tablet')] }),
      api(line1Wall, '/api/sync/push', { ops: [wallAction] }),
      api(line1Wall, '/api/sync/push', { ops: [newAction(`together-foreign-${label}`, 'unit-line-2', "Not the wall's board")] }),
      api(supervisor, '/api/sync/push', { ops: [badStatus] }),
      api(line1Wall, '/api/sync/push', { ops: [wallAction] }),
    ]);
    await sleep(500);
    await holder?.query('commit');
    await holder?.end();
    const together = await pushing;
    await pilot;
    const [tabletPush, wallPush, foreignPush, badPush, wallAgain] = together;
    if (holder)
      check(
        `while the organisation's lock was held, the pushes waiting for it were stored in one transaction (cursor ${tabletPush.json.cursor})`,
        [tabletPush, wallPush, wallAgain].every((r) => r.json.cursor === tabletPush.json.cursor),
        JSON.stringify(together.map((r) => r.json)),
      );
    const storedTogether = (await api(admin, since)).json.records.filter((r) => r.id.startsWith('together-'));
    check(
      `pushes arriving together are each stored or refused alone (${together.map((r) => r.status).join(', ')})`,
      tabletPush.status === 200 &&
        wallPush.status === 200 &&
        foreignPush.status === 403 &&
        /own board/.test(foreignPush.json.error) &&
        badPush.status === 400 &&
        badPush.json.field === 'status' &&
        storedTogether
          .map((r) => r.record.title)
          .sort()
          .join(', ') === 'From the tablet, From the wall, Waits for the lock',
      JSON.stringify({ together: together.map((r) => r.json), stored: storedTogether.map((r) => r.id) }),
    );
    check(
      'and the same op sent twice at once lands once',
      wallPush.json.applied + wallAgain.json.applied === 1 && wallPush.json.duplicates + wallAgain.json.duplicates === 1,
      JSON.stringify([wallPush.json, wallAgain.json]),
    );
    const historyOf = async (id) => (await api(admin, `/api/history/actions/${id}`)).json.history;
    const [tabletTrail, wallTrail] = [await historyOf(`together-tablet-${label}`), await historyOf(`together-wall-${label}`)];
    check(
      'and each is recorded in the history as the device that sent it',
      tabletTrail.length === 1 &&
        tabletTrail[0].person === 'person-assembly-supervisor' &&
        wallTrail.length === 1 &&
        wallTrail[0].deviceLabel === 'Line 1 wall',
      JSON.stringify({ tabletTrail, wallTrail }),
    );
    const otherBoard = await api(line1Wall, '/api/sync/push', {
      ops: [
        {
          opId: `e2e-wall-${label}`,
          kind: 'actions',
          id: 'a-line-2-x',
          hlc: stamp,
          fields: { unitId: 'unit-line-2', title: 'Not mine', status: 'open', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() },
        },
      ],
    });
    check(
      "a wall token cannot write another board's records",
      otherBoard.status === 403 && /own board/.test(otherBoard.json.error),
      JSON.stringify(otherBoard.json),
    );
    const foreignRead = (await api(otherOrg, '/api/sync/pull?cursor=0')).json;
    check("another organisation's token reads none of this organisation's data", foreignRead.records.length === 0, `${foreignRead.records.length} records`);
    // The same record id, written whole by the other organisation: it lands in theirs only.
    const { id: _id, ...whole } = await actionOn(wall.page, actionId);
    const foreignWrite = await api(otherOrg, '/api/sync/push', {
      ops: [{ opId: `e2e-foreign-${label}`, kind: 'actions', id: actionId, hlc: stamp.replace(':0000:', ':0009:'), fields: { ...whole, title: 'Hijacked' } }],
    });
    await sleep(1500);
    const ours = await actionOn(wall.page, actionId);
    const theirs = (await api(otherOrg, '/api/sync/pull?cursor=0')).json.records.find((r) => r.id === actionId);
    check(
      "and its writes never touch this organisation's records",
      foreignWrite.status === 200 && theirs?.record.title === 'Hijacked' && ours?.title === 'Renamed once',
      `${JSON.stringify(foreignWrite.json)} ours: ${ours?.title}`,
    );
    // Tokens while the server runs: through the API for an admin; the command line is kept off
    // an embedded database the server holds (two processes would overwrite each other).
    const made = await api(admin, '/api/tokens', { role: 'wall', unit: 'unit-line-2', label: 'Line 2 wall' });
    const madeWho = made.json.token ? (await api(made.json.token, '/api/whoami')).json : undefined;
    check('an admin makes a wall token through the running server', madeWho?.role === 'wall' && madeWho?.unitId === 'unit-line-2', JSON.stringify(made.json));
    check('a coach token cannot make tokens', (await api(supervisor, '/api/tokens', { role: 'admin' })).status === 403);
    if (env.DATA_DIR) {
      let refusal = '';
      try {
        serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'coach');
      } catch (error) {
        refusal = error.message;
      }
      check(
        'the command line refuses an embedded database the server is using, and says what to do',
        /in use by a huddle server/.test(refusal) && /POST \/api\/tokens/.test(refusal),
        refusal,
      );
    }
    const noToken = await fetch(`${server.url}/api/sync/pull?cursor=0`);
    check('a request without a token is refused', noToken.status === 401);
    const huge = await api(otherOrg, '/api/sync/push', { ops: [], padding: 'x'.repeat(1_100_000) });
    check(`a push over 1 MB is refused: "${huge.json.error}"`, huge.status === 413);
    let limited;
    for (let i = 0; i < 700 && !limited; i++) {
      // The server closes the connection it refused the oversized body on; a reused socket may fail once.
      const response = await fetch(`${server.url}/api/whoami`, { headers: { Authorization: `Bearer ${otherOrg}` } }).catch(() => undefined);
      await response?.text();
      if (response?.status === 429) limited = response;
    }
    check('a device sending too many requests is slowed down (429 with Retry-After)', limited !== undefined && Number(limited.headers.get('retry-after')) > 0);
    check('no uncaught errors on any device', errors.length === 0, errors.join('; '));

    // Old op ids are forgotten (daily, or by the command), and that is safe: an op replayed
    // after its id was forgotten counts as applied but changes nothing.
    await server.stop();
    if (other !== server) await other.stop();
    const pruned = serverCommand(env, 'prune', '--days', '0');
    check(`old op ids can be forgotten ("${pruned}")`, /^[1-9]\d* op ids older than 0 days forgotten$/.test(pruned));
    // A kiosk's backup restored into the organisation on the server: checked whole first.
    const backupDir = mkdtempSync(join(tmpdir(), 'huddle-backup-'));
    const now = new Date().toISOString();
    const restoredAction = { id: `restored-${label}`, unitId: 'unit-line-1', title: 'Restored from a backup', status: 'open', createdAt: now, updatedAt: now };
    const backupFile = (name, actions) => {
      const path = join(backupDir, name);
      writeFileSync(path, JSON.stringify({ format: 'huddle-elements', schemaVersion: 3, exportedAt: now, data: { actions } }));
      return path;
    };
    let badRestore = '';
    try {
      serverCommand(
        env,
        'restore',
        '--org',
        'riverside',
        '--file',
        backupFile('broken.json', [{ ...restoredAction, title: 'Never restored', due: 'next Tuesday' }]),
      );
    } catch (error) {
      badRestore = error.message;
    }
    check(
      `a broken backup is refused naming the record and field ("${badRestore.trim().split('\n').at(-1)}")`,
      /actions record 1 \(id "restored-.*due must be a date/.test(badRestore) && /nothing changed/.test(badRestore),
    );
    const restoredNote = serverCommand(env, 'restore', '--org', 'riverside', '--file', backupFile('backup.json', [restoredAction]));
    rmSync(backupDir, { recursive: true, force: true });
    const restarted = await startServer(env);
    try {
      let onServer;
      for (let cursor = 0, more = true; more && !onServer;) {
        const page = await (await fetch(`${restarted.url}/api/sync/pull?cursor=${cursor}`, { headers: { Authorization: `Bearer ${supervisor}` } })).json();
        onServer = page.records.find((r) => r.id === restoredAction.id);
        ({ cursor, more } = page);
      }
      check(
        `a good backup is restored into the organisation for every device ("${restoredNote}")`,
        onServer?.record.title === 'Restored from a backup',
        JSON.stringify(onServer),
      );
      const call = (path, body) =>
        fetch(`${restarted.url}${path}`, {
          method: body ? 'POST' : 'GET',
          headers: { Authorization: `Bearer ${supervisor}`, 'Content-Type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        }).then((r) => r.json());
      const before = await call(since);
      const replay = await call('/api/sync/push', { ops: [rename] });
      const after = await call(since);
      check(
        'a replayed op whose id was forgotten changes nothing',
        replay.applied === 1 && after.cursor === before.cursor && after.records.find((r) => r.id === actionId)?.record.title === 'Renamed once',
        JSON.stringify(replay),
      );
    } finally {
      await restarted.stop();
    }
  } catch (error) {
    check(`${label} suite stopped: ${error.stack ?? error}`, false, server.log().slice(-2000));
  } finally {
    await browser.close();
    await server.stop();
    if (other !== server) await other.stop();
  }
}

await onPostgres((label, env, { databaseUrl }) => suite(label, env, { secondInstance: Boolean(databaseUrl), databaseUrl }));
finish();

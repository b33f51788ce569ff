// Tap-in on a shared wall, against the real sync server and the kiosk it serves: a supervisor's
// phone (signed in with a personal code) makes a tap-in code; the team's wall, signed out for
// reading, takes it on its number pad and records as the supervisor - a coaching conversation
// arrives as theirs, and its history names them and the wall - until nobody touches the wall for
// the configured time: then it signs out by itself, closes the card, keeps no words of what was
// recorded, and gives the token back.
// A wrong or used code is refused with words that say what to do; a tap-in code signs in no device.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, until } from '../support/checks.mjs';
import { call, findPulled } from '../support/api.mjs';
import { storedRecords } from '../support/idb.mjs';
import { onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const SUPERVISOR = 'person-assembly-supervisor';
const TAP_OUT_SECONDS = 10;

/** Types a code on the wall's number pad, digit by digit, and taps "Tap in". */
async function typeOnPad(pad, code) {
  for (const digit of code.replace(/\D/g, '')) await pad.locator('.keys button', { hasText: new RegExp(`^${digit}$`) }).tap();
  await pad.locator('button', { hasText: 'Tap in' }).tap();
}

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  await onPostgres(async (database, env) => {
    console.log(`tap-in on a wall (${database})`);
    serverCommand(env, 'demo', '--org', 'riverside');
    const admin = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'admin', '--label', 'Admin laptop');
    const wallToken = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
    // The supervisor's own reading (only the people in a conversation read its words).
    const supervisorReads = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'coach', '--person', SUPERVISOR);
    const server = await startServer(env);
    const { url } = server;
    const errors = [];
    try {
      check('a wall makes no tap-in codes: it belongs to no one', (await call(url, wallToken, '/api/me/tap-in-code', { method: 'POST' })).status === 403);

      // The supervisor's phone, signed in as them, makes a tap-in code.
      const signIn = await call(url, admin, '/api/sign-in-codes', { method: 'POST', body: { person: SUPERVISOR } });
      const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phone = await phoneContext.newPage();
      phone.on('pageerror', (error) => errors.push(error.message));
      await phone.goto(`${url}/?server=${encodeURIComponent(url)}&sign-in=${signIn.json.code}&unit=unit-line-1&views=card`);
      await phone.locator('coaching-card .signed-in').waitFor({ timeout: 30000 });
      await phone.locator('kiosk-app nav button', { hasText: 'Tap in on a wall' }).tap();
      const code = (await phone.locator('kiosk-tap-in-code [data-code]').textContent({ timeout: 20000 }))?.trim() ?? '';
      check(`the phone shows a code to tap in with (${code})`, /^\d{4} \d{4}$/.test(code));
      const deviceSignIn = await call(url, undefined, '/api/sign-in', { method: 'POST', body: { code } });
      check('a tap-in code signs in no device', deviceSignIn.status === 400);

      // The team's wall: signed out, reading needs nothing.
      const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
      const wall = await wallContext.newPage();
      wall.on('pageerror', (error) => errors.push(error.message));
      await wall.goto(`${url}/?server=${encodeURIComponent(url)}&token=${wallToken}&unit=unit-line-1&tap-out=${TAP_OUT_SECONDS}`);
      const nav = wall.locator('kiosk-app nav');
      await nav.locator('button', { hasText: /^Tap in$/ }).tap({ timeout: 30000 });
      const pad = wall.locator('kiosk-tap-in');
      await typeOnPad(pad, '1111 1111');
      const wrong = await pad.locator('[role="alert"]').textContent({ timeout: 10000 });
      check(`a wrong code is refused with what to do ("${wrong?.trim()}")`, /unknown, already used or expired: make a new one/.test(wrong ?? ''));
      await typeOnPad(pad, code);
      const banner = nav.locator('.tapped-in');
      // The name shows once the wall has read it from its people.
      const name = await until(async () => {
        const text = (await banner.locator('strong').textContent())?.trim();
        return text && text !== '…' ? text : undefined;
      }, 15000);
      const recording = (await banner.textContent())?.replace(/\s+/g, ' ').trim();
      check(`the wall records as the supervisor, by name ("${recording}")`, name !== undefined && recording?.startsWith(`Recording as ${name}`) === true);
      const used = await call(url, wallToken, '/api/tap-in', { method: 'POST', body: { code } });
      check(`the code worked once ("${used.json.error}")`, used.status === 400 && used.json.field === 'code');

      await nav.locator('button', { hasText: 'Coaching card' }).tap();
      const card = wall.locator('coaching-card');
      // The name once the card has the organisation's people (until then it says the person's id).
      await card
        .locator('.signed-in', { hasText: name ?? '' })
        .waitFor({ timeout: 15000 })
        .catch(() => {});
      const who = (await card.locator('.signed-in').textContent({ timeout: 15000 }))?.replace(/\s+/g, ' ');
      check(`the card on the wall is the supervisor's ("${who?.trim()}")`, name !== undefined && who?.includes(name) === true);
      await card.locator('[data-behaviour="board-visible"] button', { hasText: 'Consistently' }).tap();
      const wentWell = `Every action had an owner (${database})`;
      await card.locator('textarea[name="wentWell"]').fill(wentWell);
      await card.locator('button', { hasText: 'Save coaching' }).tap();
      // Nobody touches the wall after saving: it counts down, then signs out by itself (checked
      // first: what the server and an admin see of the conversation does not wait on the wall).
      const warned = await until(async () => /signing out in \d+ s/.test((await banner.textContent().catch(() => '')) ?? ''), TAP_OUT_SECONDS * 1000 + 5000);
      check('before signing out, the wall counts down the last seconds', warned === true);
      await nav.locator('button', { hasText: /^Tap in$/ }).waitFor({ timeout: TAP_OUT_SECONDS * 1000 + 15000 });
      check(
        'left alone, the wall signs out by itself and the card closes',
        (await banner.count()) === 0 && (await card.count()) === 0 && (await wall.locator('kiosk-app huddle-board').count()) === 1,
      );
      const arrived = await until(() => findPulled(url, supervisorReads, (r) => r.kind === 'coachingSessions' && r.record.wentWell === wentWell), 20000);
      check('the conversation recorded on the wall arrives as the supervisor', arrived?.record.coachId === SUPERVISOR, JSON.stringify(arrived?.record));
      const history = (await call(url, admin, `/api/history/coachingSessions/${arrived?.id}`)).json.history ?? [];
      check(
        `its history names the supervisor and the wall ("${history[0]?.personName}", "${history[0]?.deviceLabel}")`,
        history[0]?.person === SUPERVISOR && /tapped in on unit-line-1/.test(history[0]?.deviceLabel ?? ''),
      );

      // An admin reads the same history in the app: Settings, History of a record.
      const adminScreen = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      adminScreen.on('pageerror', (error) => errors.push(error.message));
      await adminScreen.goto(`${url}/?server=${encodeURIComponent(url)}&token=${admin}&unit=unit-line-2`);
      await adminScreen.locator('kiosk-app nav button', { hasText: 'Settings' }).click({ timeout: 30000 });
      const trail = adminScreen.locator('kiosk-record-history');
      await trail.locator('select[name="kind"]').selectOption('coachingSessions');
      await trail.locator('input[name="filter"]').fill(`${arrived?.record.day} · ${name}`);
      await trail.locator('ul.records button').first().click({ timeout: 20000 });
      const row = (await trail.locator('.history tbody tr').first().textContent({ timeout: 20000 }))?.replace(/\s+/g, ' ').trim();
      check(
        `an admin's screen shows the record's history: who, on which device, which fields ("${row}")`,
        row?.includes(`${name} ${name} (tapped in on unit-line-1`) === true && /wentWell/.test(row ?? ''),
      );
      await adminScreen.close();

      const kept = (await storedRecords(wall, 'coachingSessions')).find((s) => s.id === arrived?.id);
      check(
        'signed out, the wall keeps that the conversation happened, not its words: the next person cannot browse it',
        kept !== undefined && kept.wentWell === '' && kept.focus === '' && kept.coachId === SUPERVISOR,
        JSON.stringify(kept),
      );
      const givenBack = await until(async () => {
        const tokens = (await call(url, admin, '/api/tokens')).json.tokens ?? [];
        const tapIn = tokens.find((t) => t.person === SUPERVISOR && /tapped in/.test(t.label));
        return tapIn?.revoked ? tapIn : undefined;
      }, 15000);
      check('once what was recorded is sent, the wall gives the tap-in token back', givenBack !== undefined);

      check('no uncaught errors on the phone or the wall', errors.length === 0, errors.join('; '));
      await phoneContext.close();
      await wallContext.close();
    } finally {
      await server.stop();
    }
  });
} finally {
  await browser.close();
}
finish();

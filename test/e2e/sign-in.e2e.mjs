// Personal sign-in without an identity provider, against the real sync server and the kiosk it
// serves: an admin makes a one-time code for a person; the person's phone opens the link, is
// signed in as them (the code leaves the address), and records a coaching conversation that
// arrives as them. A used, revoked or unknown code is refused with words that say what to do;
// a typed code forgives case and spaces; the person's device can be revoked, and then its next
// push says so.
import { createHash } from 'node:crypto';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, until } from '../support/checks.mjs';
import { call, findPulled } from '../support/api.mjs';
import { onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const SUPERVISOR = 'person-assembly-supervisor';

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  await onPostgres(async (database, env) => {
    console.log(`personal sign-in codes (${database})`);
    serverCommand(env, 'demo', '--org', 'riverside');
    const admin = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'admin', '--label', 'Admin laptop');
    const coach = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'coach', '--person', 'person-packing-supervisor');
    // What the supervisor reads (only the people in a conversation read its words).
    const supervisorReads = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'coach', '--person', SUPERVISOR);
    const server = await startServer(env);
    const { url } = server;
    const errors = [];
    try {
      const made = await call(url, admin, '/api/sign-in-codes', { method: 'POST', body: { person: SUPERVISOR } });
      const hours = (Date.parse(made.json.expires) - Date.now()) / 3_600_000;
      check(
        `an admin makes a one-time code for a person (${made.json.code}, for ${Math.round(hours)} h)`,
        made.status === 200 && /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/.test(made.json.code) && hours > 23 && hours <= 24,
      );
      check(
        'a coach cannot make sign-in codes',
        (await call(url, coach, '/api/sign-in-codes', { method: 'POST', body: { person: SUPERVISOR } })).status === 403,
      );
      const nobody = await call(url, admin, '/api/sign-in-codes', { method: 'POST', body: { person: 'person-nobody' } });
      check(
        `a code for someone not in the organisation is refused, naming the field ("${nobody.json.error}")`,
        nobody.status === 400 && nobody.json.field === 'person',
      );

      // An admin's screen makes the person's code, as a link and a QR code.
      const adminScreen = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      adminScreen.on('pageerror', (error) => errors.push(error.message));
      await adminScreen.goto(`${url}/?server=${encodeURIComponent(url)}&token=${admin}&unit=unit-line-1`);
      // The admin's screen first pulls the whole organisation: on a busy machine that takes a while.
      await adminScreen.locator('kiosk-app nav button', { hasText: 'Settings' }).click({ timeout: 60000 });
      const codes = adminScreen.locator('kiosk-sign-in-codes');
      await codes.locator(`select[name="person"] option[value="${SUPERVISOR}"]`).waitFor({ state: 'attached', timeout: 20000 });
      await codes.locator('select[name="person"]').selectOption(SUPERVISOR);
      await codes.locator('button', { hasText: 'Make a sign-in code' }).click();
      const screenCode = (await codes.locator('[data-code]').textContent({ timeout: 10000 }))?.trim() ?? '';
      const link = (await codes.locator('.link').textContent())?.trim() ?? '';
      check(
        `an admin's screen makes a person's code, with its link and QR code (${screenCode})`,
        /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(screenCode) && link.includes(`sign-in=${screenCode}`) && (await codes.locator('.made svg[role="img"]').count()) === 1,
      );
      await adminScreen.close();

      // The person's phone opens the link.
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phone = await context.newPage();
      phone.on('pageerror', (error) => errors.push(error.message));
      await phone.goto(`${link}&unit=unit-line-1`);
      const card = phone.locator('coaching-card');
      const shown = await card.locator('.signed-in').textContent({ timeout: 30000 });
      check(`the phone is signed in as the person ("${shown?.replace(/\s+/g, ' ').trim()}")`, /signed in on this device/.test(shown ?? ''));
      check('the code left the address', !(await phone.evaluate(() => location.href)).includes('sign-in'));
      await card.locator('[data-behaviour="board-visible"] button', { hasText: 'Consistently' }).tap();
      const wentWell = `Started on time (${database})`;
      await card.locator('textarea[name="wentWell"]').fill(wentWell);
      await card.locator('button', { hasText: 'Save coaching' }).tap();
      const arrived = await until(() => findPulled(url, supervisorReads, (r) => r.kind === 'coachingSessions' && r.record.wentWell === wentWell), 20000);
      check('the conversation it records arrives as that person', arrived?.record.coachId === SUPERVISOR, JSON.stringify(arrived?.record));
      const history = (await call(url, admin, `/api/history/coachingSessions/${arrived?.id}`)).json.history ?? [];
      check(
        `and its history names them and their signed-in device ("${history[0]?.deviceLabel}")`,
        history[0]?.person === SUPERVISOR && /\(signed in /.test(history[0]?.deviceLabel),
      );
      await phone.reload();
      await card.locator('.signed-in').waitFor({ timeout: 30000 });
      check('after a reload the phone is still signed in as them', (await phone.evaluate(() => location.href)).includes('server='));
      // Started again with no network: the phone still knows whose it is, from the last time it was told.
      await context.setOffline(true);
      await phone.reload();
      const offline = await card
        .locator('.signed-in')
        .textContent({ timeout: 30000 })
        .catch(() => undefined);
      check(
        `started again offline, the phone still records as them ("${offline?.replace(/\s+/g, ' ').trim()}")`,
        /signed in on this device/.test(offline ?? ''),
      );
      await context.setOffline(false);
      await card.locator('huddle-sync-status', { hasText: 'Synced' }).waitFor({ timeout: 30000 });

      // The phone's sign-in is revoked while its person works: what they record is kept, and sent
      // as theirs once they sign in again.
      const phoneToken = ((await call(url, admin, '/api/tokens')).json.tokens ?? []).find(
        (t) => t.person === SUPERVISOR && /\(signed in /.test(t.label) && !t.revoked,
      );
      await call(url, admin, `/api/tokens/${phoneToken?.id}`, { method: 'DELETE' });
      await card.locator('[data-behaviour="board-visible"] button', { hasText: 'Consistently' }).tap();
      const keptWords = `Recorded after the sign-in ended (${database})`;
      await card.locator('textarea[name="wentWell"]').fill(keptWords);
      await card.locator('button', { hasText: 'Save coaching' }).tap();
      const ended = await phone.locator('kiosk-app .sign-in-again').textContent({ timeout: 30000 });
      check(
        `a revoked phone asks to sign in again and keeps what was recorded ("${ended?.replace(/\s+/g, ' ').trim()}")`,
        /is kept on this device/.test(ended ?? ''),
      );
      const fresh = await call(url, admin, '/api/sign-in-codes', { method: 'POST', body: { person: SUPERVISOR } });
      await phone.goto(`${url}/?server=${encodeURIComponent(url)}&sign-in=${fresh.json.code}&unit=unit-line-1&views=card`);
      const keptArrived = await until(() => findPulled(url, supervisorReads, (r) => r.kind === 'coachingSessions' && r.record.wentWell === keptWords), 30000);
      check(
        'signed in again, what was recorded meanwhile arrives as the person',
        keptArrived?.record.coachId === SUPERVISOR,
        JSON.stringify(keptArrived?.record),
      );

      const again = await call(url, undefined, '/api/sign-in', { method: 'POST', body: { code: screenCode } });
      check(`a used code is refused ("${again.json.error}")`, again.status === 400 && again.json.field === 'code' && /already used/.test(again.json.error));
      const second = await context.newPage();
      await second.goto(link);
      const refused = await second.locator('kiosk-app [role="alert"]').textContent({ timeout: 20000 });
      check(
        `a screen opened with a used code says what to do ("${refused?.replace(/\s+/g, ' ').trim()}")`,
        /Sign-in did not work.*ask your admin for a new one/.test(refused?.replace(/\s+/g, ' ') ?? ''),
      );
      await context.close();

      const typed = await call(url, admin, '/api/sign-in-codes', { method: 'POST', body: { person: SUPERVISOR, hours: 2 } });
      const sloppy = typed.json.code.toLowerCase().replace('-', ' ');
      const redeemed = await call(url, undefined, '/api/sign-in', { method: 'POST', body: { code: sloppy } });
      check(
        `a typed code forgives case and spaces ("${sloppy}")`,
        redeemed.status === 200 && redeemed.json.personId === SUPERVISOR && redeemed.json.role === 'coach',
      );

      const revokedCode = await call(url, admin, '/api/sign-in-codes', { method: 'POST', body: { person: SUPERVISOR } });
      const revoke = await call(url, admin, `/api/sign-in-codes/${revokedCode.json.id}`, { method: 'DELETE' });
      const afterRevoke = await call(url, undefined, '/api/sign-in', { method: 'POST', body: { code: revokedCode.json.code } });
      check('a revoked code is refused', revoke.status === 200 && afterRevoke.status === 400);
      const listed = (await call(url, admin, '/api/sign-in-codes')).json.codes ?? [];
      check(
        `the admin's list shows each code's state (${listed.map((c) => (c.used ? 'used' : c.revoked ? 'revoked' : 'open')).join(', ')})`,
        listed.filter((c) => c.used).length === 3 &&
          listed.filter((c) => c.revoked).length === 1 &&
          listed.length === 5 &&
          listed.every((c) => c.person === SUPERVISOR),
      );

      // The person's device is listed, and revoking it stops its next push.
      const tokens = (await call(url, admin, '/api/tokens')).json.tokens ?? [];
      const redeemedId = createHash('sha256').update(redeemed.json.token).digest('hex').slice(0, 12);
      const device = tokens.find((t) => t.id === redeemedId && t.person === SUPERVISOR && /\(signed in /.test(t.label));
      await call(url, admin, `/api/tokens/${device?.id}`, { method: 'DELETE' });
      const push = await call(url, redeemed.json.token, '/api/sync/push', { method: 'POST', body: { ops: [] } });
      check(
        `a revoked personal device's next push says so ("${push.json.error}")`,
        device !== undefined && push.status === 401 && /revoked/.test(push.json.error),
      );
      check('no uncaught errors on the phone', errors.length === 0, errors.join('; '));
    } finally {
      await server.stop();
    }
  });
} finally {
  await browser.close();
}
finish();

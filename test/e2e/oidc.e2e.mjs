// Sign-in with the organisation's identity provider: a real OpenID provider runs in this process
// (oidc-provider, with its development login pages), the real sync server is set up against it
// (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL, OIDC_ORG), and a phone
// signs in through it - authorization code with PKCE, nothing mocked. The person is found by
// e-mail, the phone records as them; someone the organisation does not know is told what to do;
// a team member signs in with a member's rights; with the provider down a signed-in phone works on.
import Provider from 'oidc-provider';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, until } from '../support/checks.mjs';
import { call, findPulled } from '../support/api.mjs';
import { freePort, onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const SUPERVISOR = 'person-assembly-supervisor';
const MEMBER = 'person-line-1-1';
const CLIENT = { id: 'huddle-board', secret: 'a-client-secret-for-the-test-provider-0123456789' };

/** Gives a person an e-mail address, as an admin's set-up would. */
const setEmail = (url, admin, personId, email) =>
  call(url, admin, '/api/sync/push', {
    method: 'POST',
    body: {
      ops: [
        {
          opId: `email-${personId}-${Date.now()}`,
          kind: 'people',
          id: personId,
          hlc: `${String(Date.now()).padStart(16, '0')}:0000:oidctest`,
          fields: { email },
        },
      ],
    },
  });

/** An identity provider on this machine whose users are `<login>@riverside.example`. */
async function startProvider(callback) {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [callback], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: `${id}@Riverside.example`, email_verified: true, name: id }),
    }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
  });
  const server = provider.listen(port);
  return { issuer, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** The provider's development pages: a login (any password) and a consent. */
async function logInAt(page, login) {
  await page.locator('input[name="login"]').fill(login, { timeout: 60000 });
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  await consent.waitFor({ timeout: 60000 }).then(
    () => consent.click(),
    () => undefined, // no consent page: already granted
  );
}

/**
 * Waits for `locator`; a timeout names the step, where the page was and what the server logged last,
 * so a failure on a slow machine says which of the waits it was.
 */
async function waitStep(step, page, locator, serverLog) {
  await locator.waitFor({ timeout: 60000 }).catch((error) => {
    throw new Error(`${step}: nothing shown in 60 s at ${page.url()} (${error.message.split('\n')[0]})\n${serverLog().slice(-1500)}`);
  });
}

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  await onPostgres(async (database, baseEnv) => {
    console.log(`sign-in with the identity provider (${database})`);
    const port = await freePort();
    const server = `http://127.0.0.1:${port}`;
    const provider = await startProvider(`${server}/auth/callback`);
    const env = {
      ...baseEnv,
      PORT: String(port),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_REDIRECT_URL: `${server}/auth/callback`,
      OIDC_ORG: 'riverside',
    };
    serverCommand(env, 'demo', '--org', 'riverside');
    const admin = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'admin', '--label', 'Admin laptop');
    // What the supervisor reads (only the people in a conversation read its words).
    const supervisorReads = serverCommand(env, 'token', 'create', '--org', 'riverside', '--role', 'coach', '--person', SUPERVISOR);
    const running = await startServer(env);
    const errors = [];
    let providerUp = true;
    try {
      await setEmail(server, admin, SUPERVISOR, 'quentin@riverside.example');
      await setEmail(server, admin, MEMBER, 'mia@riverside.example');

      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phone = await context.newPage();
      phone.on('pageerror', (error) => errors.push(error.message));
      await phone.goto(`${server}/?server=${encodeURIComponent(server)}&unit=unit-line-1&views=card`);
      const signIn = phone.locator('kiosk-app a.sign-in');
      await waitStep('the phone offers to sign in', phone, signIn, running.log);
      const started = Date.now();
      await signIn.click();
      await logInAt(phone, 'quentin');
      const card = phone.locator('coaching-card');
      const shown = await card
        .locator('.signed-in')
        .textContent({ timeout: 60000 })
        .catch(async (error) => {
          throw new Error(
            `not signed in at ${phone.url()}: ${(await phone.locator('body').innerText()).slice(0, 300)} (${error.message.split('\n')[0]})\n${running.log().slice(-1500)}`,
          );
        });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      check(
        `a coach signs in with the provider and the card is theirs in ${seconds} s ("${shown?.replace(/\s+/g, ' ').trim()}")`,
        /signed in on this device/.test(shown ?? '') && !(await phone.evaluate(() => location.href)).includes('sign-in='),
      );
      await card.locator('[data-behaviour="board-visible"] button', { hasText: 'Consistently' }).tap();
      const wentWell = `Owners on every action (${database})`;
      await card.locator('textarea[name="wentWell"]').fill(wentWell);
      await card.locator('button', { hasText: 'Save coaching' }).tap();
      const arrived = await until(() => findPulled(server, supervisorReads, (r) => r.kind === 'coachingSessions' && r.record.wentWell === wentWell), 60000);
      check('the conversation arrives as the person the provider signed in', arrived?.record.coachId === SUPERVISOR, JSON.stringify(arrived?.record));

      // A browser of its own: the provider remembers who signed in on the phone's.
      const strangerContext = await browser.newContext();
      const strangerPage = await strangerContext.newPage();
      await strangerPage.goto(`${server}/auth/login?return=views%3Dcard`);
      await logInAt(strangerPage, 'stranger');
      const stranger = await strangerPage.locator('[role="alert"]').textContent({ timeout: 60000 });
      check(
        `someone the organisation does not know is told whom to ask ("${stranger}")`,
        /ask your admin to add stranger@riverside\.example/.test(stranger ?? ''),
      );
      await strangerContext.close();

      const memberContext = await browser.newContext();
      const memberPage = await memberContext.newPage();
      await memberPage.goto(`${server}/?server=${encodeURIComponent(server)}&unit=unit-line-1&views=card`);
      await waitStep("the member's phone offers to sign in", memberPage, memberPage.locator('kiosk-app a.sign-in'), running.log);
      await memberPage.locator('kiosk-app a.sign-in').click();
      await logInAt(memberPage, 'mia');
      await waitStep("the member's card names them", memberPage, memberPage.locator('coaching-card .signed-in'), running.log);
      const { json: listed } = await call(server, admin, '/api/tokens');
      const memberTokens = listed.tokens.filter((t) => t.person === MEMBER && !t.revoked).map((t) => t.role);
      check(
        `a team member who leads and coaches no one signs in as a member, the card theirs (${memberTokens.join(', ')})`,
        memberTokens.length === 1 && memberTokens[0] === 'member',
      );
      await memberContext.close();

      const replay = await fetch(`${server}/auth/callback?code=forged&state=made-up`, { redirect: 'manual' });
      check('a callback with a state this server did not make is refused', replay.status === 403 && /already used or took longer/.test(await replay.text()));

      await provider.stop();
      providerUp = false;
      await phone.reload();
      await waitStep('with the provider down, the reloaded card names the coach', phone, card.locator('.signed-in'), running.log);
      const status = await until(async () => {
        const text =
          (await card
            .locator('huddle-sync-status [role="status"]')
            .textContent()
            .catch(() => '')) ?? '';
        return /Synced/.test(text) ? text : undefined;
      }, 60000);
      check(`with the provider down, the signed-in phone still opens as them and syncs ("${status?.trim()}")`, status !== undefined);
      check('no uncaught errors on the phone', errors.length === 0, errors.join('; '));
      await context.close();
    } finally {
      if (providerUp) await provider.stop();
      await running.stop();
    }
  });
} finally {
  await browser.close();
}
finish();

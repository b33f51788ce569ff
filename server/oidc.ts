/**
 * Sign-in with the organisation's identity provider (OpenID Connect, authorization code with
 * PKCE, through `openid-client`): `/auth/login` sends the browser to the provider, and
 * `/auth/callback` takes its answer, finds the person of the organisation by e-mail (or by
 * the provider's id, `externalId`) and sends the browser back to the kiosk with a one-time
 * sign-in code, which the kiosk redeems for the person's own token (see sign-in.ts). So the
 * provider is needed only to sign in: a signed-in device works on when it is down.
 */
import * as client from 'openid-client';
import type { Database } from './db.js';
import { createSignInCode } from './sign-in.js';

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** This server's callback, as registered at the provider: https://huddle.example.org/auth/callback */
  redirectUrl: URL;
  /** The organisation the provider's people sign in to. */
  org: string;
}

/** The settings from the environment; undefined when OIDC_ISSUER is not set, an error naming what is missing when half set. */
export function oidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  if (!env['OIDC_ISSUER']) return undefined;
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set with OIDC_ISSUER (see the README: sign-in with your identity provider)`);
    return value;
  };
  const url = (name: string) => {
    try {
      return new URL(need(name));
    } catch {
      throw new Error(`${name} must be a whole address such as https://login.example.org/ (got "${env[name]}")`);
    }
  };
  return {
    issuer: url('OIDC_ISSUER'),
    clientId: need('OIDC_CLIENT_ID'),
    clientSecret: need('OIDC_CLIENT_SECRET'),
    redirectUrl: url('OIDC_REDIRECT_URL'),
    org: need('OIDC_ORG'),
  };
}

/** A sign-in the person cannot complete, in words they can act on. */
export class OidcRefused extends Error {
  override readonly name = 'OidcRefused';
}

/** How long a started sign-in may take at the provider. */
const LOGIN_MINUTES = 10;
/** The kiosk settings a sign-in may carry back; never a token or a code. */
const RETURNED = ['unit', 'views', 'theme', 'locale'];

export class OidcSignIn {
  #config: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly db: Database,
  ) {}

  /** The provider's configuration, discovered on first use and again after a failure. */
  #configuration(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // Plain http only for a provider on this machine (a test or a development provider).
    const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    this.#config ??= client.discovery(issuer, clientId, clientSecret, undefined, local ? { execute: [client.allowInsecureRequests] } : undefined);
    const pending = this.#config;
    pending.catch(() => {
      if (this.#config === pending) this.#config = undefined;
    });
    return pending;
  }

  /** Where to send the browser to sign in; `kioskQuery` is the kiosk's address query to come back to. */
  async start(kioskQuery: string): Promise<URL> {
    let config: client.Configuration;
    try {
      config = await this.#configuration();
    } catch (error) {
      throw new OidcRefused(
        `the identity provider ${this.settings.issuer.href} cannot be reached (${(error as Error).message}): try again later, or ask your admin for a sign-in code`,
      );
    }
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const back = new URLSearchParams(kioskQuery);
    const kept = new URLSearchParams([...back].filter(([key]) => RETURNED.includes(key)));
    await this.db.query(`delete from oidc_logins where created_at < now() - make_interval(mins => $1::int)`, [LOGIN_MINUTES]);
    await this.db.query('insert into oidc_logins (state, verifier, kiosk_query) values ($1, $2, $3)', [state, verifier, kept.toString()]);
    return client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
  }

  /** Finishes a sign-in from the provider's answer: the kiosk address that signs this device in as the person. */
  async finish(callbackQuery: string): Promise<URL> {
    const state = new URLSearchParams(callbackQuery).get('state') ?? '';
    const { rows } = await this.db.query<{ verifier: string; kiosk_query: string }>(
      `delete from oidc_logins where state = $1 and created_at > now() - make_interval(mins => $2::int) returning verifier, kiosk_query`,
      [state, LOGIN_MINUTES],
    );
    const login = rows[0];
    if (!login) throw new OidcRefused(`this sign-in was already used or took longer than ${LOGIN_MINUTES} minutes: start again`);
    const answer = new URL(this.settings.redirectUrl);
    answer.search = callbackQuery;
    let subject: string;
    let email = '';
    try {
      const config = await this.#configuration();
      const tokens = await client.authorizationCodeGrant(config, answer, { pkceCodeVerifier: login.verifier, expectedState: state });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      subject = claims.sub;
      // Many providers put the e-mail in the ID token; the others answer it at their userinfo endpoint.
      const mail = claims['email'] ?? (await client.fetchUserInfo(config, tokens.access_token, subject))['email'];
      if (typeof mail === 'string') email = mail.toLowerCase();
    } catch (error) {
      throw new OidcRefused(`the identity provider did not sign you in (${(error as Error).message}): start again`);
    }
    const { org } = this.settings;
    const { rows: people } = await this.db.query<{ id: string }>(
      `select p.id from records p
       where p.org = $1 and p.kind = 'people' and p.data->>'deletedAt' is null
         and ((p.data->>'externalId') = $2 or ($3 <> '' and lower(p.data->>'email') = $3))
       order by coalesce((p.data->>'externalId') = $2, false) desc
       limit 1`,
      [org, subject, email],
    );
    const person = people[0];
    if (!person)
      throw new OidcRefused(
        `${email || subject} is not a person of this organisation here yet: ask your admin to add ${email || 'your e-mail address'} to your entry in the people of the set-up`,
      );
    // Rights follow the person (admin flag; leading or coaching someone; else a member): the code carries none of its own.
    const { code } = await createSignInCode(this.db, { org, personId: person.id, hours: 1 });
    const kiosk = new URL('/', this.settings.redirectUrl);
    const query = new URLSearchParams(login.kiosk_query);
    query.set('server', kiosk.origin);
    query.set('sign-in', code);
    kiosk.search = query.toString();
    return kiosk;
  }
}

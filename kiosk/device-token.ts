/**
 * A screen's sync token leaves the address bar as soon as the screen starts: a token in a
 * URL ends up in browser history, bookmarks, screenshots and the logs of every proxy on the
 * way. The screen keeps it instead - for this tab (a reload, an update, a recovery) and, for
 * a device token (wall, coach, admin), on this device; a phone link only for its tab, since
 * it lasts a day. A coach's own token is also kept apart, so that scanning any board's
 * coaching-card code opens the card as them.
 */
import { msg } from '@lit/localize';
import { serverAddress } from './config.js';

const tabKey = (server: string) => `huddle-elements:token@${server}`;
const deviceKey = (server: string) => `huddle-elements:device-token@${server}`;
const coachKey = (server: string) => `huddle-elements:coach-token@${server}`;

/**
 * The query to configure the screen from: the address bar's, with the token this screen
 * keeps for its server when the address no longer holds one. A coach's phone opening a
 * card takes the coach's token first.
 */
export function queryWithKeptToken(search: string): URLSearchParams {
  const query = new URLSearchParams(search);
  const server = serverAddress(query.get('server') ?? '');
  if (!server || query.has('token')) return query;
  const kept =
    query.get('views') === 'card'
      ? (localStorage.getItem(coachKey(server)) ?? sessionStorage.getItem(tabKey(server)))
      : (sessionStorage.getItem(tabKey(server)) ?? localStorage.getItem(deviceKey(server)));
  if (kept) query.set('token', kept);
  return query;
}

/** Keeps a token that came in the address for this tab, and takes it out of the address and history. */
export function moveTokenOutOfUrl(server: string, token: string): void {
  const url = new URL(location.href);
  if (url.searchParams.get('token') !== token) return;
  sessionStorage.setItem(tabKey(server), token);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', url.href);
}

/** After the server said who the token is: a device's own token is kept on the device. */
export function keepDeviceToken(server: string, token: string, role: string): void {
  if (role === 'pulse') return;
  localStorage.setItem(deviceKey(server), token);
  if (role === 'coach' || role === 'member' || role === 'admin') localStorage.setItem(coachKey(server), token);
}

/** A sign-in code the server would not take, or could not be asked about; the words say what to do. */
export class SignInFailed extends Error {
  override readonly name = 'SignInFailed';
}

/**
 * A one-time sign-in code in the address - a link or QR code an admin made for a person - leaves
 * the address at once and is redeemed at the server for the person's own token, which then
 * stands in the query as `token` (and is kept on the device like any device token).
 */
export async function redeemSignInCode(query: URLSearchParams): Promise<void> {
  const code = query.get('sign-in');
  if (code === null) return;
  query.delete('sign-in');
  const url = new URL(location.href);
  url.searchParams.delete('sign-in');
  history.replaceState(history.state, '', url.href);
  const server = serverAddress(query.get('server') ?? '');
  if (!server) throw new SignInFailed(msg('The sign-in link names no server: ask your admin for the whole link.'));
  let response: Response;
  try {
    response = await fetch(`${server}/api/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code }) });
  } catch {
    throw new SignInFailed(msg('The server could not be reached to sign in: check the network, then open the link again.'));
  }
  const answer = (await response.json().catch(() => ({}))) as { token?: unknown; error?: unknown };
  if (!response.ok || typeof answer.token !== 'string') {
    throw new SignInFailed(typeof answer.error === 'string' ? answer.error : msg('The server did not sign you in: ask your admin for a new link.'));
  }
  query.set('token', answer.token);
  // The person's token replaces whatever this tab kept, so a reload stays signed in as them.
  sessionStorage.setItem(tabKey(server), answer.token);
}

/**
 * Where a person signs in with the organisation's identity provider, coming back to this
 * screen's settings (the server keeps only the harmless ones: board, views, theme, language).
 */
export function signInAddress(server: string): string {
  return `${server}/auth/login?return=${encodeURIComponent(location.search.slice(1))}`;
}

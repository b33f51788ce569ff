/**
 * A screen's sync token leaves the address bar as soon as the screen starts: a token in a
 * URL ends up in browser history, bookmarks, screenshots and the logs of every proxy on the
 * way. The screen keeps it instead - for this tab (a reload, an update, a recovery) and, for
 * a device token (wall, coach, admin), on this device; a phone link only for its tab, since
 * it lasts a day. A coach's own token is also kept apart, so that scanning any board's
 * coaching-card code opens the card as them.
 */
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
  if (role === 'coach' || role === 'admin') localStorage.setItem(coachKey(server), token);
}

/**
 * Calls of the sync server's admin API from an admin's screen (device tokens, sign-in codes):
 * one place that says, in the screen's language, when the server cannot be reached, and
 * otherwise passes on the server's own words for a refusal.
 */
import { msg, str } from '@lit/localize';

export async function adminCall<T>(
  server: string,
  token: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${server}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      cache: 'no-store',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new Error(msg('The server cannot be reached: try again when this screen is online.'), { cause: error });
  }
  const answer = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(answer.error ?? msg(str`The server refused (${response.status}).`));
  return answer;
}

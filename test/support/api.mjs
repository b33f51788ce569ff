// One call of the sync server's HTTP API, as a device or an admin script makes it: the token as
// a bearer (none for the calls that take none), a JSON body, and the JSON answer with its status.
export async function call(url, token, path, { method = 'GET', body } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: await response.json().catch(() => ({})) };
}

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

/** Every record of a kind a token's pulls bring from the start, by id (the latest version of each). */
export async function pulled(url, token, kind) {
  const found = new Map();
  for (let cursor = 0, more = true; more;) {
    const { json } = await call(url, token, `/api/sync/pull?cursor=${cursor}`);
    for (const r of json.records ?? []) if (r.kind === kind) found.set(r.id, r.record);
    ({ cursor, more } = json);
  }
  return found;
}

/** The first pulled record (kind, id, record) that `match` accepts, reading from the start; undefined when none. */
export async function findPulled(url, token, match) {
  for (let cursor = 0, more = true; more;) {
    const { json } = await call(url, token, `/api/sync/pull?cursor=${cursor}`);
    const found = (json.records ?? []).find(match);
    if (found) return found;
    ({ cursor, more } = json);
  }
  return undefined;
}

// Who wrote what, against the real sync server (on PostgreSQL as a site runs it; its SQL runs
// on PGlite too in hostile-sync and site): a coaching
// conversation is recorded as the person the token belongs to - never as whoever the body
// names - and changed only by its coach; every signed write leaves an audit trail (person,
// device, fields, time) that admins read over HTTP and on the command line; an anonymous
// up-note leaves no author anywhere: not in its record, the history, the server's tables or log.
import { checks } from '../support/checks.mjs';
import { call } from '../support/api.mjs';
import { onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const SUPERVISOR = 'person-assembly-supervisor';
const MANAGER = 'person-plant-manager';
const LEADER = 'person-line-1-leader';
const DAY = new Date().toISOString().slice(0, 10);
let counter = 0;
const stamp = () => `${String(Date.now()).padStart(16, '0')}:${(counter++ % 0xffff).toString(16).padStart(4, '0')}:authortest`;
const opId = () => `author-op-${Date.now()}-${counter++}`;

/** One op; the record's id travels beside its fields. */
const push = (url, token, kind, id, { id: _id, ...fields }) =>
  call(url, token, '/api/sync/push', { method: 'POST', body: { ops: [{ opId: opId(), kind, id, hlc: stamp(), fields }] } });

function conversation(id, fields) {
  const at = new Date().toISOString();
  return {
    id,
    createdAt: at,
    updatedAt: at,
    kind: 'huddle-observation',
    direction: 'down',
    learnerId: LEADER,
    anonymous: false,
    day: DAY,
    ratings: {},
    wentWell: 'Started on time and everyone spoke',
    evenBetter: 'Close the actions at the board',
    focus: 'Owners and dates on every action',
    ...fields,
  };
}

await onPostgres(async (database, env) => {
  console.log(`who wrote what (${database})`);
  serverCommand(env, 'demo', '--org', 'riverside');
  const token = (...args) => serverCommand(env, 'token', 'create', '--org', 'riverside', ...args);
  const supervisor = token('--role', 'coach', '--person', SUPERVISOR, '--label', 'Supervisor tablet');
  const manager = token('--role', 'coach', '--person', MANAGER, '--label', 'Manager phone');
  const unsigned = token('--role', 'coach', '--label', 'Shared coach tablet');
  const wall = token('--role', 'wall', '--unit', 'unit-line-1', '--label', 'Line 1 wall');
  const admin = token('--role', 'admin', '--label', 'Admin laptop');
  const server = await startServer(env);
  const { url } = server;
  try {
    const own = await push(url, supervisor, 'coachingSessions', `talk-${database}`, conversation(`talk-${database}`, { coachId: SUPERVISOR }));
    check('a coach records a conversation as themselves', own.status === 200 && own.json.applied === 1, JSON.stringify(own.json));

    const forged = await push(url, supervisor, 'coachingSessions', `forged-${database}`, conversation(`forged-${database}`, { coachId: MANAGER }));
    check(
      `a conversation naming another coach is refused, naming the field ("${forged.json.error}")`,
      forged.status === 400 && forged.json.field === 'coachId' && /must be the person signed in \("person-assembly-supervisor"\)/.test(forged.json.error),
    );

    const nobody = await push(url, unsigned, 'coachingSessions', `nobody-${database}`, conversation(`nobody-${database}`, { coachId: SUPERVISOR }));
    check(
      `a token that belongs to no one cannot record a signed conversation ("${nobody.json.error}")`,
      nobody.status === 400 && nobody.json.field === 'coachId' && /needs a person signed in/.test(nobody.json.error),
    );

    const takeover = await push(url, manager, 'coachingSessions', `talk-${database}`, { focus: 'Rewritten by someone else', coachId: MANAGER });
    check(
      `another coach cannot change someone's conversation ("${takeover.json.error}")`,
      takeover.status === 400 &&
        takeover.json.field === 'coachId' &&
        /must stay "person-assembly-supervisor": only its coach may change/.test(takeover.json.error),
    );

    const edit = await push(url, supervisor, 'coachingSessions', `talk-${database}`, { focus: 'Owners, dates and a check next week' });
    check('its coach can change it', edit.status === 200 && edit.json.applied === 1, JSON.stringify(edit.json));

    const action = await push(url, wall, 'actions', `action-${database}`, {
      id: `action-${database}`,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      unitId: 'unit-line-1',
      title: 'Label printer jams',
      status: 'open',
    });
    check('a wall adds an action', action.status === 200, JSON.stringify(action.json));

    const upNote = `up-${database}`;
    const anonymous = await push(
      url,
      supervisor,
      'coachingSessions',
      upNote,
      conversation(upNote, { direction: 'up', anonymous: true, learnerId: MANAGER, wentWell: 'You listened first' }),
    );
    check('an anonymous up-note from a signed-in coach is stored', anonymous.status === 200, JSON.stringify(anonymous.json));

    // The audit trail, as an admin reads it.
    const history = await call(url, admin, `/api/history/coachingSessions/talk-${database}`);
    const rows = history.json.history ?? [];
    check(
      `the conversation's history names its coach and device for each change (${rows.map((r) => `${r.personName} on ${r.deviceLabel}: ${r.fields.length} fields`).join('; ')})`,
      history.status === 200 &&
        rows.length === 2 &&
        rows.every((r) => r.person === SUPERVISOR && r.deviceLabel === 'Supervisor tablet' && r.at) &&
        rows[1].fields.join() === 'focus',
    );
    const actionHistory = (await call(url, admin, `/api/history/actions/action-${database}`)).json.history ?? [];
    check(
      `the action's history names the wall that made it, and no person ("${actionHistory[0]?.deviceLabel}", "${actionHistory[0]?.person}")`,
      actionHistory.length === 1 &&
        actionHistory[0].deviceLabel === 'Line 1 wall' &&
        actionHistory[0].person === '' &&
        actionHistory[0].fields.includes('title'),
    );
    const upHistory = (await call(url, admin, `/api/history/coachingSessions/${upNote}`)).json.history;
    check('the anonymous up-note has no history at all', Array.isArray(upHistory) && upHistory.length === 0);
    let stored;
    for (let cursor = 0, more = true; more;) {
      const { json: page } = await call(url, admin, `/api/sync/pull?cursor=${cursor}`);
      stored = page.records.find((r) => r.id === upNote)?.record ?? stored;
      ({ cursor, more } = page);
    }
    check('and its record names no coach', stored !== undefined && !('coachId' in stored) && !JSON.stringify(stored).includes(SUPERVISOR));
    check('nor does the server log mention it', !server.log().includes(upNote));

    check('a coach cannot read the history', (await call(url, supervisor, `/api/history/actions/action-${database}`)).status === 403);
    const badKind = await call(url, admin, '/api/history/secrets/x');
    check(`a history request for an unknown kind names the field ("${badKind.json.error}")`, badKind.status === 400 && badKind.json.field === 'kind');
  } finally {
    await server.stop();
  }
  // The command line reads the same trail (the embedded database needs the server stopped).
  const printed = serverCommand(env, 'history', '--org', 'riverside', '--kind', 'coachingSessions', '--id', `talk-${database}`);
  check(
    `the command line prints the history ("${printed.split('\n')[0]}")`,
    /\(person-assembly-supervisor\) on Supervisor tablet \[coach\]: .*wentWell/.test(printed),
  );
  const none = serverCommand(env, 'history', '--org', 'riverside', '--kind', 'coachingSessions', '--id', `up-${database}`);
  check('and says an anonymous record keeps none', /anonymous records keep none/.test(none));
});
finish();

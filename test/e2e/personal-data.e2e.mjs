// A person's rights over their data, on the real sync server: the command line and an admin
// export everything about a person; erasing a team leader gives them a pseudonym, removes every
// word of the conversations they were in - on the server, and so from what their coach's device
// pulls, which held the words before - keeps those conversations' days and scores (the figures),
// and stops their sign-in. Only an admin may do either.
import { checks, until } from '../support/checks.mjs';
import { call, pulled } from '../support/api.mjs';
import { onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const SUPERVISOR = 'person-assembly-supervisor';
const LEADER = 'person-line-1-leader';
let counter = 0;
const stamp = () => `${String(Date.now()).padStart(16, '0')}:${(counter++ % 0xffff).toString(16).padStart(4, '0')}:personal`;

await onPostgres(async (database, env) => {
  console.log(`a person's data: export and erasure (${database})`);
  serverCommand(env, 'demo', '--org', 'riverside');
  const exported = JSON.parse(serverCommand(env, 'person', 'export', '--org', 'riverside', '--id', LEADER));
  check(
    `the command line exports everything about a person (${exported.coachingConversations.length} conversations, ${exported.actionsOwned.length} actions)`,
    exported.person?.id === LEADER &&
      exported.coachingConversations.length > 0 &&
      exported.coachingConversations.every((s) => s.coachId === LEADER || s.learnerId === LEADER),
  );
  const token = (...args) => serverCommand(env, 'token', 'create', '--org', 'riverside', ...args);
  const admin = token('--role', 'admin');
  const coach = token('--role', 'coach', '--person', SUPERVISOR);
  const leader = token('--role', 'coach', '--person', LEADER);
  const server = await startServer(env);
  const { url } = server;
  try {
    const at = new Date().toISOString();
    const talk = `talk-${database}`;
    await call(url, coach, '/api/sync/push', {
      method: 'POST',
      body: {
        ops: [
          {
            opId: `personal-${Date.now()}`,
            kind: 'coachingSessions',
            id: talk,
            hlc: stamp(),
            fields: {
              createdAt: at,
              updatedAt: at,
              kind: 'huddle-observation',
              direction: 'down',
              coachId: SUPERVISOR,
              learnerId: LEADER,
              anonymous: false,
              day: at.slice(0, 10),
              ratings: { 'board-visible': 2, 'owners-named': 0 },
              wentWell: 'Ran it in nine minutes',
              evenBetter: 'Ask the quiet ones',
              focus: 'Questions',
            },
          },
        ],
      },
    });
    const before = (await pulled(url, coach, 'coachingSessions')).get(talk);
    check("the coach's device holds the conversation's words before", before?.wentWell === 'Ran it in nine minutes');

    check('a coach may not export a person', (await call(url, coach, `/api/people/${LEADER}/export`)).status === 403);
    check('a coach may not erase a person', (await call(url, coach, `/api/people/${LEADER}/erase`, { method: 'POST' })).status === 403);
    const viaApi = await call(url, admin, `/api/people/${LEADER}/export`);
    check(
      'an admin exports the person, the words of their conversations included',
      viaApi.json.coachingConversations?.some((s) => s.id === talk && s.wentWell === 'Ran it in nine minutes'),
    );
    const nobody = await call(url, admin, '/api/people/person-nobody/erase', { method: 'POST' });
    check(`erasing someone unknown names the field ("${nobody.json.error}")`, nobody.status === 404 && nobody.json.field === 'id');

    const erased = await call(url, admin, `/api/people/${LEADER}/erase`, { method: 'POST' });
    check(
      `an admin erases the team leader (${erased.json.records} records changed)`,
      erased.status === 200 && erased.json.records > 1,
      JSON.stringify(erased.json),
    );
    const person = (await pulled(url, admin, 'people')).get(LEADER);
    check(
      `their name is a pseudonym and their contact is gone ("${person?.name}")`,
      /^Former colleague /.test(person?.name ?? '') && !('email' in (person ?? {})),
    );
    const after = await pulled(url, coach, 'coachingSessions');
    const theirs = [...after.values()].filter((s) => s.learnerId === LEADER || s.coachId === LEADER);
    check(
      `every conversation they were in keeps its day and score, no words - even for its coach (${theirs.length})`,
      theirs.length > 1 &&
        theirs.every((s) => s.wentWell === '' && s.evenBetter === '' && s.focus === '' && !('answers' in s) && s.day) &&
        after.get(talk)?.ratings['score-2'] === 2,
    );
    const whoami = await call(url, leader, '/api/whoami');
    check('their sign-in stops at once', whoami.status === 401);
    const trail = await until(async () => (await call(url, admin, `/api/history/coachingSessions/${talk}`)).json.history?.length === 2, 5000);
    check('the erasure is in the record’s history', trail === true);

    // Retention: the organisation keeps conversations' words one month; the server applies it daily and at start.
    const org = [...(await pulled(url, admin, 'org')).values()][0];
    const kept = await call(url, admin, '/api/sync/push', {
      method: 'POST',
      body: { ops: [{ opId: `retention-${Date.now()}`, kind: 'org', id: org.id, hlc: stamp(), fields: { coachingWordsKeptMonths: 1 } }] },
    });
    check('an admin sets a retention of one month', kept.status === 200, JSON.stringify(kept.json));
  } finally {
    await server.stop();
  }
  const restarted = await startServer(env);
  try {
    const sessions = [...(await pulled(restarted.url, coach, 'coachingSessions')).values()].filter((s) => s.coachId === SUPERVISOR && !s.anonymous);
    const monthAgo = new Date(Date.now() - 31 * 86400000).toISOString().slice(0, 10);
    const old = sessions.filter((s) => s.day < monthAgo);
    // Well inside the month kept (not "this calendar month": on its first day that holds none).
    const weeksAgo = new Date(Date.now() - 21 * 86400000).toISOString().slice(0, 10);
    const recent = sessions.filter((s) => s.day >= weeksAgo && s.learnerId !== LEADER);
    check(
      `after the retention, the coach's conversations older than a month keep no words (${old.length}) and recent ones keep theirs (${recent.length})`,
      old.length > 0 && old.every((s) => s.wentWell === '' && s.focus === '') && recent.length > 0 && recent.some((s) => s.wentWell !== '' || s.focus !== ''),
    );
  } finally {
    await restarted.stop();
  }
});
finish();

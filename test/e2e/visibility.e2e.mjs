// Who reads a coaching conversation's words, on the real sync server: a supervisor records a
// conversation with a team leader; each role's pull holds, field by field, what the policy in the
// model gives it - the coach and the learner the words, a peer, a team member, the line above (by
// default), an admin who is not in it, a wall and a phone link only that it happened and its score.
// The organisation can let the line above read; the words then reach the manager. A wall kiosk
// that syncs keeps no conversation's words in its IndexedDB.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.mjs';
import { checks, until } from '../support/checks.mjs';
import { call, pulled } from '../support/api.mjs';
import { storedRecords } from '../support/idb.mjs';
import { onPostgres, serverCommand, startServer } from '../support/sync-server.mjs';

const { check, finish } = checks();
const SUPERVISOR = 'person-assembly-supervisor';
const LEADER = 'person-line-1-leader';
const MANAGER = 'person-plant-manager';
const PEER = 'person-packing-supervisor';
const OPERATOR = 'person-line-1-1';
const WORDS = { wentWell: 'Every action had an owner', evenBetter: 'Start on the minute', focus: 'Time-keeping' };
let counter = 0;
const stamp = () => `${String(Date.now()).padStart(16, '0')}:${(counter++ % 0xffff).toString(16).padStart(4, '0')}:visibility`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A device on the live channel: how many "changed" it has heard. */
async function listenLive(url, token) {
  const abort = new AbortController();
  const response = await fetch(`${url}/api/sync/live`, { headers: { Authorization: `Bearer ${token}` }, signal: abort.signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let heard = 0;
  let ready;
  const isReady = new Promise((resolve) => (ready = resolve));
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: '', done: true }));
      if (done) return;
      if (value.includes('event: ready')) ready();
      heard += value.split('event: changed').length - 1;
    }
  })();
  await isReady;
  return { changes: () => heard, close: () => abort.abort() };
}

const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  await onPostgres(async (database, env) => {
    console.log(`who reads a conversation's words (${database})`);
    serverCommand(env, 'demo', '--org', 'riverside');
    const token = (...args) => serverCommand(env, 'token', 'create', '--org', 'riverside', ...args);
    const tokens = {
      coach: token('--role', 'coach', '--person', SUPERVISOR),
      learner: token('--role', 'coach', '--person', LEADER),
      'line manager': token('--role', 'coach', '--person', MANAGER),
      peer: token('--role', 'coach', '--person', PEER),
      'team member': token('--role', 'member', '--person', OPERATOR),
      'admin (not in it)': token('--role', 'admin'),
      wall: token('--role', 'wall', '--unit', 'unit-line-1'),
    };
    const server = await startServer(env);
    const { url } = server;
    try {
      const phone = (await call(url, tokens.wall, '/api/phone-link', { method: 'POST' })).json.token;
      const at = new Date().toISOString();
      const id = `talk-${database}`;
      const fields = {
        createdAt: at,
        updatedAt: at,
        kind: 'huddle-observation',
        direction: 'down',
        coachId: SUPERVISOR,
        learnerId: LEADER,
        anonymous: false,
        day: at.slice(0, 10),
        ratings: { 'board-visible': 2, 'owners-named': 1 },
        followUpDate: at.slice(0, 10),
        ...WORDS,
      };
      const pushed = await call(url, tokens.coach, '/api/sync/push', {
        method: 'POST',
        body: { ops: [{ opId: `visibility-${Date.now()}`, kind: 'coachingSessions', id, hlc: stamp(), fields }] },
      });
      check('the supervisor records a conversation with the team leader', pushed.status === 200, JSON.stringify(pushed.json));

      const readsWords = { coach: true, learner: true, 'line manager': false, 'team member': false, 'admin (not in it)': false, wall: false };
      for (const [role, reads] of Object.entries(readsWords)) {
        const seen = (await pulled(url, tokens[role], 'coachingSessions')).get(id);
        const words =
          seen && seen.wentWell === WORDS.wentWell && seen.evenBetter === WORDS.evenBetter && seen.focus === WORDS.focus && seen.ratings['board-visible'] === 2;
        const bare =
          seen &&
          seen.wentWell === '' &&
          seen.evenBetter === '' &&
          seen.focus === '' &&
          !('answers' in seen) &&
          JSON.stringify(seen.ratings) === '{"score-1":1,"score-2":2}' &&
          seen.coachId === SUPERVISOR &&
          seen.day === fields.day &&
          seen.followUpDate === fields.followUpDate;
        check(
          reads ? `the ${role} reads the words` : `the ${role} sees that it happened, when, with whom and its score, not the words`,
          reads ? words : bare,
          JSON.stringify(seen),
        );
      }
      const peerPull = await pulled(url, tokens.peer, 'coachingSessions');
      check(
        `the peer, a supervisor of another area, receives nothing of it: their tablet holds their own part of the organisation (${peerPull.size} conversations, none of Assembly's)`,
        peerPull.size > 0 && !peerPull.has(id) && [...peerPull.values()].every((s) => s.learnerId !== LEADER),
      );
      const phonePull = await pulled(url, phone, 'coachingSessions');
      check("a board's phone link receives no conversation at all", phonePull.size === 0);

      // The organisation lets the line above read.
      const org = [...(await pulled(url, tokens['admin (not in it)'], 'org')).values()][0];
      const setting = await call(url, tokens['admin (not in it)'], '/api/sync/push', {
        method: 'POST',
        body: { ops: [{ opId: `visibility-org-${Date.now()}`, kind: 'org', id: org.id, hlc: stamp(), fields: { coachingWordsReadBy: 'pair-and-line' } }] },
      });
      const lineSees = (await pulled(url, tokens['line manager'], 'coachingSessions')).get(id);
      const peerSees = (await pulled(url, tokens.peer, 'coachingSessions')).get(id);
      check(
        'when the organisation lets the line above read, the plant manager reads the words and the peer still does not',
        setting.status === 200 && lineSees?.wentWell === WORDS.wentWell && peerSees === undefined,
        JSON.stringify(setting.json),
      );
      const bad = await call(url, tokens['admin (not in it)'], '/api/sync/push', {
        method: 'POST',
        body: { ops: [{ opId: `visibility-bad-${Date.now()}`, kind: 'org', id: org.id, hlc: stamp(), fields: { coachingWordsReadBy: 'everyone' } }] },
      });
      check(
        `a setting the policy does not know is refused, naming the field ("${bad.json.error}")`,
        bad.status === 400 && /coachingWordsReadBy/.test(bad.json.error ?? ''),
      );

      // A wall receives its board's records (and those of the boards below it), not the others'.
      const boardOf = new Map([...(await pulled(url, tokens['admin (not in it)'], 'kpis')).values()].map((k) => [k.id, k.unitId]));
      const wallActions = [...(await pulled(url, tokens.wall, 'actions')).values()];
      const wallValues = [...(await pulled(url, tokens.wall, 'kpiValues')).values()];
      const wallPeople = [...(await pulled(url, tokens.wall, 'people')).values()];
      const allActions = await pulled(url, tokens['admin (not in it)'], 'actions');
      check(
        `the Line 1 wall receives Line 1's actions and figures only (${wallActions.length} of ${allActions.size} actions)`,
        wallActions.length > 0 &&
          wallActions.length < allActions.size &&
          wallActions.every((a) => a.unitId === 'unit-line-1') &&
          wallValues.length > 0 &&
          wallValues.every((v) => boardOf.get(v.kpiId) === 'unit-line-1'),
      );
      const peopleBoards = new Set(wallPeople.map((p) => p.unitId));
      check(
        `and the names of its team and of its line above, for its cascade - no other team's (${wallPeople.length} people of ${[...peopleBoards].sort().join(', ')})`,
        wallPeople.some((p) => p.id === SUPERVISOR) && [...peopleBoards].sort().join() === 'unit-assembly,unit-line-1,unit-plant',
      );
      const wallPairs = [...(await pulled(url, tokens.wall, 'coachingPairs')).values()];
      const allPairs = await pulled(url, tokens['admin (not in it)'], 'coachingPairs');
      check(
        `and the coaching pairs of its people and its line (${wallPairs
          .map((p) => p.id)
          .sort()
          .join(', ')}; the organisation has ${allPairs.size})`,
        wallPairs.some((p) => p.id === 'pair-line-1') && wallPairs.length < allPairs.size && !wallPairs.some((p) => p.id === 'pair-line-3'),
      );
      const areaWall = token('--role', 'wall', '--unit', 'unit-assembly');
      const areaBoards = new Set([...(await pulled(url, areaWall, 'actions')).values()].map((a) => a.unitId));
      check(
        `an area's wall receives its own and its teams' records, not another area's (${[...areaBoards].sort().join(', ')})`,
        areaBoards.has('unit-line-1') && [...areaBoards].every((b) => ['unit-assembly', 'unit-line-1', 'unit-line-2', 'unit-line-3'].includes(b)),
      );

      // Pulls read the organisation's tree of boards once and again only when a board changed;
      // a wall with all of its share moves its cursor on to the organisation's newest change.
      const syncedCursor = async (wallToken) => {
        let cursor = 0;
        for (let more = true; more;) ({ cursor, more } = (await call(url, wallToken, `/api/sync/pull?cursor=${cursor}`)).json);
        return cursor;
      };
      const asAdmin = (ops) => call(url, tokens['admin (not in it)'], '/api/sync/push', { method: 'POST', body: { ops } });
      const newAction = (id, unitId, title) => ({
        opId: `${id}-op`,
        kind: 'actions',
        id,
        hlc: stamp(),
        fields: { unitId, title, status: 'open', createdAt: '2026-11-30T08:00:00.000Z', updatedAt: '2026-11-30T08:00:00.000Z' },
      });
      const areaCursor = await syncedCursor(areaWall);
      const line1Cursor = await syncedCursor(tokens.wall);
      const elsewhere = await asAdmin([newAction(`visibility-packing-${Date.now()}`, 'unit-packing', 'Not for Line 1')]);
      const quiet = (await call(url, tokens.wall, `/api/sync/pull?cursor=${line1Cursor}`)).json;
      const line1Action = `visibility-line-1-${Date.now()}`;
      await asAdmin([newAction(line1Action, 'unit-line-1', 'For Line 1')]);
      const next = (await call(url, tokens.wall, `/api/sync/pull?cursor=${quiet.cursor}`)).json;
      check(
        `a wall with all of its share moves on to the organisation's newest change, and what is its own still arrives (cursor ${line1Cursor} -> ${quiet.cursor})`,
        elsewhere.json.cursor === quiet.cursor && quiet.records.length === 0 && next.records.some((r) => r.id === line1Action),
        JSON.stringify({ elsewhere: elsewhere.json, quiet, next: next.records.map((r) => r.id) }),
      );
      const newBoard = `unit-line-4-${Date.now()}`;
      const newBoardAction = `visibility-new-board-${Date.now()}`;
      await asAdmin([
        {
          opId: `${newBoard}-op`,
          kind: 'units',
          id: newBoard,
          hlc: stamp(),
          fields: { name: 'Line 4', tier: 1, parentId: 'unit-assembly', createdAt: '2026-11-30T08:00:00.000Z', updatedAt: '2026-11-30T08:00:00.000Z' },
        },
      ]);
      await asAdmin([newAction(newBoardAction, newBoard, 'On the new line')]);
      const afterNewBoard = [];
      for (let cursor = areaCursor, more = true; more;) {
        const { json } = await call(url, areaWall, `/api/sync/pull?cursor=${cursor}`);
        afterNewBoard.push(...json.records.map((r) => r.id));
        ({ cursor, more } = json);
      }
      check(
        "a board added under Assembly: Assembly's synced wall receives it and its action (the tree of boards is read again)",
        afterNewBoard.includes(newBoard) && afterNewBoard.includes(newBoardAction),
        afterNewBoard.join(', '),
      );

      // A KPI moved to another board takes its figures along: a wall of the new board that has
      // synced everything receives the KPI and all its values on its next pulls.
      const line2Wall = token('--role', 'wall', '--unit', 'unit-line-2');
      let line2Cursor = 0;
      for (let more = true; more;) ({ cursor: line2Cursor, more } = (await call(url, line2Wall, `/api/sync/pull?cursor=${line2Cursor}`)).json);
      const moved = await call(url, tokens['admin (not in it)'], '/api/sync/push', {
        method: 'POST',
        body: { ops: [{ opId: `visibility-move-${Date.now()}`, kind: 'kpis', id: 'kpi-line-1-Q', hlc: stamp(), fields: { unitId: 'unit-line-2' } }] },
      });
      const arrived = [];
      for (let cursor = line2Cursor, more = true; more;) {
        const { json } = await call(url, line2Wall, `/api/sync/pull?cursor=${cursor}`);
        arrived.push(...(json.records ?? []));
        ({ cursor, more } = json);
      }
      const values = [...(await pulled(url, tokens['admin (not in it)'], 'kpiValues')).values()].filter((v) => v.kpiId === 'kpi-line-1-Q');
      const movedValues = arrived.filter((r) => r.kind === 'kpiValues' && r.record.kpiId === 'kpi-line-1-Q');
      check(
        `a KPI moved from Line 1 to Line 2 takes its figures along: Line 2's synced wall receives it and its ${movedValues.length} of ${values.length} values on its next pulls`,
        moved.status === 200 && arrived.some((r) => r.kind === 'kpis' && r.id === 'kpi-line-1-Q') && values.length > 50 && movedValues.length === values.length,
        JSON.stringify(moved.json),
      );

      // On the live channel a wall hears of its own boards' changes, not of every board's.
      const listeners = await Promise.all([tokens.wall, line2Wall].map((t) => listenLive(url, t)));
      const pushAs = (fields, kind = 'actions', id = `visibility-live-${Date.now()}`) =>
        call(url, tokens['admin (not in it)'], '/api/sync/push', {
          method: 'POST',
          body: { ops: [{ opId: `${id}-op`, kind, id, hlc: stamp(), fields }] },
        });
      await pushAs({
        unitId: 'unit-line-2',
        title: 'Heard on Line 2 only',
        status: 'open',
        createdAt: '2026-11-29T08:00:00.000Z',
        updatedAt: '2026-11-29T08:00:00.000Z',
      });
      await sleep(1500);
      const [line1Heard, line2Heard] = listeners.map((l) => l.changes());
      await pushAs({ name: 'Riverside Works' }, 'org', org.id);
      await sleep(1500);
      const [line1Org, line2Org] = listeners.map((l) => l.changes());
      for (const listener of listeners) listener.close();
      check(
        `on the live channel, Line 2's new action reaches Line 2's wall and not Line 1's; the organisation's settings reach both (${line1Heard}/${line2Heard}, then ${line1Org}/${line2Org})`,
        line1Heard === 0 && line2Heard === 1 && line1Org === 1 && line2Org === 2,
      );

      // A wall screen that syncs the whole demo organisation keeps no conversation's words.
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${url}/?server=${encodeURIComponent(url)}&token=${tokens.wall}&unit=unit-line-1`);
      await page.locator('kiosk-app huddle-board').waitFor({ timeout: 30000 });
      const stored = await until(async () => {
        const sessions = await storedRecords(page, 'coachingSessions');
        // The last year's conversations come after the recent ones (scope.ts, "recent first").
        return sessions.some((s) => s.id === id) && sessions.length > 10 ? sessions : undefined;
      }, 30000);
      const withWords = (stored ?? []).filter((s) => s.wentWell || s.evenBetter || s.focus || s.answers);
      check(
        `the wall's IndexedDB holds the conversations (${stored?.length ?? 0}) without a single one's words`,
        stored !== undefined && stored.length > 10 && withWords.length === 0,
        JSON.stringify(withWords[0]),
      );
      // The screen is re-assigned to Line 2: what Line 1's wall held and Line 2's may not leaves it.
      const line2 = token('--role', 'wall', '--unit', 'unit-line-2');
      await page.goto(`${url}/?server=${encodeURIComponent(url)}&token=${line2}&unit=unit-line-2`);
      await page.locator('kiosk-app huddle-board').waitFor({ timeout: 30000 });
      const boards = await until(async () => {
        const held = new Set((await storedRecords(page, 'actions')).map((a) => a.unitId));
        return held.has('unit-line-2') && !held.has('unit-line-1') ? held : undefined;
      }, 30000);
      check(`re-assigned to Line 2, the screen holds Line 2's actions and no longer Line 1's (${[...(boards ?? [])].join(', ')})`, boards !== undefined);
      await page.close();
    } finally {
      await server.stop();
    }
  });
} finally {
  await browser.close();
}
finish();

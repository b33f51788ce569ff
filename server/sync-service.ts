/**
 * Push and pull. Every op of a push is checked (shape, access, and the merged record against
 * the same validation the devices use) and either the whole push is stored or none of it,
 * with an error naming the op and field; pushes that arrive together are stored in one
 * transaction (push-batches.ts). Each organisation has its
 * own change counter; its row lock serialises pushes per organisation, so cursors follow
 * commit order and a pull never skips a change committed late, even across instances.
 */
import {
  authorProblem,
  conversationFor,
  isAnonymous,
  localDay,
  problemText,
  recordRuleProblem,
  validateRecord,
  ValidationError,
  type EntityKind,
  type EntityMap,
  type RecordBoards,
  type CoachingSession,
  type OrgSettings,
  type Person,
  type RecordLookup,
  type Unit,
  type VisibilityContext,
} from '../src/model/index.js';
import { HybridClock, hlcMs, newNodeId, type Hlc } from '../src/model/hlc.js';
import { mergeFields, type FieldClocks } from '../src/model/merge.js';
import { SYNC_LIMITS, SyncProtocolError, type PullResponse, type PushResponse, type SyncOp, type WhoAmI } from '../src/protocol/sync.js';
import { directBoards, writeProblem } from './access.js';
import type { Database, Sql } from './db.js';
import { NOTIFY_CHANNEL, changeNotice } from './change-notice.js';
import {
  boardsForWrite,
  datedColumn,
  firstScreenOf,
  moveDependents,
  orgMarks,
  readerScope,
  scopedRows,
  sharePartSql,
  type SharePart,
  type StoredRow,
} from './record-boards.js';

/** Thrown when a token may not make one of the writes; nothing of the batch is stored. */
export class AccessError extends Error {
  override readonly name = 'AccessError';
  constructor(
    message: string,
    readonly opIndex: number,
  ) {
    super(message);
  }
}

/**
 * This server's own clock. A device's stamp is trusted only up to this server's time: an op
 * stamped ahead of it is re-stamped here (and the device told), so no device - broken or
 * hostile - can make a write that honest later writes cannot beat, and no stamp is stored
 * that the server could not exceed. Re-stamping rather than refusing keeps the write of a
 * wall TV whose clock runs fast: it lands, ordered by when it reached the server.
 */
export const serverClock = new HybridClock(newNodeId());

/** The stamp an op is stored with: its own when it is not ahead of this server, else a new one. */
export function boundedStamp(stamp: Hlc, clock: HybridClock = serverClock): Hlc {
  if (hlcMs(stamp) > clock.wallNow()) return clock.tick();
  clock.receive(stamp);
  return stamp;
}

const YIELD_EVERY_OPS = 25;

interface Row {
  data: Record<string, unknown>;
  clocks: FieldClocks;
}

/**
 * Who pushes: a device - what its token says, and the token (by its hash) for the audit trail -
 * or the command line loading whole sets of records (the demo, a backup), which keep the
 * authors they were written with.
 */
export type Pusher = (WhoAmI & { tokenHash: string }) | { org: string; role: 'admin'; commandLine: true };

/** One device's push in a batch: what it sends, and who it is. */
export interface PushRequest {
  who: Pusher;
  ops: readonly SyncOp[];
}

/** How one push of a batch ended: stored, or refused with the error naming its op and field. */
export type PushOutcome = { ok: true; response: PushResponse } | { ok: false; error: unknown };

/** One push on its own: stored whole, or refused with an error naming the op and field. */
export async function push(db: Database, who: Pusher, ops: readonly SyncOp[]): Promise<PushResponse> {
  const [outcome] = await pushBatch(db, who.org, [{ who, ops }]);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.response;
}

/**
 * Several pushes of one organisation in one transaction: one hold of its counter's lock and
 * one commit - one flush to disk - for all of them, where one transaction each kept every
 * other device of the organisation waiting for each flush in turn. Each push is checked
 * against what the pushes before it left, as if it came alone after them, and is stored whole
 * or refused whole: a refused push leaves nothing behind and the others are stored.
 */
export async function pushBatch(db: Database, org: string, pushes: readonly PushRequest[]): Promise<PushOutcome[]> {
  return db.transaction(async (sql) => {
    const locked = await sql.query<{ seq: string }>('select seq from org_seq where org = $1 for update', [org]);
    if (!locked.rows[0]) return pushes.map(() => ({ ok: false, error: new AccessError(`organisation ${org} does not exist`, 0) }));
    let seq = Number(locked.rows[0].seq);
    const everyOp = pushes.flatMap((p) => p.ops);
    // A query for the whole batch, not several per op: which op ids are already applied, and
    // the records the others touch (a record the database does not hold is remembered as absent).
    const seen = await appliedOpIds(sql, org, everyOp);
    const stored = await storedRecords(
      sql,
      org,
      everyOp.filter((op) => !seen.has(op.opId)),
    );
    const batch: BatchState = { sql, org, seen, stored, touched: new Map(), applied: new Set(), traced: [] };
    const outcomes: PushOutcome[] = [];
    for (const request of pushes) {
      try {
        outcomes.push({ ok: true, response: await applyPush(batch, request) });
      } catch (error) {
        // A database error leaves the transaction unusable: then the whole batch fails.
        if (!(error instanceof SyncProtocolError || error instanceof AccessError)) throw error;
        outcomes.push({ ok: false, error });
      }
    }
    const load = (kind: EntityKind, id: string) => loadRecord(batch, undefined, kind, id);
    const changes: Change[] = [];
    for (const change of batch.touched.values()) changes.push({ ...change, seq: ++seq, boards: await boardsForWrite(change.kind, change.row.data, load) });
    if (batch.applied.size > 0)
      await sql.query('insert into applied_ops (org, op_id) select $1, unnest($2::text[]) on conflict do nothing', [org, [...batch.applied]]);
    if (changes.length > 0) {
      await writeRecords(sql, org, changes);
      const moved = changes.filter(
        (c) =>
          (c.kind === 'kpis' || c.kind === 'people') &&
          stored.get(`${c.kind}/${c.id}`) &&
          stored.get(`${c.kind}/${c.id}`)!.data['unitId'] !== c.row.data['unitId'],
      );
      if (moved.length > 0)
        seq = await moveDependents(
          sql,
          org,
          moved.map((c) => ({ kind: c.kind, id: c.id, board: c.boards.board })),
          seq,
        );
      const seqOf = new Map(changes.map((c) => [`${c.kind}/${c.id}`, c.seq]));
      if (batch.traced.length > 0) await writeHistory(sql, org, batch.traced, seqOf);
      await sql.query('update org_seq set seq = $2 where org = $1', [org, seq]);
      await notify(sql, org, seq, touchedBoards(changes));
    }
    // Every push's cursor is the batch's: everything up to it, its own writes among them, is stored.
    return outcomes.map((outcome) => (outcome.ok ? { ok: true, response: { ...outcome.response, cursor: seq } } : outcome));
  });
}

/** What a batch's pushes have left so far, shared by the pushes after them. */
interface BatchState {
  sql: Sql;
  org: string;
  /** The op ids the database had applied before the batch. */
  seen: Set<string>;
  /** The records as the database held them before the batch (undefined: not held). */
  stored: Map<string, Row | undefined>;
  /** Each record's newest version from the batch's stored pushes, by "kind/id". */
  touched: Map<string, { kind: EntityKind; id: string; row: Row }>;
  /** The op ids the batch's stored pushes applied. */
  applied: Set<string>;
  /** The audit trail's rows: each stored push's changed fields, with who sent them. */
  traced: Traced[];
}

interface Traced {
  kind: EntityKind;
  id: string;
  fields: Set<string>;
  who: Pusher;
}

/** A record as a push sees it: its own writes first, then the batch's, then the database's. */
async function loadRecord(batch: BatchState, own: Map<string, { row: Row }> | undefined, kind: EntityKind, id: string): Promise<Row | undefined> {
  const key = `${kind}/${id}`;
  const mine = own?.get(key) ?? batch.touched.get(key);
  if (mine) return mine.row;
  if (batch.stored.has(key)) return batch.stored.get(key);
  // A record the rules look up beyond the pushes' own (the board an escalation comes from).
  const { rows } = await batch.sql.query<Row>('select data, clocks from records where org = $1 and kind = $2 and id = $3', [batch.org, kind, id]);
  batch.stored.set(key, rows[0]);
  return rows[0];
}

/**
 * Checks one push's ops against the batch so far and, when every op passes, adds its writes to
 * the batch; throws (and adds nothing) when one does not.
 */
async function applyPush(batch: BatchState, { who, ops }: PushRequest): Promise<PushResponse> {
  const own = new Map<string, { kind: EntityKind; id: string; row: Row; fields: Set<string> }>();
  const ownApplied = new Set<string>();
  const load = (kind: EntityKind, id: string) => loadRecord(batch, own, kind, id);
  const lookup: RecordLookup = async (kind, id) => (await load(kind, id))?.data as unknown as EntityMap[typeof kind] | undefined;
  const boardsOf = async (kind: EntityKind, record: Record<string, unknown>) => {
    if (kind !== 'kpiValues') return directBoards(kind, record);
    const kpi = await load('kpis', String(record['kpiId']));
    return kpi ? directBoards('kpis', kpi.data) : [];
  };
  let applied = 0;
  let duplicates = 0;
  const restamped: Record<string, Hlc> = {};
  for (const [index, op] of ops.entries()) {
    // An embedded database runs on this thread: let the event loop read other requests
    // now and then, so that they are queued for their turn rather than left unread.
    if (index > 0 && index % YIELD_EVERY_OPS === 0) await new Promise((resolve) => setImmediate(resolve));
    const name = `op ${index} (${op.opId}): ${op.kind} ${op.id}`;
    // The same op id twice - in one push, or sent again while the first was waiting - is applied once.
    if (batch.seen.has(op.opId) || batch.applied.has(op.opId) || ownApplied.has(op.opId)) {
      duplicates++;
      continue;
    }
    ownApplied.add(op.opId);
    const current = await load(op.kind, op.id);
    const stamp = boundedStamp(op.hlc);
    if (stamp !== op.hlc) restamped[op.opId] = stamp;
    const merged = mergeFields(op.id, current?.data, current?.clocks ?? {}, op.fields, stamp);
    const after = merged.record!;
    let valid: EntityMap[EntityKind];
    try {
      valid = validateRecord(op.kind, after);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Only a missing field means the op meant to edit a record this server does not have.
      const hint = !current && error.problem.code === 'required' ? ' (the server has no such record: an op that creates one must carry all its fields)' : '';
      throw new SyncProtocolError(`${name}: ${error.field} ${problemText(error.problem)}${hint}`, index, error.field);
    }
    const before = current?.data as unknown as EntityMap[EntityKind] | undefined;
    const broken =
      (await recordRuleProblem(op.kind, before, valid, lookup)) ??
      ('commandLine' in who ? undefined : authorProblem(op.kind, before, valid, { personId: who.personId }));
    if (broken) throw new SyncProtocolError(`${name}: ${broken.field} ${problemText(broken.problem)}`, index, broken.field);
    const problem = await writeProblem(who, op.kind, current?.data, after, boardsOf);
    if (problem) throw new AccessError(`${name}: ${problem}`, index);
    applied++;
    // An op whose every field is already newer here changes nothing: no new version to send.
    if (current && merged.changed.length === 0 && sameClocks(current.clocks, merged.clocks)) continue;
    const fields = own.get(`${op.kind}/${op.id}`)?.fields ?? new Set<string>();
    for (const field of merged.changed) fields.add(field);
    own.set(`${op.kind}/${op.id}`, { kind: op.kind, id: op.id, row: { data: after, clocks: merged.clocks }, fields });
  }
  // Every op passed: the push's writes join the batch.
  for (const opId of ownApplied) batch.applied.add(opId);
  for (const [key, { kind, id, row, fields }] of own) {
    batch.touched.set(key, { kind, id, row });
    // Who changed what, kept for admins; an anonymous record keeps no trace of its sender.
    if (fields.size > 0 && !isAnonymous(kind, row.data as unknown as EntityMap[EntityKind])) batch.traced.push({ kind, id, fields, who });
  }
  return { applied, duplicates, cursor: 0, serverTime: Date.now(), ...(Object.keys(restamped).length > 0 ? { restamped } : {}) };
}

/** Which of the ops' ids this organisation has already applied. */
async function appliedOpIds(sql: Sql, org: string, ops: readonly SyncOp[]): Promise<Set<string>> {
  if (ops.length === 0) return new Set();
  const { rows } = await sql.query<{ op_id: string }>('select op_id from applied_ops where org = $1 and op_id = any($2::text[])', [
    org,
    ops.map((op) => op.opId),
  ]);
  return new Set(rows.map((row) => row.op_id));
}

/** The stored versions of the records `ops` touch, by "kind/id"; undefined for those not stored. */
async function storedRecords(sql: Sql, org: string, ops: readonly SyncOp[]): Promise<Map<string, Row | undefined>> {
  const found = new Map<string, Row | undefined>(ops.map((op) => [`${op.kind}/${op.id}`, undefined]));
  if (ops.length === 0) return found;
  const { rows } = await sql.query<Row & { kind: string; id: string }>(
    `select r.kind, r.id, r.data, r.clocks from records r
     join unnest($2::text[], $3::text[]) as wanted (kind, id) on r.kind = wanted.kind and r.id = wanted.id
     where r.org = $1`,
    [org, ops.map((op) => op.kind), ops.map((op) => op.id)],
  );
  for (const row of rows) found.set(`${row.kind}/${row.id}`, { data: row.data, clocks: row.clocks });
  return found;
}

interface Change {
  kind: EntityKind;
  id: string;
  row: Row;
  seq: number;
  boards: RecordBoards;
}

/** Every changed record in one statement, each with its new place in the organisation's order. */
async function writeRecords(sql: Sql, org: string, changes: readonly Change[]): Promise<void> {
  await sql.query(
    `insert into records (org, kind, id, data, clocks, seq, board, joins, dated)
     select $1, c.kind, c.id, c.data::jsonb, c.clocks::jsonb, c.seq, c.board, c.joins, c.dated
     from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[], $9::text[]) as c (kind, id, data, clocks, seq, board, joins, dated)
     on conflict (org, kind, id) do update set data = excluded.data, clocks = excluded.clocks, seq = excluded.seq, board = excluded.board, joins = excluded.joins, dated = excluded.dated`,
    [
      org,
      changes.map((c) => c.kind),
      changes.map((c) => c.id),
      changes.map((c) => JSON.stringify(c.row.data)),
      changes.map((c) => JSON.stringify(c.row.clocks)),
      changes.map((c) => c.seq),
      changes.map((c) => c.boards.board ?? null),
      changes.map((c) => c.boards.joins ?? null),
      changes.map((c) => datedColumn(c.kind, c.row.data)),
    ],
  );
}

/** The audit trail's rows: the person and device (token hash) from each push's token, never from the records. */
async function writeHistory(sql: Sql, org: string, traced: readonly Traced[], seqOf: ReadonlyMap<string, number>): Promise<void> {
  const device = (who: Pusher) => ('commandLine' in who ? undefined : who);
  await sql.query(
    `insert into record_history (org, kind, id, seq, person_id, token_hash, role, fields)
     select $1, c.kind, c.id, c.seq, c.person_id, c.token_hash, c.role, c.fields::jsonb
     from unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[])
       as c (kind, id, seq, person_id, token_hash, role, fields)`,
    [
      org,
      traced.map((t) => t.kind),
      traced.map((t) => t.id),
      traced.map((t) => seqOf.get(`${t.kind}/${t.id}`)),
      traced.map((t) => device(t.who)?.personId ?? null),
      traced.map((t) => device(t.who)?.tokenHash ?? null),
      traced.map((t) => t.who.role),
      traced.map((t) => JSON.stringify([...t.fields].sort())),
    ],
  );
}

function sameClocks(a: FieldClocks, b: FieldClocks): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** The boards a push's changes belong to; undefined when they concern every screen (settings, the boards' tree). */
function touchedBoards(changes: readonly Change[]): Set<string> | undefined {
  const boards = new Set<string>();
  for (const { kind, boards: of } of changes) {
    if (kind === 'units' || (of.board === undefined && of.joins === undefined)) return undefined;
    if (of.board !== undefined) boards.add(of.board);
    if (of.joins !== undefined) boards.add(of.joins);
  }
  return boards;
}

async function notify(sql: Sql, org: string, seq: number, boards: ReadonlySet<string> | undefined): Promise<void> {
  // Delivered at commit, to every instance listening on this database.
  await sql.query('select pg_notify($1, $2)', [NOTIFY_CHANNEL, changeNotice(org, seq, boards)]);
}

export async function pull(db: Database, who: WhoAmI, cursor: number, part: SharePart = { whole: true }): Promise<PullResponse> {
  // In a transaction like every push: PGlite runs one at a time in arrival order, while a
  // bare query could wait behind a steady stream of pushes for many seconds. A wall and a
  // person's device read their share (scope.ts) by index; an admin the whole organisation.
  const limit = 'recentFrom' in part ? SYNC_LIMITS.recordsPerFirstPull : SYNC_LIMITS.recordsPerPull;
  const { rows, head, belowLater } = await db.transaction(async (sql): Promise<{ rows: StoredRow[]; head?: number; belowLater?: boolean }> => {
    const marks = await orgMarks(sql, who.org);
    const scope = await readerScope(sql, who, localDay(), marks);
    // A wall with boards below receives first what its first screen reads of them (scope.ts).
    const firstScreen =
      scope && who.role === 'wall' && who.unitId && !('whole' in part) ? await firstScreenOf(sql, who.org, who.unitId, scope, marks) : undefined;
    const asked: SharePart = firstScreen && !('whole' in part) ? { ...part, firstScreen } : part;
    if (scope)
      return {
        rows: await scopedRows(sql, who.org, cursor, limit + 1, scope, marks.head, asked),
        head: marks.head,
        belowLater: firstScreen !== undefined && 'recentFrom' in part,
      };
    const params: unknown[] = [who.org, cursor, limit + 1];
    const inPart = sharePartSql(part, (value) => `$${params.push(value)}`);
    const all = await sql.query<StoredRow>(
      `select kind, id, data, clocks, seq from records where org = $1 and seq > $2 and ${inPart} order by seq limit $3`,
      params,
    );
    return { rows: all.rows };
  });
  const page = rows.slice(0, limit);
  const more = rows.length > limit;
  const last = page.length > 0 ? Number(page[page.length - 1]!.seq) : cursor;
  // A phone link reads its board's name and the organisation's words, nothing else.
  const visible = who.role === 'pulse' ? page.filter((r) => pulseReads(who, r)) : page;
  // Coaching conversations go as the reader may see them: the words to the people in them only.
  const context = visible.some((r) => r.kind === 'coachingSessions') ? await visibilityContext(db, who.org) : undefined;
  return {
    serverTime: Date.now(),
    // A screen that has all of its share moves on to the organisation's newest place, so that its
    // next pull starts near it even when nothing of its share changed for a long time.
    cursor: more ? last : Math.max(last, head ?? 0),
    records: visible
      .map((r) => (r.kind === 'coachingSessions' && context ? asSeenBy(who, r, context) : r))
      .map((r) => ({ kind: r.kind, id: r.id, record: r.data, clocks: r.clocks })),
    more,
    ...(belowLater ? { belowLater: true } : {}),
  };
}

/** What the visibility policy needs: the organisation's setting, its people and boards. */
async function visibilityContext(db: Database, org: string): Promise<VisibilityContext> {
  const { rows } = await db.query<{ kind: 'org' | 'people' | 'units'; data: Record<string, unknown> }>(
    "select kind, data from records where org = $1 and kind in ('org', 'people', 'units')",
    [org],
  );
  const of = <T>(kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.data as unknown as T);
  return { org: of<OrgSettings>('org')[0], people: of<Person>('people'), units: of<Unit>('units') };
}

/** A stored conversation as `who` may read it: without its words (and their stamps) unless the policy gives them. */
function asSeenBy<R extends { data: Record<string, unknown>; clocks: FieldClocks }>(who: WhoAmI, row: R, context: VisibilityContext): R {
  const session = row.data as unknown as CoachingSession;
  const seen = conversationFor({ ...(who.personId ? { personId: who.personId } : {}) }, session, context);
  if (seen === session) return row;
  const { answers: _answers, ...clocks } = row.clocks;
  return { ...row, data: seen as unknown as Record<string, unknown>, clocks };
}

/**
 * A phone pulse link reads only what the phone shows: its board (the name over the
 * question) and the organisation record (its language and words) - no other board, person,
 * figure or note.
 */
function pulseReads(who: WhoAmI, record: { kind: EntityKind; id: string }): boolean {
  return record.kind === 'org' || (record.kind === 'units' && record.id === who.unitId);
}

/**
 * The boards each stored record belongs to (scope.ts's rule, kept beside the record in the
 * columns `board` and `joins`), and a wall's or a person's pull read through them. A wall of a group with
 * 2,000 boards then reads its own share of the records by index - a few thousand - instead of
 * walking the group's millions and throwing nearly all of them away.
 */
import {
  DAILY_KINDS,
  DATED_BY,
  FIRST_SCREEN_BELOW,
  LINE_KINDS,
  ORGANISATION_FRAME,
  boardScope,
  firstScreenSources,
  historyDay,
  personalScope,
  recordBoards,
  type AnyRecord,
  type BoardScope,
  type Day,
  type EntityKind,
  type Kpi,
  type RecordBoards,
  type Unit,
} from '../src/model/index.js';
import type { FieldClocks } from '../src/model/merge.js';
import type { WhoAmI } from '../src/protocol/sync.js';
import type { Sql } from './db.js';

interface StoredData {
  data: Record<string, unknown>;
}

/**
 * The boards of a record about to be written; `load` finds the KPI or people it names (the
 * push's own records first, so a person and their first conversation can arrive together).
 */
export async function boardsForWrite(
  kind: EntityKind,
  record: Record<string, unknown>,
  load: (kind: EntityKind, id: string) => Promise<StoredData | undefined>,
): Promise<RecordBoards> {
  const unitOf = async (of: 'kpis' | 'people', id: unknown) => (typeof id === 'string' ? (await load(of, id))?.data['unitId'] : undefined);
  const kpiBoard = kind === 'kpiValues' ? await unitOf('kpis', record['kpiId']) : undefined;
  const people =
    kind === 'coachingPairs' || kind === 'coachingSessions'
      ? new Map([
          [record['learnerId'], await unitOf('people', record['learnerId'])],
          [record['coachId'], await unitOf('people', record['coachId'])],
        ])
      : new Map();
  const board = (found: unknown) => (typeof found === 'string' ? found : undefined);
  return recordBoards(kind, record as unknown as AnyRecord, { boardOfKpi: () => board(kpiBoard), boardOfPerson: (id) => board(people.get(id)) });
}

/**
 * A KPI or a person moved to another board takes what belongs to the board through them: the
 * KPI's values, the person's coaching pairs and conversations are given their new boards and
 * new places in the order (after `seq`), so the new board's walls receive them. Returns the
 * organisation's counter after them.
 */
export async function moveDependents(
  sql: Sql,
  org: string,
  moved: readonly { kind: EntityKind; id: string; board: string | undefined }[],
  seq: number,
): Promise<number> {
  let last = seq;
  for (const { kind, id, board } of moved) {
    const follow = async (dependent: EntityKind, field: string, column: 'board' | 'joins') => {
      const { rows } = await sql.query<{ seq: string }>(
        `with moving as (
           select kind, id, row_number() over (order by seq) as n from records
           where org = $1 and kind = $2 and data->>'${field}' = $3 and ${column} is distinct from $4
         )
         update records set ${column} = $4, seq = $5 + moving.n
         from moving where records.org = $1 and records.kind = moving.kind and records.id = moving.id
         returning records.seq`,
        [org, dependent, id, board ?? null, last],
      );
      last += rows.length;
    };
    if (kind === 'kpis') await follow('kpiValues', 'kpiId', 'board');
    if (kind === 'people') {
      for (const dependent of ['coachingPairs', 'coachingSessions'] as const) {
        await follow(dependent, 'learnerId', 'board');
        await follow(dependent, 'coachId', 'joins');
      }
    }
  }
  return last;
}

/** An organisation's boards' tree as last read, and the scopes worked out from it. */
interface BoardTree {
  /** The newest place in the organisation's order of any of its boards: a board written since moves it. */
  version: string | null;
  units: { id: string; parentId?: string }[];
  /** Each wall's scope by "board/day". */
  scopes: Map<string, BoardScope>;
  /** Each wall's first screen by board, with the newest place of the KPIs it was worked out from. */
  firstScreens: Map<string, { kpisVersion: string | null; screen: FirstScreen | undefined }>;
}

/**
 * Every pull of a wall or a person needs the organisation's whole tree of boards - 2,110 rows
 * for a group of 2,000 boards, read and walked on each pull. The tree changes seldom, so it is
 * kept, and read again only when a board was written since (records are never deleted, so
 * the newest order of the boards moves with every change to them, on any instance).
 */
const boardTrees = new Map<string, BoardTree>();
const MOST_ORGS_KEPT = 1000;
const MOST_SCOPES_KEPT = 10_000;

/** Where an organisation stands: its newest place in its order, and its boards' newest (see storedTree). */
export interface OrgMarks {
  head: number;
  boardsVersion: string | null;
}

/**
 * Both marks in one query. The head, read before the records, is safe to move a screen's cursor
 * to once it has every record of its share up to there: a push writes its records and moves
 * the counter in one transaction, under the counter's lock, so every change up to it was
 * committed before it was read.
 */
export async function orgMarks(sql: Sql, org: string): Promise<OrgMarks> {
  const { rows } = await sql.query<{ head: string | null; version: string | null }>(
    `select (select seq from org_seq where org = $1)::text as head,
            (select max(seq) from records where org = $1 and kind = 'units')::text as version`,
    [org],
  );
  return { head: Number(rows[0]?.head ?? 0), boardsVersion: rows[0]?.version ?? null };
}

/** The organisation's boards as stored now: each with the board above it. */
async function storedTree(sql: Sql, org: string, marks?: OrgMarks): Promise<BoardTree> {
  const version = (marks ?? (await orgMarks(sql, org))).boardsVersion;
  const kept = boardTrees.get(org);
  if (kept && kept.version === version) return kept;
  const { rows } = await sql.query<{ id: string; parent: string | null }>(
    "select id, data->>'parentId' as parent from records where org = $1 and kind = 'units'",
    [org],
  );
  const tree: BoardTree = {
    version,
    units: rows.map((row) => ({ id: row.id, ...(row.parent ? { parentId: row.parent } : {}) })),
    scopes: new Map(),
    firstScreens: new Map(),
  };
  boardTrees.delete(org);
  if (boardTrees.size >= MOST_ORGS_KEPT) boardTrees.delete(boardTrees.keys().next().value!);
  boardTrees.set(org, tree);
  return tree;
}

/** A board's scope on `today` (scope.ts), worked out once per tree. */
async function scopeOfBoard(sql: Sql, org: string, unitId: string, today: Day, marks?: OrgMarks): Promise<BoardScope> {
  const tree = await storedTree(sql, org, marks);
  const key = `${unitId}/${today}`;
  let scope = tree.scopes.get(key);
  if (!scope) {
    if (tree.scopes.size >= MOST_SCOPES_KEPT) tree.scopes.clear();
    scope = boardScope(unitId, tree.units, today);
    tree.scopes.set(key, scope);
  }
  return scope;
}

/**
 * What a reader's pulls hold (scope.ts): a wall its board's share; a coach or member signed in
 * as a person their own board's, with the boards of the people they coach or are coached by;
 * undefined - the whole organisation - for an admin, a token of no one, and a person the
 * organisation no longer holds.
 */
export async function readerScope(sql: Sql, who: WhoAmI, today: Day, marks?: OrgMarks): Promise<BoardScope | undefined> {
  if (who.role === 'wall' && who.unitId) return scopeOfBoard(sql, who.org, who.unitId, today, marks);
  if ((who.role !== 'coach' && who.role !== 'member') || !who.personId) return undefined;
  const { rows } = await sql.query<{ id: string; unit: string | null }>(
    `select id, data->>'unitId' as unit from records where org = $1 and kind = 'people' and (id = $2 or id in (
       select case when data->>'coachId' = $2 then data->>'learnerId' else data->>'coachId' end from records
       where org = $1 and kind = 'coachingPairs' and (data->>'coachId' = $2 or data->>'learnerId' = $2)))`,
    [who.org, who.personId],
  );
  const own = rows.find((row) => row.id === who.personId)?.unit;
  if (!own) return undefined;
  const partners = rows.filter((row) => row.id !== who.personId && row.unit).map((row) => row.unit!);
  return personalScope(await scopeOfBoard(sql, who.org, own, today, marks), partners);
}

export interface StoredRow {
  kind: EntityKind;
  id: string;
  data: Record<string, unknown>;
  clocks: FieldClocks;
  seq: string;
}

/**
 * Which part of its share a pull asks for (scope.ts, "recent first"): everything but what is
 * dated before a day (a new screen's first pulls), only that history, or all of it.
 */
export type SharePart = { recentFrom: Day; firstScreen?: FirstScreen } | { historyBefore: Day; firstScreen?: FirstScreen } | { whole: true };

/**
 * What a wall with boards below receives first of its share (scope.ts, FIRST_SCREEN_BELOW): the
 * organisation's frame, its own board's records and what joins it, its line's, and of the boards
 * below their boards, KPIs and the results its roll-ups summarise (`sources`).
 */
export interface FirstScreen {
  own: string;
  below: string[];
  line: string[];
  /** The KPIs whose results its roll-ups summarise, by their boards. */
  sources: Record<string, string[]>;
}

/**
 * A wall's first screen when its board has boards below (else the whole of its recent share is),
 * from the boards and KPIs of its scope. Every page of a new wall's first part and history asks
 * for it (389 pages for a site wall): it is kept with the boards' tree, and worked out again when a
 * KPI was written since (records are never deleted, so the KPIs' newest place moves with every
 * change to them).
 */
export async function firstScreenOf(sql: Sql, org: string, own: string, scope: BoardScope, marks?: OrgMarks): Promise<FirstScreen | undefined> {
  if (scope.boards.size <= 1) return undefined;
  const tree = await storedTree(sql, org, marks);
  const { rows: newest } = await sql.query<{ version: string | null }>("select max(seq)::text as version from records where org = $1 and kind = 'kpis'", [org]);
  const kpisVersion = newest[0]?.version ?? null;
  const kept = tree.firstScreens.get(own);
  if (kept && kept.kpisVersion === kpisVersion) return kept.screen;
  const screen = await readFirstScreen(sql, org, own, scope);
  if (tree.firstScreens.size >= MOST_SCOPES_KEPT) tree.firstScreens.clear();
  tree.firstScreens.set(own, { kpisVersion, screen });
  return screen;
}

async function readFirstScreen(sql: Sql, org: string, own: string, scope: BoardScope): Promise<FirstScreen | undefined> {
  const below = [...scope.boards].filter((board) => board !== own);
  if (below.length === 0) return undefined;
  const { rows } = await sql.query<{ kind: 'units' | 'kpis'; data: Record<string, unknown> }>(
    "select kind, data from records where org = $1 and kind in ('units', 'kpis') and board = any($2::text[])",
    [org, [...scope.boards]],
  );
  const of = <T>(kind: 'units' | 'kpis') => rows.filter((row) => row.kind === kind).map((row) => row.data as unknown as T);
  const kpis = of<Kpi>('kpis');
  const boardOf = new Map(kpis.map((kpi) => [kpi.id, kpi.unitId]));
  const sources: Record<string, string[]> = {};
  for (const id of firstScreenSources(own, of<Unit>('units'), kpis)) (sources[boardOf.get(id)!] ??= []).push(id);
  return { own, below, line: [...scope.line], sources };
}

/** The SQL condition a record of a wall's share meets when its first screen reads it (FirstScreen); never null. */
function firstScreenSql(first: FirstScreen, param: (value: unknown) => string): string {
  const own = param(first.own);
  const below = `board = any(${param(first.below)}::text[])`;
  const line = `board = any(${param(first.line)}::text[]) and kind = any(${param([...LINE_KINDS])}::text[])`;
  const source = `kind = 'kpiValues' and data->>'kpiId' = any(${param(Object.values(first.sources).flat())}::text[])`;
  return `coalesce(kind = any(${param([...ORGANISATION_FRAME])}::text[]) or board = ${own} or joins = ${own} or (${line}) or (${below} and (kind = any(${param([...FIRST_SCREEN_BELOW])}::text[]) or (${source}))), false)`;
}

/**
 * What the column `dated` holds for a record that no day dates (scope.ts, `historyDay`): always
 * recent. It sorts after every day (YYYY-MM-DD), so that "recent from a day" and "history
 * before it" are each one range of an index.
 */
export const UNDATED = 'undated';

/** The value of the column `dated` for a record about to be written. */
export function datedColumn(kind: EntityKind, record: Record<string, unknown>): string {
  return historyDay(kind, record as unknown as AnyRecord) ?? UNDATED;
}

/**
 * The SQL condition a record meets when it is in `part`, read by its column `dated` - and for a
 * wall with boards below, whether its first screen reads it: the history is what is dated before
 * the day or not on that screen.
 */
export function sharePartSql(part: SharePart, param: (value: unknown) => string): string {
  if ('whole' in part) return 'true';
  const recent = 'recentFrom' in part;
  const dated = recent ? `dated >= ${param(part.recentFrom)}` : `dated < ${param(part.historyBefore)}`;
  if (!part.firstScreen) return dated;
  const first = firstScreenSql(part.firstScreen, param);
  return recent ? `(${dated} and ${first})` : `(${dated} or not ${first})`;
}

/**
 * The next `limit` records after `cursor` that a device with this scope holds, of `part` of it, in the
 * order they were stored. One ordered index read per kind of the frame, per board and per board of the
 * line, merged by the database (a union whose parts each arrive in order), so a page costs
 * about its own length whatever the organisation's size. A record joining two boards of the
 * scope comes once: the `joins` part skips what a `board` part already gives.
 */
export async function scopedRows(
  sql: Sql,
  org: string,
  cursor: number,
  limit: number,
  scope: BoardScope,
  head: number,
  part: SharePart = { whole: true },
): Promise<StoredRow[]> {
  const nearHead = head - cursor <= NEAR_HEAD;
  if ('recentFrom' in part && !nearHead) return recentRows(sql, org, cursor, limit, scope, part);
  const params: unknown[] = [org, cursor, limit, [...scope.boards], [...scope.line], [...LINE_KINDS], [...DAILY_KINDS], scope.since];
  const param = (value: unknown) => `$${params.push(value)}`;
  const columns = 'kind, id, data, clocks, seq';
  // The daily records of the last year only (a text comparison: days are written YYYY-MM-DD).
  const daily = '(kind <> all($7::text[]) or dated >= $8)';
  if (nearHead) {
    // A screen that is up to date asks for what changed since its last pull, a few records of
    // the whole organisation: read those in order and keep the screen's, rather than plan and
    // run an ordered read for each of its boards (of which there are dozens on an area's wall).
    const frame = param([...ORGANISATION_FRAME]);
    const { rows } = await sql.query<StoredRow>(
      `select ${columns} from records where org = $1 and seq > $2 and ${daily} and ${sharePartSql(part, param)}
       and (kind = any(${frame}::text[]) or board = any($4::text[]) or joins = any($4::text[]) or (kind = any($6::text[]) and board = any($5::text[])))
       order by seq limit $3`,
      params,
    );
    return rows;
  }
  // A wall's history with boards below: of its own board, its line and what joins its own board,
  // what is dated before the day; of each board below, that and what its first screen did not read.
  const first =
    'historyBefore' in part && part.firstScreen
      ? { ...part.firstScreen, before: param(part.historyBefore), ownParam: param(part.firstScreen.own), read: param([...FIRST_SCREEN_BELOW]) }
      : undefined;
  const inPart = `${daily} and ${first ? `dated < ${first.before}` : sharePartSql(part, param)}`;
  const ordered = (where: string, condition = inPart) =>
    `(select ${columns} from records where org = $1 and seq > $2 and ${where} and ${condition} order by seq limit $3)`;
  const below = (board: string) => first !== undefined && board !== first.own;
  const parts = [
    ...ORGANISATION_FRAME.map((kind) => ordered(`kind = ${param(kind)}`)),
    ...[...scope.boards].map((board) => ordered(`board = ${param(board)}`, below(board) ? `${daily} and ${historyBelow(first!, board, param)}` : inPart)),
    ...[...scope.line].map((board) => ordered(`board = ${param(board)} and kind = any($6::text[])`)),
    ...[...scope.boards].map((board) =>
      ordered(
        `joins = ${param(board)} and not coalesce(board = any($4::text[]) or (kind = any($6::text[]) and board = any($5::text[])), false)`,
        // Of what joins only a board below, the first screen read nothing.
        below(board) ? daily : inPart,
      ),
    ),
  ];
  const { rows } = await sql.query<StoredRow>(`select ${columns} from (${parts.join(' union all ')}) as scoped order by seq limit $3`, params);
  return rows;
}

/**
 * What a wall's history holds of one board below its own (FirstScreen, with the parameters of the
 * history's day, the wall's board and the kinds read of boards below): what is dated before the
 * day, and what its first screen did not read - of the board's KPIs' results, those no roll-up of
 * the wall summarises. (One condition per board with that board's KPIs: the whole first screen's
 * in each of 400 parts took longer to plan than to read.)
 */
function historyBelow(first: FirstScreen & { before: string; ownParam: string; read: string }, board: string, param: (value: unknown) => string): string {
  const sources = first.sources[board];
  const read = [
    `kind = any(${first.read}::text[])`,
    `joins = ${first.ownParam}`,
    ...(sources ? [`(kind = 'kpiValues' and data->>'kpiId' = any(${param(sources)}::text[]))`] : []),
  ];
  return `(dated < ${first.before} or not coalesce(${read.join(' or ')}, false))`;
}

/**
 * A page of a new screen's first part (scope.ts, "recent first"): of each of its boards only the
 * last weeks and what is not dated, a few hundred records a board - so every candidate is found
 * at once, by its place in the order alone (an index-only read of `dated` and `seq`), and only
 * the page's own records are then read whole. One ordered read per board, as for the rest of the
 * share, read every remaining candidate whole for each page: a site wall's 31,000 records took
 * 30 pages of 250 ms.
 */
async function recentRows(
  sql: Sql,
  org: string,
  cursor: number,
  limit: number,
  scope: BoardScope,
  part: Extract<SharePart, { recentFrom: Day }>,
): Promise<StoredRow[]> {
  const from = part.recentFrom;
  const params: unknown[] = [org, cursor, limit, [...scope.boards], [...scope.line], [...LINE_KINDS], [...ORGANISATION_FRAME], from];
  const param = (value: unknown) => `$${params.push(value)}`;
  // The daily records of the last year only: implied when the part begins after that year began.
  const daily = from >= scope.since ? '' : ` and (kind <> all(${param([...DAILY_KINDS])}::text[]) or dated >= ${param(scope.since)})`;
  const inPart = `${sharePartSql(part, param)}${daily}`;
  const places = (where: string) => `select seq from records where org = $1 and seq > $2 and dated >= $8${daily} and ${where}`;
  const first = part.firstScreen;
  const candidates = first
    ? [
        places('kind = any($7::text[])'),
        places(`board = ${param(first.own)}`),
        places('board = any($5::text[]) and kind = any($6::text[])'),
        places(`joins = ${param(first.own)}`),
        // The boards and KPIs of the boards below are never dated (FIRST_SCREEN_BELOW): one short range of each board.
        places(`board = any(${param(first.below)}::text[]) and dated = '${UNDATED}' and kind = any(${param([...FIRST_SCREEN_BELOW])}::text[])`),
        // A KPI's results are the ids "kpi:day": those from the day on are one range of the records'
        // key per KPI (read as such: "offset 0" keeps the planner from joining all results instead).
        `select result.seq from unnest(${param(Object.values(first.sources).flat())}::text[]) as source (kpi), lateral (
           select seq from records where org = $1 and kind = 'kpiValues' and id >= source.kpi || ':' || $8 and id < source.kpi || ';'
           and seq > $2 and dated >= $8${daily} offset 0) as result`,
      ]
    : [
        places('kind = any($7::text[])'),
        places('board = any($4::text[])'),
        places('board = any($5::text[]) and kind = any($6::text[])'),
        places('joins = any($4::text[])'),
      ];
  const held = '(kind = any($7::text[]) or board = any($4::text[]) or joins = any($4::text[]) or (kind = any($6::text[]) and board = any($5::text[])))';
  const { rows } = await sql.query<StoredRow>(
    `with page as (${candidates.join(' union ')} order by seq limit $3)
     select kind, id, data, clocks, seq from records where org = $1 and seq in (select seq from page) and ${inPart} and ${held} order by seq`,
    params,
  );
  return rows;
}

/** Records after a cursor this close to the organisation's newest are read in one ordered pass. */
const NEAR_HEAD = 5000;

/**
 * Migration 9: the columns, their indexes, and the boards of every record already stored -
 * found with the same rule as a new write, a few thousand records at a time.
 */
export async function addRecordBoards(sql: Sql): Promise<void> {
  await sql.query('alter table records add column board text');
  await sql.query('alter table records add column joins text');
  await sql.query('create index records_by_board on records (org, board, seq) where board is not null');
  await sql.query('create index records_by_joined_board on records (org, joins, seq) where joins is not null');
  await sql.query('create index records_by_kind on records (org, kind, seq)');
  const { rows: orgs } = await sql.query<{ id: string }>('select id from orgs');
  for (const { id: org } of orgs) {
    const units = async (kind: 'kpis' | 'people') =>
      new Map(
        (
          await sql.query<{ id: string; unit: string | null }>("select id, data->>'unitId' as unit from records where org = $1 and kind = $2", [org, kind])
        ).rows.map((r) => [r.id, r.unit ?? undefined]),
      );
    const kpis = await units('kpis');
    const people = await units('people');
    const find = { boardOfKpi: (id: string) => kpis.get(id), boardOfPerson: (id: string) => people.get(id) };
    for (let after = { kind: '', id: '' }; ;) {
      const { rows } = await sql.query<{ kind: EntityKind; id: string; data: Record<string, unknown> }>(
        'select kind, id, data from records where org = $1 and (kind, id) > ($2, $3) order by kind, id limit 5000',
        [org, after.kind, after.id],
      );
      if (rows.length === 0) break;
      const boards = rows.map((row) => recordBoards(row.kind, row.data as unknown as AnyRecord, find));
      await sql.query(
        `update records set board = b.board, joins = b.joins
         from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as b (kind, id, board, joins)
         where records.org = $1 and records.kind = b.kind and records.id = b.id`,
        [org, rows.map((r) => r.kind), rows.map((r) => r.id), boards.map((b) => b.board ?? null), boards.map((b) => b.joins ?? null)],
      );
      after = rows.at(-1)!;
    }
  }
}

/**
 * Migration 10: the day that dates each record (scope.ts, DATED_BY) in a column of its own, and
 * indexes that read a board's records by it, so that a new screen's first part - what is dated
 * from a day on, and what is not dated - is a short range of each of its boards (a site wall's
 * 201 boards hold three years each; its first part is their last weeks). The day is worked out
 * in the database by the same table as a write's `datedColumn`: one statement, not a round trip
 * per record.
 */
export async function addDatedColumn(sql: Sql): Promise<void> {
  await sql.query(`alter table records add column dated text not null default '${UNDATED}'`);
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const cases = Object.entries(DATED_BY).map(([kind, rule]) => {
    const day = `left(data->>${param(rule.field)}, 10)`;
    const dated = rule.onlyWhen ? `case when data->>${param(rule.onlyWhen.field)} = ${param(rule.onlyWhen.is)} then ${day} end` : day;
    return `when ${param(kind)} then ${dated}`;
  });
  const kinds = param(Object.keys(DATED_BY));
  await sql.query(`update records set dated = coalesce(case kind ${cases.join(' ')} end, '${UNDATED}') where kind = any(${kinds}::text[])`, params);
  await sql.query('create index records_recent_by_board on records (org, board, dated, seq) where board is not null');
  await sql.query('create index records_recent_by_joined_board on records (org, joins, dated, seq) where joins is not null');
  // Without statistics of the new column the planner reads a board's records in order and
  // filters them (6 s for a site wall's page) until the database gathers them by itself.
  await sql.query('analyze records');
}

/**
 * What a screen that belongs to one board (a wall) receives and keeps. Every screen holds the
 * organisation's settings and checklists. Of the rest, a wall holds what belongs to its own
 * board and the boards below it (an area's wall rolls up its teams): the boards, their
 * figures, actions, huddles, answers, people, and the escalations that come from or go to
 * them. Its line - the boards above it - adds those boards (where its escalations go) and the
 * people and conversations a wall's cascade shows above the team: who coaches its leader,
 * and who coaches them. A conversation
 * belongs to its learner's board, and joins its coach's (peer coaching, coaching up); its
 * words stay with the people in it (visibility.ts).
 *
 * Of the daily records - results, huddles, pulse answers, attendance - a wall holds the last
 * `WALL_HISTORY_DAYS`: its longest view, the trend by month, shows twelve months.
 *
 * A person's own device holds the same for their own board, and the boards of the people
 * they coach or are coached by (personalScope); an admin's, the whole organisation.
 *
 * A new screen receives its share recent first (`recentFrom`): everything but what is dated
 * before the month it shows (`DATED_BY`) - then it is ready - and that history after, while it
 * is already in use. An area's wall of a large group holds some twenty thousand records, of which
 * its first screen shows a few thousand; a device stores about three thousand a second.
 *
 * So a wall's share of an organisation stays the size of what it shows: a team's wall of a
 * group with 2,000 boards holds its own board's last year and the frame's few thousand
 * records, not the group's millions. The server applies this to a wall's pulls (by the boards
 * it stores beside each record); the wall to what it keeps when its board changes.
 */
import { addDays, type Day } from './dates.js';
import { rollupSources } from './rollup.js';
import type { AnyRecord, EntityKind, Kpi, Unit } from './types.js';

/** Kinds every screen of the organisation receives whole. */
export const ORGANISATION_FRAME: readonly EntityKind[] = ['org', 'checklists'];
/** Kinds a wall also receives for the boards above it: the boards, names and conversations of its line. */
export const LINE_KINDS: readonly EntityKind[] = ['units', 'people', 'coachingPairs', 'coachingSessions'];
/** The daily records, of which a wall holds the last `WALL_HISTORY_DAYS`. */
export const DAILY_KINDS: readonly EntityKind[] = ['kpiValues', 'huddles', 'feedback', 'attendance'];
/** Twelve months of a trend by month, from the first day of the oldest month, and a few days' slack. */
export const WALL_HISTORY_DAYS = 400;

/**
 * What dates a record for "recent first": the field holding its day, and for a kind whose
 * records are only history once settled, the field and value that say so (a done action; an
 * open one is on the board however old). Records of other kinds are always recent. The server
 * keeps each record's day in a column of its own, worked out by this table (record-boards.ts): a
 * change to it needs a migration that dates the stored records again.
 */
export const DATED_BY: Partial<Record<EntityKind, { field: string; onlyWhen?: { field: string; is: string } }>> = {
  kpiValues: { field: 'day' },
  huddles: { field: 'day' },
  feedback: { field: 'day' },
  attendance: { field: 'day' },
  coachingSessions: { field: 'day' },
  actions: { field: 'doneAt', onlyWhen: { field: 'status', is: 'done' } },
};

/** The day that dates `record` (a stamp's day as written), or undefined when it is always recent. */
export function historyDay(kind: EntityKind, record: AnyRecord): Day | undefined {
  const rule = DATED_BY[kind];
  const fields = record as unknown as Record<string, unknown>;
  if (!rule || (rule.onlyWhen && fields[rule.onlyWhen.field] !== rule.onlyWhen.is)) return undefined;
  const value = fields[rule.field];
  return typeof value === 'string' ? value.slice(0, 10) : undefined;
}

/**
 * The first day a new screen receives before it is ready: the first of the month its calendars
 * show, and at least the last week (yesterday's results, the week's pulse) early in a month.
 */
export function recentFrom(today: Day): Day {
  const monthStart = `${today.slice(0, 7)}-01`;
  const weekBack = addDays(today, -7);
  return weekBack < monthStart ? weekBack : monthStart;
}

/**
 * Of the boards below a wall's own (an area's teams, a site's areas and teams), its first screen
 * reads only the boards and their KPIs, and the results its own roll-ups summarise
 * (`firstScreenSources`): a site wall's month is 7,300 results of 360 KPIs of its 31,000 recent
 * records. So a new wall with boards below receives first its own board's and its line's recent
 * records, what joins its own board (an escalation waiting on it), and of the boards below those;
 * the rest of theirs - huddles, answers, actions, people, conversations, other results - comes
 * with its history.
 */
export const FIRST_SCREEN_BELOW: readonly EntityKind[] = ['units', 'kpis'];

/** The KPIs whose results a board's roll-ups summarise (rollup.ts): its first screen's calendars read them. */
export function firstScreenSources(unitId: string, units: readonly Unit[], kpis: readonly Kpi[]): string[] {
  const own = kpis.filter((kpi) => kpi.unitId === unitId && kpi.rollup && !kpi.deletedAt);
  return [...new Set(own.flatMap((kpi) => rollupSources(kpi, units, kpis).map((source) => source.id)))];
}

/** The boards a record belongs to: the board it is of, and a second board it joins. */
export interface RecordBoards {
  board?: string;
  joins?: string;
}

/** How to find the board of what a record names only by id. */
export interface BoardFinder {
  boardOfKpi(kpiId: string): string | undefined;
  boardOfPerson(personId: string): string | undefined;
}

/**
 * What a board's screen holds: its board with those below (`boards`), the boards above
 * (`line`), and the daily records from `since` on.
 */
export interface BoardScope {
  boards: ReadonlySet<string>;
  line: ReadonlySet<string>;
  since: Day;
}

/** A board and every board below it. */
export function boardsUnder(unitId: string, units: readonly Pick<Unit, 'id' | 'parentId'>[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  const boards = new Set([unitId]);
  for (const board of boards) for (const child of children.get(board) ?? []) boards.add(child);
  return boards;
}

/** A board's scope on `today`: it and the boards below it, the boards above it up to the top, the last year's daily records. */
export function boardScope(unitId: string, units: readonly Pick<Unit, 'id' | 'parentId'>[], today: Day): BoardScope {
  const parents = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const line = new Set<string>();
  for (let above = parents.get(unitId); above !== undefined && !line.has(above) && above !== unitId; above = parents.get(above)) line.add(above);
  return { boards: boardsUnder(unitId, units), line, since: addDays(today, -WALL_HISTORY_DAYS) };
}

/**
 * What a person's own device holds (a coach's tablet, a member's phone): the scope of the board
 * they belong to - their team, or the part of the organisation they lead, and their line -
 * and the boards of the people they coach or are coached by elsewhere (a peer's huddle they
 * observe, a leader they coach up), so that the card and the journal know those boards.
 */
export function personalScope(ownBoardScope: BoardScope, partnerBoards: Iterable<string>): BoardScope {
  return { ...ownBoardScope, boards: new Set([...ownBoardScope.boards, ...partnerBoards]) };
}

/** The boards `record` belongs to (none for the frame). */
export function recordBoards(kind: EntityKind, record: AnyRecord, find: BoardFinder): RecordBoards {
  const fields = record as unknown as Record<string, unknown>;
  const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
  const of = (board: string | undefined, joins?: string | undefined): RecordBoards => ({
    ...(board !== undefined ? { board } : {}),
    ...(joins !== undefined ? { joins } : {}),
  });
  if (ORGANISATION_FRAME.includes(kind)) return {};
  if (kind === 'units') return of(record.id);
  if (kind === 'escalations') return of(text('fromUnitId'), text('toUnitId'));
  if (kind === 'kpiValues') return of(find.boardOfKpi(text('kpiId') ?? ''));
  if (kind === 'coachingPairs' || kind === 'coachingSessions') {
    const coach = text('coachId');
    return of(find.boardOfPerson(text('learnerId') ?? ''), coach === undefined ? undefined : find.boardOfPerson(coach));
  }
  return of(text('unitId'));
}

/** Whether a board's screen with this scope holds a record of `kind` that belongs to `boards`. */
export function inScope(kind: EntityKind, { board, joins }: RecordBoards, scope: BoardScope): boolean {
  if (ORGANISATION_FRAME.includes(kind)) return true;
  const own = (b: string | undefined) => b !== undefined && scope.boards.has(b);
  return own(board) || own(joins) || (LINE_KINDS.includes(kind) && board !== undefined && scope.line.has(board));
}

/** Whether a board's screen with this scope may hold `record`. */
export function inBoardScope(kind: EntityKind, record: AnyRecord, scope: BoardScope, find: BoardFinder): boolean {
  if (DAILY_KINDS.includes(kind) && String((record as unknown as Record<string, unknown>)['day']) < scope.since) return false;
  return inScope(kind, recordBoards(kind, record, find), scope);
}

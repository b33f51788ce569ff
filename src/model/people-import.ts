/**
 * People from an HR file: name, role, board and optional coach per row. The preview checks
 * every row and field against the organisation before anything is saved, so an
 * administrator sees each bad row at once and the import is all or nothing.
 */
import { parseCsv } from './csv-parse.js';
import { coachingDirection, defaultPairFor } from './default-cascade.js';
import { leaderOf } from './org.js';
import type { CoachingPair, Draft, OrgSettings, Person, PersonRole, Unit } from './types.js';

export const PEOPLE_COLUMNS = ['name', 'role', 'board', 'coach', 'email'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** One @ with something either side and no spaces: the identity provider has the final say. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Header words accepted for each column, so common HR exports need no editing. */
const HEADER_WORDS: Record<PeopleColumn, string[]> = {
  name: ['name', 'full name', 'person', 'employee'],
  role: ['role', 'title', 'job title', 'position'],
  board: ['board', 'unit', 'team', 'ward', 'department', 'area'],
  coach: ['coach', 'coached by', 'manager', 'supervisor'],
  email: ['email', 'e-mail', 'mail', 'email address', 'e-mail address', 'work email'],
};

/**
 * What is wrong with one field of a row, as data: the element says it in the screen's
 * language (see setup-people's import-words.ts), and tests check the reason, not the wording.
 */
export type PeopleImportProblem =
  | { code: 'name-missing' }
  | { code: 'name-too-long'; max: number }
  | { code: 'board-missing' }
  | { code: 'board-unknown'; board: string }
  | { code: 'board-ambiguous'; board: string; count: number }
  | { code: 'role-unknown'; word: string; roles: string[] }
  /** A tier's leader title on a board of another tier: `leader` leads a `leads`, the board is a `board`. */
  | { code: 'role-wrong-tier'; leader: string; leads: string; board: string }
  | { code: 'same-person'; line: number }
  | { code: 'already-here' }
  | { code: 'board-has-leader'; board: string; leader: string }
  | { code: 'leader-earlier'; line: number; board: string }
  | { code: 'coach-self' }
  | { code: 'coach-unknown'; coach: string }
  | { code: 'coach-ambiguous'; coach: string; count: number }
  | { code: 'email-invalid' };

/** A problem with the file as a whole. */
export type PeopleFileProblem = 'empty' | 'header-only';

export interface PeopleImportRow {
  line: number;
  values: Record<PeopleColumn, string>;
  /** What is wrong, by field; empty when the row is good. */
  problems: Partial<Record<PeopleColumn, PeopleImportProblem>>;
}

export interface PeopleImportPreview {
  rows: PeopleImportRow[];
  /** Nothing to import: no lines, or a header line alone. */
  fileProblem?: PeopleFileProblem;
  /** Ready to save when every row is good: the people and the coaching pairs of the coach column. */
  people: Draft<Person>[];
  pairs: Draft<CoachingPair>[];
}

export interface PeopleImportContext {
  org: Pick<OrgSettings, 'tiers' | 'memberLabel'>;
  units: readonly Unit[];
  people: readonly Person[];
  newId: () => string;
}

const norm = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

function columnsOf(header: string[]): (PeopleColumn | undefined)[] | undefined {
  const columns = header.map((cell) => PEOPLE_COLUMNS.find((c) => HEADER_WORDS[c].includes(norm(cell))));
  return columns.includes('name') ? columns : undefined;
}

/** Role words: leader, member, the organisation's member label, or a tier's leader title. */
function roleOf(word: string, unit: Unit | undefined, org: PeopleImportContext['org']): { role?: PersonRole; problem?: PeopleImportProblem } {
  const w = norm(word);
  if (w === '' || w === 'member' || w === norm(org.memberLabel)) return { role: 'member' };
  if (w === 'leader') return { role: 'leader' };
  const tier = org.tiers.findIndex((t) => norm(t.leader) === w) + 1;
  if (tier === 0) {
    // The organisation's own words: "leader" and "member" are still read, but a German ward's
    // administrator is offered "Pflegekraft" and "Stationsleitung", not the file format's codes.
    const words = [org.memberLabel, ...org.tiers.map((t) => t.leader)];
    return { problem: { code: 'role-unknown', word, roles: [...new Set(words)] } };
  }
  if (unit && unit.tier !== tier) {
    return {
      problem: {
        code: 'role-wrong-tier',
        leader: org.tiers[tier - 1]!.leader,
        leads: org.tiers[tier - 1]!.unit,
        board: org.tiers[unit.tier - 1]?.unit ?? String(unit.tier),
      },
    };
  }
  return { role: 'leader' };
}

export function previewPeopleImport(text: string, context: PeopleImportContext): PeopleImportPreview {
  const { org, newId } = context;
  const units = context.units.filter((u) => !u.deletedAt);
  const people = context.people.filter((p) => !p.deletedAt);
  const csv = parseCsv(text);
  const empty: PeopleImportPreview = { rows: [], people: [], pairs: [] };
  if (csv.length === 0) return { ...empty, fileProblem: 'empty' };
  const header = columnsOf(csv[0]!.cells);
  const columns: (PeopleColumn | undefined)[] = header ?? [...PEOPLE_COLUMNS];
  const body = header ? csv.slice(1) : csv;
  if (body.length === 0) return { ...empty, fileProblem: 'header-only' };

  const rows: PeopleImportRow[] = body.map(({ line, cells }) => {
    const values = { name: '', role: '', board: '', coach: '', email: '' };
    columns.forEach((column, i) => {
      if (column) values[column] = cells[i] ?? '';
    });
    return { line, values, problems: {} };
  });

  const ids = rows.map(() => newId());
  const drafts: (Draft<Person> | undefined)[] = rows.map((row, i) => {
    const { values, problems } = row;
    if (values.name === '') problems.name = { code: 'name-missing' };
    else if (values.name.length > 120) problems.name = { code: 'name-too-long', max: 120 };
    const boards = units.filter((u) => norm(u.name) === norm(values.board));
    let unit: Unit | undefined;
    if (values.board === '') problems.board = { code: 'board-missing' };
    else if (boards.length === 0) problems.board = { code: 'board-unknown', board: values.board };
    else if (boards.length > 1) problems.board = { code: 'board-ambiguous', board: values.board, count: boards.length };
    else unit = boards[0];
    const { role, problem } = roleOf(values.role, unit, org);
    if (problem) problems.role = problem;
    if (values.email !== '' && !EMAIL.test(values.email)) problems.email = { code: 'email-invalid' };
    if (problems.name || problems.board || problems.email || !role || !unit) return undefined;
    return { id: ids[i]!, name: values.name, unitId: unit.id, role, ...(values.email ? { email: values.email } : {}) };
  });

  // Checks across rows: the same person twice, two leaders for one board.
  rows.forEach((row, i) => {
    const draft = drafts[i];
    if (!draft) return;
    const twin = rows.findIndex((r, j) => j < i && drafts[j]?.unitId === draft.unitId && norm(r.values.name) === norm(draft.name));
    if (twin >= 0) row.problems.name = { code: 'same-person', line: rows[twin]!.line };
    else if (people.some((p) => p.unitId === draft.unitId && norm(p.name) === norm(draft.name))) row.problems.name = { code: 'already-here' };
    if (draft.role !== 'leader') return;
    const existing = leaderOf(people, draft.unitId);
    const earlier = rows.findIndex((_, j) => j < i && drafts[j]?.role === 'leader' && drafts[j]?.unitId === draft.unitId);
    if (existing) row.problems.role = { code: 'board-has-leader', board: row.values.board, leader: existing.name };
    else if (earlier >= 0) row.problems.role = { code: 'leader-earlier', line: rows[earlier]!.line, board: row.values.board };
  });

  // The coach column: someone already here or on another line of the file.
  const pairs: Draft<CoachingPair>[] = [];
  rows.forEach((row, i) => {
    const draft = drafts[i];
    const wanted = norm(row.values.coach);
    if (!draft || wanted === '') return;
    const candidates = [
      ...people.map((p) => ({ id: p.id, name: p.name, unitId: p.unitId })),
      ...drafts.flatMap((d) => (d && d !== draft ? [{ id: d.id!, name: d.name, unitId: d.unitId }] : [])),
    ].filter((c) => norm(c.name) === wanted);
    if (norm(row.values.name) === wanted) row.problems.coach = { code: 'coach-self' };
    else if (candidates.length === 0) row.problems.coach = { code: 'coach-unknown', coach: row.values.coach };
    else if (candidates.length > 1) row.problems.coach = { code: 'coach-ambiguous', coach: row.values.coach, count: candidates.length };
    else {
      const coach = candidates[0]!;
      const learnerTier = units.find((u) => u.id === draft.unitId)!.tier;
      const coachTier = units.find((u) => u.id === coach.unitId)?.tier ?? learnerTier;
      const { kind, cadenceDays } = draft.role === 'leader' ? defaultPairFor(learnerTier) : { kind: 'kata' as const, cadenceDays: 7 };
      pairs.push({ coachId: coach.id, learnerId: draft.id!, kind, direction: coachingDirection(coachTier, learnerTier), cadenceDays });
    }
  });

  const good = rows.every((r) => Object.keys(r.problems).length === 0);
  return { rows, people: good ? drafts.filter((d): d is Draft<Person> => d !== undefined) : [], pairs: good ? pairs : [] };
}

/**
 * Who may write what. An admin may write anything of their organisation. A coach or a member
 * may write everything but the organisation's set-up (whose name a write carries, and which
 * conversations it may change, is the model's authorProblem; what each may read, #18's policy). A wall screen may write only records of its own
 * board (an escalation counts when it comes from or goes to the board). A phone pulse link
 * may only add anonymous feedback for its board. Everyone reads their whole organisation.
 */
import type { EntityKind } from '../src/model/index.js';
import type { WhoAmI } from '../src/protocol/sync.js';

const SET_UP_KINDS: readonly EntityKind[] = ['org', 'units', 'people', 'kpis', 'checklists', 'coachingPairs'];

/** The board(s) a record belongs to; kpiValues ask for their KPI's board. */
export type BoardsOf = (kind: EntityKind, record: Record<string, unknown>) => Promise<string[]>;

/** Why `who` may not make this write, or undefined when they may. */
export async function writeProblem(
  who: WhoAmI,
  kind: EntityKind,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  boardsOf: BoardsOf,
): Promise<string | undefined> {
  if (who.role === 'admin') return undefined;
  if (who.role === 'coach' || who.role === 'member')
    return SET_UP_KINDS.includes(kind) ? `a ${who.role} token cannot change ${kind} (set-up needs an admin token)` : undefined;
  if (who.role === 'pulse') {
    if (kind !== 'feedback') return 'a phone link can only add feedback';
    if (after['unitId'] !== who.unitId) return `a phone link can only add feedback for its own board (${who.unitId})`;
    if (after['anonymous'] !== true) return 'feedback from a phone link is anonymous';
    // After an answer the pulse asks "anything to add?": a phone may add a comment where
    // there is none, and change nothing else (so it cannot rewrite someone else's answer).
    if (before && (before['comment'] !== undefined || !sameExcept(before, after, ['comment', 'updatedAt']))) {
      return 'a phone link can only add a comment to an answer that has none';
    }
    return undefined;
  }
  if (SET_UP_KINDS.includes(kind)) return `a wall token cannot change ${kind} (set-up needs an admin token)`;
  const own = async (record: Record<string, unknown>) => {
    const boards = await boardsOf(kind, record);
    // An escalation joins two boards; either end may move it on.
    return kind === 'escalations' ? boards.includes(who.unitId!) : boards.length > 0 && boards.every((b) => b === who.unitId);
  };
  if ((before && !(await own(before))) || !(await own(after))) return `a wall token can only write its own board's records (${who.unitId})`;
  return undefined;
}

/** The boards a record names directly (no lookup). */
export function directBoards(kind: EntityKind, record: Record<string, unknown>): string[] {
  if (kind === 'escalations') return [record['fromUnitId'], record['toUnitId']].filter((v): v is string => typeof v === 'string');
  return typeof record['unitId'] === 'string' ? [record['unitId']] : [];
}

function sameExcept(a: Record<string, unknown>, b: Record<string, unknown>, fields: readonly string[]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !fields.includes(k)));
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * What a screen that belongs to one board (a wall) receives and keeps: the organisation's frame
 * - its settings, boards, people, checklists and coaching cascade (conversations without their
 * words, see visibility.ts), which the cascade and the rolled-up figures need - and, of the
 * records that belong to a board, only those of its own board and the boards below it (an area's
 * wall rolls up its teams). Escalations count when they come from or go to one of those boards.
 * The server applies it to a wall's pulls; the wall to what it keeps when its board changes.
 */
import type { AnyRecord, EntityKind, Unit } from './types.js';

/** Kinds every screen of the organisation receives whole. */
const ORGANISATION_FRAME: readonly EntityKind[] = ['org', 'units', 'people', 'checklists', 'coachingPairs', 'coachingSessions'];

/** A board and every board below it. */
export function boardsUnder(unitId: string, units: readonly Pick<Unit, 'id' | 'parentId'>[]): Set<string> {
  const boards = new Set([unitId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && boards.has(unit.parentId) && !boards.has(unit.id)) {
        boards.add(unit.id);
        grew = true;
      }
    }
  }
  return boards;
}

/**
 * Whether a board's screen whose boards are `boards` may hold this record. `boardOfKpi` says
 * which board a KPI belongs to (a KPI value names only its KPI).
 */
export function inBoardScope(kind: EntityKind, record: AnyRecord, boards: ReadonlySet<string>, boardOfKpi: (kpiId: string) => string | undefined): boolean {
  if (ORGANISATION_FRAME.includes(kind)) return true;
  const fields = record as unknown as Record<string, unknown>;
  if (kind === 'escalations') return boards.has(String(fields['fromUnitId'])) || boards.has(String(fields['toUnitId']));
  if (kind === 'kpiValues') {
    const board = boardOfKpi(String(fields['kpiId']));
    return board !== undefined && boards.has(board);
  }
  return typeof fields['unitId'] === 'string' && boards.has(fields['unitId']);
}

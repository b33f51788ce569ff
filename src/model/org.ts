/** The tier tree and the organisation's own words for tiers and roles. */
import type { OrgSettings, Person, Unit } from './types.js';

/** Manufacturing defaults; a hospital names them Unit / Department / Hospital and so on. */
export const DEFAULT_TIERS: OrgSettings['tiers'] = [
  { unit: 'Team', leader: 'Team leader' },
  { unit: 'Area', leader: 'Supervisor' },
  { unit: 'Plant', leader: 'Manager' },
];

/** What a person is called on this organisation's boards: "Charge nurse", "Operator". */
export function roleLabel(org: Pick<OrgSettings, 'tiers' | 'memberLabel'>, person: Person, unit: Unit | undefined): string {
  if (person.role === 'member' || !unit) return org.memberLabel;
  return org.tiers[unit.tier - 1]?.leader ?? org.memberLabel;
}

export function tierLabel(org: Pick<OrgSettings, 'tiers'>, tier: number): string {
  return org.tiers[tier - 1]?.unit ?? `Tier ${tier}`;
}

export function childUnits(units: readonly Unit[], parentId: string): Unit[] {
  return units.filter((u) => u.parentId === parentId && !u.deletedAt);
}

/** The chain from a unit up to the top of the tree, the unit itself first. Stops on a cycle. */
export function unitPath(units: readonly Unit[], unitId: string): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const path: Unit[] = [];
  for (let unit = byId.get(unitId); unit && !path.includes(unit); unit = unit.parentId ? byId.get(unit.parentId) : undefined) {
    path.push(unit);
  }
  return path;
}

/** The leader of a board, if it has one who is not retired. */
export function leaderOf(people: readonly Person[], unitId: string, board?: { shifts?: readonly { leaderId?: string }[] }): Person | undefined {
  const leaders = people.filter((p) => p.unitId === unitId && p.role === 'leader' && !p.deletedAt);
  // On a board with shifts its leader is the one who runs no shift (the ward manager, not a charge nurse).
  const shiftLeaders = new Set((board?.shifts ?? []).map((s) => s.leaderId));
  return leaders.find((p) => !shiftLeaders.has(p.id)) ?? leaders[0];
}

/** The live boards in tree order (top tier first, children under their parent), with depth. */
export function boardTree(units: readonly Unit[]): { unit: Unit; depth: number }[] {
  const live = units.filter((u) => !u.deletedAt);
  const ids = new Set(live.map((u) => u.id));
  const byName = (a: Unit, b: Unit) => b.tier - a.tier || a.name.localeCompare(b.name);
  const out: { unit: Unit; depth: number }[] = [];
  const visit = (unit: Unit, depth: number) => {
    out.push({ unit, depth });
    for (const child of live.filter((u) => u.parentId === unit.id).sort(byName)) visit(child, depth + 1);
  };
  for (const root of live.filter((u) => !u.parentId || !ids.has(u.parentId)).sort(byName)) visit(root, 0);
  return out;
}

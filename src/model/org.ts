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
export function leaderOf(people: readonly Person[], unitId: string): Person | undefined {
  return people.find((p) => p.unitId === unitId && p.role === 'leader' && !p.deletedAt);
}

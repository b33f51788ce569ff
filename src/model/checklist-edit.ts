/**
 * Editing an observation checklist without losing history: behaviours are added, moved
 * within their group and retired, never removed or renamed in place, so a session rated on
 * an older version still finds the label and meaning of every behaviour it rated.
 */
import type { BehaviourGroup } from './types.js';

export function addBehaviour(groups: readonly BehaviourGroup[], groupId: string, label: string, id: string): BehaviourGroup[] {
  return groups.map((g) => (g.id === groupId ? { ...g, behaviours: [...g.behaviours, { id, label }] } : g));
}

/** Moves a behaviour one place up (-1) or down (+1) in its group; at either end nothing changes. */
export function moveBehaviour(groups: readonly BehaviourGroup[], behaviourId: string, by: -1 | 1): BehaviourGroup[] {
  return groups.map((g) => {
    const from = g.behaviours.findIndex((b) => b.id === behaviourId);
    const to = from + by;
    if (from < 0 || to < 0 || to >= g.behaviours.length) return g;
    const behaviours = [...g.behaviours];
    [behaviours[from], behaviours[to]] = [behaviours[to]!, behaviours[from]!];
    return { ...g, behaviours };
  });
}

export function setBehaviourRetired(groups: readonly BehaviourGroup[], behaviourId: string, retired: boolean): BehaviourGroup[] {
  return groups.map((g) => ({
    ...g,
    behaviours: g.behaviours.map((b) => {
      if (b.id !== behaviourId) return b;
      const { retired: _, ...rest } = b;
      return retired ? { ...rest, retired: true } : rest;
    }),
  }));
}

/**
 * The checklists that ship with the package. Organisations replace them with their own;
 * behaviour ids are stable so that old sessions stay readable after an edit.
 */
import type { BehaviourGroup, ChecklistTemplate, CoachingKind } from './types.js';

type Group = [id: string, label: string, behaviours: [id: string, label: string][]];

const groups = (list: Group[]): BehaviourGroup[] =>
  list.map(([id, label, behaviours]) => ({ id, label, behaviours: behaviours.map(([bid, blabel]) => ({ id: bid, label: blabel })) }));

export const DEFAULT_HUDDLE_OBSERVATION_GROUPS = groups([
  [
    'setting',
    'Setting',
    [
      ['board-visible', 'Board visible; the team can see and hear'],
      ['same-time-place', 'Same time and place, started on time'],
      ['time-box', 'Kept within the time box'],
    ],
  ],
  [
    'preparation',
    'Preparation',
    [
      ['charts-updated', 'Charts updated before the huddle'],
      ['targets-clear', 'Targets versus actuals clear'],
    ],
  ],
  ['attendance', 'Attendance', [['right-people', 'The right people present']]],
  [
    'content',
    'Content',
    [
      ['focus-on-red', 'Time goes to red or worsening metrics'],
      ['miss-cause', 'Each miss gets a quick cause and containment'],
      ['escalation-triggers', 'Escalates by the agreed triggers'],
      ['leading-indicators', 'Leading indicators discussed'],
    ],
  ],
  [
    'facilitation',
    'Facilitation',
    [
      ['team-talks', 'Team members speak to each other, not only to the leader'],
      ['side-topics-parked', 'Side topics parked'],
      ['facilitation-rotates', 'Facilitation rotates'],
      ['asks-questions', 'Asks questions rather than gives instructions'],
    ],
  ],
  [
    'closing',
    'Closing',
    [
      ['successes-recognised', 'Successes recognised'],
      ['actions-owned', 'Every action has an owner and a due date'],
      ['experiments-discussed', 'Last and next experiment discussed'],
    ],
  ],
]);

export const DEFAULT_COACH_THE_COACH_GROUPS = groups([
  [
    'coaching',
    'Coaching behaviours',
    [
      ['asked-not-told', 'Asked rather than told'],
      ['listened', 'Listened'],
      ['stayed-with-thinking', "Stayed with the learner's thinking"],
      ['agreed-next-step', 'Agreed a next step'],
      ['kept-to-time', 'Kept to time'],
    ],
  ],
]);

/** A template record for a kind, ready to save (the store stamps id and timestamps). */
export function defaultChecklist(kind: Exclude<CoachingKind, 'kata'>): Omit<ChecklistTemplate, 'createdAt' | 'updatedAt'> {
  return kind === 'huddle-observation'
    ? { id: 'default-huddle-observation', kind, name: 'Huddle observation', version: 1, groups: DEFAULT_HUDDLE_OBSERVATION_GROUPS }
    : { id: 'default-coaching-the-coach', kind, name: 'Coaching the coach', version: 1, groups: DEFAULT_COACH_THE_COACH_GROUPS };
}

/** The checklist a kind uses now: the organisation's newest version, else the one that ships. */
export function currentChecklist(templates: readonly ChecklistTemplate[], kind: Exclude<CoachingKind, 'kata'>): ChecklistTemplate {
  const own = templates.filter((t) => t.kind === kind && !t.deletedAt).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return own ?? { ...defaultChecklist(kind), createdAt: '', updatedAt: '' };
}

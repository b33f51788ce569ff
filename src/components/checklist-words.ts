/**
 * The shipped checklists in the page's language. The model ships them in English, as data an
 * organisation may edit; a label still as shipped is shown translated, and one the
 * organisation wrote (or changed) is shown as written.
 */
import { msg } from '@lit/localize';
import { defaultChecklist, type ChecklistTemplate } from '../model/index.js';

/** Shipped group and behaviour ids, and the checklist names, to their translations. */
function shippedWords(): Record<string, string> {
  return {
    'Huddle observation': msg('Huddle observation'),
    'Coaching the coach': msg('Coaching the coach'),
    setting: msg('Setting'),
    'board-visible': msg('Board visible; the team can see and hear'),
    'same-time-place': msg('Same time and place, started on time'),
    'time-box': msg('Kept within the time box'),
    preparation: msg('Preparation'),
    'charts-updated': msg('Charts updated before the huddle'),
    'targets-clear': msg('Targets versus actuals clear'),
    attendance: msg('Attendance'),
    'right-people': msg('The right people present'),
    content: msg('Content'),
    'focus-on-red': msg('Time goes to red or worsening metrics'),
    'miss-cause': msg('Each miss gets a quick cause and containment'),
    'escalation-triggers': msg('Escalates by the agreed triggers'),
    'leading-indicators': msg('Leading indicators discussed'),
    facilitation: msg('Facilitation'),
    'team-talks': msg('Team members speak to each other, not only to the leader'),
    'side-topics-parked': msg('Side topics parked'),
    'facilitation-rotates': msg('Facilitation rotates'),
    'asks-questions': msg('Asks questions rather than gives instructions'),
    closing: msg('Closing'),
    'successes-recognised': msg('Successes recognised'),
    'actions-owned': msg('Every action has an owner and a due date'),
    'experiments-discussed': msg('Last and next experiment discussed'),
    coaching: msg('Coaching behaviours'),
    'asked-not-told': msg('Asked rather than told'),
    listened: msg('Listened'),
    'stayed-with-thinking': msg("Stayed with the learner's thinking"),
    'agreed-next-step': msg('Agreed a next step'),
    'kept-to-time': msg('Kept to time'),
  };
}

/** The English of every shipped id, to tell a shipped label from one an organisation wrote. */
const SHIPPED_ENGLISH = new Map<string, string>(
  (['huddle-observation', 'coaching-the-coach'] as const).flatMap((kind) => {
    const { name, groups } = defaultChecklist(kind);
    return [[name, name], ...groups.flatMap((g) => [[g.id, g.label], ...g.behaviours.map((b) => [b.id, b.label])])] as [string, string][];
  }),
);

/** `template` with every label that is still as shipped in the page's language. */
export function localChecklist(template: ChecklistTemplate): ChecklistTemplate {
  const words = shippedWords();
  const local = (id: string, label: string) => (SHIPPED_ENGLISH.get(id) === label ? (words[id] ?? label) : label);
  return {
    ...template,
    name: local(template.name, template.name),
    groups: template.groups.map((group) => ({
      ...group,
      label: local(group.id, group.label),
      behaviours: group.behaviours.map((b) => ({ ...b, label: local(b.id, b.label) })),
    })),
  };
}

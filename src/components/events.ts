/**
 * Every event the elements fire, typed once. They bubble and are composed, so a host page
 * can listen on any ancestor: `board.addEventListener('action-created', (e) => e.detail.action)`.
 */
import type {
  Action,
  AgendaPart,
  CoachingSession,
  Attendance,
  Escalation,
  Experiment,
  Feedback,
  Huddle,
  KpiValue,
  Recognition,
  ResourceNeed,
} from '../model/index.js';
import type { SetupStep } from './huddle-setup/setup-steps.js';
import type { SyncClient } from '../sync/sync-client.js';

/**
 * A set-up screen asks for everything about a person, or their erasure. A host whose data lives
 * on a server answers with `respondWith` (the export's JSON, or how many records changed), so
 * the server removes the words from every device; unanswered, the element uses its own store.
 */
export interface PersonDataRequest {
  personId: string;
  action: 'export' | 'erase';
  respondWith(answer: Promise<unknown>): void;
}

export interface HuddleEventMap {
  'action-created': CustomEvent<{ action: Action }>;
  'action-updated': CustomEvent<{ action: Action }>;
  'action-escalated': CustomEvent<{ action: Action; escalation: Escalation }>;
  'escalation-updated': CustomEvent<{ escalation: Escalation }>;
  'kpi-value-recorded': CustomEvent<{ value: KpiValue }>;
  'huddle-started': CustomEvent<{ huddle: Huddle }>;
  'huddle-ended': CustomEvent<{ huddle: Huddle }>;
  'agenda-part-changed': CustomEvent<{ part: AgendaPart | undefined }>;
  'huddle-shift-changed': CustomEvent<{ shift: string | undefined }>;
  'attendance-recorded': CustomEvent<{ attendance: Attendance }>;
  'recognition-added': CustomEvent<{ recognition: Recognition }>;
  'experiment-saved': CustomEvent<{ experiment: Experiment }>;
  'resource-need-saved': CustomEvent<{ need: ResourceNeed }>;
  'coaching-saved': CustomEvent<{ session: CoachingSession }>;
  'follow-up-requested': CustomEvent<{ learnerId: string; previousSessionId: string }>;
  'feedback-submitted': CustomEvent<{ feedback: Feedback[] }>;
  /** A set-up step saved something; `step` names it. */
  'setup-saved': CustomEvent<{ step: SetupStep }>;
  /** See PersonDataRequest. */
  'person-data-requested': CustomEvent<PersonDataRequest>;
  /** The guided set-up reached its end (every step done or skipped). */
  'setup-finished': CustomEvent<Record<string, never>>;
  /** A provider with `server` and `token` started syncing its store; `sync` is the running client. */
  'sync-started': CustomEvent<{ sync: SyncClient }>;
  /** A write was refused because edits are locked (see `<huddle-provider edits-locked>`). */
  'edit-locked': CustomEvent<Record<string, never>>;
}

declare global {
  // Declaration merging: the page's event map gains ours, so addEventListener is typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends HuddleEventMap {}
}

/**
 * huddle-elements: custom elements for the Leaders Coaching Leaders daily engagement system.
 * Importing this entry registers every element; import `huddle-elements/<tag>` for one alone.
 */
export * from './model/index.js';
export * from './store/index.js';
export { storeContext } from './context/store-context.js';
export { settingsContext, DEFAULT_SETTINGS, type HuddleSettings, type ThemeName } from './context/settings-context.js';
export { LiveQueryController } from './controllers/live-query.js';
export { ClockController } from './controllers/clock.js';
export { HuddleElement } from './components/huddle-element.js';
export type { HuddleEventMap } from './components/events.js';
export { HuddleProvider } from './components/huddle-provider/huddle-provider.js';
export { HuddleBoard, BOARD_VIEWS, type BoardView } from './components/huddle-board/huddle-board.js';
export { HuddleBoardHeader } from './components/huddle-board/huddle-board-header.js';
export { KpiCalendar } from './components/kpi-calendar/kpi-calendar.js';
export { KpiTrend } from './components/kpi-trend/kpi-trend.js';
export { HuddleAgenda } from './components/huddle-agenda/huddle-agenda.js';
export { HuddleActions } from './components/huddle-actions/huddle-actions.js';
export { HuddleEscalations } from './components/huddle-escalations/huddle-escalations.js';
export { HuddleAttendance } from './components/huddle-attendance/huddle-attendance.js';
export { HuddleResources } from './components/huddle-resources/huddle-resources.js';
export { ImprovementCard } from './components/improvement-card/improvement-card.js';
export { HuddleKudos } from './components/huddle-kudos/huddle-kudos.js';
export { CoachingCard } from './components/coaching-card/coaching-card.js';
export { CoachingJournal } from './components/coaching-journal/coaching-journal.js';
export { CoachingCascade } from './components/coaching-cascade/coaching-cascade.js';
export { FeedbackLoop, type FeedbackMode } from './components/feedback-loop/feedback-loop.js';
export { CoachingImpact } from './components/coaching-impact/coaching-impact.js';
export { HuddleSyncStatus } from './components/huddle-sync-status/huddle-sync-status.js';
export { syncContext } from './context/sync-context.js';
export { SyncClient, type SyncClientOptions, type SyncState, type SyncStatus, type SyncStateSource } from './sync/sync-client.js';
export { HybridClock, type Hlc } from './model/hlc.js';
export { mergeFields, type FieldClocks } from './model/merge.js';
export type { SyncOp, PullResponse, PushResponse, PulledRecord, WhoAmI, Role } from './protocol/sync.js';
export { HuddleSetup } from './components/huddle-setup/huddle-setup.js';
export { SETUP_STEPS, type SetupStep } from './components/huddle-setup/setup-steps.js';
export { useHuddleLocale, shippedLocale, getLocale } from './locales/localization.js';
export { loadDemoOrganisation, generateDemoOrganisation, DEMO_SEED } from './demo/index.js';

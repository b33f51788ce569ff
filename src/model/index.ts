/** Pure model: entity types, validation and every derived figure. No DOM, no storage. */
export * from './types.js';
export * from './dates.js';
export { ValidationError } from './schema.js';
export * from './validation.js';
export * from './kpi-status.js';
export * from './kpi-trend.js';
export * from './actions.js';
export * from './escalations.js';
export * from './cadence.js';
export * from './observation.js';
export * from './checklists.js';
export * from './org.js';
export * from './huddle.js';
export * from './rollup.js';
export * from './coaching.js';
export * from './cascade.js';
export * from './feedback.js';
export * from './impact.js';

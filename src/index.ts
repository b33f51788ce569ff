/**
 * huddle-elements: custom elements for the Leaders Coaching Leaders daily engagement system.
 * Importing this entry registers every element; import `huddle-elements/<tag>` for one alone.
 */
export * from './model/index.js';
export * from './store/index.js';
export { storeContext } from './context/store-context.js';
export { settingsContext, DEFAULT_SETTINGS, type HuddleSettings, type ThemeName } from './context/settings-context.js';
export { LiveQueryController } from './controllers/live-query.js';
export { HuddleElement } from './components/huddle-element.js';
export { HuddleProvider } from './components/huddle-provider/huddle-provider.js';
export { loadDemoOrganisation, generateDemoOrganisation, DEMO_SEED } from './demo/index.js';

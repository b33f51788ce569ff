/**
 * The sync state of the store below a provider, when it syncs with a server: elements that
 * write show it, so whoever types knows whether the rest of the organisation sees it yet.
 * Absent (undefined) for a store that does not sync; elements then show nothing.
 */
import { createContext } from '@lit/context';
import type { SyncStateSource } from '../sync/sync-client.js';

export const syncContext = createContext<SyncStateSource | undefined>(Symbol.for('huddle-elements.sync'));

/**
 * The store every element below a provider reads and writes through. Without a provider,
 * elements fall back to the shared default IndexedDB store.
 */
import { createContext } from '@lit/context';
import type { HuddleStore } from '../store/contract.js';

export const storeContext = createContext<HuddleStore>(Symbol.for('huddle-elements.store'));

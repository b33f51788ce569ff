// The manifest analyzer's settings (scripts/manifest.mjs runs it): the elements' own JSDoc
// (`@fires`, `@cssprop`, `@csspart`, `@slot`) is the source; this plugin adds what JSDoc
// cannot say once for all: each event's `detail` type, read from the one typed event map
// (src/components/events.ts), and it drops the pseudo-event `type` the analyzer infers from
// the base class's generic `emit(type, detail)` and leaves out private members.
import { readFileSync } from 'node:fs';

/** `'action-created': CustomEvent<{ action: Action }>;` lines of HuddleEventMap, by event name. */
function typedEvents() {
  const source = readFileSync('src/components/events.ts', 'utf8');
  const map = source.slice(source.indexOf('export interface HuddleEventMap'), source.indexOf('declare global'));
  return new Map([...map.matchAll(/^\s*'([a-z-]+)': (CustomEvent<.+>);$/gm)].map(([, name, type]) => [name, type]));
}

function eventTypes() {
  return {
    name: 'huddle-event-types',
    packageLinkPhase({ customElementsManifest }) {
      const types = typedEvents();
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          // Private members are not the element's API; listing them only churns the manifest.
          if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !member.name.startsWith('#'));
          if (!declaration.events) continue;
          declaration.events = declaration.events
            .filter((event) => event.name && event.name !== 'type')
            .map((event) => (types.has(event.name) ? { ...event, type: { text: types.get(event.name) } } : event));
        }
      }
    },
  };
}

export default {
  plugins: [eventTypes()],
};

/**
 * Generates and checks a demo organisation off the main thread: on a wall's first start that
 * is most of a second of work on a slow screen, which would otherwise freeze the page while it
 * first draws. Answers one request with the checked records, a kind at a time (each answer is a
 * short task to receive), then `done`; or with the error's message.
 */
import { generateDemoRecords, type DemoRequest, type DemoAnswer } from './generate.js';
import { ENTITY_KINDS } from '../model/index.js';

const scope = self as unknown as { onmessage: ((event: MessageEvent<DemoRequest>) => void) | null; postMessage(answer: DemoAnswer): void };

scope.onmessage = (event) => {
  try {
    const data = generateDemoRecords(event.data);
    for (const kind of ENTITY_KINDS) scope.postMessage({ kind, records: data[kind] });
    scope.postMessage({ done: true });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};

/** The demo organisation: generated records and loading them into a store. */
import { ENTITY_KINDS, localDay, type Day, type EntityKind } from '../model/index.js';
import type { IdbHuddleStore } from '../store/idb-store.js';
import type { ExportFile } from '../model/backup-file.js';
import { replaceAll } from '../store/whole-database.js';
import { DEMO_SEED } from './organisation.js';
import { HOSPITAL_DEMO_SEED } from './hospital.js';
import { generateDemoRecords, type DemoAnswer, type DemoKind, type DemoRequest } from './generate.js';

export { DEMO_SEED, generateDemoOrganisation } from './organisation.js';
export { HOSPITAL_DEMO_SEED, generateHospitalDemo } from './hospital.js';

export type { DemoKind } from './generate.js';

/**
 * Replaces the store's data with a demo organisation for `today` (the plant unless told). Goes
 * through the same checks as any import, so a generator bug can never save an invalid record.
 * Generated in a worker where the page can start one (the page stays responsive meanwhile),
 * else here.
 */
export async function loadDemoOrganisation(store: IdbHuddleStore, options: { seed?: number; today?: Day; kind?: DemoKind } = {}): Promise<void> {
  const kind = options.kind ?? 'plant';
  const request: DemoRequest = { kind, seed: options.seed ?? (kind === 'hospital' ? HOSPITAL_DEMO_SEED : DEMO_SEED), today: options.today ?? localDay() };
  const data = (await inWorker(request)) ?? generateDemoRecords(request);
  await replaceAll(store, data, { demoSeed: request.seed });
}

/**
 * How long the worker may stay silent before it is given up on (a browser may stop a worker under
 * memory pressure without telling the page): a wall never waits for ever on "Opening the board".
 */
const WORKER_SILENCE_MS = 10_000;

/** The records from the demo worker; undefined when no worker could be started or it fell silent (then the caller generates them). */
function inWorker(request: DemoRequest): Promise<ExportFile['data'] | undefined> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./demo-worker.js', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const data = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, []])) as unknown as ExportFile['data'];
    let silence: ReturnType<typeof setTimeout> | undefined;
    const finish = (settle: () => void) => {
      clearTimeout(silence);
      worker.terminate();
      settle();
    };
    const listen = () => {
      clearTimeout(silence);
      silence = setTimeout(() => finish(() => resolve(undefined)), WORKER_SILENCE_MS);
    };
    listen();
    worker.onmessage = (event: MessageEvent<DemoAnswer>) => {
      listen();
      const answer = event.data;
      if ('error' in answer) finish(() => reject(new Error(answer.error)));
      else if ('done' in answer) finish(() => resolve(data));
      else (data as Record<EntityKind, unknown[]>)[answer.kind] = answer.records;
    };
    // The worker's script could not be loaded or run (a host page's policy, say): generate here.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(() => resolve(undefined));
    };
    worker.postMessage(request);
  });
}

/** The demo organisation: generated records and loading them into a store. */
import { localDay, type Day } from '../model/index.js';
import type { IdbHuddleStore } from '../store/idb-store.js';
import { toExportFile } from '../model/backup-file.js';
import { importData } from '../store/whole-database.js';
import { DEMO_SEED, generateDemoOrganisation } from './organisation.js';
import { HOSPITAL_DEMO_SEED, generateHospitalDemo } from './hospital.js';

export { DEMO_SEED, generateDemoOrganisation } from './organisation.js';
export { HOSPITAL_DEMO_SEED, generateHospitalDemo } from './hospital.js';

/** The demo organisations: a plant with six teams on one shift, a hospital with wards on three. */
export type DemoKind = 'plant' | 'hospital';

/**
 * Replaces the store's data with a demo organisation for `today` (the plant unless told). Goes
 * through the same checks as any import, so a generator bug can never save an invalid record.
 */
export async function loadDemoOrganisation(store: IdbHuddleStore, options: { seed?: number; today?: Day; kind?: DemoKind } = {}): Promise<void> {
  const hospital = options.kind === 'hospital';
  const seed = options.seed ?? (hospital ? HOSPITAL_DEMO_SEED : DEMO_SEED);
  const today = options.today ?? localDay();
  const data = hospital ? generateHospitalDemo({ seed, today }) : generateDemoOrganisation({ seed, today });
  await importData(store, toExportFile(data), { demoSeed: seed });
}

/** The demo organisation's records, generated and checked like any import: in a worker or here. */
import { parseImport, toExportFile, type ExportFile } from '../model/backup-file.js';
import type { Day, EntityKind } from '../model/index.js';
import { generateDemoOrganisation } from './organisation.js';
import { generateHospitalDemo } from './hospital.js';

/** The demo organisations: a plant with six teams on one shift, a hospital with wards on three. */
export type DemoKind = 'plant' | 'hospital';

export interface DemoRequest {
  kind: DemoKind;
  seed: number;
  today: Day;
}

/** What the demo worker answers: the records of one kind, the end, or what went wrong. */
export type DemoAnswer = { kind: EntityKind; records: ExportFile['data'][EntityKind] } | { done: true } | { error: string };

/** Generated, then checked as any import is, so a generator bug can never save an invalid record. */
export function generateDemoRecords({ kind, seed, today }: DemoRequest): ExportFile['data'] {
  const data = kind === 'hospital' ? generateHospitalDemo({ seed, today }) : generateDemoOrganisation({ seed, today });
  return parseImport(toExportFile(data)).data;
}

/**
 * The backup file: its format, and the checks a restore passes before anything is written.
 * A file is accepted whole or not at all; the first problem found is named precisely
 * (collection, record number, id, field) so that a person can fix the file. Pure, so the
 * kiosk's restore and the server's loader read a file the same way.
 */
import { describeProblem, wordWhenRead, type FileProblem } from './problems.js';
import { SCHEMA_VERSION, upgradeRecord } from './record-upgrades.js';
import { ValidationError, cleanTexts } from './schema.js';
import { ENTITY_KINDS, type EntityKind, type EntityMap } from './types.js';
import { validateRecord } from './validation.js';

export const EXPORT_FORMAT = 'huddle-elements';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  data: { [K in EntityKind]: EntityMap[K][] };
}

export type ImportSummary = { [K in EntityKind]: number };

/** A backup file that cannot be used; nothing was changed. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly problem: FileProblem,
    /** Where the problem is, e.g. `actions[3].due`, when it is inside a record. */
    readonly location?: string,
  ) {
    super();
    wordWhenRead(this, () => describeProblem(problem));
  }
}

export function toExportFile(data: ExportFile['data'], exportedAt = new Date().toISOString()): ExportFile {
  return { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt, data };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a whole export file (JSON text or parsed) and returns its records, upgraded to the current schema. */
export function parseImport(file: unknown): { data: ExportFile['data']; summary: ImportSummary } {
  let parsed: unknown = file;
  if (typeof file === 'string') {
    try {
      parsed = JSON.parse(file);
    } catch (error) {
      throw new ImportError({ code: 'not-json', detail: (error as Error).message });
    }
  }
  if (!isObject(parsed) || parsed['format'] !== EXPORT_FORMAT) throw new ImportError({ code: 'not-export', format: EXPORT_FORMAT });
  const version = parsed['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ImportError({ code: 'no-schema-version' });
  if (version > SCHEMA_VERSION) throw new ImportError({ code: 'newer-schema', version, supported: SCHEMA_VERSION });
  const rawData = parsed['data'];
  if (!isObject(rawData)) throw new ImportError({ code: 'no-data' });
  for (const key of Object.keys(rawData)) {
    if (!(ENTITY_KINDS as readonly string[]).includes(key)) throw new ImportError({ code: 'unknown-collection', collection: key, known: ENTITY_KINDS }, key);
  }

  const data = {} as Record<EntityKind, unknown[]>;
  const summary = {} as ImportSummary;
  for (const kind of ENTITY_KINDS) {
    const list = rawData[kind] ?? [];
    if (!Array.isArray(list)) throw new ImportError({ code: 'not-a-list', collection: kind }, kind);
    const seen = new Set<string>();
    data[kind] = list.map((raw: unknown, index) => {
      const where = `${kind}[${index}]`;
      const id = isObject(raw) && typeof raw['id'] === 'string' ? raw['id'] : undefined;
      try {
        const record = validateRecord(kind, isObject(raw) ? cleanTexts(upgradeRecord(kind, raw, version)) : raw);
        if (seen.has(record.id)) throw new ImportError({ code: 'duplicate-id', collection: kind, index, id: record.id }, `${where}.id`);
        seen.add(record.id);
        return record;
      } catch (error) {
        if (error instanceof ValidationError) {
          const problem: FileProblem = {
            code: 'bad-record',
            collection: kind,
            index,
            field: error.field,
            inner: error.problem,
            ...(id !== undefined ? { id } : {}),
          };
          throw new ImportError(problem, `${where}.${error.field}`);
        }
        throw error;
      }
    });
    summary[kind] = list.length;
  }
  return { data: data as ExportFile['data'], summary };
}

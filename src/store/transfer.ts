/**
 * The export file format and the checks an import passes before anything is written.
 * A file is accepted whole or not at all; the first problem found is named precisely
 * (collection, record number, id, field) so that a person can fix the file.
 */
import { msg, str } from '@lit/localize';
import { ENTITY_KINDS, ValidationError, cleanTexts, validateRecord, type EntityKind, type EntityMap } from '../model/index.js';
import { DB_VERSION, upgradeRecord } from './schema-versions.js';

export const EXPORT_FORMAT = 'huddle-elements';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  data: { [K in EntityKind]: EntityMap[K][] };
}

export type ImportSummary = { [K in EntityKind]: number };

/** An import file that cannot be used; nothing was changed. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    message: string,
    /** Where the problem is, e.g. `actions[3].due`, when it is inside a record. */
    readonly location?: string,
  ) {
    super(message);
  }
}

export function toExportFile(data: ExportFile['data']): ExportFile {
  return { format: EXPORT_FORMAT, schemaVersion: DB_VERSION, exportedAt: new Date().toISOString(), data };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a whole export file (JSON text or parsed) and returns its records, upgraded to the current schema. */
export function parseImport(file: unknown): { data: ExportFile['data']; summary: ImportSummary } {
  let parsed: unknown = file;
  if (typeof file === 'string') {
    try {
      parsed = JSON.parse(file);
    } catch (error) {
      throw new ImportError(msg(str`The file is not valid JSON: ${(error as Error).message}`));
    }
  }
  if (!isObject(parsed) || parsed['format'] !== EXPORT_FORMAT) {
    throw new ImportError(msg(str`The file is not a huddle-elements export (its "format" should be "${EXPORT_FORMAT}").`));
  }
  const version = parsed['schemaVersion'];
  if (!Number.isInteger(version) || (version as number) < 1) {
    throw new ImportError(msg('The file has no valid "schemaVersion".'));
  }
  if ((version as number) > DB_VERSION) {
    throw new ImportError(
      msg(str`The file was exported by a newer version (schema ${String(version)}; this app reads up to ${DB_VERSION}). Update the app first.`),
    );
  }
  const rawData = parsed['data'];
  if (!isObject(rawData)) throw new ImportError(msg('The file has no "data" object.'));
  for (const key of Object.keys(rawData)) {
    if (!(ENTITY_KINDS as readonly string[]).includes(key)) {
      throw new ImportError(msg(str`The file has an unknown collection "${key}". Known: ${ENTITY_KINDS.join(', ')}.`), key);
    }
  }

  const data = {} as Record<EntityKind, unknown[]>;
  const summary = {} as ImportSummary;
  for (const kind of ENTITY_KINDS) {
    const list = rawData[kind] ?? [];
    if (!Array.isArray(list)) throw new ImportError(msg(str`"${kind}" must be a list of records.`), kind);
    const seen = new Set<string>();
    data[kind] = list.map((raw: unknown, index) => {
      const where = `${kind}[${index}]`;
      const label = isObject(raw) && typeof raw['id'] === 'string' ? msg(str`${kind} record ${index + 1} (id "${raw['id']}")`) : msg(str`${kind} record ${index + 1}`);
      try {
        const record = validateRecord(kind, isObject(raw) ? cleanTexts(upgradeRecord(kind, raw, version as number)) : raw);
        if (seen.has(record.id)) throw new ImportError(msg(str`${label}: the id is used twice in "${kind}".`), `${where}.id`);
        seen.add(record.id);
        return record;
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new ImportError(`${label}: ${error.field} ${error.problem}.`, `${where}.${error.field}`);
        }
        throw error;
      }
    });
    summary[kind] = list.length;
  }
  return { data: data as ExportFile['data'], summary };
}

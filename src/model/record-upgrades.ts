/**
 * How records written by an older version become current ones. Shared by the device's
 * database upgrade (src/store/schema-versions.ts) and by every reader of a backup file (the
 * kiosk's restore, the server's loader), so an old record reads the same everywhere.
 */

/**
 * The version of the record schema: a backup file says which one it was written with, and a
 * device's database is at this version. Raised whenever a record gains a field or a meaning.
 */
export const SCHEMA_VERSION = 7;

type StoredRecord = Record<string, unknown>;

/**
 * How one record of version N-1 becomes version N. Returns the same object when nothing
 * changes. Version 2: coaching gained a direction, and version 1 only coached down.
 */
const RECORD_UPGRADES: Record<number, (kind: string, record: StoredRecord) => StoredRecord> = {
  2: (kind, record) => (kind === 'coachingSessions' && record['direction'] === undefined ? { ...record, direction: 'down' } : record),
};

/** One step: a record of version `to - 1` as version `to`. */
export function upgradeRecordTo(to: number, kind: string, record: StoredRecord): StoredRecord {
  return RECORD_UPGRADES[to]?.(kind, record) ?? record;
}

/** A record written at schema version `from`, brought up to SCHEMA_VERSION. */
export function upgradeRecord(kind: string, record: StoredRecord, from: number): StoredRecord {
  let result = record;
  for (let version = from + 1; version <= SCHEMA_VERSION; version++) result = upgradeRecordTo(version, kind, result);
  return result;
}

/**
 * Merging a change into a record, field by field: each field keeps the value written with
 * the highest HLC stamp (last writer wins per field). Two devices that change different
 * fields of one action both keep their change; two that change the same field end with the
 * same value everywhere, whatever order the changes arrive in.
 *
 * A retire is the `deletedAt` field like any other, so it wins over every older edit: an
 * edit stamped before the retire still lands on its field, but the record stays retired.
 * Only a later, explicit un-retire (`deletedAt` cleared) brings it back.
 */
import { ZERO_HLC, type Hlc } from './hlc.js';

/** The stamp of the write that set each field. */
export type FieldClocks = Record<string, Hlc>;

/** A record's fields as they travel: `null` means the field was cleared. */
export type WireFields = Record<string, unknown>;

export interface Merged {
  /** The record after the merge (undefined while no write to it has been seen). */
  record: Record<string, unknown> | undefined;
  clocks: FieldClocks;
  /** Fields whose value this merge changed. */
  changed: string[];
}

/**
 * Merges `incoming` (stamped `incomingClocks`, one stamp for every field or one per field)
 * into `current` (stamped `clocks`). Pure: neither input is changed.
 */
export function mergeFields(
  id: string,
  current: Record<string, unknown> | undefined,
  clocks: FieldClocks,
  incoming: WireFields,
  incomingClocks: Hlc | FieldClocks,
): Merged {
  const record: Record<string, unknown> = { ...(current ?? {}) };
  const merged: FieldClocks = { ...clocks };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(incoming)) {
    if (field === 'id') continue;
    const stamp = typeof incomingClocks === 'string' ? incomingClocks : incomingClocks[field];
    if (stamp === undefined || stamp <= (merged[field] ?? ZERO_HLC)) continue;
    merged[field] = stamp;
    const before = record[field];
    if (value === null || value === undefined) delete record[field];
    else record[field] = value;
    if (JSON.stringify(before) !== JSON.stringify(record[field])) changed.push(field);
  }
  // Known once any write to it has been merged, even one that only cleared a field, so that
  // every replica agrees on whether the record exists.
  const known = current !== undefined || Object.keys(merged).length > 0;
  return { record: known ? { ...record, id } : undefined, clocks: merged, changed };
}

/** The record's fields for the wire: every field present, and `null` for cleared ones. */
export function toWireFields(record: Record<string, unknown>, fields: readonly string[]): WireFields {
  return Object.fromEntries(fields.filter((f) => f !== 'id').map((f) => [f, record[f] ?? null]));
}

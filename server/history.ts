/**
 * The audit trail as an admin reads it: per record, who changed which fields when - the person
 * signed in (with their name as the organisation has it now) and the device, by the label its
 * token was given. Anonymous records have none (see sync-service.ts).
 */
import { ENTITY_KINDS, type EntityKind } from '../src/model/index.js';
import type { Sql } from './db.js';

export interface HistoryEntry {
  at: string;
  /** The person signed in, or '' for a device that belongs to no one (a wall). */
  person: string;
  personName: string;
  /** The device token's id (as the token list shows it) and label. */
  device: string;
  deviceLabel: string;
  role: string;
  fields: string[];
}

export function isEntityKind(kind: string): kind is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(kind);
}

export async function recordHistory(sql: Sql, org: string, kind: EntityKind, id: string): Promise<HistoryEntry[]> {
  const { rows } = await sql.query<{
    at: string | Date;
    person_id: string | null;
    person_name: string | null;
    token_hash: string | null;
    label: string | null;
    role: string;
    fields: string[];
  }>(
    `select h.at, h.person_id, p.data->>'name' as person_name, h.token_hash, t.label, h.role, h.fields
     from record_history h
     left join tokens t on t.hash = h.token_hash
     left join records p on p.org = h.org and p.kind = 'people' and p.id = h.person_id
     where h.org = $1 and h.kind = $2 and h.id = $3
     order by h.seq`,
    [org, kind, id],
  );
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    person: r.person_id ?? '',
    personName: r.person_name ?? '',
    device: r.token_hash?.slice(0, 12) ?? '',
    deviceLabel: r.label ?? '',
    role: r.role,
    fields: r.fields,
  }));
}

/**
 * The IndexedDB layout, as a list of migrations: version N's migration turns a version N-1
 * database into a version N one. A new database runs them all, so the path an old kiosk
 * takes on upgrade is the same one every test database takes.
 */
import type { Db, Tx } from './idb.js';
import { formatHlc, newNodeId, type HybridClock } from '../model/hlc.js';
import { newId } from './ids.js';
import { SCHEMA_VERSION, upgradeRecordTo } from '../model/record-upgrades.js';
import type { KpiValue } from '../model/index.js';
import { KPI_VALUE_MONTHS, packValues } from './packed-values.js';

/** The IndexedDB version is the record schema's: a database at version N holds version N records. */
export const DB_VERSION = SCHEMA_VERSION;
export const DEFAULT_DB_NAME = 'huddle-elements';

/** Stores that are not entity kinds. */
export const OUTBOX = 'outbox';
export const META = 'meta';
/**
 * Per record this device wrote, the HLC stamp of the write that set each field (see
 * src/model/merge.ts). A record with no row came whole from the server, which only ever sends
 * its latest version: its fields count as stamped zero, so the server's next version wins each
 * field and this device's own writes (which add a row) win over older ones.
 */
export const FIELD_CLOCKS = 'fieldClocks';

/** A row of FIELD_CLOCKS: `key` is `clockKey(kind, id)`; `clocks` maps each field to its stamp. */
export interface ClockRow {
  key: string;
  clocks: Record<string, string>;
}

export function clockKey(kind: string, id: string): string {
  return `${kind}/${id}`;
}

/**
 * The META row `clock`: the last stamp any tab made or took, and the correction of this
 * device's wall clock to the server's (learnt by the sync client; absent before).
 */
export interface ClockState {
  key: 'clock';
  last: string;
  offsetMs?: number;
}

export function clockState(clock: HybridClock): ClockState {
  return { key: 'clock', last: clock.last, offsetMs: clock.offsetMs };
}

type Migration = (db: Db, tx: Tx) => Promise<void> | void;

function createStore(db: Db, name: string, indexes: readonly string[]): void {
  const store = db.createObjectStore(name, { keyPath: 'id' });
  for (const field of indexes) store.createIndex(field, field);
}

const MIGRATIONS: Record<number, Migration> = {
  /** Version 1: the first layout. */
  1: (db) => {
    createStore(db, 'org', []);
    createStore(db, 'units', ['parentId']);
    createStore(db, 'people', ['unitId']);
    createStore(db, 'kpis', ['unitId']);
    createStore(db, 'kpiValues', ['kpiId']);
    createStore(db, 'actions', ['unitId']);
    createStore(db, 'escalations', ['fromUnitId', 'toUnitId']);
    createStore(db, 'experiments', ['unitId']);
    createStore(db, 'resourceNeeds', ['unitId']);
    createStore(db, 'attendance', ['unitId']);
    createStore(db, 'huddles', ['unitId']);
    createStore(db, 'recognitions', ['unitId']);
    createStore(db, 'coachingSessions', ['learnerId']);
    createStore(db, 'coachingPairs', ['coachId', 'learnerId']);
    createStore(db, 'checklists', []);
    createStore(db, 'feedback', ['unitId']);
    db.createObjectStore(OUTBOX, { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore(META, { keyPath: 'key' });
  },
  /**
   * Version 2: coaching gained a direction (down / peer / up) and "you said, we did"
   * responses; the coach's own sessions are looked up by coach. Version 1 only recorded
   * top-down coaching, so every existing session becomes `down`.
   */
  2: async (db, tx) => {
    const sessions = tx.objectStore('coachingSessions');
    sessions.createIndex('coachId', 'coachId');
    for (let cursor = await sessions.openCursor(); cursor; cursor = await cursor.continue()) {
      const session = cursor.value as Record<string, unknown>;
      const upgraded = upgradeRecordTo(2, 'coachingSessions', session);
      if (upgraded !== session) await cursor.update(upgraded);
    }
    createStore(db, 'feedbackResponses', ['unitId']);
  },
  /**
   * Version 3: sync. Field clocks get their own store; pending outbox entries get the op id
   * and HLC stamp a push needs, stamped from when they were written (the counter keeps two
   * entries of the same millisecond apart, in the order they were made).
   */
  3: async (db, tx) => {
    db.createObjectStore(FIELD_CLOCKS, { keyPath: 'key' });
    const node = newNodeId();
    const outbox = tx.objectStore(OUTBOX);
    for (let cursor = await outbox.openCursor(); cursor; cursor = await cursor.continue()) {
      const entry = cursor.value as { seq: number; at: string; opId?: string; hlc?: string };
      if (entry.opId && entry.hlc) continue;
      const ms = Date.parse(entry.at) || 0;
      await cursor.update({ ...entry, opId: newId(), hlc: formatHlc({ ms, counter: entry.seq % 0x10000, node }) });
    }
  },
  /**
   * Version 4: a board may have a huddle time (`huddleAt`). Nothing in the layout changes; the
   * version is raised so that an older app refuses a backup from this one as "exported by a
   * newer version" instead of stumbling over a field it does not know.
   */
  4: () => undefined,
  /**
   * Version 5: a person may have an e-mail address, an identity provider id and the admin flag
   * (for signing in as themselves). Nothing in the layout changes; raised for the same reason.
   */
  5: () => undefined,
  /**
   * Version 6: the organisation may let the learner's line above read coaching conversations'
   * words (`coachingWordsReadBy`) and say how shared screens name the cascade's gaps
   * (`cascadeGapsOnSharedScreens`), and how long conversations keep their words
   * (`coachingWordsKeptMonths`); an answer may carry its device's weekly pseudonym (`respondent`).
   * Nothing in the layout changes; raised for the same reason.
   */
  6: () => undefined,
  /**
   * Version 7: KPI results are kept a row per KPI and month (packed-values.ts): a wall's first
   * sync writes a month of every KPI its roll-ups summarise, and IndexedDB's cost is per row.
   */
  7: async (db, tx) => {
    const months = db.createObjectStore(KPI_VALUE_MONTHS, { keyPath: 'key' });
    months.createIndex('kpiId', 'kpiId');
    const values = (await tx.objectStore('kpiValues').getAll()) as KpiValue[];
    const packed = tx.objectStore(KPI_VALUE_MONTHS);
    await Promise.all(packValues(values).map((row) => packed.put(row)));
    db.deleteObjectStore('kpiValues');
  },
};

/** Runs the migrations from `oldVersion` (0 for a new database) up to DB_VERSION. */
export async function upgrade(db: Db, oldVersion: number, tx: Tx): Promise<void> {
  for (let version = oldVersion + 1; version <= DB_VERSION; version++) {
    const migration = MIGRATIONS[version];
    if (!migration) throw new Error(`no migration to schema version ${version}`);
    await migration(db, tx);
  }
}

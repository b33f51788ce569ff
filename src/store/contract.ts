/**
 * The HuddleStore contract: what every element reads and writes through.
 *
 * The default implementation is IndexedDB (`IdbHuddleStore`); a host intranet may pass any
 * object that implements this interface (for example one backed by its own REST API).
 * Queries are plain objects that say what they read, so a host store can run them against
 * its own records with a `RecordReader` of its own.
 */
import type { AnyRecord, Day, EntityKind, EntityMap, SessionFacts } from '../model/index.js';
import type { StoreWrites } from './writes.js';

/** Read access a query runs against: all records of a kind, by an indexed field, or by id. */
export interface RecordReader {
  all<K extends EntityKind>(kind: K): Promise<EntityMap[K][]>;
  by<K extends EntityKind>(kind: K, field: IndexedField<K>, value: string): Promise<EntityMap[K][]>;
  get<K extends EntityKind>(kind: K, id: string): Promise<EntityMap[K] | undefined>;
  /**
   * Optional: the records of `kind` whose ids lie from `low` to `high` (both included, as ids
   * sort), in that order. A KPI's values of a month are one such range (a value's id is
   * "kpi:day"), so a calendar reads them at once instead of day by day - a site's roll-up reads
   * 360 KPIs' months. Without it, queries look each day up.
   */
  between?<K extends EntityKind>(kind: K, low: string, high: string): Promise<EntityMap[K][]>;
  /**
   * Optional: the facts of every live conversation (no words; what `sessionFacts` takes of each
   * of `all('coachingSessions')`), in any order, from a copy the store keeps in line with the
   * conversations - the IndexedDB store's (kept-copies.ts) reads in ~45 ms where 45,000
   * conversations take half a second. Without it, queries read the conversations.
   */
  conversationFacts?(): Promise<SessionFacts[]>;
}

/** Fields that can be looked up quickly; the IndexedDB store keeps an index on each. */
export const INDEXED_FIELDS = {
  org: [],
  units: ['parentId'],
  people: ['unitId'],
  kpis: ['unitId'],
  kpiValues: ['kpiId'],
  actions: ['unitId'],
  escalations: ['fromUnitId', 'toUnitId'],
  experiments: ['unitId'],
  resourceNeeds: ['unitId'],
  attendance: ['unitId'],
  huddles: ['unitId'],
  recognitions: ['unitId'],
  coachingSessions: ['learnerId', 'coachId'],
  coachingPairs: ['coachId', 'learnerId'],
  checklists: [],
  feedback: ['unitId'],
  feedbackResponses: ['unitId'],
} as const satisfies { [K in EntityKind]: readonly (keyof EntityMap[K] & string)[] };

export type IndexedField<K extends EntityKind> = (typeof INDEXED_FIELDS)[K][number];

/** A kind a query reads, and optionally which of its records matter to it. */
export interface QueryDependency {
  kind: EntityKind;
  /** True when a change to this record can change the query's result. */
  affects?: (record: AnyRecord) => boolean;
}

export interface Query<T> {
  /** Readable and unique per distinct query, e.g. `actions-of-unit:team-1`. */
  readonly key: string;
  readonly reads: readonly QueryDependency[];
  run(reader: RecordReader): Promise<T>;
  /**
   * Optional: the new result from the previous one and the changes that affect it, exactly
   * as `run` would return it, without reading storage again. A store may use it to answer a
   * watcher right after a write instead of re-running the query, and to bring a kept answer
   * (`remember`) up to date with the records written since: then a change has no `before`.
   */
  apply?(previous: T, changes: readonly RecordChange[]): T;
  /**
   * Optional: a name under which a store may keep the answer on the device, so that the next
   * start reads it back instead of running `run` over every record (worth it for figures over
   * everyone, such as the cascade). A kept answer is used only while no record of a kind in
   * `reads` was written since; anything else it depends on (the day, the version of the
   * figures) must be in `key`. The answer must be structured-cloneable; with `apply`, it must
   * hold what `apply` needs to work out the figures again.
   */
  readonly remember?: string;
  /**
   * Optional, with `remember`: the answer in the form it is kept in, and back. For an answer
   * whose compact form is much quicker to copy (the cascade packs the facts of 45,000
   * conversations into one string); `unpack` should leave the unpacking of what only `apply`
   * reads until `apply` reads it.
   */
  readonly keptAs?: { pack(result: T): unknown; unpack(kept: unknown): T };
  /**
   * Optional, with `remember`: this query's answer worked out from one kept under another key
   * of the same slot (`keptKey`), or undefined when it cannot be (then `run`). For figures whose
   * key holds the day while what they are worked out from does not: the cascade of a new day,
   * from yesterday's, without reading every conversation again. Records written since the kept
   * answer are then applied (`apply`) to the result.
   */
  rebase?(kept: T, keptKey: string): T | undefined;
}

/** One written record, before and after, as announced to watchers and other tabs. */
export interface RecordChange {
  kind: EntityKind;
  before?: AnyRecord;
  after: AnyRecord;
}

/** Does a set of changes touch what a query reads? */
export function affectsQuery(query: Pick<Query<unknown>, 'reads'>, changes: readonly RecordChange[]): boolean {
  return changes.some((change) =>
    query.reads.some(
      (dep) => dep.kind === change.kind && (!dep.affects || dep.affects(change.after) || (change.before !== undefined && dep.affects(change.before))),
    ),
  );
}

export interface HuddleStore extends StoreWrites {
  /**
   * Runs the query now and again after every change that affects its result, in this tab
   * or another. Returns the function that stops watching; elements call it on disconnect.
   */
  watch<T>(query: Query<T>, onResult: (result: T) => void, onError?: (error: Error) => void): () => void;
  get<T>(query: Query<T>): Promise<T>;
  /** The day the store considers "today" (local time); a kiosk may pin it for tests. */
  today(): Day;
}

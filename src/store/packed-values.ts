/**
 * The KPI results (`kpiValues`) as IndexedDB holds them: one row per KPI and month, not one
 * per result. IndexedDB's cost is per row written - ~200 us in Chromium, whatever its size -
 * and a new site wall's first screen is a month of every KPI its roll-ups summarise (7,300
 * results: ~1.8 s as rows of their own, ~40 ms as 243 rows of a month each), and a board reads
 * a KPI a month at a time. The rest of the store sees results one by one: the transaction's
 * `objectStore('kpiValues')` is this view (see idb.ts), which reads a result's row and writes
 * the row again with it. Several results of one row written in the same step of a transaction
 * are one write.
 */
import type { KpiValue } from '../model/index.js';
import type { Key, Store } from './idb-store-shape.js';

/** The object store of the rows. */
export const KPI_VALUE_MONTHS = 'kpiValueMonths';

/** A KPI's results of one month, by id (the ids are `kpi:day`, so also by day). */
export interface MonthRow {
  /** `kpi:YYYY-MM`: the ids of its results without their day of the month. */
  key: string;
  kpiId: string;
  values: KpiValue[];
}

const DAY_AT_END = /:\d{4}-\d{2}-\d{2}$/;

/**
 * The row a result's id belongs in. A result's id is its KPI's and its day (the model's
 * `kpiValueId`), so the row keys sort as the ids do; an id of another form (none passes the
 * model's checks) is a row of its own.
 */
export function monthRowKey(id: string): string {
  return DAY_AT_END.test(id) ? id.slice(0, -3) : id;
}

/** Results into rows (a migration's, or a restore's): each row's results in id order. */
export function packValues(values: readonly KpiValue[]): MonthRow[] {
  const rows = new Map<string, MonthRow>();
  for (const value of values) {
    const key = monthRowKey(value.id);
    const row = rows.get(key) ?? rows.set(key, { key, kpiId: value.kpiId, values: [] }).get(key)!;
    put(row.values, value);
  }
  return [...rows.values()];
}

/** Inserts or replaces `value` in `values`, kept in id order. */
function put(values: KpiValue[], value: KpiValue): void {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]!.id < value.id) low = mid + 1;
    else high = mid;
  }
  if (values[low]?.id === value.id) values[low] = value;
  else values.splice(low, 0, value);
}

const flat = (rows: readonly MonthRow[]) => rows.flatMap((row) => row.values);

/**
 * The results of one transaction's `kpiValues`, over the rows. Rows read are kept for the
 * transaction (its writes all come through here), and a row's writes queued in one step are
 * one put, issued once the step has queued them all.
 */
export function packedValues(raw: IDBObjectStore, request: <T>(req: IDBRequest<T>) => Promise<T>): Store {
  const rows = new Map<string, Promise<MonthRow>>();
  const writing = new Map<string, Promise<unknown>>();
  /** Raised by a clear: a row's write queued before it is not made after it. */
  let cleared = 0;
  const rowOf = (key: string, kpiId: string) => {
    let row = rows.get(key);
    if (!row) {
      row = request(raw.get(key)).then((kept) => (kept as MonthRow | undefined) ?? { key, kpiId, values: [] });
      rows.set(key, row);
    }
    return row;
  };
  /** The row written once the step's changes to it are made (a row left empty is removed). */
  const write = (row: MonthRow) => {
    let written = writing.get(row.key);
    if (!written) {
      const before = cleared;
      written = Promise.resolve().then(() => {
        if (before !== cleared) return undefined;
        writing.delete(row.key);
        return row.values.length > 0 ? request(raw.put(row)) : request(raw.delete(row.key));
      });
      writing.set(row.key, written);
    }
    return written;
  };
  /** Reads of the rows themselves wait for the writes queued before them, as IndexedDB's own do. */
  const settled = () => Promise.all(writing.values());
  const readRows = async (query?: Key | null) => {
    await settled();
    // One id is the range of that id alone.
    const range = query === undefined || query === null ? undefined : query instanceof IDBKeyRange ? query : IDBKeyRange.only(query);
    const values = flat((await request(raw.getAll(range && rowRange(range)))) as MonthRow[]);
    return range ? values.filter((value) => range.includes(value.id)) : values;
  };
  const store = async (result: KpiValue) => {
    const row = await rowOf(monthRowKey(result.id), result.kpiId);
    row.kpiId = result.kpiId; // a row first looked for by id alone was made without it
    put(row.values, result);
    await write(row);
    return result.id;
  };
  const remove = async (id: string) => {
    const row = await rowOf(monthRowKey(id), '');
    const at = row.values.findIndex((value) => value.id === id);
    if (at < 0) return;
    row.values.splice(at, 1);
    await write(row);
  };
  return {
    get: async (key) => (await rowOf(monthRowKey(String(key)), '')).values.find((value) => value.id === key),
    getAll: async (query, count) => (await readRows(query)).slice(0, count ?? undefined),
    put: (value) => store(value as KpiValue),
    add: async (value) => {
      const result = value as KpiValue;
      if ((await rowOf(monthRowKey(result.id), result.kpiId)).values.some((kept) => kept.id === result.id))
        throw new DOMException(`A result ${result.id} is already stored.`, 'ConstraintError');
      return store(result);
    },
    count: async () => (await readRows()).length,
    delete: async (key) => {
      if (typeof key !== 'string') throw new TypeError('KPI results are removed one id at a time');
      await remove(key);
    },
    // At once, as IndexedDB's own: the reads and writes asked after it find the store empty.
    clear: () => {
      cleared++;
      rows.clear();
      writing.clear();
      return request(raw.clear());
    },
    index: (name) => ({
      getAll: async (query) => {
        await settled();
        return flat((await request(raw.index(name).getAll(query))) as MonthRow[]);
      },
    }),
    openCursor: () => Promise.reject(new TypeError('KPI results are not read with a cursor')),
    createIndex: (name, keyPath) => void raw.createIndex(name, keyPath),
  };
}

/**
 * The rows that may hold ids in `range`: a row's key is its ids' common beginning, so no row
 * after the upper bound holds one; the lower bound, without its day of the month, begins the
 * row of the first id (an id of another form is read from the first row on).
 */
function rowRange(range: IDBKeyRange): IDBKeyRange | undefined {
  const lower = typeof range.lower === 'string' && DAY_AT_END.test(range.lower) ? monthRowKey(range.lower) : undefined;
  const upper = typeof range.upper === 'string' ? range.upper : undefined;
  if (lower !== undefined && upper !== undefined) return IDBKeyRange.bound(lower, upper);
  if (lower !== undefined) return IDBKeyRange.lowerBound(lower);
  if (upper !== undefined) return IDBKeyRange.upperBound(upper);
  return undefined;
}

/**
 * The queries elements watch. Each says exactly which records matter to it, so a write to
 * another board's actions never re-renders this board.
 */
import {
  PERSONAL_KINDS,
  addDays,
  boardKpiStatuses,
  buildCascade,
  cadenceAdherence,
  cascadeAfterConversations,
  coachingPairKey,
  daysOfMonth,
  groupSessionsByPair,
  meanAdherenceByTier,
  pairAdherences,
  sessionPairKey,
  kpiValueId,
  rollupSources,
  sessionFacts,
  type AnyRecord,
  type Cascade,
  type CoachingPair,
  type CoachingSession,
  type Day,
  type DayStatus,
  type EntityKind,
  type EntityMap,
  type Escalation,
  type Kpi,
  type KpiValue,
  type OrgSettings,
  type PersonalRecords,
  type Person,
  type SessionFacts,
  type Unit,
} from '../model/index.js';
import type { IndexedField, Query, RecordChange, RecordReader } from './contract.js';
import { packFacts, unpackFacts } from './packed-facts.js';

const live = <T extends AnyRecord>(records: T[]): T[] => records.filter((r) => !r.deletedAt);

/**
 * A list result updated by changes: each changed record leaves, and comes back (in id order,
 * as IndexedDB returns it) when its new version still belongs. One pass over the list however
 * many changes (a kept answer may catch up on hundreds); `as` turns a record into what the
 * list holds.
 */
function applyToList<T extends { id: string }>(
  list: readonly T[],
  changes: readonly RecordChange[],
  kind: EntityKind,
  belongs: (record: T) => boolean,
  as: (record: AnyRecord) => T = (record) => record as unknown as T,
): T[] {
  const changed = new Map<string, T>();
  for (const change of changes) if (change.kind === kind) changed.set(change.after.id, as(change.after));
  if (changed.size === 0) return list as T[];
  const kept = list.filter((record) => !changed.has(record.id));
  const added = [...changed.values()].filter(belongs).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const next: T[] = [];
  let at = 0;
  for (const record of added) {
    while (at < kept.length && kept[at]!.id < record.id) next.push(kept[at++]!);
    next.push(record);
  }
  while (at < kept.length) next.push(kept[at++]!);
  return next;
}

/** Every live record of a kind. */
export function allOf<K extends EntityKind>(kind: K, options: { includeRetired?: boolean } = {}): Query<EntityMap[K][]> {
  return {
    key: `${kind}${options.includeRetired ? '+retired' : ''}`,
    reads: [{ kind }],
    run: async (reader) => {
      const records = await reader.all(kind);
      return options.includeRetired ? records : live(records);
    },
    apply: (previous, changes) => applyToList(previous, changes, kind, (r) => options.includeRetired || !r.deletedAt),
  };
}

/** Live records of a kind whose indexed `field` equals `value`, e.g. the actions of one board. */
export function whereEquals<K extends EntityKind>(kind: K, field: IndexedField<K>, value: string): Query<EntityMap[K][]> {
  return {
    key: `${kind}.${field}=${value}`,
    reads: [{ kind, affects: (record) => (record as unknown as Record<string, unknown>)[field] === value }],
    run: async (reader) => live(await reader.by(kind, field, value)),
    apply: (previous, changes) => applyToList(previous, changes, kind, (r) => !r.deletedAt && (r as unknown as Record<string, unknown>)[field] === value),
  };
}

export function recordById<K extends EntityKind>(kind: K, id: string): Query<EntityMap[K] | undefined> {
  return {
    key: `${kind}#${id}`,
    reads: [{ kind, affects: (record) => record.id === id }],
    run: (reader) => reader.get(kind, id),
    apply: (previous, changes) => {
      const change = changes.filter((c) => c.kind === kind && c.after.id === id).at(-1);
      return change ? (change.after as EntityMap[K]) : previous;
    },
  };
}

export function orgSettings(): Query<OrgSettings | undefined> {
  return recordById('org', 'org');
}

/** Every record of the kinds a person's data is in, retired ones too (an erasure or an export misses none). */
export function personalRecords(): Query<PersonalRecords> {
  return {
    key: 'personal-records',
    reads: PERSONAL_KINDS.map((kind) => ({ kind })),
    run: async (reader) =>
      Object.fromEntries(await Promise.all(PERSONAL_KINDS.map(async (kind) => [kind, await reader.all(kind)] as const))) as unknown as PersonalRecords,
  };
}

/** What a board sent up and what it received from its children, both live. */
export function escalationsOfUnit(unitId: string): Query<{ sent: Escalation[]; received: Escalation[] }> {
  return {
    key: `escalations-of:${unitId}`,
    reads: [
      {
        kind: 'escalations',
        affects: (record) => {
          const e = record as Escalation;
          return e.fromUnitId === unitId || e.toUnitId === unitId;
        },
      },
    ],
    run: async (reader) => ({
      sent: live(await reader.by('escalations', 'fromUnitId', unitId)),
      received: live(await reader.by('escalations', 'toUnitId', unitId)),
    }),
    apply: (previous, changes) => ({
      sent: applyToList(previous.sent, changes, 'escalations', (e) => !e.deletedAt && e.fromUnitId === unitId),
      received: applyToList(previous.received, changes, 'escalations', (e) => !e.deletedAt && e.toUnitId === unitId),
    }),
  };
}

/**
 * What a rolled-up KPI summarises: its source KPIs on the boards below, and their values - all
 * of them (a trend), or only those a calendar of `calendar.month` shows on `calendar.today`.
 */
export function rollupInputs(kpi: Kpi, calendar?: { month: string; today: Day }): Query<{ sources: Kpi[]; values: KpiValue[] }> {
  // Filled by each run, so that only values of the current sources re-run the query.
  let sourceIds = new Set<string>();
  const days = calendar ? calendarDays(calendar.month, calendar.today) : undefined;
  const wanted = new Set(days);
  const valuesOf = (reader: RecordReader, source: Kpi) => (days ? valuesOnDays(reader, source.id, days) : reader.by('kpiValues', 'kpiId', source.id));
  return {
    key: `rollup:${kpi.id}:${kpi.unitId}:${kpi.category}${calendar ? `:${calendar.month}@${calendar.today}` : ''}`,
    reads: [
      { kind: 'units' },
      { kind: 'kpis' },
      { kind: 'kpiValues', affects: (record) => sourceIds.has((record as KpiValue).kpiId) && (!days || wanted.has((record as KpiValue).day)) },
    ],
    run: async (reader) => {
      const sources = rollupSources(kpi, await reader.all('units'), await reader.all('kpis'));
      sourceIds = new Set(sources.map((k) => k.id));
      const values = (await Promise.all(sources.map((source) => valuesOf(reader, source)))).flat();
      return { sources, values: live(values) };
    },
  };
}

/** Days a calendar of `month` reads on `today`: the month it shows, and the last week one may record. */
function calendarDays(month: string, today: Day): Day[] {
  let shown: Day[] = [];
  try {
    shown = daysOfMonth(month);
  } catch {
    // Not a month: the element says so; only the week to record is read.
  }
  const week = Array.from({ length: 7 }, (_, i) => addDays(today, -i));
  return [...new Set([...shown, ...week])].sort();
}

/**
 * A KPI's values on `days` (in day order), in their order. A value's id is derived from its KPI
 * and day (validation holds every record to it), so each run of consecutive days is one read of
 * a range of ids (or, from a reader without ranges, one look-up a day), not a read of the KPI's
 * whole history.
 */
async function valuesOnDays(reader: RecordReader, kpiId: string, days: readonly Day[]): Promise<KpiValue[]> {
  if (!reader.between) {
    const found = await Promise.all(days.map((day) => reader.get('kpiValues', kpiValueId(kpiId, day))));
    return found.filter((value): value is KpiValue => value !== undefined);
  }
  const between = reader.between.bind(reader);
  const wanted = new Set(days);
  const runs = await Promise.all(consecutiveRuns(days).map(([first, last]) => between('kpiValues', kpiValueId(kpiId, first), kpiValueId(kpiId, last))));
  // Another KPI's id could sort inside the range ("kpi:2026-11-0..."): only this KPI's days count.
  return runs.flat().filter((value) => value.kpiId === kpiId && wanted.has(value.day));
}

/** Sorted days as runs of consecutive days: each its first and last day. */
function consecutiveRuns(days: readonly Day[]): [Day, Day][] {
  const runs: [Day, Day][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && addDays(run[1], 1) === day) run[1] = day;
    else runs.push([day, day]);
  }
  return runs;
}

/**
 * The values of a KPI that its calendar of `month` shows or may record on `today`, in day
 * order: a KPI holds years of days and a calendar shows one month (a board's first page read
 * 2,190 values for 228 shown).
 */
export function kpiValuesForCalendar(kpiId: string, month: string, today: Day): Query<KpiValue[]> {
  const days = calendarDays(month, today);
  const wanted = new Set(days);
  const belongs = (value: KpiValue) => value.kpiId === kpiId && wanted.has(value.day);
  return {
    key: `kpiValues:${kpiId}:${month}@${today}`,
    reads: [{ kind: 'kpiValues', affects: (record) => belongs(record as KpiValue) }],
    run: async (reader) => live(await valuesOnDays(reader, kpiId, days)),
    apply: (previous, changes) => applyToList(previous, changes, 'kpiValues', (value) => !value.deletedAt && belongs(value)),
  };
}

/**
 * Each KPI of a board with its status on `day` - a rolled-up KPI by the boards below it -
 * for "how many KPIs were red yesterday" at a glance.
 */
export function kpiStatusesOn(unitId: string, day: string): Query<Map<string, DayStatus>> {
  let watched = new Set<string>();
  return {
    key: `kpi-statuses:${unitId}:${day}`,
    reads: [{ kind: 'units' }, { kind: 'kpis' }, { kind: 'kpiValues', affects: (record) => watched.has((record as KpiValue).kpiId) }],
    run: async (reader) => {
      const [units, kpis] = [await reader.all('units'), await reader.all('kpis')];
      const own = live(kpis).filter((k) => k.unitId === unitId);
      const sources = new Map(own.filter((k) => k.rollup).map((k) => [k.id, rollupSources(k, units, kpis)]));
      watched = new Set([...own.map((k) => k.id), ...[...sources.values()].flat().map((k) => k.id)]);
      // A value's id is derived from its KPI and day (validation holds every record to it):
      // one look-up per KPI, not every day of its history.
      const found = await Promise.all([...watched].map((id) => reader.get('kpiValues', kpiValueId(id, day))));
      const values = live(found.filter((v): v is KpiValue => v !== undefined));
      return boardKpiStatuses(unitId, day, units, kpis, values);
    },
  };
}

/** The cascade and its figures over everyone, as `<coaching-cascade>` shows them on `today`. */
export interface CascadeFigures {
  people: Person[];
  units: Unit[];
  cascade: Cascade;
  /** Per tier coached, the share of cadence windows kept: over the last 4 weeks, then 12. */
  adherence: [Map<number, number | null>, Map<number, number | null>];
  /**
   * What the figures are worked out from, besides people and units, for a change to be applied
   * to it: every pair, and the facts of every live conversation (kept packed, see
   * packed-facts.ts, and unpacked when a change is applied).
   */
  basis: {
    pairs: CoachingPair[];
    sessions: () => readonly SessionFacts[];
    /** Each live pair's share of windows kept, over 4 weeks and over 12: worked out again pair by pair. */
    pairAdherence: PairAdherence;
  };
}

type PairAdherence = [Map<string, number | null>, Map<string, number | null>];

/** The spans of the cadence kept per tier, in weeks up to today. */
const ADHERENCE_WEEKS = [4, 12] as const;
const firstDayOf = (weeks: number, today: Day) => addDays(today, -weeks * 7 + 1);

/**
 * Version of the figures' rules in the key: a kept answer (see `remember`) worked out by an
 * older version of these rules is not shown. Bump it when buildCascade, cadenceAdherence or
 * what the figures keep change.
 */
const CASCADE_RULES = 3;

function cascadeFiguresOf(people: Person[], units: Unit[], pairs: CoachingPair[], sessions: readonly SessionFacts[], today: Day): CascadeFigures {
  const grouped = groupSessionsByPair(sessions);
  const cascade = buildCascade(people, units, pairs, sessions, today, grouped);
  const [four, twelve] = ADHERENCE_WEEKS.map((weeks) => pairAdherences(pairs, grouped, firstDayOf(weeks, today), today));
  return withTierMeans(people, units, cascade, pairs, sessions, [four!, twelve!]);
}

/**
 * The figures after conversations alone changed (recorded, edited, retired): the pairs and
 * learners they belong to are worked out again, the rest kept - the figures of a full reading.
 */
function afterConversations(previous: CascadeFigures, changes: readonly RecordChange[], today: Day): CascadeFigures {
  const before = previous.basis.sessions();
  const sessions = factsAfter(before, changes);
  const ids = new Set(changes.map((change) => change.after.id));
  const touched = [...before.filter((s) => ids.has(s.id)), ...changes.map((change) => change.after as CoachingSession)];
  const changed = { pairKeys: new Set(touched.map(sessionPairKey)), learners: new Set(touched.map((s) => s.learnerId)) };
  const { people, units } = previous;
  const { pairs, pairAdherence } = previous.basis;
  const grouped = groupSessionsByPair(sessions);
  const cascade = cascadeAfterConversations(previous.cascade, people, units, pairs, sessions, today, changed, grouped);
  const [four, twelve] = ADHERENCE_WEEKS.map((weeks, i) => {
    const adherences = new Map(pairAdherence[i]);
    for (const pair of pairs) {
      if (!pair.deletedAt && changed.pairKeys.has(coachingPairKey(pair)))
        adherences.set(pair.id, cadenceAdherence(pair, grouped, firstDayOf(weeks, today), today));
    }
    return adherences;
  });
  return withTierMeans(people, units, cascade, pairs, sessions, [four!, twelve!]);
}

/** The facts of every live conversation, with the changes among `changes` applied. */
function factsAfter(facts: readonly SessionFacts[], changes: readonly RecordChange[]): SessionFacts[] {
  return applyToList(
    facts,
    changes,
    'coachingSessions',
    (s) => !s.deletedAt,
    (r) => sessionFacts(r as CoachingSession),
  );
}

function withTierMeans(
  people: Person[],
  units: Unit[],
  cascade: Cascade,
  pairs: CoachingPair[],
  sessions: readonly SessionFacts[],
  pairAdherence: PairAdherence,
): CascadeFigures {
  const tierOf = new Map(cascade.people.map((p) => [p.person.id, p.tier]));
  const [four, twelve] = pairAdherence.map((adherences) => meanAdherenceByTier(pairs, (id) => tierOf.get(id), adherences));
  return { people, units, cascade, adherence: [four!, twelve!], basis: { pairs, sessions: () => sessions, pairAdherence } };
}

/**
 * Every pair's state, the gaps and the cadence kept per tier, for everyone whatever page is
 * shown. Kept on the device (`remember`) with the facts of every conversation (no words): a new
 * page shows it without reading every conversation again, and a conversation recorded since is
 * applied to it (`apply`).
 */
export function cascadeFigures(today: Day): Query<CascadeFigures> {
  const rules = `coaching-cascade:${CASCADE_RULES}@`;
  return {
    key: `${rules}${today}`,
    remember: 'coaching-cascade',
    reads: [{ kind: 'people' }, { kind: 'units' }, { kind: 'coachingPairs' }, { kind: 'coachingSessions' }],
    run: async (reader) => {
      const [people, units, pairs, facts] = await Promise.all([
        reader.all('people'),
        reader.all('units'),
        reader.all('coachingPairs'),
        reader.conversationFacts ? reader.conversationFacts() : reader.all('coachingSessions').then((sessions) => live(sessions).map(sessionFacts)),
      ]);
      return cascadeFiguresOf(people, units, pairs, facts, today);
    },
    apply: (previous, changes) =>
      changes.every((change) => change.kind === 'coachingSessions')
        ? afterConversations(previous, changes, today)
        : cascadeFiguresOf(
            applyToList(previous.people, changes, 'people', () => true),
            applyToList(previous.units, changes, 'units', () => true),
            applyToList(previous.basis.pairs, changes, 'coachingPairs', () => true),
            factsAfter(previous.basis.sessions(), changes),
            today,
          ),
    // Another day's figures under the same rules: what they are worked out from holds no day.
    rebase: (kept, keptKey) =>
      keptKey.startsWith(rules) ? cascadeFiguresOf(kept.people, kept.units, kept.basis.pairs, kept.basis.sessions(), today) : undefined,
    keptAs: {
      pack: (figures) => ({ ...figures, basis: { ...figures.basis, sessions: packFacts(figures.basis.sessions()) } }),
      unpack: (kept) => {
        const figures = kept as Omit<CascadeFigures, 'basis'> & { basis: Omit<CascadeFigures['basis'], 'sessions'> & { sessions: string } };
        let sessions: readonly SessionFacts[] | undefined;
        return { ...figures, basis: { ...figures.basis, sessions: () => (sessions ??= unpackFacts(figures.basis.sessions)) } };
      },
    },
  };
}

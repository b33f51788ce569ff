/**
 * CSV exports for spreadsheets: actions, KPI values, coaching sessions and feedback.
 * Names replace ids so the file reads on its own. Anonymous authors are never written,
 * because the store never has them.
 */
import { dayStatus, sessionScore, type EntityKind, type EntityMap } from '../model/index.js';

type Cell = string | number | boolean | undefined;

/**
 * One CSV cell. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe, so exported user text can never execute in Excel.
 */
export function csvCell(value: Cell): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

type Data = { [K in EntityKind]: EntityMap[K][] };

function namer<T extends { id: string; name: string }>(list: readonly T[]): (id: string | undefined) => string | undefined {
  const byId = new Map(list.map((item) => [item.id, item.name]));
  return (id) => (id === undefined ? undefined : (byId.get(id) ?? id));
}

export const CSV_EXPORTS = {
  actions(data: Data): string {
    const person = namer(data.people);
    const unit = namer(data.units);
    return toCsv(
      ['id', 'board', 'title', 'owner', 'due', 'status', 'created', 'done', 'escalated', 'deleted'],
      data.actions.map((a) => [
        a.id,
        unit(a.unitId),
        a.title,
        person(a.ownerId),
        a.due,
        a.status,
        a.createdAt,
        a.doneAt,
        a.escalationId ? 'yes' : 'no',
        a.deletedAt,
      ]),
    );
  },
  kpiValues(data: Data): string {
    const unit = namer(data.units);
    const kpis = new Map(data.kpis.map((k) => [k.id, k]));
    return toCsv(
      ['board', 'kpi', 'category', 'day', 'value', 'measure', 'target', 'met', 'status'],
      data.kpiValues.map((v) => {
        const kpi = kpis.get(v.kpiId);
        return [unit(kpi?.unitId), kpi?.name ?? v.kpiId, kpi?.category, v.day, v.value, kpi?.measure, kpi?.target, v.met, kpi ? dayStatus(kpi, v) : undefined];
      }),
    );
  },
  coachingSessions(data: Data): string {
    const person = namer(data.people);
    return toCsv(
      ['id', 'day', 'kind', 'direction', 'coach', 'learner', 'score', 'went well', 'even better', 'focus', 'follow-up', 'follows'],
      data.coachingSessions.map((s) => {
        const score = sessionScore(s);
        return [
          s.id,
          s.day,
          s.kind,
          s.direction,
          s.anonymous ? 'anonymous' : person(s.coachId),
          person(s.learnerId),
          score === null ? undefined : Math.round(score * 100),
          s.wentWell,
          s.evenBetter,
          s.focus,
          s.followUpDate,
          s.previousSessionId,
        ];
      }),
    );
  },
  feedback(data: Data): string {
    const unit = namer(data.units);
    const person = namer(data.people);
    return toCsv(
      ['id', 'day', 'board', 'subject', 'score', 'comment', 'stage', 'from'],
      data.feedback.map((f) => [f.id, f.day, unit(f.unitId), f.subject, f.score, f.comment, f.stage, f.anonymous ? 'anonymous' : person(f.personId)]),
    );
  },
} as const;

export type CsvExport = keyof typeof CSV_EXPORTS;

/**
 * CSV exports for spreadsheets: actions, KPI values, coaching sessions and feedback.
 * Names replace ids so the file reads on its own. Anonymous authors are never written,
 * because the store never has them. Feedback leaves only as the screens show it: per week,
 * board and question, with no figure and no comment where fewer than five people answered.
 */
import { aggregate, dayStatus, MIN_ANSWERS_FOR_BREAKDOWN, sessionScore, weekStart, type EntityKind, type EntityMap, type Feedback } from '../model/index.js';

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
  /**
   * One row per week, board, pulse and safety stage: how many answers from how many people, and -
   * from five people on - the mean and the comments (sorted, so their order says nothing about who wrote when).
   * No single answer, no day, no author: in a team of six a dated answer is often attributable.
   */
  feedback(data: Data): string {
    const unit = namer(data.units);
    const groups = new Map<string, Feedback[]>();
    for (const f of data.feedback) {
      if (f.deletedAt) continue;
      const key = JSON.stringify([weekStart(f.day), f.unitId, f.subject, f.stage ?? '']);
      groups.set(key, [...(groups.get(key) ?? []), f]);
    }
    const rows = [...groups].sort(([a], [b]) => a.localeCompare(b));
    return toCsv(
      ['week', 'board', 'subject', 'stage', 'answers', 'people', 'mean score', 'comments'],
      rows.map(([key, answers]) => {
        const [week, unitId, subject, stage] = JSON.parse(key) as [string, string, string, string];
        const { count, respondents, mean } = aggregate(answers);
        const comments = answers.flatMap((f) => (f.comment?.trim() ? [f.comment.trim()] : [])).sort();
        return [
          week,
          unit(unitId),
          subject,
          stage || undefined,
          count,
          respondents,
          mean === null ? `fewer than ${MIN_ANSWERS_FOR_BREAKDOWN} people` : Math.round(mean * 10) / 10,
          mean === null ? undefined : comments.join(' | '),
        ];
      }),
    );
  },
} as const;

export type CsvExport = keyof typeof CSV_EXPORTS;

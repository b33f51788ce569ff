/**
 * The facts of every conversation (see the model's SessionFacts) as one string, for an answer
 * kept on the device: IndexedDB reads one string of the cascade's 45,000 conversations in a few
 * milliseconds, where as many small objects took ~150 ms. A column per field, a newline between
 * conversations and a tab between columns (ids hold no control characters: the model's `id`
 * check), so that unpacking splits a few long strings. Only live conversations are packed: a
 * retired one counts for no figure.
 */
import { sessionPairKey, type CoachingSession, type SessionFacts } from '../model/index.js';
import { groupBy } from '../model/group-by.js';

const FIELDS = ['id', 'kind', 'coachId', 'learnerId', 'anonymous', 'day', 'followUpDate'] as const;

export function packFacts(facts: readonly SessionFacts[]): string {
  const live = byPair(facts.filter((s) => !s.deletedAt));
  if (live.length === 0) return '';
  return FIELDS.map((field) =>
    live
      .map((s) => {
        const value = s[field];
        return value === true ? '1' : value === false || value === undefined ? '' : value;
      })
      .join('\n'),
  ).join('\t');
}

/**
 * The facts with each pair's side by side (pairs in the order they first come): the cascade
 * groups them by pair, ~3 times quicker when a pair's facts are unpacked next to each other
 * than when they are spread as their random ids spread them.
 */
function byPair(facts: readonly SessionFacts[]): SessionFacts[] {
  return [...groupBy(facts, sessionPairKey).values()].flat();
}

export function unpackFacts(packed: string): SessionFacts[] {
  if (packed === '') return [];
  const [ids = [], kinds = [], coaches = [], learners = [], anonymous = [], days = [], followUps = []] = packed.split('\t').map((column) => column.split('\n'));
  return ids.map((id, i) => {
    const coachId = coaches[i];
    const followUpDate = followUps[i];
    return {
      id,
      kind: kinds[i] as CoachingSession['kind'],
      learnerId: learners[i] ?? '',
      anonymous: anonymous[i] === '1',
      day: days[i] ?? '',
      ...(coachId ? { coachId } : {}),
      ...(followUpDate ? { followUpDate } : {}),
    };
  });
}

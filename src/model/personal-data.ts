/**
 * A person's rights over their data: everything about them, to hand over; and erasure. Erasing
 * keeps the organisation's figures right - the conversations they were in still happened, on their
 * days, with their scores; their actions are still the team's - while nothing says who they were:
 * their name becomes a pseudonym, their e-mail and sign-in ids go, every word of a conversation
 * they were in goes (for both people in it: the other's words were about them), and the answers
 * they signed keep only their score.
 */
import { holdsWords, withoutWords } from './visibility.js';
import type { RecordWrite, WriteContext } from './write-rules.js';
import type { Day } from './dates.js';
import type { CoachingSession, EntityMap, OrgSettings, Person } from './types.js';

/** The kinds of record a person's data is in. */
export const PERSONAL_KINDS = ['people', 'coachingSessions', 'coachingPairs', 'feedback', 'actions', 'recognitions', 'attendance'] as const;

/** The records a person's data is in (a store's or a server's whole organisation will do). */
export type PersonalRecords = Pick<{ [K in keyof EntityMap]: readonly EntityMap[K][] }, (typeof PERSONAL_KINDS)[number]>;

/** Everything about one person, as they would be handed it: their entry and every record that names them. */
export function everythingAbout(personId: string, records: PersonalRecords) {
  return {
    person: records.people.find((p) => p.id === personId),
    coachingConversations: records.coachingSessions.filter((s) => s.coachId === personId || s.learnerId === personId),
    coachingPairs: records.coachingPairs.filter((p) => p.coachId === personId || p.learnerId === personId),
    signedFeedback: records.feedback.filter((f) => f.personId === personId),
    actionsOwned: records.actions.filter((a) => a.ownerId === personId),
    recognitions: records.recognitions.filter((r) => r.personId === personId),
    attendance: records.attendance.filter((a) => a.personId === personId),
  };
}

/** The name an erased person is shown by: the same everywhere, and saying nothing about them. */
export function erasedName(personId: string): string {
  return `Former colleague ${personId.slice(-4)}`;
}

/** The writes that erase a person (see the file's comment); empty when they are not there. */
export function erasePersonWrites(personId: string, records: PersonalRecords, context: WriteContext): RecordWrite[] {
  const person = records.people.find((p) => p.id === personId);
  if (!person) return [];
  const { email: _email, externalId: _externalId, admin: _admin, ...kept } = person;
  const writes: RecordWrite[] = [{ kind: 'people', before: person, after: { ...kept, name: erasedName(personId), updatedAt: context.now } satisfies Person }];
  for (const session of records.coachingSessions) {
    if (session.coachId !== personId && session.learnerId !== personId) continue;
    writes.push({ kind: 'coachingSessions', before: session, after: { ...withoutWords(session), updatedAt: context.now } });
  }
  for (const answer of records.feedback) {
    if (answer.personId !== personId) continue;
    const { personId: _signed, comment: _comment, ...score } = answer;
    writes.push({ kind: 'feedback', before: answer, after: { ...score, anonymous: true, updatedAt: context.now } });
  }
  return writes;
}

/** The first day whose conversations keep their words, when the organisation keeps them only so many months. */
export function wordsKeptFrom(org: Pick<OrgSettings, 'coachingWordsKeptMonths'> | undefined, today: Day): Day | undefined {
  const months = org?.coachingWordsKeptMonths;
  if (!months) return undefined;
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  // The same day so many months back; a day the month lacks (31 March - 1 month) falls to its last.
  const last = new Date(Date.UTC(year, month - 1 - months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 - months, Math.min(day, last))).toISOString().slice(0, 10);
}

/**
 * Retention: the writes that remove the words of every conversation older than the organisation
 * keeps them. The conversation, its day and its score stay, so every figure stays right.
 */
export function retentionWrites(
  org: Pick<OrgSettings, 'coachingWordsKeptMonths'> | undefined,
  sessions: readonly CoachingSession[],
  context: WriteContext,
): RecordWrite[] {
  const from = wordsKeptFrom(org, context.today);
  if (!from) return [];
  return sessions
    .filter((s) => s.day < from && holdsWords(s))
    .map((session) => ({ kind: 'coachingSessions' as const, before: session, after: { ...withoutWords(session), updatedAt: context.now } }));
}

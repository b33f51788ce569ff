/**
 * Who reads a coaching conversation's words - one policy, applied by the server to every pull and
 * by every device to what it shows. The words (what went well, even better if, the focus, the kata
 * answers, which behaviour was rated how) belong to the people in the conversation: its coach and
 * its learner, and - when the organisation says so - the learner's line above. Everyone else,
 * shared screens included, sees that it happened: when, its kind and direction, who with whom
 * (none for an anonymous note), its follow-up date and its score, never the words. An anonymous
 * note from below is read by its receiver alone.
 */
import { unitPath } from './org.js';
import type { CoachingSession, OrgSettings, Person, Rating, Unit } from './types.js';

/** Whose screen reads: a person signed in, or nobody (a shared wall, a phone link, a kiosk without sign-in). */
export interface Reader {
  personId?: string;
}

/** What the policy needs to know about the organisation: its setting, and its people and boards for the line above. */
export interface VisibilityContext {
  org: Pick<OrgSettings, 'coachingWordsReadBy'> | undefined;
  people: readonly Person[];
  units: readonly Unit[];
}

/** The leaders of the boards from the learner's own up to the top, the learner left out. */
export function lineAbove(learnerId: string, context: Pick<VisibilityContext, 'people' | 'units'>): Set<string> {
  const learner = context.people.find((p) => p.id === learnerId);
  if (!learner) return new Set();
  const boards = new Set(unitPath(context.units, learner.unitId).map((u) => u.id));
  return new Set(context.people.filter((p) => p.role === 'leader' && !p.deletedAt && boards.has(p.unitId) && p.id !== learnerId).map((p) => p.id));
}

/** Whether `reader` may read this conversation's words. */
export function mayReadWords(reader: Reader, session: Pick<CoachingSession, 'coachId' | 'learnerId' | 'anonymous'>, context: VisibilityContext): boolean {
  const me = reader.personId;
  if (!me) return false;
  if (me === session.learnerId) return true;
  if (session.anonymous) return false;
  if (me === session.coachId) return true;
  return (context.org?.coachingWordsReadBy ?? 'pair') === 'pair-and-line' && lineAbove(session.learnerId, context).has(me);
}

/** The fields that hold a conversation's words. */
export const CONVERSATION_WORDS = ['wentWell', 'evenBetter', 'focus', 'answers', 'ratings'] as const;

/**
 * The conversation as someone who may not read its words sees it: the texts empty, no kata
 * answers, and the ratings without the behaviours they were given to - sorted, under neutral keys -
 * so that its score (and every aggregate built from scores) stays right while nothing says which
 * behaviour was rated how.
 */
export function withoutWords(session: CoachingSession): CoachingSession {
  const { answers: _answers, ...rest } = session;
  const ratings = Object.values(session.ratings).sort((a, b) => a - b);
  return {
    ...rest,
    wentWell: '',
    evenBetter: '',
    focus: '',
    ratings: Object.fromEntries(ratings.map((rating, i) => [`score-${i + 1}`, rating])) as Record<string, Rating>,
  };
}

/** Whether a stored conversation still holds words (rather than the neutral copy withoutWords makes). */
export function holdsWords(session: CoachingSession): boolean {
  return (
    session.wentWell !== '' ||
    session.evenBetter !== '' ||
    session.focus !== '' ||
    session.answers !== undefined ||
    Object.keys(session.ratings).some((key) => !key.startsWith('score-'))
  );
}

/** Whether a conversation is held without its words (as withoutWords gives it). */
export function heldWithoutWords(session: Pick<CoachingSession, 'ratings'>): boolean {
  return Object.keys(session.ratings).some((key) => key.startsWith('score-'));
}

/** The conversation as `reader` may see it. */
export function conversationFor(reader: Reader, session: CoachingSession, context: VisibilityContext): CoachingSession {
  return mayReadWords(reader, session, context) ? session : withoutWords(session);
}

/**
 * What a push announces to every instance listening on the database when it commits: the
 * organisation, its change counter, and the boards the change touched - none listed when it
 * concerns every screen (the organisation's settings, its boards' tree, or more boards than
 * one notification carries). Live connections of walls hear only of their own boards.
 */
export const NOTIFY_CHANNEL = 'huddle_sync';

export interface ChangeNotice {
  org: string;
  seq: number;
  /** Empty: every screen of the organisation. */
  boards: string[];
}

/** PostgreSQL's notifications carry under 8,000 bytes. */
const MOST_BYTES = 7900;

export function changeNotice(org: string, seq: number, boards: ReadonlySet<string> | undefined): string {
  const payload = `${org} ${seq}${boards && boards.size > 0 ? ` ${[...boards].join(' ')}` : ''}`;
  return Buffer.byteLength(payload) < MOST_BYTES ? payload : `${org} ${seq}`;
}

export function parseChangeNotice(payload: string): ChangeNotice {
  const [org = '', seq = '0', ...boards] = payload.split(' ');
  return { org, seq: Number(seq), boards };
}

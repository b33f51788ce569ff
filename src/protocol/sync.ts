/**
 * The sync wire format, shared by the client and the server so that both check it the same
 * way. A device pushes ops (one per changed record: which fields, their new values, one HLC
 * stamp); it pulls merged records with a stamp per field, from a cursor it keeps.
 */
import { ENTITY_KINDS, describeProblem, type EntityKind } from '../model/index.js';
import { hasBrokenCharacter, id as idCheck } from '../model/schema.js';
import { isHlc, type Hlc } from '../model/hlc.js';
import type { FieldClocks, WireFields } from '../model/merge.js';

/** One change of one record, as a device pushes it. `opId` makes a retried push harmless. */
export interface SyncOp {
  opId: string;
  kind: EntityKind;
  id: string;
  hlc: Hlc;
  fields: WireFields;
}

export interface PushResponse {
  /** Ops stored by this push. */
  applied: number;
  /** Ops the server already had (an earlier push that timed out on the way back). */
  duplicates: number;
  cursor: number;
  /** The server's clock (ms since 1970) when it answered: devices correct their own by it. */
  serverTime: number;
  /**
   * Ops stamped ahead of the server's clock, with the stamp they were stored under instead
   * (by op id): the device records the same stamps, so both agree on what later beats it.
   */
  restamped?: Record<string, Hlc>;
}

export interface PulledRecord {
  kind: EntityKind;
  id: string;
  record: Record<string, unknown>;
  clocks: FieldClocks;
}

export interface PullResponse {
  /** As in PushResponse. */
  serverTime: number;
  cursor: number;
  records: PulledRecord[];
  /** True when more changes wait beyond this page. */
  more: boolean;
  /**
   * On a page of a wall's first part (`from`) when its board has boards below: of theirs it
   * holds only what the first screen reads (scope.ts, FIRST_SCREEN_BELOW); the rest comes with
   * the history.
   */
  belowLater?: true;
}

/** A device token as `GET /api/tokens` lists it: never the token itself, an id to revoke it by. */
export interface TokenListing {
  id: string;
  role: string;
  unit: string;
  person: string;
  label: string;
  /** ISO times; '' when not set. */
  created: string;
  expires: string;
  revoked: string;
}

/** `GET /api/whoami`: who the token is, and the server's clock. */
export interface WhoAmIResponse extends WhoAmI {
  serverTime: number;
}

/** Who a token says the caller is. */
export interface WhoAmI {
  org: string;
  role: Role;
  /** The board of a wall token or phone link. */
  unitId?: string;
  /** The person a personal token (admin, coach, member, a tap-in) belongs to. */
  personId?: string;
}

/**
 * What a token may do: a wall screen and a phone link belong to a board; admin, coach and member
 * are a person's rights (an admin, someone who leads or coaches, anyone else).
 */
export const ROLES = ['wall', 'coach', 'admin', 'pulse', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const SYNC_LIMITS = {
  /** Ops in one push; a device with more pending sends several pushes. */
  opsPerPush: 500,
  /** Bytes in one request body. */
  bodyBytes: 1_000_000,
  /** Records in one pull page. */
  recordsPerPull: 1000,
  /**
   * Records in one page of a new screen's first part (`from=`), which the screen waits for before
   * it shows its board: each page finds the part again on the server and is a transaction on the
   * device. A site wall's first part (~8,500 records, 4.5 MB) in one page: ready ~0.7 s sooner.
   */
  recordsPerFirstPull: 10_000,
  /** Fields in one op (no record has more than about twenty). */
  fieldsPerOp: 64,
  /** Levels of lists and objects inside one field's value (records use three at most). */
  valueDepth: 8,
} as const;

/** A push that cannot be applied; names the op (position and id) and the field. */
export class SyncProtocolError extends Error {
  override readonly name = 'SyncProtocolError';
  constructor(
    message: string,
    readonly opIndex?: number,
    readonly field?: string,
  ) {
    super(message);
  }
}

const OP_ID_PATTERN = /^[A-Za-z0-9:._-]{1,100}$/;
const FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** Checks a push body's shape; throws a SyncProtocolError naming the first bad op and field. */
export function checkPushBody(body: unknown): SyncOp[] {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { ops?: unknown }).ops)) {
    throw new SyncProtocolError('the body must be {"ops": [...]}');
  }
  const ops = (body as { ops: unknown[] }).ops;
  if (ops.length > SYNC_LIMITS.opsPerPush) {
    throw new SyncProtocolError(`a push holds at most ${SYNC_LIMITS.opsPerPush} ops, this one has ${ops.length}`);
  }
  ops.forEach(checkOp);
  return ops as SyncOp[];
}

function checkOp(op: unknown, index: number): void {
  const fail = (field: string, problem: string, name = `op ${index}`): never => {
    throw new SyncProtocolError(`${name}: ${field} ${problem}`, index, field);
  };
  if (typeof op !== 'object' || op === null || Array.isArray(op)) fail('(op)', 'must be an object');
  const candidate = op as Record<string, unknown>;
  if (typeof candidate['opId'] !== 'string' || !OP_ID_PATTERN.test(candidate['opId'])) fail('opId', 'must be a short id');
  const name = `op ${index} (${String(candidate['opId'])})`;
  if (!ENTITY_KINDS.includes(candidate['kind'] as EntityKind)) fail('kind', `must be one of ${ENTITY_KINDS.join(', ')}`, name);
  const idProblem = idCheck(candidate['id']);
  if (idProblem) fail('id', describeProblem(idProblem), name);
  if (!isHlc(candidate['hlc'])) fail('hlc', 'must be a clock stamp', name);
  const fields = candidate['fields'];
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) fail('fields', 'must be an object', name);
  const names = Object.keys(fields as object);
  if (names.length === 0 || names.length > SYNC_LIMITS.fieldsPerOp) fail('fields', `must hold 1 to ${SYNC_LIMITS.fieldsPerOp} fields`, name);
  for (const field of names) {
    if (!FIELD_PATTERN.test(field) || field === 'id') fail(`fields.${field}`, 'is not a field name', name);
    const problem = wireValueProblem((fields as Record<string, unknown>)[field], 0);
    if (problem) fail(`fields.${field}`, problem, name);
  }
}

/**
 * What no record can hold, found before anything else looks at the value: nesting deeper
 * than any record has (a value nested thousands of levels deep would exhaust the stack of
 * whatever walks it), and characters the database cannot store. The model's validation
 * then says what is wrong with the record itself.
 */
function wireValueProblem(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return undefined;
  if (typeof value === 'string')
    return value.includes('\u0000') || hasBrokenCharacter(value) ? 'holds a NUL character or half of a UTF-16 pair, which cannot be stored' : undefined;
  if (depth >= SYNC_LIMITS.valueDepth) return `nests lists or objects more than ${SYNC_LIMITS.valueDepth} levels deep`;
  const inner = Array.isArray(value) ? value : Object.entries(value as object).flat();
  for (const item of inner) {
    const problem = wireValueProblem(item, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The merge rules on their own, and fast-check's random interleavings: three replicas with
 * skewed clocks edit the same records while partitioned, exchange ops (shuffled, duplicated)
 * or whole merged records in any order, and must end identical - each field holding the
 * value of the latest write to it, so nothing one side alone changed is lost.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CLOCK_TOLERANCE_MS, HybridClock, formatHlc, hlcMs, parseHlc, type Hlc } from '../../src/model/hlc.js';
import { mergeFields, type FieldClocks } from '../../src/model/merge.js';

describe('sync: hybrid logical clock', () => {
  it('never goes backwards when the wall clock does', () => {
    let wall = 1_000_000;
    const clock = new HybridClock('tablet1', '', () => wall);
    const first = clock.tick();
    wall -= 60_000; // the tablet's clock is set back a minute
    const second = clock.tick();
    expect(second > first, `${second} after ${first}`).to.equal(true);
  });

  it('moves past a stamp from a device whose clock runs a little ahead', () => {
    const clock = new HybridClock('kiosk1', '', () => 1_000_000);
    const ahead = formatHlc({ ms: 1_003_000, counter: 3, node: 'fastpad' });
    clock.receive(ahead);
    const next = clock.tick();
    expect(next > ahead).to.equal(true);
    expect(parseHlc(next)?.node).to.equal('kiosk1');
  });

  it('keeps the latest of the stamps it hears, in whatever order they come', () => {
    const clock = new HybridClock('kiosk1', '', () => 1_000_000);
    const newest = formatHlc({ ms: 1_002_000, counter: 0x1a, node: 'aaa1' });
    for (const stamp of [
      formatHlc({ ms: 1_002_000, counter: 9, node: 'zzz9' }),
      newest,
      formatHlc({ ms: 1_001_999, counter: 0xffff, node: 'zzz9' }),
      formatHlc({ ms: 1_002_000, counter: 0x19, node: 'zzz9' }),
    ])
      clock.receive(stamp);
    expect(clock.tick()).to.equal(formatHlc({ ms: 1_002_000, counter: 0x1b, node: 'kiosk1' }));
  });
});

describe('sync: a clock that trusts no device', () => {
  it("ignores a stamp from beyond its bound, so it never moves into the future on another's word", () => {
    const clock = new HybridClock('kiosk1', '', () => 1_000_000);
    // eslint-disable-next-line no-loss-of-precision -- the overflowing stamp a broken device wrote: its size matters, not its last digit
    clock.receive(formatHlc({ ms: 9_999_999_999_999_999, counter: 0xffff, node: 'evil' }));
    clock.receive(formatHlc({ ms: 1_000_000 + CLOCK_TOLERANCE_MS + 1, counter: 0, node: 'evil' }));
    expect(hlcMs(clock.tick())).to.equal(1_000_000);
    // Within the bound (a device whose estimate of the server's time is a little off) it is taken.
    clock.receive(formatHlc({ ms: 1_002_000, counter: 4, node: 'peer' }));
    expect(clock.tick() > formatHlc({ ms: 1_002_000, counter: 4, node: 'peer' })).to.equal(true);
  });

  it('comes back from a bad stamp it kept from before the bound (far ahead)', () => {
    // eslint-disable-next-line no-loss-of-precision -- the overflowing stamp a broken device wrote: its size matters, not its last digit
    const clock = new HybridClock('kiosk1', formatHlc({ ms: 9_999_999_999_999_999, counter: 0xffff, node: 'kiosk1' }), () => 5_000_000);
    const next = clock.tick();
    expect(hlcMs(next)).to.equal(5_000_000);
    expect(parseHlc(next), 'the stamp stays well-formed').to.not.equal(undefined);
  });

  it('counts a malformed stamp (left by the overflow) as beyond belief', () => {
    const clock = new HybridClock('kiosk1', '', () => 5_000_000);
    expect(clock.isAhead('10000000000000000:0000:kiosk1')).to.equal(true);
    expect(clock.isAhead('')).to.equal(false);
  });

  it("stamps by the server's time once it knows its offset (a wall TV an hour fast)", () => {
    const clock = new HybridClock('tv01', '', () => 10_000_000 + 3_600_000);
    clock.offsetMs = -3_600_000;
    expect(hlcMs(clock.tick())).to.equal(10_000_000);
    expect(clock.isAhead(formatHlc({ ms: 10_000_000 + CLOCK_TOLERANCE_MS + 1, counter: 0, node: 'x1y2' }))).to.equal(true);
  });
});

describe('sync: per-field merge', () => {
  const t = (ms: number, node = 'nodea'): Hlc => formatHlc({ ms, counter: 0, node });

  it('keeps changes to different fields from two devices', () => {
    const base = mergeFields('a1', undefined, {}, { title: 'Fix guard', status: 'open' }, t(1));
    const one = mergeFields('a1', base.record, base.clocks, { status: 'doing' }, t(2, 'nodeb'));
    const both = mergeFields('a1', one.record, one.clocks, { title: 'Fix guard on line 2' }, t(3, 'nodec'));
    expect(both.record).to.deep.equal({ id: 'a1', title: 'Fix guard on line 2', status: 'doing' });
  });

  it('an older edit arriving late does not overwrite a newer one', () => {
    const newer = mergeFields('a1', { id: 'a1', title: 'New' }, { title: t(5) }, { title: 'Old' }, t(4, 'nodeb'));
    expect(newer.record?.['title']).to.equal('New');
    expect(newer.changed).to.deep.equal([]);
  });

  it('a retire wins over an older edit, and the edit still lands on its field', () => {
    const retired = mergeFields('a1', { id: 'a1', title: 'T', status: 'open' }, { title: t(1), status: t(1) }, { deletedAt: '2026-11-22T08:00:00.000Z' }, t(5));
    const late = mergeFields('a1', retired.record, retired.clocks, { status: 'done' }, t(3, 'nodeb'));
    expect(late.record?.['deletedAt']).to.equal('2026-11-22T08:00:00.000Z');
    expect(late.record?.['status']).to.equal('done');
  });

  it('null clears a field', () => {
    const cleared = mergeFields('a1', { id: 'a1', due: '2026-11-30' }, { due: t(1) }, { due: null }, t(2));
    expect(cleared.record).to.not.have.property('due');
  });
});

type Replica = { clock: HybridClock; records: Map<string, { record: Record<string, unknown> | undefined; clocks: FieldClocks }>; log: Op[] };
type Op = { id: string; fields: Record<string, unknown>; hlc: Hlc };

const FIELD_VALUES = {
  title: fc.constantFrom('Guard', 'Guard rail', 'Label bins', null),
  status: fc.constantFrom('open', 'doing', 'done'),
  ownerId: fc.constantFrom('p1', 'p2', null),
  deletedAt: fc.constantFrom('2026-11-22T08:00:00.000Z', null),
};

const step = fc.oneof(
  fc.record({
    type: fc.constant('edit' as const),
    replica: fc.nat(2),
    id: fc.constantFrom('a1', 'a2'),
    fields: fc.record(FIELD_VALUES, { requiredKeys: [] }).filter((f) => Object.keys(f).length > 0),
  }),
  fc.record({ type: fc.constant('ops' as const), from: fc.nat(2), to: fc.nat(2), seed: fc.nat() }),
  fc.record({ type: fc.constant('state' as const), from: fc.nat(2), to: fc.nat(2) }),
  fc.record({ type: fc.constant('tick' as const), ms: fc.integer({ min: -5_000, max: 5_000 }) }),
);

function apply(replica: Replica, id: string, fields: Record<string, unknown>, clocks: Hlc | FieldClocks): void {
  const current = replica.records.get(id) ?? { record: undefined, clocks: {} };
  const merged = mergeFields(id, current.record, current.clocks, fields, clocks);
  replica.records.set(id, { record: merged.record, clocks: merged.clocks });
}

function deliverOps(from: Replica, to: Replica, seed: number): void {
  // Shuffled and partly duplicated: the network and retries give no order guarantee.
  const ops = [...from.log, ...from.log.filter((_, i) => (i + seed) % 3 === 0)];
  ops.sort((a, b) => ((a.hlc.length * 31 + seed) % 7) - ((b.hlc.length * 17 + seed) % 5) || (a.hlc < b.hlc ? 1 : -1));
  for (const op of ops) {
    to.clock.receive(op.hlc);
    apply(to, op.id, op.fields, op.hlc);
    if (!to.log.some((o) => o.hlc === op.hlc)) to.log.push(op);
  }
}

function deliverState(from: Replica, to: Replica): void {
  for (const [id, { record, clocks }] of from.records) {
    if (!record) continue;
    for (const stamp of Object.values(clocks)) to.clock.receive(stamp);
    apply(to, id, Object.fromEntries(Object.keys(clocks).map((f) => [f, record[f] ?? null])), clocks);
  }
  for (const op of from.log) if (!to.log.some((o) => o.hlc === op.hlc)) to.log.push(op);
}

describe('sync: three replicas converge (fast-check)', () => {
  it('any interleaving of edits, partitions, duplicated and reordered deliveries ends in one state', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 60 }),
        fc.tuple(fc.integer({ min: -300_000, max: 300_000 }), fc.integer({ min: -300_000, max: 300_000 })),
        fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { maxLength: 3 }),
        (steps, [skewB, skewC], partitions) => {
          let wall = 1_763_800_000_000;
          const skews = [0, skewB, skewC];
          const replicas: Replica[] = ['replica0', 'replica1', 'replica2'].map((node, i) => ({
            clock: new HybridClock(node, '', () => wall + skews[i]!),
            records: new Map(),
            log: [],
          }));
          const cut = (a: number, b: number) => partitions.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
          for (const s of steps) {
            if (s.type === 'tick') wall += s.ms;
            else if (s.type === 'edit') {
              const replica = replicas[s.replica]!;
              const op = { id: s.id, fields: s.fields, hlc: replica.clock.tick() };
              replica.log.push(op);
              apply(replica, op.id, op.fields, op.hlc);
            } else if (s.from !== s.to && !cut(s.from, s.to)) {
              if (s.type === 'ops') deliverOps(replicas[s.from]!, replicas[s.to]!, s.seed);
              else deliverState(replicas[s.from]!, replicas[s.to]!);
            }
          }
          // The partition heals: everyone hears from everyone, in both styles.
          for (const from of replicas) for (const to of replicas) if (from !== to) deliverOps(from, to, 1);
          for (const from of replicas) for (const to of replicas) if (from !== to) deliverState(from, to);

          // Deep equality: key order inside a record depends on arrival order and does not matter.
          const states = replicas.map((r) => Object.fromEntries(r.records));
          expect(states[1]).to.deep.equal(states[0]);
          expect(states[2]).to.deep.equal(states[0]);

          // No lost field: each field holds the value of the latest write to it.
          const allOps = replicas.flatMap((r) => r.log);
          for (const [id, { record }] of replicas[0]!.records) {
            for (const field of Object.keys(FIELD_VALUES)) {
              const writes = allOps.filter((o) => o.id === id && field in o.fields).sort((a, b) => (a.hlc < b.hlc ? 1 : -1));
              const expected = writes[0] ? (writes[0].fields[field] ?? undefined) : undefined;
              expect(record?.[field], `${id}.${field}`).to.equal(expected);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

import { expect } from '@open-wc/testing';
import '../helpers/english.js';
import { closeRunningPart, huddleOfDay, huddleProgress, minutesLate } from '../../src/model/huddle.js';
import { validateRecord } from '../../src/model/validation.js';
import type { Huddle } from '../../src/model/types.js';

const start = Date.parse('2026-11-21T07:35:00.000Z');
const huddle = (partSeconds: Huddle['partSeconds'], endedAt?: string): Huddle => ({
  id: 'h',
  unitId: 'u',
  day: '2026-11-21',
  startedAt: '2026-11-21T07:35:00.000Z',
  partSeconds,
  createdAt: '2026-11-21T07:35:00.000Z',
  updatedAt: '2026-11-21T07:35:00.000Z',
  ...(endedAt ? { endedAt } : {}),
});
const at = (seconds: number) => start + seconds * 1000;

describe('model: huddle progress', () => {
  it('runs reflect first and counts its time', () => {
    expect(huddleProgress(huddle({ reflect: 0, plan: 0, improve: 0 }), at(130))).to.deep.equal({
      ended: false,
      part: 'reflect',
      partElapsed: 130,
      overrun: 0,
      totalElapsed: 130,
    });
  });

  it('shows an overrun past the time box without stopping', () => {
    expect(huddleProgress(huddle({ reflect: 0, plan: 0, improve: 0 }), at(345))).to.include({ part: 'reflect', overrun: 45 });
  });

  it('moves to the next part once a part has recorded time', () => {
    // reflect took 4:00; now 5:30 into the huddle -> 1:30 into plan
    expect(huddleProgress(huddle({ reflect: 240, plan: 0, improve: 0 }), at(330))).to.include({ part: 'plan', partElapsed: 90, overrun: 0 });
    expect(huddleProgress(huddle({ reflect: 240, plan: 200, improve: 0 }), at(600))).to.include({ part: 'improve', partElapsed: 160, overrun: 40 });
  });

  it('closes the running part with its elapsed time, at least one second', () => {
    expect(closeRunningPart(huddle({ reflect: 0, plan: 0, improve: 0 }), at(250))).to.deep.equal({ reflect: 250, plan: 0, improve: 0 });
    expect(closeRunningPart(huddle({ reflect: 250, plan: 0, improve: 0 }), at(250))).to.deep.equal({ reflect: 250, plan: 1, improve: 0 });
  });

  it('reports an ended huddle by its length', () => {
    expect(huddleProgress(huddle({ reflect: 300, plan: 200, improve: 100 }, '2026-11-21T07:45:00.000Z'), at(9999))).to.deep.equal({
      ended: true,
      partElapsed: 0,
      overrun: 0,
      totalElapsed: 600,
    });
  });

  it("finds today's latest huddle", () => {
    const a = { ...huddle({ reflect: 0, plan: 0, improve: 0 }), id: 'a', startedAt: '2026-11-21T07:35:00.000Z' };
    const b = { ...a, id: 'b', startedAt: '2026-11-21T13:35:00.000Z' };
    const old = { ...a, id: 'old', day: '2026-11-20' };
    expect(huddleOfDay([b, old, a], '2026-11-21')?.id).to.equal('b');
    expect(huddleOfDay([old], '2026-11-21')).to.equal(undefined);
  });

  it("says how late a huddle started against its board's time, in local minutes", () => {
    const local = (hour: number, minute: number) => new Date(2026, 10, 21, hour, minute).toISOString();
    expect(minutesLate(local(7, 47), '07:35')).to.equal(12);
    expect(minutesLate(local(7, 30), '07:35')).to.equal(-5);
    expect(minutesLate(local(14, 0), '14:00')).to.equal(0);
    expect(minutesLate(local(0, 2), '23:55'), 'across midnight').to.equal(7);
    expect(minutesLate(local(23, 50), '00:10')).to.equal(-20);
  });

  it('accepts a board huddle time on the 24-hour clock only', () => {
    const board = { id: 'u', name: 'Ward 3', tier: 1, createdAt: '2026-11-21T07:35:00.000Z', updatedAt: '2026-11-21T07:35:00.000Z' };
    expect(validateRecord('units', { ...board, huddleAt: '06:45' }).huddleAt).to.equal('06:45');
    for (const bad of ['6:45', '24:00', '07:60', '7.45 am', '']) {
      expect(() => validateRecord('units', { ...board, huddleAt: bad }), bad).to.throw('units: huddleAt must be a time written HH:MM (24-hour clock)');
    }
  });
});

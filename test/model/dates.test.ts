import { expect } from '@open-wc/testing';
import { addDays, daysBetween, daysOfMonth, endOfWorkWeek, isDay, localDay, weekStart } from '../../src/model/dates.js';

describe('model: days', () => {
  it('accepts only real calendar days written YYYY-MM-DD', () => {
    expect(isDay('2026-02-28')).to.equal(true);
    expect(isDay('2028-02-29')).to.equal(true);
    expect(isDay('2026-02-29')).to.equal(false);
    expect(isDay('2026-2-1')).to.equal(false);
    expect(isDay('yesterday')).to.equal(false);
    expect(isDay(20260101)).to.equal(false);
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2026-03-28', 2)).to.equal('2026-03-30'); // EU clocks change on 29 March
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(daysBetween('2026-10-20', '2026-11-03')).to.equal(14);
    expect(daysBetween('2026-11-03', '2026-10-20')).to.equal(-14);
  });

  it('lists the days of a month and finds the Monday of a week', () => {
    expect(daysOfMonth('2026-02')).to.have.length(28);
    expect(daysOfMonth('2026-11').at(-1)).to.equal('2026-11-30');
    expect(weekStart('2026-11-21')).to.equal('2026-11-16'); // a Saturday
    expect(weekStart('2026-11-16')).to.equal('2026-11-16');
    expect(weekStart('2026-11-22')).to.equal('2026-11-16'); // Sunday ends the ISO week
  });

  it('reads the local day of an instant', () => {
    expect(localDay(new Date(2026, 10, 21, 23, 59))).to.equal('2026-11-21');
    expect(localDay(new Date(2026, 10, 22, 0, 0))).to.equal('2026-11-22');
  });
});

describe('model: end of the work week', () => {
  it('is this Friday, or Sunday once Friday has passed', () => {
    expect(endOfWorkWeek('2026-11-16')).to.equal('2026-11-20'); // Monday
    expect(endOfWorkWeek('2026-11-20')).to.equal('2026-11-20'); // Friday
    expect(endOfWorkWeek('2026-11-21')).to.equal('2026-11-22'); // Saturday
  });
});

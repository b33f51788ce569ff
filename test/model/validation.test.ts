import { expect } from '@open-wc/testing';
import '../helpers/english.js';
import { ValidationError, cleanText, cleanTexts } from '../../src/model/schema.js';
import { validateRecord } from '../../src/model/validation.js';
import { defaultChecklist } from '../../src/model/checklists.js';

const stamp = { id: 'x1', createdAt: '2026-11-21T08:00:00.000Z', updatedAt: '2026-11-21T08:00:00.000Z' };

function problemOf(fn: () => unknown): { entity: string; field: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return { entity: error.entity, field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('model: validation', () => {
  it('accepts a valid action and names the field of an invalid one', () => {
    const action = { ...stamp, unitId: 'u1', title: 'Fix the guard on press 4', status: 'open', due: '2026-11-24' };
    expect(validateRecord('actions', action)).to.equal(action);
    expect(problemOf(() => validateRecord('actions', { ...action, due: '24/11/2026' }))).to.deep.equal({
      entity: 'actions',
      field: 'due',
      message: 'actions: due must be a date written YYYY-MM-DD',
    });
    expect(problemOf(() => validateRecord('actions', { ...action, title: '   ' })).field).to.equal('title');
    expect(problemOf(() => validateRecord('actions', { ...action, status: 'finished' })).message).to.contain('open, doing, done, blocked');
  });

  it('refuses control characters and broken characters in text, saying where', () => {
    const action = { ...stamp, unitId: 'u1', title: 'Fix the guard', status: 'open' };
    expect(problemOf(() => validateRecord('actions', { ...action, title: 'Fix\u0000 the guard' })).message).to.equal(
      'actions: title must not contain control characters (U+0000 at position 4)',
    );
    expect(problemOf(() => validateRecord('actions', { ...action, title: 'Fix \u0085' })).field).to.equal('title');
    expect(problemOf(() => validateRecord('actions', { ...action, title: 'half \ud83d pair' })).message).to.contain('broken character at position 6');
    expect(problemOf(() => validateRecord('actions', { ...action, unitId: 'u\udc00' })).field).to.equal('unitId');
    // Line breaks and tabs are text; a whole emoji (a surrogate pair) is one character.
    expect(validateRecord('actions', { ...action, title: 'Two\nlines\tand 🎉' }).title).to.equal('Two\nlines\tand 🎉');
  });

  it('cleans text as a person meant it: controls dropped, a broken half replaced', () => {
    expect(cleanText('null\u0000byte\u0007 and \u009b')).to.equal('nullbyte and ');
    expect(cleanText('half \ud83d pair, whole 🎉')).to.equal('half \ufffd pair, whole 🎉');
    expect(cleanTexts({ title: 'a\u0001b', tags: ['\u0002c'], ratings: { 'r\u0003': 1 } })).to.deep.equal({ title: 'ab', tags: ['c'], ratings: { r: 1 } });
  });

  it('rejects unknown fields and missing stamps', () => {
    const action = { ...stamp, unitId: 'u1', title: 'x', status: 'open' };
    expect(problemOf(() => validateRecord('actions', { ...action, colour: 'red' })).field).to.equal('colour');
    const { createdAt: _omit, ...noStamp } = action;
    expect(problemOf(() => validateRecord('actions', noStamp)).field).to.equal('createdAt');
  });

  it('needs a value or a met / missed for a KPI day', () => {
    expect(problemOf(() => validateRecord('kpiValues', { ...stamp, kpiId: 'k', day: '2026-11-20' })).field).to.equal('value');
    expect(problemOf(() => validateRecord('kpiValues', { ...stamp, kpiId: 'k', day: '2026-11-20', value: Number.NaN })).field).to.equal('value');
  });

  it('keeps the author out of anonymous coaching and feedback', () => {
    const session = {
      ...stamp,
      kind: 'huddle-observation',
      direction: 'up',
      learnerId: 'boss',
      anonymous: true,
      day: '2026-11-20',
      ratings: {},
      wentWell: '',
      evenBetter: '',
      focus: '',
    };
    expect(validateRecord('coachingSessions', session)).to.equal(session);
    expect(problemOf(() => validateRecord('coachingSessions', { ...session, coachId: 'me' })).field).to.equal('coachId');
    expect(problemOf(() => validateRecord('coachingSessions', { ...session, direction: 'down' })).field).to.equal('anonymous');
    const feedback = { ...stamp, subject: 'huddle', unitId: 'u', day: '2026-11-20', score: 4, anonymous: true };
    expect(validateRecord('feedback', feedback)).to.equal(feedback);
    expect(problemOf(() => validateRecord('feedback', { ...feedback, personId: 'p' })).field).to.equal('personId');
    expect(problemOf(() => validateRecord('feedback', { ...feedback, score: 6 })).message).to.contain('1 to 5');
  });

  it('checks nested ratings and checklist groups, naming the entry', () => {
    const checklist = { ...defaultChecklist('huddle-observation'), createdAt: stamp.createdAt, updatedAt: stamp.updatedAt };
    expect(validateRecord('checklists', checklist)).to.equal(checklist);
    const broken = structuredClone(checklist);
    broken.groups[1]!.behaviours[0]!.label = '';
    expect(problemOf(() => validateRecord('checklists', broken)).message).to.equal('checklists: groups entry 2 behaviours entry 1 label must not be empty');
    const session = {
      ...stamp,
      kind: 'huddle-observation',
      direction: 'down',
      coachId: 'c',
      learnerId: 'l',
      anonymous: false,
      day: '2026-11-20',
      ratings: { 'board-visible': 3 },
      wentWell: '',
      evenBetter: '',
      focus: '',
    };
    expect(problemOf(() => validateRecord('coachingSessions', session)).message).to.equal(
      'coachingSessions: ratings entry "board-visible" must be a whole number from 0 to 2',
    );
  });
});

import { expect } from '@open-wc/testing';
import { parseCsv } from '../../src/model/csv-parse.js';
import { previewPeopleImport, type PeopleImportContext } from '../../src/model/people-import.js';
import { proposeDefaultCascade } from '../../src/model/default-cascade.js';
import { addBehaviour, moveBehaviour, setBehaviourRetired } from '../../src/model/checklist-edit.js';
import type { BehaviourGroup, CoachingPair, Person, Unit } from '../../src/model/types.js';
import { STAMP } from '../helpers/records.js';

const unit = (id: string, name: string, tier: number, parentId?: string): Unit => ({ id, name, tier, ...(parentId ? { parentId } : {}), ...STAMP });
const person = (id: string, name: string, unitId: string, role: Person['role'] = 'member'): Person => ({ id, name, unitId, role, ...STAMP });

const HOSPITAL = {
  units: [unit('h', 'St Mary', 3), unit('d', 'Surgery', 2, 'h'), unit('w3', 'Ward 3', 1, 'd'), unit('w4', 'Ward 4', 1, 'd')],
  org: {
    tiers: [
      { unit: 'Unit', leader: 'Charge nurse' },
      { unit: 'Department', leader: 'Unit manager' },
      { unit: 'Hospital', leader: 'Director' },
    ],
    memberLabel: 'Nurse',
  },
};

function context(people: Person[] = []): PeopleImportContext {
  let n = 0;
  return { ...HOSPITAL, people, newId: () => `new-${++n}` };
}

describe('model: reading a pasted CSV', () => {
  it('reads commas, semicolons and tabs, quotes with separators and line breaks, and keeps line numbers', () => {
    expect(parseCsv('name,role\n"Lee, Ann",Nurse\n\n"Bo ""B"" Li","two\nlines"').map((r) => [r.line, r.cells])).to.deep.equal([
      [1, ['name', 'role']],
      [2, ['Lee, Ann', 'Nurse']],
      [4, ['Bo "B" Li', 'two\nlines']],
    ]);
    expect(parseCsv('\uFEFFName;Board\r\nJo Weiß;Ward 3\r\n').map((r) => r.cells)).to.deep.equal([
      ['Name', 'Board'],
      ['Jo Weiß', 'Ward 3'],
    ]);
    expect(parseCsv('Ana\tWard 3\nBen\tWard 4').map((r) => r.cells)).to.deep.equal([
      ['Ana', 'Ward 3'],
      ['Ben', 'Ward 4'],
    ]);
  });
});

describe('model: previewing people from an HR file', () => {
  it("turns good rows into people and the coach column into pairs, using the organisation's role words", () => {
    const text = 'Name,Role,Board,Coach\nUma Stone,Unit manager,Surgery,\nCara Diaz,Charge nurse,Ward 3,Uma Stone\nNed Park,Nurse,ward 3,Cara Diaz';
    const preview = previewPeopleImport(text, context());
    expect(preview.rows.every((r) => Object.keys(r.problems).length === 0)).to.equal(true);
    expect(preview.people.map((p) => [p.name, p.unitId, p.role])).to.deep.equal([
      ['Uma Stone', 'd', 'leader'],
      ['Cara Diaz', 'w3', 'leader'],
      ['Ned Park', 'w3', 'member'],
    ]);
    expect(preview.pairs).to.deep.equal([
      { coachId: 'new-1', learnerId: 'new-2', kind: 'huddle-observation', direction: 'down', cadenceDays: 7 },
      { coachId: 'new-2', learnerId: 'new-3', kind: 'kata', direction: 'peer', cadenceDays: 7 },
    ]);
  });

  it('takes an e-mail column (for signing in with the identity provider) and marks one that is not an address', () => {
    const text = 'Name,Role,Board,Coach,Work email\nUma Stone,Unit manager,Surgery,,uma.stone@hospital.example\nNed Park,Nurse,Ward 3,,ned park';
    const preview = previewPeopleImport(text, context());
    expect(preview.rows[0]!.problems).to.deep.equal({});
    expect(preview.rows[1]!.problems.email).to.deep.equal({ code: 'email-invalid' });
    expect(preview.people).to.deep.equal([]);
    const good = previewPeopleImport('Name,Role,Board,E-mail\nUma Stone,Unit manager,Surgery,uma.stone@hospital.example', context());
    expect(good.people.map((p) => p.email)).to.deep.equal(['uma.stone@hospital.example']);
  });

  it('marks every bad row and field, and offers nothing to save while any row is bad', () => {
    const text = [
      'name,role,board,coach',
      'Ana Lee,Nurse,Ward 3,',
      ',Nurse,Ward 3,', // no name
      'Bo Kim,Surgeon,Ward 9,Nobody Here', // unknown role, board and coach
      'Ana Lee,Nurse,Ward 3,', // the same person twice
      'Di Fox,Unit manager,Ward 4,', // a department title on a unit
    ].join('\n');
    const preview = previewPeopleImport(text, context([person('old', 'Old Hand', 'w4', 'member')]));
    expect(preview.people).to.deep.equal([]);
    const problems = Object.fromEntries(preview.rows.map((r) => [r.line, r.problems]));
    expect(problems[2]).to.deep.equal({});
    expect(problems[3]).to.have.keys('name');
    expect(problems[4]).to.have.keys('role', 'board');
    expect(problems[4]!.role).to.deep.equal({
      code: 'role-unknown',
      word: 'Surgeon',
      roles: ['Nurse', 'Charge nurse', 'Unit manager', 'Director'],
    });
    expect(problems[4]!.board).to.deep.equal({ code: 'board-unknown', board: 'Ward 9' });
    expect(problems[5]!.name).to.deep.equal({ code: 'same-person', line: 2 });
    expect(problems[6]!.role).to.deep.equal({ code: 'role-wrong-tier', leader: 'Unit manager', leads: 'Department', board: 'Unit' });
  });

  it('refuses a second leader for a board and a coach who is not there', () => {
    const preview = previewPeopleImport('Zed,Charge nurse,Ward 3,Ghost', context([person('cn', 'Cara Diaz', 'w3', 'leader')]));
    expect(preview.rows[0]!.problems).to.deep.equal({
      role: { code: 'board-has-leader', board: 'Ward 3', leader: 'Cara Diaz' },
      coach: { code: 'coach-unknown', coach: 'Ghost' },
    });
  });

  it('says plainly when there is nothing to import', () => {
    expect(previewPeopleImport('  \n', context()).fileProblem).to.equal('empty');
    expect(previewPeopleImport('name,board\n', context()).fileProblem).to.equal('header-only');
  });
});

describe('model: the default cascade', () => {
  const people = [person('dir', 'Dee', 'h', 'leader'), person('um', 'Uma', 'd', 'leader'), person('cn3', 'Cara', 'w3', 'leader'), person('n', 'Ned', 'w3')];

  it('has each leader coach the leaders of the boards directly below, weekly at tier 1 and fortnightly above', () => {
    expect(proposeDefaultCascade(HOSPITAL.units, people, [])).to.deep.equal([
      { coachId: 'dir', learnerId: 'um', kind: 'coaching-the-coach', direction: 'down', cadenceDays: 14 },
      { coachId: 'um', learnerId: 'cn3', kind: 'huddle-observation', direction: 'down', cadenceDays: 7 },
    ]);
  });

  it('skips pairs that exist and boards without a leader or retired', () => {
    const existing: CoachingPair = { id: 'p', coachId: 'um', learnerId: 'cn3', kind: 'huddle-observation', direction: 'down', cadenceDays: 10, ...STAMP };
    const units = HOSPITAL.units.map((u) => (u.id === 'd' ? { ...u } : u));
    expect(proposeDefaultCascade(units, people, [existing]).map((p) => p.learnerId)).to.deep.equal(['um']);
    const retiredDept = HOSPITAL.units.map((u) => (u.id === 'd' ? { ...u, deletedAt: STAMP.updatedAt } : u));
    expect(proposeDefaultCascade(retiredDept, people, [])).to.deep.equal([]);
  });
});

describe('model: editing a checklist', () => {
  const groups: BehaviourGroup[] = [
    {
      id: 'g',
      label: 'Board',
      behaviours: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    },
  ];

  it('adds at the end, moves within the group, and retires without removing', () => {
    const added = addBehaviour(groups, 'g', 'C', 'c');
    expect(added[0]!.behaviours.map((b) => b.id)).to.deep.equal(['a', 'b', 'c']);
    expect(moveBehaviour(added, 'c', -1)[0]!.behaviours.map((b) => b.id)).to.deep.equal(['a', 'c', 'b']);
    expect(moveBehaviour(added, 'a', -1)).to.deep.equal(added);
    const retired = setBehaviourRetired(added, 'a', true);
    expect(retired[0]!.behaviours[0]).to.deep.equal({ id: 'a', label: 'A', retired: true });
    expect(setBehaviourRetired(retired, 'a', false)[0]!.behaviours[0]).to.deep.equal({ id: 'a', label: 'A' });
    expect(groups[0]!.behaviours).to.have.length(2); // the input is untouched
  });
});

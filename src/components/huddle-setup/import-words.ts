/** What is wrong with a pasted HR file, in the screen's language (the model says it as data). */
import { msg, str } from '@lit/localize';
import type { PeopleFileProblem, PeopleImportProblem } from '../../model/index.js';

export function peopleProblemText(problem: PeopleImportProblem): string {
  switch (problem.code) {
    case 'name-missing':
      return msg('a name is needed');
    case 'email-invalid':
      return msg('this is not an e-mail address (name@example.org)');
    case 'name-too-long':
      return msg(str`a name can have at most ${problem.max} characters`);
    case 'board-missing':
      return msg('say which board the person belongs to');
    case 'board-unknown':
      return msg(str`there is no board named "${problem.board}"`);
    case 'board-ambiguous':
      return msg(str`${problem.count} boards are named "${problem.board}"; rename one first`);
    case 'role-unknown':
      return msg(str`"${problem.word}" is not a role here; use one of: ${problem.roles.join(', ')}`);
    case 'role-wrong-tier':
      return msg(str`a ${problem.leader} leads a ${problem.leads}, but this board is a ${problem.board}`);
    case 'same-person':
      return msg(str`the same person is on line ${problem.line}`);
    case 'already-here':
      return msg('this person is already on this board');
    case 'board-has-leader':
      return msg(str`${problem.board} already has a leader (${problem.leader})`);
    case 'leader-earlier':
      return msg(str`line ${problem.line} already leads ${problem.board}`);
    case 'coach-self':
      return msg('a person cannot coach themselves');
    case 'coach-unknown':
      return msg(str`nobody called "${problem.coach}" is here or in the file`);
    case 'coach-ambiguous':
      return msg(str`${problem.count} people are called "${problem.coach}"`);
  }
}

export function peopleFileProblemText(problem: PeopleFileProblem): string {
  return problem === 'empty'
    ? msg('There is nothing to import: paste or choose a file with one person per line.')
    : msg('The file has a header line but no people under it.');
}

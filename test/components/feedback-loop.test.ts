import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../../src/components/feedback-loop/feedback-loop.js';
import type { FeedbackLoop } from '../../src/components/feedback-loop/feedback-loop.js';
import '../../src/components/huddle-provider/huddle-provider.js';
import { whereEquals } from '../../src/store/queries.js';
import { deleteTestDatabases, freshStore, seedSmallOrg } from '../helpers/store.js';
import { TODAY, buttonNamed, inShadow, oneInShadow, tap, typeInto, until } from '../helpers/ui.js';

async function wall(mode: 'pulse' | 'safety' | 'you-said' = 'pulse') {
  const store = freshStore({ today: () => TODAY });
  const org = await seedSmallOrg(store);
  const el = await fixture<FeedbackLoop>(html`<feedback-loop unit=${org.teamA.id} mode=${mode} reset-seconds="30" .store=${store}></feedback-loop>`);
  await el.updateComplete;
  return { store, el, ...org };
}

const scoreButton = (el: FeedbackLoop, score: number) => oneInShadow<HTMLButtonElement>(el, `button[data-score="${score}"]`);

describe('<feedback-loop>', () => {
  afterEach(deleteTestDatabases);

  it('takes five answers one after another on one wall screen; a double tap is one answer', async () => {
    const { store, el, teamA } = await wall();
    for (const [i, score] of [4, 5, 3, 4, 2].entries()) {
      await until(() => inShadow(el, 'button[data-score]').length === 5, `the scale for person ${i + 1}`);
      const button = scoreButton(el, score);
      if (i === 2) {
        // Person 3 double-taps: two clicks as fast as a finger can.
        const rect = button.getBoundingClientRect();
        const position: [number, number] = [Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2)];
        await Promise.all([sendMouse({ type: 'click', position }), sendMouse({ type: 'click', position })]);
      } else {
        await tap(button);
      }
      await until(() => inShadow(el, '.thanks').length === 1, `the thank-you for person ${i + 1}`);
      if (i === 1) {
        await typeInto(oneInShadow(el, 'input[name="comment"]'), 'Shorter, please');
        await tap(buttonNamed(el, 'Send comment'));
      } else {
        await tap(buttonNamed(el, 'Done'));
      }
    }
    const answers = await store.get(whereEquals('feedback', 'unitId', teamA.id));
    expect(answers.map((f) => f.score).sort()).to.deep.equal([2, 3, 4, 4, 5]);
    expect(answers.find((f) => f.score === 5)?.comment).to.equal('Shorter, please');
    // Anonymous by default: no person id reaches the store.
    expect(answers.every((f) => f.anonymous && !('personId' in f))).to.equal(true);
  });

  it("answers from one person's device in a week carry one pseudonym; a shared screen's carry none", async () => {
    localStorage.removeItem('huddle-elements:respondent');
    const { store, el, teamA } = await wall();
    for (const score of [4, 2]) {
      await until(() => inShadow(el, 'button[data-score]').length === 5, 'the scale');
      await tap(scoreButton(el, score));
      await until(() => inShadow(el, '.thanks').length === 1, 'the thank-you');
      await tap(buttonNamed(el, 'Done'));
    }
    const own = await store.get(whereEquals('feedback', 'unitId', teamA.id));
    expect(new Set(own.map((f) => f.respondent)).size, 'one pseudonym for the week').to.equal(1);
    expect(own[0]!.respondent).to.match(/^[\w-]{8,}$/);
    const shared = await fixture(
      html`<huddle-provider shared-screen .store=${store}><feedback-loop unit=${teamA.id} mode="pulse"></feedback-loop></huddle-provider>`,
    );
    const onWall = shared.querySelector('feedback-loop')!;
    await until(() => inShadow(onWall, 'button[data-score]').length === 5, 'the scale on the wall');
    await tap(scoreButton(onWall, 3));
    await until(() => inShadow(onWall, '.thanks').length === 1, 'the thank-you on the wall');
    const fromWall = (await store.get(whereEquals('feedback', 'unitId', teamA.id))).find((f) => f.score === 3);
    expect(fromWall, 'no pseudonym from a shared screen').to.not.have.property('respondent');
  });

  it("counts today's answers on a wall for the next person, and shows their average only once five people answered", async () => {
    const store = freshStore({ today: () => TODAY });
    const { teamA } = await seedSmallOrg(store);
    const shared = await fixture(
      html`<huddle-provider shared-screen .store=${store}><feedback-loop unit=${teamA.id} mode="pulse" show-today reset-seconds="30"></feedback-loop></huddle-provider>`,
    );
    const el = shared.querySelector('feedback-loop')!;
    const today = () => oneInShadow(el, '.today').textContent!.replace(/\s+/g, ' ').trim();
    await until(() => inShadow(el, '.today').length === 1, "today's count");
    expect(today()).to.equal('No answers yet today.');
    for (const [i, score] of [4, 5, 3, 4, 2].entries()) {
      await until(() => inShadow(el, 'button[data-score]').length === 5, `the scale for person ${i + 1}`);
      await tap(scoreButton(el, score));
      await until(() => inShadow(el, '.thanks').length === 1, `the thank-you for person ${i + 1}`);
      await until(() => today().startsWith(i === 0 ? 'Today: 1 answer' : `Today: ${i + 1} answers`), `counted for person ${i + 1}`);
      if (i < 4)
        expect(today(), `no average from ${i + 1}`)
          .to.contain('the average shows once 5 people answered')
          .and.not.contain('of 5,');
      await tap(buttonNamed(el, 'Done'));
    }
    await until(() => inShadow(el, 'button[data-score]').length === 5, 'the scale for the sixth person');
    expect(today()).to.equal('Today: 5 answers, average 3.6 of 5');
    await expect(el).to.be.accessible();
  });

  it('resets itself for the next person after the thank-you', async () => {
    const { el } = await wall();
    el.resetSeconds = 0.3;
    await tap(scoreButton(el, 4));
    await until(() => inShadow(el, '.thanks').length === 1, 'the thank-you');
    await until(() => inShadow(el, 'button[data-score]').length === 5, 'the scale again');
  });

  it('withholds the safety profile of a stage with 4 answers and shows it with 5', async () => {
    const { store, el, teamA } = await wall('safety');
    const answer = (score: 1 | 2 | 3 | 4 | 5) => ({
      subject: 'safety' as const,
      unitId: teamA.id,
      stage: 'challenger' as const,
      itemId: 'challenger-1',
      score,
      anonymous: true,
      day: TODAY,
    });
    await store.submitSurvey([answer(3), answer(4), answer(2), answer(3)]);
    const cell = () => oneInShadow(el, 'tr[data-stage="challenger"] td:last-child').textContent!.trim();
    await until(() => inShadow(el, 'tr[data-stage="challenger"]').length === 1 && cell() === 'fewer than 5 people answered', 'the withheld figure');
    // The fifth answer, given on the screen: all four statements, one tap each.
    for (const stage of ['inclusion', 'learner', 'contributor', 'challenger']) {
      await tap([...oneInShadow(el, `.item[data-stage="${stage}"]`).querySelectorAll('button')].find((b) => b.textContent!.includes('3'))!);
    }
    await tap(buttonNamed(el, 'Send my answers'));
    await until(() => cell() === '3', 'the shown mean (3+4+2+3+3)/5 = 3');
    expect(oneInShadow(el, 'tr[data-stage="inclusion"] td:last-child').textContent!.trim()).to.equal('fewer than 5 people answered');
    await expect(el).to.be.accessible();
  });

  it('shows "you said, we did" to the team, and the leader can reply', async () => {
    const { store, teamA } = await wall();
    const said = await store.submitFeedback({
      subject: 'huddle',
      unitId: teamA.id,
      score: 2,
      comment: 'We talk about the same problem every day',
      anonymous: true,
      day: '2026-11-18',
    });
    const leaderView = await fixture<FeedbackLoop>(html`<feedback-loop unit=${teamA.id} mode="you-said" can-respond .store=${store}></feedback-loop>`);
    const teamView = await fixture<FeedbackLoop>(html`<feedback-loop unit=${teamA.id} mode="you-said" .store=${store}></feedback-loop>`);
    await until(() => inShadow(teamView, `li[data-feedback="${said.id}"]`).length === 1, 'the comment');
    expect(oneInShadow(teamView, 'li').textContent).to.contain('No answer yet, 3 days');
    expect(inShadow(teamView, 'button')).to.have.length(0);
    await until(() => inShadow(leaderView, 'button').length === 1, 'the reply button');
    await tap(buttonNamed(leaderView, 'Reply…'));
    await typeInto(oneInShadow(leaderView, 'input[name="reply"]'), 'It is now an experiment with an owner');
    await tap(buttonNamed(leaderView, 'Reply'));
    await until(() => oneInShadow(teamView, 'li').textContent!.includes('It is now an experiment with an owner'), 'the reply on the team view');
    expect(oneInShadow(teamView, 'li').textContent).to.contain('We did:');
    await expect(teamView).to.be.accessible();
  });

  it('works as a control inside a plain form, submitting its score and storing nothing itself', async () => {
    const store = freshStore({ today: () => TODAY });
    const { teamA } = await seedSmallOrg(store);
    const form = await fixture<HTMLFormElement>(
      html`<form><feedback-loop name="usefulness" unit=${teamA.id} .store=${store}></feedback-loop><button>Send</button></form>`,
    );
    const el = form.querySelector('feedback-loop')!;
    await el.updateComplete;
    let submitted: FormData | undefined;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted = new FormData(form);
    });
    await tap(scoreButton(el, 3));
    await until(() => scoreButton(el, 3).getAttribute('aria-pressed') === 'true', 'the chosen score');
    await tap(form.querySelector('button')!);
    await until(() => submitted !== undefined, 'the form submission');
    expect(submitted!.get('usefulness')).to.equal('3');
    expect(await store.get(whereEquals('feedback', 'unitId', teamA.id))).to.have.length(0);
    form.reset();
    await el.updateComplete;
    expect(scoreButton(el, 3).getAttribute('aria-pressed')).to.equal('false');
  });

  it('passes axe', async () => {
    const { el } = await wall();
    await expect(el).to.be.accessible();
  });
});

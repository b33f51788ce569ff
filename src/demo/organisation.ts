/**
 * The demo organisation: a plant with two areas and six teams, 90 days of history up to
 * today. It tells a story a manager can check on one screen: coaching on Line 1 and
 * Packing A improves over 12 weeks and their results follow; Line 3's coaching stays flat
 * and so do its results; Packing B's supervisor has fallen behind on observations; nobody
 * has ever observed Shipping's team leader (a broken link in the cascade).
 *
 * Pure: the same seed and today give the same records, so stories and tests can rely on it.
 */
import {
  AGENDA_PARTS,
  DEFAULT_TIERS,
  SAFETY_STAGES,
  addDays,
  calendarOf,
  daysBetween,
  defaultChecklist,
  isWorkingDay,
  weekStart,
  type Action,
  type Attendance,
  type ChecklistTemplate,
  type CoachingPair,
  type CoachingSession,
  type Day,
  type Escalation,
  type Experiment,
  type Feedback,
  type FeedbackResponse,
  type Huddle,
  type Kpi,
  type KpiAggregate,
  type KpiCategory,
  type KpiValue,
  type OrgSettings,
  type Person,
  type Rating,
  type Recognition,
  type ResourceNeed,
  type Unit,
} from '../model/index.js';
import { seededRandom, type Random } from './random.js';
import { DemoBuilder, at, clampScore, rate, stamp, type Data } from './builder.js';

export const DEMO_SEED = 20261121;
const HISTORY_DAYS = 90;
const COACHING_WEEKS = 12;

type Story = 'improving' | 'steady' | 'flat';

interface TeamPlan {
  key: string;
  name: string;
  area: 'assembly' | 'packing';
  story: Story;
}

const TEAMS: TeamPlan[] = [
  { key: 'line-1', name: 'Line 1', area: 'assembly', story: 'improving' },
  { key: 'line-2', name: 'Line 2', area: 'assembly', story: 'steady' },
  { key: 'line-3', name: 'Line 3', area: 'assembly', story: 'flat' },
  { key: 'packing-a', name: 'Packing A', area: 'packing', story: 'improving' },
  { key: 'packing-b', name: 'Packing B', area: 'packing', story: 'steady' },
  { key: 'shipping', name: 'Shipping', area: 'packing', story: 'steady' },
];

const KPI_PLANS: {
  category: KpiCategory;
  name: string;
  measure: string;
  target: number;
  betterWhen: 'higher' | 'lower';
  amberBand?: number;
  aggregate?: KpiAggregate;
  spread: number;
}[] = [
  { category: 'S', name: 'Injuries and near misses', measure: 'incidents', target: 0, betterWhen: 'lower', aggregate: 'sum', spread: 1 },
  { category: 'Q', name: 'First pass yield', measure: '%', target: 97, betterWhen: 'higher', amberBand: 2, spread: 2.5 },
  { category: 'D', name: 'On-time delivery', measure: '%', target: 95, betterWhen: 'higher', amberBand: 3, spread: 4 },
  { category: 'C', name: 'Scrap cost', measure: '€', target: 400, betterWhen: 'lower', amberBand: 100, aggregate: 'sum', spread: 150 },
  { category: 'P', name: 'Attendance', measure: '%', target: 95, betterWhen: 'higher', amberBand: 3, spread: 3 },
];

const ACTION_TITLES = [
  'Replace worn conveyor belt',
  'Label the spare-parts shelf',
  'Fix the guard on press 4',
  'Order size 9 gloves',
  'Recalibrate torque wrench',
  'Update the changeover checklist',
  'Move the scrap bin closer',
  'Train Jonas on the labeller',
  'Repair the air leak at station 3',
  'Clear the walkway by bay 2',
  'Check the pallet wrapper tension',
  'Ask IT for a second scanner',
  'Redo the 5S audit sheet',
  'Book the forklift service',
  'Find the cause of label misprints',
  'Add a light over the inspection table',
];
const ESCALATION_REASONS = ['Needs budget above the team limit', 'Needs another department', 'Needs a contractor', 'Safety risk we cannot contain alone'];
const EXPERIMENTS: Omit<Experiment, 'id' | 'unitId' | 'status' | 'createdAt' | 'updatedAt'>[] = [
  {
    title: 'Cut changeover time',
    targetCondition: 'Changeover under 20 minutes by end of month',
    actualCondition: 'Median 31 minutes over the last 10 changeovers',
    obstacle: 'Tools are fetched from the crib during the changeover',
    nextStep: 'Pre-stage the tool cart before the last pallet',
    expectation: 'Saves about 6 minutes',
    result: 'Saved 5 minutes on two changeovers',
    learning: 'The cart must be checked against the die list',
  },
  {
    title: 'Fewer label misprints',
    targetCondition: 'Fewer than 2 misprints per shift',
    actualCondition: '6 misprints per shift on average last week',
    obstacle: 'Ribbon is changed only when it runs out',
    nextStep: 'Change the ribbon at every shift start',
    expectation: 'Misprints halve',
    result: '',
    learning: '',
  },
  {
    title: 'Start the huddle on time',
    targetCondition: 'Huddle starts at 07:35 on 9 of 10 days',
    actualCondition: 'Started on time 5 of the last 10 days',
    obstacle: 'Handover from night shift runs late',
    nextStep: 'Move the handover to the board itself',
    expectation: 'Start within 2 minutes of 07:35',
    result: 'On time 4 days in a row',
    learning: 'Handover at the board also shortens it',
  },
];
const RESOURCE_NEEDS: [ResourceNeed['kind'], string][] = [
  ['people', 'One operator short on the afternoon shift'],
  ['equipment', 'Spare scanner battery'],
  ['supplies', 'Label stock runs out Thursday'],
  ['information', 'New drawing revision for part 4711'],
];
const COMMENTS = [
  'Shorter, please',
  'Good to see the red numbers first',
  'We talked about the same problem again',
  'Thanks for recognising the night shift',
  'Could we sit down on Fridays?',
  'Clear actions today',
  'Too fast, I could not ask my question',
  'Nice that we tried something new',
];
const RESPONSES = [
  'We now cover red KPIs first and stop at 10 minutes.',
  'We moved the recurring problem to an experiment with an owner.',
  'Questions now get a parking spot and an answer the same day.',
];
const KUDOS = [
  'Stayed late to finish the urgent order',
  'Spotted the leak before it became a safety issue',
  'Trained two new colleagues this week',
  'Great idea for the tool cart',
  'Zero scrap on the night shift',
];

/** What each story means for coaching quality (0..1) in week `w` of 12. */
function coachingQuality(story: Story, week: number): number {
  const t = week / (COACHING_WEEKS - 1);
  if (story === 'improving') return 0.3 + 0.55 * t;
  if (story === 'steady') return 0.6 + 0.1 * t;
  return 0.5;
}

/** Chance a KPI day is on target, `t` from 0 (90 days ago) to 1 (yesterday). Results lag behaviour. */
function greenChance(story: Story, t: number): number {
  if (story === 'improving') return 0.5 + (0.38 * Math.max(0, t - 0.15)) / 0.85;
  if (story === 'steady') return 0.72 + 0.06 * t;
  return 0.58;
}

/** Builds every record of the demo organisation for `today`. */
export function generateDemoOrganisation(options: { seed?: number; today: Day }): Data {
  const random = seededRandom(options.seed ?? DEMO_SEED);
  const b = new DemoBuilder(random, options.today, HISTORY_DAYS);
  const { today, start } = b;
  const yesterday = addDays(today, -1);
  const created = at(start, 7);

  b.add(
    'org',
    stamp<Omit<OrgSettings, 'createdAt' | 'updatedAt'>>(
      { id: 'org', name: 'Riverside Plant', locale: 'en-GB', tiers: DEFAULT_TIERS, memberLabel: 'Operator' },
      created,
    ),
  );
  for (const kind of ['huddle-observation', 'coaching-the-coach'] as const) {
    b.add('checklists', stamp<Omit<ChecklistTemplate, 'createdAt' | 'updatedAt'>>(defaultChecklist(kind), created));
  }

  // ---- the tier tree and its people
  const plant = b.add(
    'units',
    stamp<Omit<Unit, 'createdAt' | 'updatedAt'>>(
      { id: 'unit-plant', name: 'Riverside Plant', tier: 3, huddleAt: '08:30', workingDays: [1, 2, 3, 4, 5] },
      created,
    ),
  );
  const manager = b.person('person-plant-manager', plant.id, 'leader');
  const areas = {
    assembly: b.add('units', stamp({ id: 'unit-assembly', name: 'Assembly', tier: 2, parentId: plant.id, huddleAt: '08:00' }, created)),
    packing: b.add('units', stamp({ id: 'unit-packing', name: 'Packing & Shipping', tier: 2, parentId: plant.id, huddleAt: '08:00' }, created)),
  };
  const supervisors = {
    assembly: b.person('person-assembly-supervisor', areas.assembly.id, 'leader'),
    packing: b.person('person-packing-supervisor', areas.packing.id, 'leader'),
  };
  const teams = TEAMS.map((plan) => {
    const unit = b.add(
      'units',
      stamp<Omit<Unit, 'createdAt' | 'updatedAt'>>(
        { id: `unit-${plan.key}`, name: plan.name, tier: 1, parentId: areas[plan.area].id, huddleAt: '07:35' },
        created,
      ),
    );
    const leader = b.person(`person-${plan.key}-leader`, unit.id, 'leader');
    const members = Array.from({ length: random.int(6, 8) }, (_, i) => b.person(`person-${plan.key}-${i + 1}`, unit.id, 'member'));
    return { plan, unit, leader, members };
  });

  // ---- KPIs and 90 days of results
  const kpiRecord = (unitId: string, key: string, plan: (typeof KPI_PLANS)[number], rollup: boolean): Kpi => {
    const { spread: _spread, ...fields } = plan;
    return b.add(
      'kpis',
      stamp<Omit<Kpi, 'createdAt' | 'updatedAt'>>({ id: `kpi-${key}-${plan.category}`, unitId, ...fields, ...(rollup ? { rollup } : {}) }, created),
    );
  };
  const recordDays = (kpi: Kpi, plan: (typeof KPI_PLANS)[number], story: Story) => {
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const day = addDays(start, d);
      if (random.chance(0.04)) continue; // a day nobody filled in
      const t = d / (HISTORY_DAYS - 1);
      const p = plan.category === 'S' ? 0.9 + 0.08 * greenChance(story, t) : greenChance(story, t);
      const value = kpiValue(random, plan, random.chance(p) ? 'green' : plan.amberBand && random.chance(0.45) ? 'amber' : 'red');
      b.add('kpiValues', stamp<Omit<KpiValue, 'createdAt' | 'updatedAt'>>({ id: `${kpi.id}:${day}`, kpiId: kpi.id, day, value }, at(day, 16, 30)));
    }
  };
  for (const team of teams) for (const plan of KPI_PLANS) recordDays(kpiRecord(team.unit.id, team.plan.key, plan, false), plan, team.plan.story);
  for (const [key, unit] of [
    ['assembly', areas.assembly],
    ['packing', areas.packing],
    ['plant', plant],
  ] as const) {
    // Safety and delivery roll up from the boards below; the higher tier records nothing for them.
    for (const plan of KPI_PLANS.filter((p) => p.category === 'S' || p.category === 'D')) kpiRecord(unit.id, key, plan, true);
  }

  // ---- actions and escalations
  let actionCount = 0;
  const newAction = (unitId: string, ownerPool: Person[], fields: Partial<Action>, raised: Day): Action => {
    const title = ACTION_TITLES[actionCount % ACTION_TITLES.length]!;
    const owner = random.chance(0.85) ? random.pick(ownerPool) : undefined;
    return b.add(
      'actions',
      stamp<Omit<Action, 'createdAt' | 'updatedAt'>>(
        { id: `action-${++actionCount}`, unitId, title, status: 'open', ...(owner ? { ownerId: owner.id } : {}), ...fields },
        at(raised, 7, 45),
      ),
    );
  };
  for (const team of teams) {
    const pool = [team.leader, ...team.members];
    for (let i = 0; i < 24; i++) {
      const raised = addDays(today, -random.int(1, 84));
      const due = addDays(raised, random.int(2, 10));
      const roll = random.next();
      // Older actions are mostly closed; whether in time follows the team's story.
      if (roll < (daysBetween(raised, today) > 20 ? 0.8 : 0.35)) {
        const t = 1 - daysBetween(raised, today) / 84;
        const inTime = team.plan.story === 'improving' ? 0.45 + 0.45 * t : team.plan.story === 'flat' ? 0.4 : 0.7;
        const late = addDays(due, random.int(1, 6));
        const doneDay = random.chance(inTime) ? addDays(raised, random.int(1, daysBetween(raised, due))) : late < today ? late : today;
        newAction(team.unit.id, pool, { due, status: 'done', doneAt: at(doneDay, 10) }, raised);
      } else {
        newAction(team.unit.id, pool, { due, status: roll < 0.6 ? 'doing' : roll < 0.68 ? 'blocked' : 'open' }, raised);
      }
    }
    newAction(team.unit.id, pool, { due: addDays(today, 2), status: 'open' }, yesterday);
  }
  const escalationStates: Escalation['state'][] = ['open', 'accepted', 'resolved', 'returned', 'open', 'accepted'];
  teams.forEach((team, i) => {
    const sent = addDays(today, -random.int(2, 12));
    const action = newAction(team.unit.id, [team.leader], { due: addDays(sent, 7), status: 'blocked' }, sent);
    const state = escalationStates[i]!;
    const changed = state === 'open' ? at(sent, 8) : at(addDays(sent, 1), 11);
    const escalation = b.add(
      'escalations',
      stamp<Omit<Escalation, 'createdAt' | 'updatedAt'>>(
        {
          id: `escalation-${team.plan.key}`,
          fromUnitId: team.unit.id,
          toUnitId: team.unit.parentId!,
          title: action.title,
          reason: random.pick(ESCALATION_REASONS),
          actionId: action.id,
          state,
          stateChangedAt: changed,
          ...(state === 'resolved' ? { resolution: 'Approved; maintenance booked for next week.' } : {}),
          ...(state === 'returned' ? { resolution: 'This is within the team budget: please go ahead.' } : {}),
        },
        at(sent, 8),
        changed,
      ),
    );
    action.escalationId = escalation.id;
  });
  // An area escalates to the plant too.
  const areaAction = newAction(areas.packing.id, [supervisors.packing], { due: addDays(today, 5), status: 'blocked' }, addDays(today, -3));
  b.add(
    'escalations',
    stamp<Omit<Escalation, 'createdAt' | 'updatedAt'>>(
      {
        id: 'escalation-packing',
        fromUnitId: areas.packing.id,
        toUnitId: plant.id,
        title: areaAction.title,
        reason: 'Needs budget above the area limit',
        actionId: areaAction.id,
        state: 'open',
        stateChangedAt: at(addDays(today, -3), 9),
      },
      at(addDays(today, -3), 9),
    ),
  );
  areaAction.escalationId = 'escalation-packing';

  // ---- improvement, plan-to-win, huddles, attendance, kudos
  const calendar = calendarOf(plant.id, [plant]);
  teams.forEach((team, i) => {
    const plan = EXPERIMENTS[i % EXPERIMENTS.length]!;
    b.add(
      'experiments',
      stamp<Omit<Experiment, 'createdAt' | 'updatedAt'>>(
        { id: `experiment-${team.plan.key}`, unitId: team.unit.id, ...plan, status: 'active' },
        at(addDays(today, -10), 9),
      ),
    );
    const [kind, description] = random.pick(RESOURCE_NEEDS);
    b.add(
      'resourceNeeds',
      stamp<Omit<ResourceNeed, 'createdAt' | 'updatedAt'>>(
        {
          id: `need-${team.plan.key}`,
          unitId: team.unit.id,
          day: today,
          kind,
          description,
          ownerId: team.leader.id,
          closed: false,
        },
        at(today, 7, 40),
      ),
    );
    for (let d = 1; d < HISTORY_DAYS; d++) {
      const day = addDays(today, -d);
      if (!isWorkingDay(calendar, day)) continue; // the plant works Monday to Friday
      if (random.chance(team.plan.story === 'flat' ? 0.2 : 0.08)) continue; // no huddle that day
      const late = team.plan.story === 'flat' ? (random.chance(0.35) ? random.int(8, 15) : random.int(0, 3)) : random.int(0, 3);
      const parts = AGENDA_PARTS.map(() => random.int(120, team.plan.story === 'flat' ? 330 : 230));
      const startedAt = at(day, 7, 35 + late);
      const endedAt = new Date(Date.parse(startedAt) + parts.reduce((a, x) => a + x, 0) * 1000).toISOString();
      b.add(
        'huddles',
        stamp<Omit<Huddle, 'createdAt' | 'updatedAt'>>(
          {
            id: `huddle-${team.plan.key}-${day}`,
            unitId: team.unit.id,
            day,
            startedAt,
            endedAt,
            partSeconds: { reflect: parts[0]!, plan: parts[1]!, improve: parts[2]! },
          },
          startedAt,
          endedAt,
        ),
      );
    }
    for (const member of [team.leader, ...team.members]) {
      for (const day of [addDays(today, -2), yesterday]) {
        const state: Attendance['state'] = random.chance(0.9) ? 'present' : random.chance(0.5) ? 'absent' : 'excused';
        b.add(
          'attendance',
          stamp<Omit<Attendance, 'createdAt' | 'updatedAt'>>(
            { id: `${team.unit.id}:${day}:${member.id}`, unitId: team.unit.id, day, personId: member.id, state },
            at(day, 7, 36),
          ),
        );
      }
    }
    b.add(
      'recognitions',
      stamp<Omit<Recognition, 'createdAt' | 'updatedAt'>>(
        { id: `kudos-${team.plan.key}`, unitId: team.unit.id, day: today, personId: random.pick(team.members).id, text: random.pick(KUDOS) },
        at(today, 7, 50),
      ),
    );
  });

  // ---- the coaching cascade
  const pairs: { pair: CoachingPair; story: Story; sessionsStop?: Day }[] = [];
  const addPair = (id: string, coach: Person, learner: Person, kind: CoachingPair['kind'], cadenceDays: number, story: Story, sessionsStop?: Day) => {
    const pair = b.add(
      'coachingPairs',
      stamp<Omit<CoachingPair, 'createdAt' | 'updatedAt'>>({ id, coachId: coach.id, learnerId: learner.id, kind, direction: 'down', cadenceDays }, created),
    );
    pairs.push({ pair, story, ...(sessionsStop ? { sessionsStop } : {}) });
  };
  for (const team of teams) {
    const supervisor = supervisors[team.plan.area];
    if (team.plan.key === 'shipping') {
      addPair(`pair-${team.plan.key}`, supervisor, team.leader, 'huddle-observation', 7, 'steady', start); // never observed
    } else if (team.plan.key === 'packing-b') {
      addPair(`pair-${team.plan.key}`, supervisor, team.leader, 'huddle-observation', 7, 'steady', addDays(today, -16)); // fell behind
    } else {
      addPair(`pair-${team.plan.key}`, supervisor, team.leader, 'huddle-observation', 7, team.plan.story);
    }
  }
  addPair('pair-manager-assembly', manager, supervisors.assembly, 'coaching-the-coach', 14, 'improving');
  addPair('pair-manager-packing', manager, supervisors.packing, 'coaching-the-coach', 14, 'steady', addDays(today, -20));
  addPair('pair-peer-line-1-line-2', teams[0]!.leader, teams[1]!.leader, 'kata', 14, 'steady');
  pairs.at(-1)!.pair.direction = 'peer';

  const templates = new Map(b.data.checklists.map((t) => [t.kind, t]));
  // The Monday that starts the 12th week back, this week included.
  const coachingStart = weekStart(addDays(today, -(COACHING_WEEKS - 1) * 7));
  for (const { pair, story, sessionsStop } of pairs) {
    let previous: CoachingSession | undefined;
    for (let day = addDays(coachingStart, random.int(0, 3)); day < today; day = addDays(day, pair.cadenceDays + random.int(-1, 1))) {
      if (sessionsStop && day > sessionsStop) break;
      if (day < start) continue;
      const week = Math.min(COACHING_WEEKS - 1, Math.floor(daysBetween(coachingStart, day) / 7));
      const quality = coachingQuality(story, week);
      const template = pair.kind === 'kata' ? undefined : templates.get(pair.kind);
      const ratings: Record<string, Rating> = {};
      for (const group of template?.groups ?? []) {
        for (const behaviour of group.behaviours) ratings[behaviour.id] = rate(random, quality);
      }
      const session: CoachingSession = stamp(
        {
          id: `session-${pair.id}-${day}`,
          kind: pair.kind,
          direction: pair.direction,
          coachId: pair.coachId,
          learnerId: pair.learnerId,
          anonymous: false,
          day,
          ...(template ? { templateId: template.id, templateVersion: template.version } : {}),
          ratings,
          ...(pair.kind === 'kata'
            ? {
                answers: {
                  targetCondition: 'Changeover under 20 minutes',
                  actualCondition: 'Median 27 minutes last week',
                  reflection: 'Pre-staging saved 4 minutes',
                  obstacle: 'Die carts are shared with line 3',
                  nextStep: 'Reserve a cart the evening before',
                  goSee: 'Thursday at the 10:00 changeover',
                },
              }
            : {}),
          wentWell: random.pick([
            'Started on time with the board updated',
            'Red KPIs got the first five minutes',
            'Good questions to the team',
            'Actions had owners and dates',
          ]),
          evenBetter: random.pick([
            'Let the team speak to each other',
            'Park side topics sooner',
            'Ask before proposing a fix',
            'Close with the next experiment',
          ]),
          focus: random.pick([
            'Ask one open question per red KPI',
            'Rotate who presents the numbers',
            'Keep to ten minutes',
            'Recognise one success at the close',
          ]),
          followUpDate: addDays(day, pair.cadenceDays),
          ...(previous ? { previousSessionId: previous.id } : {}),
        },
        at(day, 8, 15),
      );
      b.add('coachingSessions', session);
      previous = session;
    }
  }
  // Coaching up, anonymous: the receiver must never learn who wrote it.
  b.add(
    'coachingSessions',
    stamp<Omit<CoachingSession, 'createdAt' | 'updatedAt'>>(
      {
        id: 'session-up-anonymous',
        kind: 'huddle-observation',
        direction: 'up',
        learnerId: teams[2]!.leader.id,
        anonymous: true,
        day: addDays(today, -3),
        ratings: {},
        wentWell: 'You always start on time',
        evenBetter: 'Let us finish our sentences before you move on',
        focus: 'Wait five seconds after asking',
      },
      at(addDays(today, -3), 15),
    ),
  );

  // ---- feedback: huddle pulses with trends, psychological safety, you said / we did
  let feedbackCount = 0;
  for (const team of teams) {
    for (let d = HISTORY_DAYS - 1; d >= 1; d--) {
      const day = addDays(today, -d);
      if (!random.chance(0.6)) continue;
      const t = 1 - d / HISTORY_DAYS;
      const mean = team.plan.story === 'improving' ? 2.8 + 1.4 * t : team.plan.story === 'flat' ? 3.1 : 3.4 + 0.3 * t;
      for (let n = random.int(2, 4); n > 0; n--) {
        const comment = random.chance(0.08) ? random.pick(COMMENTS) : undefined;
        b.add(
          'feedback',
          stamp<Omit<Feedback, 'createdAt' | 'updatedAt'>>(
            {
              id: `feedback-${++feedbackCount}`,
              subject: 'huddle',
              unitId: team.unit.id,
              day,
              score: clampScore(random.around(mean, 1.2)),
              anonymous: true,
              ...(comment ? { comment } : {}),
            },
            at(day, 7, 50),
          ),
        );
      }
    }
    for (const monthsAgo of [2, 1, 0]) {
      const day = addDays(today, -monthsAgo * 30 - 2);
      for (const person of team.members) {
        for (const stage of SAFETY_STAGES) {
          const base = { inclusion: 4, learner: 3.6, contributor: 3.3, challenger: 2.8 }[stage];
          const lift = team.plan.story === 'improving' ? (2 - monthsAgo) * 0.3 : 0;
          b.add(
            'feedback',
            stamp<Omit<Feedback, 'createdAt' | 'updatedAt'>>(
              {
                id: `feedback-${++feedbackCount}`,
                subject: 'safety',
                unitId: team.unit.id,
                day,
                stage,
                itemId: `${stage}-1`,
                score: clampScore(random.around(base + lift, 1)),
                anonymous: true,
              },
              at(day, 12, person.name.length % 60),
            ),
          );
        }
      }
    }
  }
  const commented = b.data.feedback.filter((f) => f.comment);
  commented.slice(0, RESPONSES.length).forEach((feedback, i) => {
    b.add(
      'feedbackResponses',
      stamp<Omit<FeedbackResponse, 'createdAt' | 'updatedAt'>>(
        {
          id: `response-${i + 1}`,
          feedbackId: feedback.id,
          unitId: feedback.unitId,
          text: RESPONSES[i]!,
        },
        at(addDays(feedback.day, 2), 9),
      ),
    );
  });

  return b.data;
}

function kpiValue(random: Random, plan: (typeof KPI_PLANS)[number], status: 'green' | 'amber' | 'red'): number {
  const sign = plan.betterWhen === 'higher' ? 1 : -1;
  const band = plan.amberBand ?? 0;
  if (plan.category === 'S') return status === 'green' ? 0 : random.chance(0.8) ? 1 : 2;
  let value: number;
  if (status === 'green') value = plan.target + sign * random.next() * plan.spread;
  else if (status === 'amber') value = plan.target - sign * (0.05 + random.next() * (band - 0.1));
  else value = plan.target - sign * (band + 0.1 + random.next() * plan.spread);
  if (plan.measure === '%') value = Math.min(100, value);
  return Math.round(Math.max(0, value) * 10) / 10;
}

/**
 * A large organisation for the benches: a hospital group or a multi-site manufacturer - one
 * group board over 10 sites, each site with 19 areas and 180 teams (2,001 boards), 20,000
 * people, three years of daily results, actions, escalations, huddles, pulse answers and a
 * coaching cascade whose conversations follow each pair's cadence.
 *
 * Deterministic (the same options give the same records) and streamed: records come in batches
 * so that millions of them never sit in memory at once. `scale` shrinks the number of sites
 * (and so boards and people) for a quick run; the history stays three years.
 */
import {
  addDays,
  daysBetween,
  defaultChecklist,
  type AnyRecord,
  type Day,
  type EntityKind,
  type Kpi,
  type Person,
  type Rating,
  type Unit,
} from '../src/model/index.js';
import { seededRandom } from '../src/demo/random.js';

export interface LargeOrganisationOptions {
  /** The last day of history. */
  today: Day;
  /** 1 = 10 sites, 2,001 boards, 20,000 people; 0.1 = one site. */
  scale?: number;
  years?: number;
  seed?: number;
}

export interface GeneratedRecord {
  kind: EntityKind;
  record: AnyRecord;
}

export const LARGE_ORGANISATION = { sites: 10, areasPerSite: 19, teamsPerSite: 180, people: 20_000 } as const;
const KPIS = [
  { category: 'S', name: 'Incidents and near misses', measure: 'incidents', target: 0, betterWhen: 'lower', aggregate: 'sum' },
  { category: 'Q', name: 'First time right', measure: '%', target: 97, betterWhen: 'higher', amberBand: 2 },
  { category: 'D', name: 'On time', measure: '%', target: 95, betterWhen: 'higher', amberBand: 3 },
  { category: 'C', name: 'Waste cost', measure: '€', target: 400, betterWhen: 'lower', amberBand: 100, aggregate: 'sum' },
  { category: 'P', name: 'Staffing', measure: '%', target: 95, betterWhen: 'higher', amberBand: 3 },
] as const;
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dariusz', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kiri', 'Lena', 'Marco', 'Nadia', 'Omar', 'Priya'];
const LAST = ['Almeida', 'Brandt', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Hughes', 'Ivanova', 'Jensen', 'Kowalski', 'Lind'];
const BATCH = 2000;

const stamped = <T extends object>(fields: T, day: Day, hour = 8): T & { createdAt: string; updatedAt: string } => {
  const at = `${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return { ...fields, createdAt: at, updatedAt: at };
};

/** How many boards and people an organisation of this scale has. */
export function largeOrganisationSize(scale = 1): { sites: number; boards: number; people: number } {
  const sites = Math.max(1, Math.round(LARGE_ORGANISATION.sites * scale));
  return {
    sites,
    boards: 1 + sites * (1 + LARGE_ORGANISATION.areasPerSite + LARGE_ORGANISATION.teamsPerSite),
    people: Math.round((LARGE_ORGANISATION.people * sites) / LARGE_ORGANISATION.sites),
  };
}

/** The organisation's records, `BATCH` at a time: set-up first, then history day by day. */
export function* largeOrganisation(options: LargeOrganisationOptions): Generator<GeneratedRecord[]> {
  const random = seededRandom(options.seed ?? 20261130);
  const { sites, people: peopleTotal } = largeOrganisationSize(options.scale);
  const years = options.years ?? 3;
  const start = addDays(options.today, -Math.round(365 * years) + 1);
  let batch: GeneratedRecord[] = [];
  const out = function* (kind: EntityKind, record: object): Generator<GeneratedRecord[]> {
    batch.push({ kind, record: record as AnyRecord });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  };

  yield* out(
    'org',
    stamped(
      {
        id: 'org',
        name: 'Northgate Health Group',
        locale: 'en-GB',
        tiers: [
          { unit: 'Ward', leader: 'Charge nurse' },
          { unit: 'Department', leader: 'Matron' },
          { unit: 'Hospital', leader: 'Director of nursing' },
          { unit: 'Group', leader: 'Chief nurse' },
        ],
        memberLabel: 'Colleague',
      },
      start,
    ),
  );
  for (const kind of ['huddle-observation', 'coaching-the-coach'] as const) yield* out('checklists', stamped(defaultChecklist(kind), start));

  // ---- boards, their leaders and teams
  const units: Unit[] = [];
  const leaders = new Map<string, Person>();
  const teams: { unit: Unit; people: Person[] }[] = [];
  let named = 0;
  const person = (id: string, unitId: string, role: Person['role']): Person => {
    const n = named++;
    const name = `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${Math.floor(n / (FIRST.length * LAST.length)) + 1}`;
    return stamped({ id, name, unitId, role }, start);
  };
  const board = (fields: Omit<Unit, 'createdAt' | 'updatedAt'>): Unit => {
    const unit = stamped(fields, start);
    units.push(unit);
    leaders.set(unit.id, person(`person-${unit.id}-leader`, unit.id, 'leader'));
    return unit;
  };
  const group = board({ id: 'group', name: 'Northgate Group', tier: 4, huddleAt: '09:30', workingDays: [1, 2, 3, 4, 5] });
  const teamCount = sites * LARGE_ORGANISATION.teamsPerSite;
  // Members fill the organisation up to its number of people, spread evenly over the teams.
  const members = peopleTotal - 1 - sites * (1 + LARGE_ORGANISATION.areasPerSite) - teamCount;
  const membersOf = (team: number) => Math.floor(members / teamCount) + (team < members % teamCount ? 1 : 0);
  for (let s = 1; s <= sites; s++) {
    const site = board({ id: `site-${s}`, name: `Site ${s}`, tier: 3, parentId: group.id, huddleAt: '09:00' });
    const areas = Array.from({ length: LARGE_ORGANISATION.areasPerSite }, (_, a) =>
      board({ id: `site-${s}-area-${a + 1}`, name: `Site ${s} Area ${a + 1}`, tier: 2, parentId: site.id, huddleAt: '08:30' }),
    );
    for (let t = 0; t < LARGE_ORGANISATION.teamsPerSite; t++) {
      const area = areas[t % areas.length]!;
      const unit = board({
        id: `${area.id}-team-${Math.floor(t / areas.length) + 1}`,
        name: `${area.name} Team ${Math.floor(t / areas.length) + 1}`,
        tier: 1,
        parentId: area.id,
        huddleAt: '07:30',
      });
      const team = Array.from({ length: membersOf(teams.length) }, (_, m) => person(`person-${unit.id}-${m + 1}`, unit.id, 'member'));
      teams.push({ unit, people: [leaders.get(unit.id)!, ...team] });
    }
  }
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  for (const unit of units) yield* out('units', unit);
  for (const leader of leaders.values()) yield* out('people', leader);
  for (const team of teams) for (const member of team.people.slice(1)) yield* out('people', member);

  // ---- KPIs: five on every team board; safety and on-time roll up on the boards above
  const kpis: { kpi: Kpi; plan: (typeof KPIS)[number]; quality: number }[] = [];
  for (const unit of units) {
    for (const plan of KPIS) {
      const rollup = unit.tier > 1;
      if (rollup && plan.category !== 'S' && plan.category !== 'D') continue;
      const kpi = stamped({ id: `kpi-${unit.id}-${plan.category}`, unitId: unit.id, ...plan, ...(rollup ? { rollup: true } : {}) }, start) as Kpi;
      yield* out('kpis', kpi);
      if (!rollup) kpis.push({ kpi, plan, quality: 0.55 + random.next() * 0.4 });
    }
  }

  // ---- the coaching cascade: every leader coached by the leader of the board above
  const pairs = units
    .filter((unit) => unit.parentId)
    .map((unit) => {
      const coach = leaders.get(unit.parentId!)!;
      const learner = leaders.get(unit.id)!;
      const kind = unit.tier === 1 ? ('huddle-observation' as const) : ('coaching-the-coach' as const);
      return stamped(
        {
          id: `pair-${unit.id}`,
          coachId: coach.id,
          learnerId: learner.id,
          kind,
          direction: 'down' as const,
          cadenceDays: unit.tier === 1 ? 7 : 14,
          since: start,
        },
        start,
      );
    });
  for (const pair of pairs) yield* out('coachingPairs', pair);
  const checklists = new Map((['huddle-observation', 'coaching-the-coach'] as const).map((kind) => [kind, defaultChecklist(kind)]));
  const nextSession = new Map(pairs.map((pair) => [pair.id, random.int(0, pair.cadenceDays - 1)]));

  // ---- history, day by day
  let actionCount = 0;
  const openActions: { id: string; unitId: string; due: Day; title: string; ownerId: string; raised: Day; escalated?: boolean }[] = [];
  const total = Math.round(365 * years);
  for (let d = 0; d < total; d++) {
    const day = addDays(start, d);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const working = weekday !== 0 && weekday !== 6;
    if (working) {
      for (const { kpi, plan, quality } of kpis) {
        if (random.chance(0.03)) continue; // a day nobody filled in
        const green = random.chance(quality);
        const value =
          plan.category === 'S'
            ? green
              ? 0
              : random.int(1, 2)
            : plan.betterWhen === 'higher'
              ? Math.round((green ? plan.target + random.next() * 3 : plan.target - 1 - random.next() * 8) * 10) / 10
              : Math.round(green ? plan.target * random.next() : plan.target * (1.1 + random.next()));
        yield* out('kpiValues', stamped({ id: `${kpi.id}:${day}`, kpiId: kpi.id, day, value }, day, 16));
      }
      for (const unit of units) {
        yield* out(
          'huddles',
          stamped(
            {
              id: `huddle-${unit.id}-${day}`,
              unitId: unit.id,
              day,
              startedAt: `${day}T07:30:00.000Z`,
              endedAt: `${day}T07:41:00.000Z`,
              partSeconds: { reflect: 300, plan: 240, improve: 120 },
            },
            day,
          ),
        );
      }
    }
    for (const team of teams) {
      // About one new action a team a week; most are closed within a fortnight.
      if (working && random.chance(0.2)) {
        const action = {
          id: `action-${++actionCount}`,
          unitId: team.unit.id,
          title: `Action ${actionCount}`,
          due: addDays(day, random.int(3, 14)),
          ownerId: random.pick(team.people).id,
          raised: day,
        };
        openActions.push(action);
      }
      // Three pulse answers a team a week.
      if (working && random.chance(0.6)) {
        yield* out(
          'feedback',
          stamped({ id: `feedback-${team.unit.id}-${day}`, subject: 'huddle', unitId: team.unit.id, day, score: random.int(2, 5), anonymous: true }, day, 9),
        );
      }
    }
    // An action is written once, as it stands today: done with the day it was done, or open.
    // One left open two days past its date is escalated to the board above now and then.
    for (let i = openActions.length - 1; i >= 0; i--) {
      const action = openActions[i]!;
      const closes = action.due <= day && random.chance(0.5);
      if (!closes && !action.escalated && daysBetween(action.due, day) === 2 && random.chance(0.3)) {
        action.escalated = true;
        const unit = unitsById.get(action.unitId)!;
        const state = daysBetween(day, options.today) > 30 ? 'resolved' : 'open';
        yield* out(
          'escalations',
          stamped(
            {
              id: `escalation-${action.id}`,
              fromUnitId: unit.id,
              toUnitId: unit.parentId!,
              title: action.title,
              reason: 'Needs the area',
              actionId: action.id,
              state,
              stateChangedAt: `${day}T08:00:00.000Z`,
              ...(state === 'resolved' ? { resolution: 'Booked' } : {}),
            },
            day,
          ),
        );
      }
      if (!closes && day !== options.today) continue;
      openActions.splice(i, 1);
      const { raised, escalated, ...fields } = action;
      yield* out(
        'actions',
        stamped(
          {
            ...fields,
            status: closes ? 'done' : 'open',
            ...(closes ? { doneAt: `${day}T10:00:00.000Z` } : {}),
            ...(escalated ? { escalationId: `escalation-${action.id}` } : {}),
          },
          raised,
          7,
        ),
      );
    }
    for (const pair of pairs) {
      const due = nextSession.get(pair.id)!;
      if (d < due) continue;
      nextSession.set(pair.id, d + pair.cadenceDays + random.int(-1, 2));
      const ratings: Record<string, Rating> = {};
      const checklist = checklists.get(pair.kind)!;
      for (const group of checklist.groups) for (const behaviour of group.behaviours) ratings[behaviour.id] = random.int(0, 2) as Rating;
      yield* out(
        'coachingSessions',
        stamped(
          {
            id: `session-${pair.id}-${day}`,
            kind: pair.kind,
            direction: pair.direction,
            coachId: pair.coachId,
            learnerId: pair.learnerId,
            anonymous: false,
            day,
            templateId: checklist.id,
            templateVersion: checklist.version,
            ratings,
            wentWell: 'Started on time',
            evenBetter: 'Let the team speak',
            focus: 'One open question per red figure',
          },
          day,
          9,
        ),
      );
    }
  }
  if (batch.length > 0) yield batch;
}

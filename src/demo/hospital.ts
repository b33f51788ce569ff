/**
 * The hospital demo: St Mary's, two divisions and three wards that work every day of the week.
 * Each ward holds three shift huddles a day (early, late, night), each run by its charge nurse;
 * the ward manager leads the ward and is coached by the division's matron, and coaches the charge
 * nurses in turn. Its figures are patient flow and harm: discharges before noon, beds free at the
 * morning huddle, falls and pressure ulcers. So a hospital sees itself, not a plant.
 */
import {
  addDays,
  daysBetween,
  defaultChecklist,
  type CoachingPair,
  type Day,
  type Kpi,
  type OrgSettings,
  type Rating,
  type Shift,
  type Unit,
} from '../model/index.js';
import { DemoBuilder, at, clampScore, rate, stamp, type Data } from './builder.js';
import { seededRandom } from './random.js';

const HISTORY_DAYS = 60;

const TIERS: OrgSettings['tiers'] = [
  { unit: 'Ward', leader: 'Ward manager' },
  { unit: 'Division', leader: 'Matron' },
  { unit: 'Hospital', leader: 'Director of nursing' },
];

/** The shift huddles of every ward: at handover, run by the shift's charge nurse. */
const SHIFTS = [
  { key: 'early', name: 'Early', hour: 7, minute: 30 },
  { key: 'late', name: 'Late', hour: 14, minute: 30 },
  { key: 'night', name: 'Night', hour: 21, minute: 30 },
] as const;

const WARDS = [
  { key: 'ward-3', name: 'Ward 3 (Surgery)', division: 'surgery', improving: true },
  { key: 'ward-4', name: 'Ward 4 (Surgery)', division: 'surgery', improving: false },
  { key: 'ward-7', name: 'Ward 7 (Medicine)', division: 'medicine', improving: false },
] as const;

type KpiPlan = Pick<Kpi, 'category' | 'name' | 'measure' | 'target' | 'betterWhen' | 'amberBand' | 'aggregate'> & { key: string; rollup: boolean };

const KPIS: KpiPlan[] = [
  { key: 'falls', category: 'S', name: 'Patient falls', measure: 'falls', target: 0, betterWhen: 'lower', aggregate: 'sum', rollup: true },
  { key: 'noon', category: 'D', name: 'Discharges before noon', measure: '%', target: 35, betterWhen: 'higher', amberBand: 5, rollup: true },
  {
    key: 'beds',
    category: 'D',
    name: 'Beds free at the early huddle',
    measure: 'beds',
    target: 2,
    betterWhen: 'higher',
    amberBand: 1,
    aggregate: 'last',
    rollup: false,
  },
  { key: 'ulcers', category: 'Q', name: 'New pressure ulcers', measure: 'cases', target: 0, betterWhen: 'lower', aggregate: 'sum', rollup: true },
];

const FOCUS = [
  'Start with the patients at risk of falling',
  'Ask the night team what they worried about',
  'Name an owner for every delayed discharge',
  'Thank someone by name',
];
const WENT_WELL = ['Started at handover, on time', 'Every bed discussed in five minutes', 'Safety first, before flow', 'The healthcare assistants spoke up'];
const EVEN_BETTER = [
  'Let the student nurse present a patient',
  'Escalate the pharmacy delay today',
  'Keep the board updated before the huddle',
  'Close with the discharge plan',
];

export const HOSPITAL_DEMO_SEED = 20261130;

/** Builds every record of the hospital demo for `today`. */
export function generateHospitalDemo(options: { seed?: number; today: Day }): Data {
  const random = seededRandom(options.seed ?? HOSPITAL_DEMO_SEED);
  const b = new DemoBuilder(random, options.today, HISTORY_DAYS);
  const { today, start } = b;
  const created = at(start, 7);

  b.add(
    'org',
    stamp<Omit<OrgSettings, 'createdAt' | 'updatedAt'>>(
      { id: 'org', name: "St Mary's Hospital", locale: 'en-GB', tiers: TIERS, memberLabel: 'Nurse' },
      created,
    ),
  );
  for (const kind of ['huddle-observation', 'coaching-the-coach'] as const) b.add('checklists', stamp(defaultChecklist(kind), created));

  // ---- the hospital, its divisions and wards (24/7), and their people
  const unit = (fields: Omit<Unit, 'createdAt' | 'updatedAt'>) => b.add('units', stamp<Omit<Unit, 'createdAt' | 'updatedAt'>>(fields, created));
  const hospital = unit({ id: 'unit-st-marys', name: "St Mary's Hospital", tier: 3, huddleAt: '09:00', workingDays: [1, 2, 3, 4, 5, 6, 7] });
  const director = b.person('person-director', hospital.id, 'leader');
  const divisions = {
    surgery: unit({ id: 'unit-surgery', name: 'Surgery', tier: 2, parentId: hospital.id, huddleAt: '08:30' }),
    medicine: unit({ id: 'unit-medicine', name: 'Medicine', tier: 2, parentId: hospital.id, huddleAt: '08:30' }),
  };
  const matrons = {
    surgery: b.person('person-matron-surgery', divisions.surgery.id, 'leader'),
    medicine: b.person('person-matron-medicine', divisions.medicine.id, 'leader'),
  };
  const wards = WARDS.map((plan) => {
    const id = `unit-${plan.key}`;
    // The ward manager first: the board's leader; the charge nurses run the shifts.
    const manager = b.person(`person-${plan.key}-manager`, id, 'leader');
    const chargeNurses = SHIFTS.map((shift) => b.person(`person-${plan.key}-charge-${shift.key}`, id, 'leader'));
    const shifts: Shift[] = SHIFTS.map((shift, i) => ({
      id: shift.key,
      name: shift.name,
      at: `${String(shift.hour).padStart(2, '0')}:${String(shift.minute).padStart(2, '0')}`,
      leaderId: chargeNurses[i]!.id,
    }));
    const ward = unit({ id, name: plan.name, tier: 1, parentId: divisions[plan.division].id, shifts });
    const nurses = Array.from({ length: random.int(6, 8) }, (_, i) => b.person(`person-${plan.key}-nurse-${i + 1}`, id, 'member'));
    return { plan, ward, manager, chargeNurses, nurses };
  });

  // ---- KPIs and their daily results; the divisions roll up what adds up across wards
  const kpi = (unitId: string, key: string, plan: KpiPlan, rollup: boolean) => {
    const { key: _key, rollup: _rollup, ...fields } = plan;
    return b.add(
      'kpis',
      stamp<Omit<Kpi, 'createdAt' | 'updatedAt'>>({ id: `kpi-${key}-${plan.key}`, unitId, ...fields, ...(rollup ? { rollup } : {}) }, created),
    );
  };
  for (const division of Object.values(divisions)) for (const plan of KPIS.filter((k) => k.rollup)) kpi(division.id, division.id.slice(5), plan, true);
  for (const { plan: ward, ward: record } of wards) {
    for (const plan of KPIS) {
      const kpiRecord = kpi(record.id, ward.key, plan, false);
      for (let d = HISTORY_DAYS; d >= 1; d--) {
        const day = addDays(today, -d);
        const t = 1 - d / HISTORY_DAYS;
        const good = random.chance(ward.improving ? 0.55 + 0.35 * t : 0.7);
        const value =
          plan.key === 'falls' || plan.key === 'ulcers'
            ? good || random.chance(0.6)
              ? 0
              : 1
            : plan.key === 'noon'
              ? Math.round(good ? 36 + random.next() * 14 : 20 + random.next() * 14)
              : good
                ? random.int(2, 4)
                : random.int(0, 1);
        b.add('kpiValues', stamp({ id: `${kpiRecord.id}:${day}`, kpiId: kpiRecord.id, day, value }, at(day, 16)));
      }
    }
  }

  // ---- three shift huddles a day on every ward, nights missed more often
  for (const { plan, ward } of wards) {
    for (let d = HISTORY_DAYS - 1; d >= 1; d--) {
      const day = addDays(today, -d);
      for (const shift of SHIFTS) {
        if (random.chance(shift.key === 'night' ? 0.12 : 0.05)) continue;
        const late = random.chance(plan.improving ? 0.1 : 0.25) ? random.int(7, 15) : random.int(-2, 3);
        const startedAt = at(day, shift.hour, shift.minute + late);
        const parts = [random.int(150, 300), random.int(100, 200), random.int(60, 150)] as const;
        const endedAt = new Date(Date.parse(startedAt) + (parts[0] + parts[1] + parts[2]) * 1000).toISOString();
        b.add(
          'huddles',
          stamp(
            {
              id: `huddle-${plan.key}-${day}-${shift.key}`,
              unitId: ward.id,
              day,
              startedAt,
              endedAt,
              shiftId: shift.key,
              partSeconds: { reflect: parts[0], plan: parts[1], improve: parts[2] },
            },
            startedAt,
            endedAt,
          ),
        );
      }
    }
  }

  // ---- the coaching cascade: director -> matrons -> ward managers -> charge nurses
  const since = start;
  const pairs: CoachingPair[] = [];
  const pair = (id: string, coachId: string, learnerId: string, kind: CoachingPair['kind'], cadenceDays: number) =>
    pairs.push(
      b.add(
        'coachingPairs',
        stamp<Omit<CoachingPair, 'createdAt' | 'updatedAt'>>({ id, coachId, learnerId, kind, direction: 'down', cadenceDays, since }, created),
      ),
    );
  for (const [division, matron] of Object.entries(matrons)) pair(`pair-director-${division}`, director.id, matron.id, 'coaching-the-coach', 14);
  for (const { plan, manager, chargeNurses } of wards) {
    pair(`pair-matron-${plan.key}`, matrons[plan.division].id, manager.id, 'huddle-observation', 7);
    chargeNurses.forEach((nurse, i) => pair(`pair-${plan.key}-charge-${SHIFTS[i]!.key}`, manager.id, nurse.id, 'huddle-observation', 14));
  }
  const templates = new Map(b.data.checklists.map((t) => [t.kind, t]));
  const improving = new Set(wards.filter((w) => w.plan.improving).flatMap((w) => [w.manager.id, ...w.chargeNurses.map((n) => n.id)]));
  for (const p of pairs) {
    for (let day = addDays(since, random.int(1, p.cadenceDays)); day < today; day = addDays(day, p.cadenceDays + random.int(-1, 1))) {
      const t = daysBetween(since, day) / HISTORY_DAYS;
      const quality = improving.has(p.learnerId) ? 0.35 + 0.5 * t : 0.62;
      const template = templates.get(p.kind)!;
      const ratings: Record<string, Rating> = {};
      for (const group of template.groups) for (const behaviour of group.behaviours) ratings[behaviour.id] = rate(random, quality);
      b.add(
        'coachingSessions',
        stamp(
          {
            id: `session-${p.id}-${day}`,
            kind: p.kind,
            direction: p.direction,
            coachId: p.coachId,
            learnerId: p.learnerId,
            anonymous: false,
            day,
            templateId: template.id,
            templateVersion: template.version,
            ratings,
            wentWell: random.pick(WENT_WELL),
            evenBetter: random.pick(EVEN_BETTER),
            focus: random.pick(FOCUS),
            followUpDate: addDays(day, p.cadenceDays),
          },
          at(day, 10),
        ),
      );
    }
  }

  // ---- the huddle pulse after the early huddle
  let answers = 0;
  for (const { plan, ward } of wards) {
    for (let d = HISTORY_DAYS - 1; d >= 1; d--) {
      const day = addDays(today, -d);
      if (!random.chance(0.5)) continue;
      const mean = plan.improving ? 3 + 1.2 * (1 - d / HISTORY_DAYS) : 3.5;
      for (let n = random.int(2, 4); n > 0; n--) {
        b.add(
          'feedback',
          stamp(
            {
              id: `feedback-${plan.key}-${++answers}`,
              subject: 'huddle' as const,
              unitId: ward.id,
              day,
              score: clampScore(random.around(mean, 1.1)),
              anonymous: true,
            },
            at(day, 8),
          ),
        );
      }
    }
  }

  // ---- what the wards are working on, and what they sent up
  const ward3 = wards[0]!;
  const actions = [
    ['Replace the bed alarm in bay 2', 5, ward3.chargeNurses[0]!.id],
    ['Pharmacy round before 10:00 for discharges', -2, ward3.manager.id],
    ['Falls risk check at every night handover', 3, ward3.chargeNurses[2]!.id],
  ] as const;
  actions.forEach(([title, dueIn, ownerId], i) =>
    b.add(
      'actions',
      stamp(
        { id: `action-${ward3.plan.key}-${i + 1}`, unitId: ward3.ward.id, title, ownerId, due: addDays(today, dueIn), status: 'open' as const },
        at(addDays(today, -4), 8),
      ),
    ),
  );
  b.add(
    'escalations',
    stamp(
      {
        id: 'escalation-ward-3-porters',
        fromUnitId: ward3.ward.id,
        toUnitId: divisions.surgery.id,
        title: 'No porter for discharges after 16:00',
        reason: 'Needs another department',
        state: 'open' as const,
        stateChangedAt: at(addDays(today, -2), 9),
      },
      at(addDays(today, -2), 9),
    ),
  );
  return b.data;
}

/**
 * What both demo organisations are built with: a record collection, stamped records, a person
 * generator with unique names, and local times on a day.
 */
import { addDays, type AnyRecord, type Day, type EntityKind, type EntityMap, type Feedback, type Person, type Rating } from '../model/index.js';
import type { Random } from './random.js';

export type Data = { [K in EntityKind]: EntityMap[K][] };
const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloé',
  'Dariusz',
  'Elif',
  'Femi',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kiri',
  'Lena',
  'Marco',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tanvi',
  'Ugo',
  'Vera',
  'Wei',
  'Yusuf',
  'Zofia',
  'Aiden',
  'Bea',
  'Carlos',
  'Dana',
  'Emeka',
];
const LAST_NAMES = [
  'Almeida',
  'Brandt',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'García',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lind',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Umar',
  'Varga',
  'Walsh',
  'Xu',
  'Yilmaz',
  'Zimmer',
];

/** Local time on a day as an ISO timestamp. */
export function at(day: Day, hour: number, minute = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute).toISOString();
}

export function stamp<T extends object>(fields: T, createdAt: string, updatedAt = createdAt): T & { createdAt: string; updatedAt: string } {
  return { ...fields, createdAt, updatedAt };
}

export class DemoBuilder {
  readonly data: Data = {
    org: [],
    units: [],
    people: [],
    kpis: [],
    kpiValues: [],
    actions: [],
    escalations: [],
    experiments: [],
    resourceNeeds: [],
    attendance: [],
    huddles: [],
    recognitions: [],
    coachingSessions: [],
    coachingPairs: [],
    checklists: [],
    feedback: [],
    feedbackResponses: [],
  };
  readonly #usedNames = new Set<string>();
  readonly start: Day;

  constructor(
    readonly random: Random,
    readonly today: Day,
    historyDays: number,
  ) {
    this.start = addDays(today, -historyDays);
  }

  add<K extends EntityKind>(kind: K, record: EntityMap[K]): EntityMap[K] {
    (this.data[kind] as AnyRecord[]).push(record);
    return record;
  }

  personName(): string {
    for (;;) {
      const name = `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`;
      if (!this.#usedNames.has(name)) {
        this.#usedNames.add(name);
        return name;
      }
    }
  }

  person(id: string, unitId: string, role: Person['role']): Person {
    return this.add('people', stamp({ id, name: this.personName(), unitId, role }, at(this.start, 8)));
  }
}

export function clampScore(x: number): Feedback['score'] {
  return Math.min(5, Math.max(1, Math.round(x))) as Feedback['score'];
}

/** A rating whose mean over many behaviours approaches `quality` x 2. */
export function rate(random: Random, quality: number): Rating {
  const x = random.around(quality * 2, 0.9);
  return (x < 0.5 ? 0 : x < 1.5 ? 1 : 2) as Rating;
}

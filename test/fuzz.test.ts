/**
 * Property-based checks (fast-check): no kiosk address and no import file, however mangled,
 * may end in anything but a working configuration / complete import, or a message that says
 * what is wrong - never a crash (a blank screen) and never a partial import.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ConfigError, parseConfig } from '../kiosk/config.js';
import { ImportError, parseImport } from '../src/model/backup-file.js';
import { generateDemoOrganisation } from '../src/demo/index.js';
import { toExportFile } from '../src/model/backup-file.js';
import { deleteTestDatabases, freshStore } from './helpers/store.js';
import { exportData, importData } from '../src/store/whole-database.js';

const KEYS = ['unit', 'views', 'rotate', 'theme', 'locale', 'quiet', 'pin', 'lock', 'server', 'token', 'colour', ''];

describe('fuzz: kiosk addresses', () => {
  it('every query string gives a configuration or a ConfigError naming a key', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...KEYS), fc.string()),
            fc.oneof(
              fc.string(),
              fc.integer().map(String),
              fc.constantFrom('wall', 'board,cascade', '60', 'de', 'http://127.0.0.1:8787', 'he_abcdefghijklmnopqrstuv', 'javascript:alert(1)'),
            ),
          ),
          { maxLength: 6 },
        ),
        fc.oneof(fc.constant(undefined), fc.object(), fc.array(fc.anything()), fc.string()),
        (pairs, file) => {
          const query = new URLSearchParams(pairs);
          try {
            const config = parseConfig(file, query);
            expect(config.views.length).to.be.greaterThan(0);
          } catch (error) {
            expect(error, String(error)).to.be.instanceOf(ConfigError);
            expect((error as ConfigError).message).to.contain((error as ConfigError).key);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('fuzz: import files', function () {
  // Each run checks a whole demo organisation (5,000 records): 300 runs take about 10 s on a
  // shared two-core machine, which is the default limit.
  this.timeout(60000);
  afterEach(deleteTestDatabases);
  const valid = toExportFile(generateDemoOrganisation({ today: '2026-11-21' }));

  it('a mangled export is imported whole or rejected with an ImportError, never anything else', () => {
    const kinds = Object.keys(valid.data) as (keyof typeof valid.data)[];
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat(), fc.string(), fc.anything(), (kind, index, field, value) => {
        const file = structuredClone(valid) as unknown as { data: Record<string, Record<string, unknown>[]> };
        const list = file.data[kind]!;
        if (list.length > 0) list[index % list.length]![field || 'id'] = value;
        try {
          parseImport(file);
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text is rejected with an ImportError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything()), (file) => {
        try {
          parseImport(file);
          expect.fail('an arbitrary value was accepted as an export');
        } catch (error) {
          expect(error, String(error)).to.be.instanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rejected import changes nothing in the store', async () => {
    const store = freshStore();
    await importData(store, valid);
    const before = canonical((await exportData(store)).data);
    const samples = fc.sample(fc.tuple(fc.nat(), fc.string({ minLength: 1 }), fc.anything()), 15);
    for (const [index, field, value] of samples) {
      const file = structuredClone(valid) as unknown as { data: Record<string, Record<string, unknown>[]> };
      file.data['actions']![index % file.data['actions']!.length]![field] = value;
      await importData(store, file).catch((error: Error) => expect(error).to.be.instanceOf(ImportError));
      const after = canonical((await exportData(store)).data);
      // Either the mutation was harmless and the file imported whole, or nothing changed at all.
      expect([before, canonical(parseImportSafe(file))]).to.include(after);
      if (after !== before) await importData(store, valid);
    }
  });
});

/**
 * The data as one comparable string. Records are ordered by id because the store exports in
 * key order while a file keeps its own order: a mutated but valid id (fast-check does find
 * them) moves a record without changing what was imported.
 */
function canonical(data: unknown): string {
  if (data === null || typeof data !== 'object') return JSON.stringify(data);
  const sorted = Object.entries(data as Record<string, { id: string }[]>).map(([kind, records]) => [
    kind,
    [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  ]);
  return JSON.stringify(Object.fromEntries(sorted));
}

function parseImportSafe(file: unknown): unknown {
  try {
    return parseImport(file).data;
  } catch {
    return null;
  }
}

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citationProblem,
  deriveCorrespondences,
  determine,
  type ControlEntry,
  type ControlList,
  type DeterminationData,
} from '@entente/core';
import { loadDeterminationData } from '../licensing-data/load-determination-data.ts';
import { PostgresControlStore } from '../store/postgres-control-store.ts';
import { hasSharedData, SHARED_DATA } from '../test-support/shared-data.ts';
import { storeTargets, type TestStore } from '../test-support/store-targets.ts';
import { catalogueLookup } from './catalogue-entry-lookup.ts';
import { ControlCatalogue } from './control-catalogue.ts';
import { latestVersions, loadControlLists, readAllControlLists } from './load-control-lists.ts';

const EU_ACT = 'Regulation (EU) 2021/821 Annex I as amended by Delegated Regulation (EU) 2025/2003';
const ANNEX = 'dkmcustoms-web/dual-use-v1, data/annex_i_en_2025-11.json';
const UK_DUAL_USE = 'Council Regulation (EC) No 428/2009, Annex I, as amended (assimilated law';
const SCHEDULE_2 = 'Export Control Order 2008 (SI 2008/3231), Schedule 2';
const SCHEDULE_3 = 'Export Control Order 2008 (SI 2008/3231), Schedule 3';

/**
 * EU Annex I paragraphs as read in the consolidated text of 2025-11-15
 * (the file above, paged through with the search tool's read_file):
 * [entry, its parent, the paragraph of the text that shows it].
 */
const EU_PARENTS: [string, string, string][] = [
  ['0A001.a', '0A001', '0A001 a. "Nuclear reactors"'],
  ['0A001.k', '0A001', "0A001 k. 'External thermal shields'"],
  ['0B001.b', '0B001', '0B001 b. gas centrifuges and assemblies and components'],
  ['0B001.i', '0B001', '0B001 i. plasma separation process'],
  ['1C450.a', '1C450', '1C450 a. Toxic chemicals, as follows'],
  ['1C450.a.1', '1C450.a', '1C450 a.1. Amiton'],
  ['1C450.a.2', '1C450.a', '1C450 a.2. PFIB'],
  ['1C450.a.7', '1C450.a', '1C450 a.7. Chloropicrin'],
  ['1C450.b', '1C450', '1C450 Notes 1–2 to .b.1. to .b.6.'],
  ['1C450.b.2', '1C450.b', '1C450 b.2. N,N-Dialkyl phosphoramidic dihalides'],
  ['1C450.b.8', '1C450.b', '1C450 b.8. Methyldiethanolamine'],
  ['1E002.g', '1E002', '1E002 g. "Libraries"'],
  ['2A001.c', '2A001', '2A001 c. Active magnetic bearing systems'],
  ['2A225.c', '2A225', '2A225 c. Crucibles ... coated with tantalum carbide'],
  ['3A001.a', '3A001', '3A001 a. General purpose integrated circuits'],
  ['3A001.a.1', '3A001.a', '3A001 a.1. radiation hardened integrated circuits'],
  ['3A001.a.6', '3A001.a', '3A001 a.6. Electro-optical and "optical integrated circuits"'],
  ['3A001.a.9', '3A001.a', '3A001 a.9. Neural network integrated circuits'],
  ['3A001.a.14', '3A001.a', '3A001 a.14. Integrated circuits that perform analogue-to-digital conversions'],
  ['3A001.b', '3A001', '3A001 b. Microwave or millimetre wave items'],
  ['3A001.b.1', '3A001.b', '3A001 b.1. "Vacuum electronic devices" and cathodes'],
  ['3A001.b.12', '3A001.b', "3A001 b.12. 'Transmit/receive modules'"],
  ['3A001.c.1', '3A001.c', '3A001 c.1. Surface acoustic wave devices'],
  ['3A001.d', '3A001', '3A001 d. superconductive devices and circuits'],
  ['3A001.e.4', '3A001.e', '3A001 e.4. "space-qualified" solar cells'],
  ['3A001.f', '3A001', '3A001 f. Rotary input type absolute position encoders'],
  ['3A001.g', '3A001', '3A001 g. pulsed power switching thyristor devices'],
  ['3A001.h', '3A001', "3A001 h. Solid-state power semiconductor switches, diodes, or 'modules'"],
  ['3A001.i', '3A001', '3A001 i. electro-optic modulators'],
  ['3A002.g', '3A002', '3A002 g. Atomic frequency standards'],
  ['3A201.c', '3A201', '3A201 c. Flash X-ray generators'],
  ['3A228.b', '3A228', '3A228 b. Triggered spark-gaps'],
  ['3A233.f', '3A233', '3A233 f. microfluorination ion source'],
  ['3A501.a.16', '3A501.a', "3A501 a.16. 'Total Processing Performance' of 6 000 or more"],
  ['3A504.b', '3A504', '3A504 b. Two-stage pulse tube cryocoolers'],
  ['3B001.a.2', '3B001.a', '3B001 a.2. MOCVD reactors'],
  ['5A002.a', '5A002', "5A002 a. 'cryptography for data confidentiality'"],
  ['5A002.a.4', '5A002.a', '5A002 a.4. non-primary function'],
  ['5A002.b', '5A002', "5A002 b. 'cryptographic activation token'"],
  ['5A002.c', '5A002', '5A002 c. "quantum cryptography"'],
  ['5A002.d', '5A002', '5A002 d. ultra-wideband channelising codes'],
  ['5A002.e', '5A002', '5A002 e. spreading code for "spread spectrum" systems'],
  ['5A004.b', '5A004', "5A004 b. 'Extract raw data'"],
  ['9A004.a', '9A004', '9A004 a. Space launch vehicles'],
  ['9A004.b', '9A004', '9A004 b. "Spacecraft"'],
  ['9A004.d', '9A004', '9A004 d. "Spacecraft mission equipment"'],
  ['9A004.e.3', '9A004.e', '9A004 e.3. Attitude and orbit control'],
  ['9A004.f.2', '9A004.f', "9A004 f.2. 'verification of operational procedures'"],
  ['9A004.g', '9A004', '9A004 g. air-launch platforms'],
  ['9A004.h', '9A004', '9A004 h. "Sub-orbital craft"'],
  ['9A006.h', '9A006', '9A006 h. One-piece carbon-carbon thrust chambers'],
  ['9A010.d', '9A010', '9A010 d. Pulsed liquid rocket engines'],
];

/** Paragraphs that are not entries: "Not used" in the text, or notes the reference file mislabels. */
const EU_ABSENT: [string, string][] = [
  ['3A001.a.4', '3A001 a.4. Not used'],
  ['3A001.b.6', '3A001 b.6. Not used'],
  ['3A002.b', '3A002 b. Not used'],
  ['3A002.d.includes', 'a note the reference file labels as a code (3A002.d Note 1)'],
  ['3A233.e', '3A233 e. Not used'],
  ['3A232.a', '3A232 a. Not used'],
];

/** UK entries: [entry, act cited, destinations (undefined: every one), status, where it was read]. */
const UK_ENTRIES: [string, string, string[] | undefined, 'verified' | 'unverified', string][] = [
  [
    '3A001',
    UK_DUAL_USE,
    undefined,
    'verified',
    'ECO 2008 art. 2(1) "the assimilated dual-use Regulation"; ratings.csv',
  ],
  ['9A004', UK_DUAL_USE, undefined, 'verified', 'ECO 2008 art. 2(1); ratings.csv'],
  ['ML1', SCHEDULE_2, undefined, 'verified', 'gov.uk: UK Military List is Schedule 2; ratings.csv ML1'],
  ['ML22', SCHEDULE_2, undefined, 'verified', 'gov.uk: UK Military List is Schedule 2; ratings.csv ML22'],
  ['PL5017', SCHEDULE_2, undefined, 'verified', 'ratings.csv PL5017 "specified in this Schedule"'],
  ['PL8001', SCHEDULE_3, undefined, 'unverified', 'transcription of the 2025-12-16 list, national controls'],
  ['PL9002', SCHEDULE_3, undefined, 'unverified', 'transcription: PL9002 prohibited to any destination'],
  ['PL9005', SCHEDULE_3, ['IR'], 'unverified', 'transcription: PL9005 prohibited to Iran'],
  [
    'PL9006',
    SCHEDULE_3,
    ['AF', 'IQ'],
    'unverified',
    'transcription: PL9006 prohibited to Afghanistan or Iraq',
  ],
  ['PL9008', SCHEDULE_3, ['IR'], 'unverified', 'transcription: PL9008 (Iran vessels)'],
  ['PL9009', SCHEDULE_3, ['IR'], 'unverified', 'transcription: PL9009 prohibited to Iran'],
  ['PL9012', SCHEDULE_3, ['RU'], 'unverified', 'transcription: PL9012 prohibited to Russia'],
  ['PL9013', SCHEDULE_3, undefined, 'unverified', 'ratings.csv lists PL9013 without a description'],
  ['PL9014', SCHEDULE_3, undefined, 'unverified', 'no readable text: placeholder'],
  ['PL9015', SCHEDULE_3, undefined, 'unverified', 'no readable text: placeholder'],
];

/** An arbitrary citation, sound or not, to check `citationProblem` against. */
const anyCitation = fc.record(
  {
    act: fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ minLength: 1 })),
    provision: fc.oneof(fc.constant(''), fc.string({ minLength: 1 })),
    readFrom: fc.oneof(fc.constant(''), fc.string({ minLength: 1 })),
    status: fc.constantFrom('verified', 'unverified', 'maybe', ''),
  },
  { requiredKeys: ['status'] },
);

describe('citationProblem', () => {
  it('accepts exactly the citations with act, provision and a status that says where the text was read', () => {
    fc.assert(
      fc.property(anyCitation, (c) => {
        const sound =
          !!c.act?.trim() &&
          !!c.provision?.trim() &&
          (c.status === 'unverified' || (c.status === 'verified' && !!c.readFrom?.trim()));
        const problem = citationProblem({ citation: c as unknown as ControlEntry['citation'] });
        expect(problem === undefined).toBe(sound);
      }),
    );
    expect(citationProblem({} as Pick<ControlEntry, 'citation'>)).toBe('lacks a citation');
  });
});

describe.skipIf(!hasSharedData())('citations on every loaded control list', () => {
  let all: ControlList[];
  let latest: ControlList[];
  const entry = (list: string, code: string, version?: string) =>
    all
      .filter((l) => l.id === list && (!version || l.version === version))
      .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0]
      ?.entries.find((e) => e.code === code);

  beforeAll(async () => {
    all = await readAllControlLists(SHARED_DATA);
    latest = latestVersions(all);
  });

  it('gives every entry of every list a sound citation (property over all entries)', () => {
    const entries = all.flatMap((l) => l.entries);
    expect(entries.length).toBeGreaterThan(5000);
    const bad = entries.filter((e) => citationProblem(e) !== undefined).map((e) => `${e.list}:${e.code}`);
    expect(bad).toEqual([]);
    fc.assert(
      fc.property(fc.constantFrom(...entries), (e) => {
        expect(e.citation.status === 'verified' || e.citation.status === 'unverified').toBe(true);
        if (e.citation.status === 'verified') expect(e.citation.readFrom).toBeTruthy();
      }),
    );
  });

  it('cites the US CCL as read from the mirror of the eCFR of 2026-07-23', () => {
    expect(entry('US', '3A001.a.1')?.citation).toMatchObject({
      act: '15 CFR Part 774, Supplement No. 1 (Commerce Control List)',
      provision: 'ECCN 3A001, paragraph .a.1',
      readOn: '2026-07-23',
      status: 'verified',
    });
    expect(entry('US', '3A001.a.1')?.citation.readFrom).toContain('controls/us/ccl.json');
  });

  it('marks regime code-tree items as unverified and cites the LITE tree they come from', () => {
    const m = entry('MTCR', 'M1A1')!;
    expect(m.citation.status).toBe('unverified');
    expect(m.citation.readFrom).toContain('MTCR_Cat_1_regimes.csv');
    expect(entry('WA', '3.A.1')?.citation.status).toBe('unverified');
    expect(entry('AG', 'CHEM-PRECURSORS')?.citation.status).toBe('unverified');
  });

  it.each(EU_PARENTS)('EU:%s sits under %s (%s)', (code, parent, _paragraph) => {
    const e = entry('EU', code, '2025-11-15');
    expect(e?.parent).toBe(parent);
    expect(e?.citation).toMatchObject({ act: EU_ACT, provision: `entry ${code}`, status: 'verified' });
    expect(e?.citation.readFrom).toContain(ANNEX);
  });

  it.each(EU_ABSENT)('EU:%s is not an entry (%s)', (code) => {
    expect(entry('EU', code, '2025-11-15')).toBeUndefined();
  });

  it('keeps the 382 top-level codes and reads 1C450.b apart from 1C450.a.1', () => {
    expect(
      all.find((l) => l.id === 'EU' && l.version === '2025-11-15')!.entries.filter((e) => !e.parent),
    ).toHaveLength(382);
    expect(entry('EU', '1C450.a.1')?.heading).toMatch(/Amiton/);
    expect(entry('EU', '1C450.b')?.heading).toMatch(/precursors/);
    expect(entry('EU', '1C450.b.1')?.citation.status).toBe('unverified');
  });

  it('marks the 2024-11-15 Annex I, whose text was not found, as unverified', () => {
    expect(entry('EU', '3A001', '2024-11-15')?.citation.status).toBe('unverified');
    expect(entry('EU', '9A004.a', '2024-11-15')?.parent).toBe('9A004');
  });

  it.each(UK_ENTRIES)('UK:%s rests on %s, scope %j, %s (%s)', (code, act, destinations, status) => {
    const e = entry('UK', code)!;
    expect(e.citation.act.startsWith(act)).toBe(true);
    expect(e.source.act.startsWith(act)).toBe(true);
    expect(e.destinations).toEqual(destinations);
    expect(e.citation.status).toBe(status);
  });

  it('no longer cites Regulation (EU) 2021/821 for any UK entry', () => {
    const uk = latest.find((l) => l.id === 'UK')!;
    expect(uk.entries.filter((e) => /2021\/821/.test(e.citation.act + e.source.act))).toEqual([]);
  });

  it('keeps deriving the crosswalk with the new EU paragraphs', () => {
    const links = deriveCorrespondences(latest);
    const has = (a: string, b: string) =>
      links.some((c) => (c.from === a && c.to === b) || (c.from === b && c.to === a));
    expect(has('EU:3A001.a.6', 'US:3A001.a.6')).toBe(true);
    expect(has('EU:5A002.c', 'US:5A002.c')).toBe(true);
  });

  describe('determine --jurisdiction UK with the catalogue', () => {
    let data: DeterminationData;
    beforeAll(async () => {
      const catalogue = new ControlCatalogue(latest, deriveCorrespondences(latest));
      data = await loadDeterminationData(SHARED_DATA, { lookup: catalogueLookup(catalogue) });
    });
    const run = (item: string, to: string) => determine(data, { jurisdiction: 'UK', item, to });

    it.each([
      ['PL9014', 'FR', 'licence-required'],
      ['PL9014', 'US', 'licence-required'],
      ['PL9002', 'US', 'licence-required'],
      ['PL9005', 'IR', 'licence-required'],
      ['PL9005', 'FR', 'no-licence-required'],
      ['PL9006', 'IQ', 'licence-required'],
      ['PL9012', 'DE', 'no-licence-required'],
    ])('UK %s to %s: %s', (item, to, outcome) => {
      expect(run(item, to).outcome).toBe(outcome);
    });

    it('asks to check an unverified entry and cites its Schedule', () => {
      const d = run('PL9014', 'FR');
      expect(d.questions.join(' ')).toMatch(/PL9014 could not be read \(UNVERIFIED\)/);
      expect(d.citations.join(' ')).toContain('Schedule 3');
      expect(run('3A001', 'US').citations.join(' ')).toContain('Council Regulation (EC) No 428/2009');
    });
  });
});

describe.skipIf(!hasSharedData()).each(storeTargets())('citations through the store on $name', (target) => {
  let store: TestStore;
  let stored: ControlList[];

  beforeAll(async () => {
    store = await target.open();
    const controls = new PostgresControlStore(store.kysely);
    await loadControlLists(controls, { mirrorDir: SHARED_DATA });
    stored = await controls.controlLists();
  }, 240_000);
  afterAll(() => store?.close());

  it('returns every entry with its citation as loaded', () => {
    const entries = stored.flatMap((l) => l.entries);
    expect(entries.filter((e) => citationProblem(e) !== undefined)).toEqual([]);
    const eu = stored.find((l) => l.id === 'EU')!.entries.find((e) => e.code === '1C450.a.1')!;
    expect(eu.citation).toMatchObject({ act: EU_ACT, status: 'verified', readOn: '2026-12-03' });
    const uk = stored.find((l) => l.id === 'UK')!.entries.find((e) => e.code === 'PL9006')!;
    expect(uk).toMatchObject({ destinations: ['AF', 'IQ'], citation: { status: 'unverified' } });
  });
});

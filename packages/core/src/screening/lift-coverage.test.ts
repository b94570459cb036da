import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildParty, type Party, type PartySchema } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { CANDIDATE_CAP, DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

const party = (i: number, full: string, schema: PartySchema = 'organization'): Party =>
  buildParty({ source: 'test', sourceId: `o${i}`, schema, names: [{ full, quality: 'primary' }] });

// Listed names, and beside them names sharing their words, so that the words are not all rare.
const LISTED = [
  'HAMOUN COMPANY',
  'HOMAYOUN',
  'ISLAMIC STATE OF IRAQ AND THE LEVANT - LIBYA',
  'ISLAMIC STATE OF IRAQ AND THE LEVANT - YEMEN',
  'ISLAMIC REVOLUTIONARY GUARD CORPS GROUND FORCES',
  'VYATSKOYE MASHINOSTROITELNOYE PREDPRIYATIYE AVITEK',
  'SCIENTIFIC ENGINEERING CORPORATION',
  'TARVESH TRADING LINES',
  'LIBYA TRADING COMPANY',
  'GROUND FORCES SUPPLY COMPANY',
  'AVITEK AIRCRAFT ENGINEERING',
  'HAMOUN TRADING LINES',
];
const FILLER = ['Olga Petrova', 'Ivan Sidorov', 'Pavel Orlov', 'Irina Volkova'];
const index = buildScreeningIndex(
  [...LISTED.map((n, i) => party(i, n)), ...FILLER.map((n, i) => party(100 + i, n, 'person'))].map((p) => ({
    party: p,
  })),
  DEFAULT_NAME_REFERENCE,
);
const nameOf = new Map(LISTED.map((n, i) => [`test:o${i}`, n]));

/** The listed names a screening at the default threshold (default cap) returns for `query`. */
function matched(query: string): string[] {
  return screenParty(index, { name: query, schema: 'organization' }, { limit: 50 })
    .map((m) => nameOf.get(m.entityId) ?? m.entityId)
    .sort();
}

describe('name-level lifts at the default threshold', () => {
  it.each([
    // A listed organisation name contained in the query with generic words only.
    ['HAMOUN INSTITUTE', 'HAMOUN COMPANY'],
    ['HOMAYOUN SHIPPING COMPANY LIMITED', 'HOMAYOUN'],
    // An acronym of the listed name's words, another distinctive word shared.
    ['ISIL-LIBYA', 'ISLAMIC STATE OF IRAQ AND THE LEVANT - LIBYA'],
    ['IRGC GROUND FORCES', 'ISLAMIC REVOLUTIONARY GUARD CORPS GROUND FORCES'],
    ['AO VMP AVITEK', 'VYATSKOYE MASHINOSTROITELNOYE PREDPRIYATIYE AVITEK'],
  ])('%s matches %s', (query, listed) => {
    expect(matched(query)).toContain(listed);
  });

  it.each([
    // Another distinctive word, not a generic one.
    ['HAMOUN INSTITUTE', 'HAMOUN TRADING LINES'],
    ['TARVESH SHIPPING', 'TARVESH TRADING LINES'],
    // The acronym's run is there, the other distinctive word is not.
    ['ISIL-LIBYA', 'ISLAMIC STATE OF IRAQ AND THE LEVANT - YEMEN'],
    // The shared words are there, the acronym spells nothing of the listed name.
    ['IRGC GROUND FORCES', 'GROUND FORCES SUPPLY COMPANY'],
  ])('%s does not match %s', (query, listed) => {
    expect(matched(query)).not.toContain(listed);
  });
});

/** The matches at 0.5 with the largest cap that reach `threshold` and a screening at `threshold` leaves out. */
function lostAt(query: { name: string; schema?: PartySchema }, threshold: number): string[] {
  const at = new Set(
    screenParty(index, query, { threshold, limit: 100, candidateCap: CANDIDATE_CAP }).map((m) => m.entityId),
  );
  return screenParty(index, query, { threshold: 0.5, limit: 100, candidateCap: CANDIDATE_CAP })
    .filter((m) => m.score >= threshold && !at.has(m.entityId))
    .map((m) => `${m.entityId} ${m.score}`);
}

const thresholds = fc.constantFrom(0.7, 0.8, DEFAULT_SCREENING_THRESHOLD, 0.9);

describe('screening at a threshold and the candidate search', () => {
  it('returns every match a screening at 0.5 with the largest cap finds at or above the threshold, for organisation queries with generic words and acronyms', () => {
    const word = fc.constantFrom(
      'hamoun',
      'homayoun',
      'libya',
      'avitek',
      'tarvesh',
      'isil',
      'irgc',
      'vmp',
      'ground',
      'forces',
      'company',
      'institute',
      'shipping',
      'trading',
      'engineering',
      'scientific',
      'industrial',
      'and',
      'the',
      'al',
    );
    fc.assert(
      fc.property(fc.array(word, { minLength: 2, maxLength: 5 }), thresholds, (words, threshold) => {
        expect(lostAt({ name: words.join(' '), schema: 'organization' }, threshold)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('does so for queries of no schema: a listed name with generic words, connectors and articles', () => {
    // Words of seven letters or more, or generic: an acronym is owed to organisation queries only.
    const listed = fc.constantFrom('homayoun', 'vyatskoye mashinostroitelnoye predpriyatiye');
    const word = fc.constantFrom(
      'company',
      'institute',
      'shipping',
      'trading',
      'engineering',
      'and',
      'the',
      'al',
    );
    fc.assert(
      fc.property(
        listed,
        fc.array(word, { minLength: 1, maxLength: 3 }),
        thresholds,
        (name, words, threshold) => {
          expect(lostAt({ name: [name, ...words].join(' ') }, threshold)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('screening at a threshold, names of no given kind with legal forms', () => {
  // Listed with no kind, some with a legal form (a body's name, an organisation pair whatever
  // the schema: the scorer, the bound and the candidate search must read them alike).
  const unknownListed = [
    'HAMOUN TRADING COMPANY LLC',
    'HOMAYOUN',
    'HOMAYOUN LTD',
    'TARVESH ENGINEERING GMBH',
    'TARVESH',
    'AVITEK SHIPPING 2 LTD',
    'AVITEK SHIPPING',
    'Hamoun Tarvesh',
  ];
  const unknownIndex = buildScreeningIndex(
    [
      ...unknownListed.map((n, i) => party(200 + i, n, 'unknown')),
      ...FILLER.map((n, i) => party(300 + i, n, 'person')),
    ].map((p) => ({ party: p })),
    DEFAULT_NAME_REFERENCE,
  );

  it('returns every match a screening at 0.5 with the largest cap finds at or above the threshold', () => {
    const word = fc.constantFrom(
      'hamoun',
      'homayoun',
      'tarvesh',
      'avitek',
      'shipping',
      'trading',
      'engineering',
      'company',
      'international',
      '2',
      '3',
    );
    const form = fc.constantFrom('', 'ltd', 'llc', 'gmbh', 'limited');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        form,
        thresholds,
        (words, legal, threshold) => {
          const query = { name: [...words, legal].join(' ').trim() };
          const at = new Set(
            screenParty(unknownIndex, query, { threshold, limit: 100, candidateCap: CANDIDATE_CAP }).map(
              (m) => m.entityId,
            ),
          );
          const lost = screenParty(unknownIndex, query, {
            threshold: 0.5,
            limit: 100,
            candidateCap: CANDIDATE_CAP,
          })
            .filter((m) => m.score >= threshold && !at.has(m.entityId))
            .map((m) => `${m.entityId} ${m.score}`);
          expect(lost).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('a listed person name contained in a longer query', () => {
  const persons = buildScreeningIndex(
    ['Muhammad Ashraf', ...FILLER].map((n, i) => ({ party: party(200 + i, n, 'person') })),
    DEFAULT_NAME_REFERENCE,
  );

  it('is found when the extra parts hold a particle with its word (three parts, four words)', () => {
    const found = screenParty(persons, {
      name: 'Ashraf Muhammad Yusuf Uthman Abdul Salam',
      schema: 'person',
    });
    expect(found.map((m) => m.entityId)).toContain('test:o200');
  });
});

import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, mayMatchNames, screenParty } from './screen-party.ts';

const putin: Party = buildParty({
  source: 'us-ofac-sdn',
  sourceId: '35096',
  schema: 'person',
  names: [
    { full: 'PUTIN, Vladimir Vladimirovich', quality: 'primary' },
    { full: 'Владимир Владимирович Путин', quality: 'strong', script: 'Cyrl' },
  ],
  birthDates: [{ value: '1952-10-07', precision: 'day' }],
  countries: [{ code: 'RU', role: 'nationality' }],
  programs: ['RUSSIA-EO14024'],
});
const vessel: Party = buildParty({
  source: 'us-ofac-sdn',
  sourceId: '1',
  schema: 'vessel',
  names: [
    { full: 'OCEAN STAR', quality: 'primary' },
    { full: 'STAR', quality: 'weak' },
  ],
  identifiers: [{ type: 'imo', value: '9187629' }],
});
const index = buildScreeningIndex(
  [{ party: putin, versionId: 7 }, { party: vessel }],
  DEFAULT_NAME_REFERENCE,
);

describe('screenParty', () => {
  it('returns the listed and the matched name with explained features', () => {
    const [hit] = screenParty(index, { name: 'Путин Владимир', birthDate: '1952', country: 'RU' });
    expect(hit).toMatchObject({
      source: 'us-ofac-sdn',
      sourceId: '35096',
      entityId: 'us-ofac-sdn:35096',
      name: 'PUTIN, Vladimir Vladimirovich',
      schema: 'person',
      programs: ['RUSSIA-EO14024'],
      versionId: 7,
    });
    expect(hit!.score).toBeGreaterThan(0.9);
    expect(hit!.features).toHaveProperty('nameSimilarity');
    expect(hit!.features.birthDateMatch).toBeGreaterThan(0);
    expect(hit!.features.countryMatch).toBeGreaterThan(0);
    expect(hit!.explanation.length).toBeGreaterThanOrEqual(3);
  });

  it('lowers the score on a birth-date conflict', () => {
    const agree = screenParty(index, { name: 'Vladimir Putin', birthDate: '1952-10-07' })[0]!.score;
    const conflict = screenParty(index, { name: 'Vladimir Putin', birthDate: '1980' }, { threshold: 0 })[0]!
      .score;
    expect(conflict).toBeLessThan(agree - 0.15);
  });

  it('treats an exact identifier match as decisive', () => {
    const [hit] = screenParty(index, { name: 'Unknown Ship', identifiers: ['IMO 9187629'] });
    expect(hit?.entityId).toBe('us-ofac-sdn:1');
    expect(hit!.features.identifierMatch).toBeGreaterThan(0);
    expect(hit!.score).toBeGreaterThanOrEqual(0.99);
  });

  it('filters by source and honours the limit', () => {
    expect(screenParty(index, { name: 'Vladimir Putin', sources: ['un-sc'] })).toEqual([]);
    expect(screenParty(index, { name: 'Vladimir Putin' }, { limit: 1 })).toHaveLength(1);
  });

  it('scores only the given entities, each exactly as an unrestricted screening does', () => {
    const namesake = (sourceId: string, full: string) =>
      buildParty({ source: 'test', sourceId, schema: 'person', names: [{ full, quality: 'primary' }] });
    const local = buildScreeningIndex(
      [
        putin,
        namesake('a', 'Vladimir Putin'),
        namesake('b', 'Vladimir V. Putin'),
        namesake('c', 'Putin Vladimir'),
      ].map((party) => ({ party })),
      DEFAULT_NAME_REFERENCE,
    );
    const query = { name: 'Vladimir Putin', country: 'RU' };
    const only = new Set(['test:b', 'us-ofac-sdn:35096']);
    const all = screenParty(local, query, { threshold: 0.5 });
    expect(all.length).toBeGreaterThan(only.size);
    expect(screenParty(local, query, { threshold: 0.5, entities: only })).toEqual(
      all.filter((m) => only.has(m.entityId)),
    );
  });

  it('says a query may match a party on its names only when the name-score bound lets one be scored', () => {
    const putinNames = index.get('us-ofac-sdn:35096')!.names;
    const vesselNames = index.get('us-ofac-sdn:1')!.names;
    // A match: the bound lets its names through (the Cyrillic query too, through its original script).
    for (const name of ['Vladimir Putin', 'Путин Владимир', 'Putin Vladimir V.'])
      expect(mayMatchNames(index, { name }, putinNames)).toBe(true);
    // Words the names do not share cannot reach the threshold; a shared word alone neither.
    expect(mayMatchNames(index, { name: 'Vladimir Putin' }, vesselNames)).toBe(false);
    expect(mayMatchNames(index, { name: 'Ocean Breeze Shipping Trading Company' }, vesselNames)).toBe(false);
    expect(
      screenParty(index, { name: 'Ocean Breeze Shipping Trading Company' }, { threshold: 0.86 }),
    ).toEqual([]);
    // An identifier shared with the party matches whatever the names.
    expect(mayMatchNames(index, { name: 'Unknown Ship', identifiers: ['IMO 9187629'] }, vesselNames)).toBe(
      true,
    );
    expect(mayMatchNames(index, { name: 'Unknown Ship', identifiers: ['IMO 1234567'] }, vesselNames)).toBe(
      false,
    );
    // A lower threshold lets more through.
    expect(mayMatchNames(index, { name: 'Ocean Stir' }, vesselNames, 0.5)).toBe(true);
  });

  it('scores with OFAC Sanctions List Search semantics in ofac mode', () => {
    const [hit] = screenParty(index, { name: 'VLADIMIR PUTIN' }, { algorithm: 'ofac' });
    expect(hit?.score).toBe(1);
    expect(hit?.features).toHaveProperty('ofacNameParts');
  });

  it("keeps a Hangul query one syllable off the party's own Hangul spelling below the threshold", () => {
    const party = buildParty({
      source: 'test',
      sourceId: 'k',
      schema: 'person',
      names: [
        { full: 'HONG Sung Mu', quality: 'primary' },
        { full: '홍승무', quality: 'strong', script: 'Hang' },
      ],
    });
    const local = buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
    const own = screenParty(local, { name: '홍승무' }, { threshold: 0 })[0]!;
    const other = screenParty(local, { name: '롱승무' }, { threshold: 0 })[0]!;
    expect(own.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    expect(other.score).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
    expect(other.features.syllableConflict).toBeLessThan(0);
  });

  describe('weak aliases (a spelling of one still matches; another name does not)', () => {
    const party = buildParty({
      source: 'test',
      sourceId: 'w',
      schema: 'person',
      names: [
        { full: 'Karim Yusuf Mahdi', quality: 'primary' },
        { full: 'Abu Salim al Tunisi', quality: 'weak' },
        { full: 'Bogorora', quality: 'weak' },
      ],
    });
    const local = buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
    const score = (name: string): number =>
      screenParty(local, { name, schema: 'person' }, { threshold: 0 })[0]?.score ?? 0;
    // Should match: each scored 0.83-0.85 under the former weak-alias weight (−0.05).
    it.each([
      ['a one-word weak alias spelled with one vowel changed', 'Bogarora'],
      ['the kunya of a weak alias without its nisba', 'Abu Salim'],
    ])('matches %s', (_why, name) => {
      expect(score(name)).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    });
    it.each([
      ['another given name after the same kunya particle', 'Abu Karim al Tunisi'],
      ['the same kunya with another nisba', 'Abu Salim al Libi'],
      ['a one-word weak alias with two letters changed', 'Bugarura'],
    ])('does not match %s', (_why, name) => {
      expect(score(name)).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
    });
  });

  it('rejects an out-of-range threshold as invalid input', () => {
    expect(() => screenParty(index, { name: 'x' }, { threshold: 2 })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    );
  });

  it('patches the index when a party is removed and added again', () => {
    const local = buildScreeningIndex([{ party: putin }], DEFAULT_NAME_REFERENCE);
    expect(local.remove('us-ofac-sdn:35096')).toBe(true);
    expect(screenParty(local, { name: 'Vladimir Putin' })).toEqual([]);
    local.add(putin, 8);
    expect(screenParty(local, { name: 'Vladimir Putin' })[0]?.versionId).toBe(8);
  });
});

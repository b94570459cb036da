import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { compareTokens } from './compare-tokens.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { NAME_CLASS_CASES } from './name-match-classes.cases.ts';
import { NAME_MATCH_CASES, type NameMatchCase } from './name-match.cases.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

function expectCase({ query, listed, aliases, parts, match, schema, listedSchema }: NameMatchCase): void {
  const party = buildParty({
    source: 'test',
    sourceId: '1',
    schema: listedSchema ?? schema ?? 'person',
    names: [
      { full: listed, quality: 'primary', ...(parts ? { parts } : {}) },
      ...(aliases ?? []).map((full) => ({ full, quality: 'strong' as const })),
    ],
  });
  const index = buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
  const hits = screenParty(index, { name: query, schema: schema ?? 'person' }, { threshold: 0 });
  const score = hits[0]?.score ?? 0;
  if (match) expect(score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  else expect(score).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
}

describe('name matching quality', () => {
  it.each(NAME_MATCH_CASES)('$query vs $listed: match=$match ($why)', expectCase);
});

describe('name matching quality by class of issue 14', () => {
  it.each(NAME_CLASS_CASES)('class $cls: $query vs $listed: match=$match ($why)', expectCase);
});

describe('reference groups', () => {
  const reference = {
    ...DEFAULT_NAME_REFERENCE,
    nicknames: { bob: ['Bob', 'Robert'] },
    nameSpellings: { putin: ['putin', 'putyin', 'путин'] },
  };
  const ref = compileNameReference(reference);

  it('scores spellings of one name almost as the same spelling, above a nickname', () => {
    expect(compareTokens('putyin', 'putin', ref)).toEqual({ similarity: 0.98, kind: 'symbol' });
    expect(compareTokens('bob', 'robert', ref)).toEqual({ similarity: 0.95, kind: 'symbol' });
  });

  it('scores the kasra written e and i as one edit, only between words of four letters or more', () => {
    expect(compareTokens('qassem', 'qasim', ref)).toEqual({ similarity: 0.88, kind: 'fuzzy' });
    expect(compareTokens('reed', 'red', ref).similarity).toBeLessThan(0.88);
  });

  it('scores the qaf written g and the dhal written th as one edit, only against q and dh', () => {
    expect(compareTokens('gaddafi', 'qadhafi', ref)).toEqual({ similarity: 0.88, kind: 'fuzzy' });
    expect(compareTokens('ghathafi', 'qadhafi', ref)).toEqual({ similarity: 0.88, kind: 'fuzzy' });
    expect(compareTokens('gerry', 'kerry', ref).similarity).toBeLessThan(0.88);
    expect(compareTokens('smith', 'smid', ref).similarity).toBeLessThan(0.88);
  });

  it("finds a surname given alone in another language's spelling", () => {
    const party = buildParty({
      source: 'test',
      sourceId: '1',
      schema: 'person',
      names: [{ full: 'Vladimir Putin', quality: 'primary' }],
    });
    const index = buildScreeningIndex([{ party }], reference);
    const [hit] = screenParty(index, { name: 'Putyin', schema: 'person' });
    expect(hit?.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it('reads a spelling written with its article as the name without it too', () => {
    // Invented names: the group's spellings hold "al-Zabarti" (two words) but not "Zabarti".
    const withArticle = compileNameReference({
      ...DEFAULT_NAME_REFERENCE,
      nameSpellings: { zbrt: ['ZABARTY', 'al-Zabarti', 'abu Zabirti'] },
    });
    expect(compareTokens('zabarti', 'zabarty', withArticle)).toEqual({ similarity: 0.98, kind: 'symbol' });
    expect(compareTokens('zabarti', 'zbrt', withArticle).similarity).toBe(0.98);
    // Only an article is let go: "abu Zabirti" does not make "zabirti" a spelling of the group.
    expect(compareTokens('zabirti', 'zabarty', withArticle).similarity).toBeLessThan(0.95);
    const party = buildParty({
      source: 'test',
      sourceId: '1',
      schema: 'person',
      names: [{ full: 'Salim Zabarti', quality: 'primary' }],
    });
    const index = buildScreeningIndex([{ party }], {
      ...DEFAULT_NAME_REFERENCE,
      nameSpellings: { zbrt: ['ZABARTY', 'al-Zabarti'] },
    });
    const [hit] = screenParty(index, { name: 'AL-ZABARTI, Salim', schema: 'person' });
    expect(hit?.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });
});

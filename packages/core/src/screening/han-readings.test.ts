import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { compareNames } from './compare-names.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { hanReadingVariants } from './han-readings.ts';
import type { HanReadings, NameReference } from './name-reference.ts';
import { normalizeName } from './normalize-name.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';

/** A tiny invented reading table (the real one is loaded by the adapters). */
const readings: HanReadings = {
  korean: new Map(
    Object.entries({
      金: '금',
      正: '정',
      恩: '은',
      龍: '룡',
      陳: '진',
      山: '산',
      田: '전',
      太: '태',
      郎: '랑',
      史: '사',
    }),
  ),
  koreanFamily: new Map([['金', '김']]),
  japaneseFamily: new Map([
    ['山田', ['yamada', 'yamata']],
    ['金', ['kin']],
  ]),
  japaneseGiven: new Map([['太郎', ['taro']]]),
};
const reference: NameReference = { ...DEFAULT_NAME_REFERENCE, hanReadings: readings };

function topScore(query: string, listed: string): number {
  const party = buildParty({
    source: 't',
    sourceId: '1',
    schema: 'person',
    names: [{ full: listed, quality: 'primary' }],
  });
  const index = buildScreeningIndex([{ party }], reference);
  return screenParty(index, { name: query, schema: 'person' }, { threshold: 0 })[0]?.score ?? 0;
}

describe('hanReadingVariants', () => {
  it('reads a Korean name in hanja with the family-name reading of its first character', () => {
    expect(hanReadingVariants('金正恩', readings)).toEqual(['김정은']);
  });

  it('reads a Japanese name as a known family name followed by a known given name', () => {
    expect(hanReadingVariants('山田太郎', readings)).toEqual(['산전태랑', 'yamada taro', 'yamata taro']);
    expect(hanReadingVariants('山田 太郎', readings)).toContain('yamada taro');
  });

  it('takes a final one-character run as the family name when the name is written given name first', () => {
    expect(hanReadingVariants('金龍 陳', readings)).toEqual(['금룡 진']);
  });

  it('gives nothing for one character, mixed scripts or unknown characters', () => {
    expect(hanReadingVariants('金', readings)).toEqual([]);
    expect(hanReadingVariants('Jin Tiesan (金铁三)', readings)).toEqual([]);
    expect(hanReadingVariants('習近', readings)).toEqual([]);
  });

  it('adds the readings to person names only', () => {
    expect(normalizeName('金正恩', reference, 'person').readings).toEqual([['kim', 'jong', 'un']]);
    expect(normalizeName('金正恩', reference, 'organization').readings).toBeUndefined();
    expect(normalizeName('金正恩', DEFAULT_NAME_REFERENCE, 'person').readings).toBeUndefined();
  });

  it('keeps every syllable of a reading, even one spelled like a legal form', () => {
    // 史 reads 사 "sa"; a name of unknown type must not lose it as SA (société anonyme).
    expect(normalizeName('金史', reference).readings).toContainEqual(['kim', 'sa']);
  });
});

describe('screening with Han readings', () => {
  it.each([
    ['金正恩', 'Kim Jong Un', 'Korean reading of a hanja query'],
    ['Kim Jong-un', '金正恩', 'Korean reading of a listed hanja alias'],
    ['山田太郎', 'Yamada Taro', 'Japanese reading of a kanji query'],
    ['YAMADA, Taro', '山田太郎', 'Japanese reading of a listed kanji alias'],
    ['金正恩', 'Jin Zhengen', 'the pinyin is still compared'],
  ])('%s matches %s (%s)', (query, listed) => {
    expect(topScore(query, listed)).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
  });

  it.each([
    ['金龍 陳', 'Kim Myong Jin', '金 is read as a family name only in family-name position'],
    ['山田太郎', 'Yamada Hanako', 'same family name, other given name'],
    ['金正恩', 'Kim Jong Il', 'one syllable differs'],
    ['Kin Taro', '山田太郎', 'a reading of another name'],
  ])('%s does not match %s (%s)', (query, listed) => {
    expect(topScore(query, listed)).toBeLessThan(DEFAULT_SCREENING_THRESHOLD);
  });

  it('says which reading matched', () => {
    const party = buildParty({
      source: 't',
      sourceId: '1',
      schema: 'person',
      names: [{ full: 'Kim Jong Un', quality: 'primary' }],
    });
    const index = buildScreeningIndex([{ party }], reference);
    const [hit] = screenParty(index, { name: '金正恩', schema: 'person' });
    expect(hit?.explanation[0]).toBe('Han characters read as "kim jong un"');
  });

  it('compares the readings in compareNames too, and explains with the reading', () => {
    const compiled = compileNameReference(reference);
    const c = compareNames(
      normalizeName('金正恩', reference),
      normalizeName('KIM Jong Un', reference),
      compiled,
    );
    expect(c.score).toBe(1);
    expect(c.pairs.map((p) => p.query)).toEqual(['kim', 'jong', 'un']);
  });
});

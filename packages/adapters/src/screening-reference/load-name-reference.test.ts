import { readFileSync } from 'node:fs';
import {
  compareNames,
  compileNameReference,
  DEFAULT_NAME_REFERENCE,
  normalizeName,
  ofacNameScore,
} from '@entente/core';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import { loadNameReference } from './load-name-reference.ts';

describe.skipIf(!hasSharedData())('loadNameReference on the real reference data', async () => {
  const reference = hasSharedData() ? await loadNameReference(sharedDataPath()) : DEFAULT_NAME_REFERENCE;
  const compiled = compileNameReference(reference);

  it('reads every legal form, symbol group, nickname and title', () => {
    expect(reference.orgTypes).toHaveLength(466);
    expect(Object.keys(reference.orgSymbols).length).toBeGreaterThan(50);
    expect(reference.nicknames.bob).toEqual(['Bob', 'Robert']);
    expect(reference.titles).toContain('Mr');
    expect(reference.confusables).toContainEqual(['0', 'o']);
  });

  it('makes OOO, LLC and Limited Liability Company the same legal form', () => {
    const forms = ['OOO Alfa', 'Alfa LLC', 'Alfa Limited Liability Company', 'ООО «Альфа»'].map((n) =>
      normalizeName(n, reference, 'organization'),
    );
    for (const f of forms) expect(f.legalForms).toEqual(['LLC']);
    expect(compareNames(forms[0]!, forms[1]!, compiled).score).toBe(1);
  });

  it('matches Putin in Japanese through the cross-language symbols', () => {
    const c = compareNames(normalizeName('プーチン', reference), normalizeName('Putin', reference), compiled);
    expect(c.score).toBeGreaterThan(0.9);
  });

  const score = (query: string, listed: string): number =>
    compareNames(
      normalizeName(query, reference, 'person'),
      normalizeName(listed, reference, 'person'),
      compiled,
    ).score;

  it.each([
    ['金正恩', 'Kim Jong Un', 'Sino-Korean reading, 金 as a family name'],
    ['Kim Jong-un', '金正恩', 'listed hanja alias against a Latin query'],
    ['文在寅', 'Moon Jae-in', 'Sino-Korean reading with the customary surname spelling'],
    ['山田太郎', 'Yamada Taro', 'Japanese family and given name readings'],
    ['田中花子', 'TANAKA, Hanako', 'Japanese readings, name order'],
    ['Kishida Fumio', '岸田文雄', 'listed kanji alias against a Latin query'],
    ['习近平', 'Xi Jinping', 'pinyin still counts'],
  ])('matches %s with %s (%s)', (query, listed) => {
    expect(score(query, listed)).toBeGreaterThanOrEqual(0.86);
  });

  it.each([
    ['山田太郎', 'Yamada Hanako', 'same family name, other given name'],
    ['田中花子', 'Tanaka Kazuko', 'same family name, other given name'],
    ['金正恩', 'Kim Jong Il', 'one syllable differs'],
    ['金龍 陳', 'Kim Myong Jin', '金 read as a family name only in family-name position'],
    ['Akira Kurosawa', '李明', 'a reading shares one word only'],
  ])('does not match %s with %s (%s)', (query, listed) => {
    expect(score(query, listed)).toBeLessThan(0.86);
  });

  it('falls back to the built-in reference when the directory is missing', async () => {
    expect(await loadNameReference('/nonexistent/dir')).toBe(DEFAULT_NAME_REFERENCE);
  });
});

describe.skipIf(!hasSharedData())('OFAC-compatible score on ofac_fixtures.csv', () => {
  const rows = hasSharedData()
    ? (parse(readFileSync(sharedDataPath('eval', 'ofac_fixtures.csv'), 'utf8'), { columns: true }) as Record<
        string,
        string
      >[])
    : [];

  it('is within 5 points of OFAC on at least 95 % of the scored rows', () => {
    const scored = rows.filter((r) => Number(r.ofac_score) >= 0);
    const close = scored.filter(
      (r) =>
        Math.abs(
          Math.round(ofacNameScore(r.query_name!, r.result_name!).score * 100) - Number(r.ofac_score),
        ) <= 5,
    );
    expect(scored).toHaveLength(164);
    expect(close.length).toBeGreaterThanOrEqual(156);
  });

  it.each(rows.filter((r) => r.ofac_score === '-1'))(
    'does not return $result_name for $query_name at 80',
    (row) => {
      expect(ofacNameScore(row.query_name!, row.result_name!).score).toBeLessThan(0.8);
    },
  );
});

import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { GENERIC_ORGANISATION_WORDS, ORGANISATION_WORD_GROUPS } from './organisation-words.ts';
import { ORGANISATION_TRANSLATIONS } from './organisation-translations.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { DEFAULT_SCREENING_THRESHOLD, screenParty } from './screen-party.ts';
import { tokenizeName } from './tokenize-name.ts';

const organisation = (id: string, name: string) =>
  buildParty({
    source: 'test',
    sourceId: id,
    schema: 'organization',
    names: [{ full: name, quality: 'primary' }],
  });

describe('translated words of organisation names', () => {
  const index = buildScreeningIndex(
    [
      organisation('1', 'Army of Karimabad'),
      organisation('2', 'Karimabad Trading Company'),
      organisation('3', 'Islamic Front of Qaradagh and the Levant'),
      organisation('4', 'Islamic Front of Qaradagh'),
      organisation('5', 'Nadir Relief Foundation'),
    ].map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );

  it('finds the name written with the translation at the default threshold, and says which word was translated', () => {
    const [hit] = screenParty(index, { name: 'Jaish Karimabad', schema: 'organization' });
    expect(hit?.entityId).toBe('test:1');
    expect(hit!.score).toBeGreaterThanOrEqual(DEFAULT_SCREENING_THRESHOLD);
    expect(hit!.features.translatedWord).toBeGreaterThan(0);
    expect(hit!.explanation.join('\n')).toMatch(/word translated: jaish = army/);
    const sum = Object.values(hit!.features).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(hit!.score, 2);
  });

  it('ranks the name with the translated word above the shorter name it contains', () => {
    const hits = screenParty(index, { name: 'Islamic Front of Qaradagh and Syria', schema: 'organization' });
    expect(hits[0]?.entityId).toBe('test:3');
    expect(hits[0]!.features.translatedWord).toBeGreaterThan(0);
  });

  it('does not translate when nothing distinctive is shared besides', () => {
    const hits = screenParty(index, { name: 'Army of Nadirabad', schema: 'organization' });
    expect(hits.filter((h) => h.entityId === 'test:1')).toEqual([]);
  });

  it('keeps each word in one group, one token long, and apart from the generic organisation words', () => {
    const generic = new Set([
      ...Object.values(ORGANISATION_WORD_GROUPS).flat(),
      ...GENERIC_ORGANISATION_WORDS,
    ]);
    const seen = new Set<string>();
    for (const words of Object.values(ORGANISATION_TRANSLATIONS)) {
      for (const word of words) {
        expect(tokenizeName(word)).toEqual([word]);
        expect(seen.has(word)).toBe(false);
        expect(generic.has(word)).toBe(false);
        seen.add(word);
      }
    }
  });
});

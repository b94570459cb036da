import { describe, expect, it } from 'vitest';
import { buildParty, type Party } from '../model/party.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { resolveTranscription } from './resolve-transcription.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { MAX_TRANSCRIBED_WORD, spellSegments, transcriptionSpellings } from './transcription-spellings.ts';

/** A transcribed word (in the context of a whole name) and a Latin spelling it must be read as. */
const SPELLINGS: [name: string, word: number, spelling: string, why: string][] = [
  ['블라디미르 푸틴', 0, 'vladimir', 'Hangul: ㅂ for v, ㅡ breaking the cluster, ㄹㄹ one l'],
  ['블라디미르 푸틴', 1, 'putin', 'Hangul: plain syllables'],
  ['블라디미로비치', 0, 'vladimirovich', 'Hangul: a final 치 writes ch'],
  ['세르게이 이바노프', 0, 'sergei', 'Hangul: 르 a bare r'],
  ['세르게이 이바노프', 1, 'ivanov', 'Hangul: a final 프 writes Russian -v'],
  ['ウラジーミル・プーチン', 0, 'vladimir', 'katakana: initial ウ before a consonant is v, l/r, ジ for di'],
  ['ウラジーミル・プーチン', 1, 'putin', 'katakana: チ for ti, long vowel dropped'],
  ['セルゲイ・イワノフ', 0, 'sergei', 'katakana: the vowel after a bare consonant dropped'],
  ['セルゲイ・イワノフ', 1, 'ivanov', 'katakana: ワ for va, フ for a final v'],
  ['ドミトリー・メドベージェフ', 0, 'dmitri', 'katakana: o after d and t dropped'],
  ['弗拉基米尔·普京', 0, 'vladimir', 'Chinese transcription characters (foreign name: middle dot)'],
  ['谢尔盖·伊万诺夫', 0, 'sergei', 'Chinese: 尔 a bare r'],
  ['谢尔盖·伊万诺夫', 1, 'ivanov', 'Chinese: 夫 a final v'],
  ['ဗလာဒီမီယာ ပူတင်', 0, 'vladimir', 'Burmese: ဗ for v, a final ယာ for r'],
  ['ဗလာဒီမီယာ ပူတင်', 1, 'putin', 'Burmese: တင် rhymes in'],
  ['Βλαντίμιρ Πούτιν', 0, 'vladimir', 'Greek: ντ for d'],
  ['Μπόρις Τζόνσον', 0, 'boris', 'Greek: μπ for b'],
];

describe('transcriptionSpellings', () => {
  it.each(SPELLINGS)('%s: word %i may be read as %s (%s)', (name, word, spelling) => {
    const words = transcriptionSpellings(name);
    expect(words?.[word]?.spellings).toContain(spelling);
  });

  it('puts the most literal reading first', () => {
    expect(transcriptionSpellings('ウラジーミル・プーチン')?.[0]?.spellings[0]).toBe('urajimiru');
    expect(transcriptionSpellings('블라디미르 푸틴')?.[0]?.spellings[0]).toBe('bladimir');
  });

  it('reads a katakana run written into kanji or Latin letters as a word of its own', () => {
    const words = (name: string) => transcriptionSpellings(name)?.map((w) => w.word);
    expect(words('株式会社ドラヴィン')).toEqual(['株式会社', 'ドラヴィン']);
    expect(words('NPOカレトヴァ工場')).toEqual(['NPO', 'カレトヴァ', '工場']);
    expect(transcriptionSpellings('株式会社ドラヴィン')?.[1]?.spellings).toContain('dravin');
    // The long mark belongs to the katakana run: ヴァーナ is one word.
    expect(words('有限会社ヴァーナ')).toEqual(['有限会社', 'ヴァーナ']);
  });

  it('leaves names in other scripts, and Chinese names without a middle dot, alone', () => {
    expect(transcriptionSpellings('Vladimir Putin')).toBeUndefined();
    expect(transcriptionSpellings('Владимир Путин')).toBeUndefined();
    expect(transcriptionSpellings('习近平')).toBeUndefined();
    expect(transcriptionSpellings('')).toBeUndefined();
    expect(transcriptionSpellings('Νικόλαος')).toBeUndefined();
  });

  it('reads only words short enough to be name parts, and a bounded number of them', () => {
    const at = (n: number) => transcriptionSpellings('블'.repeat(n));
    expect(at(MAX_TRANSCRIBED_WORD)?.[0]?.spellings.length).toBeGreaterThan(1);
    expect(at(MAX_TRANSCRIBED_WORD + 1)).toBeUndefined();
    expect(
      transcriptionSpellings('블라디미르 '.repeat(100))?.filter((w) => w.spellings.length > 0),
    ).toHaveLength(6);
  });

  it('keeps at most the beam of spellings, cheapest first', () => {
    const segments = Array.from({ length: 20 }, () => ['a', 'b', 'c']);
    const out = spellSegments(segments, 100);
    expect(out).toHaveLength(100);
    expect(out[0]).toBe('a'.repeat(20));
  });
});

const person = (sourceId: string, names: string[]): Party =>
  buildParty({
    source: 'test-list',
    sourceId,
    schema: 'person',
    names: names.map((full, k) => ({ full, quality: k === 0 ? 'primary' : 'strong' })),
  });

const index = buildScreeningIndex(
  [
    person('putin', ['PUTIN, Vladimir Vladimirovich', 'Vladimir Putin']),
    person('ivanov', ['IVANOV, Sergei Borisovich']),
    person('solodov', ['SOLODOV, Vladimir Viktorovich']),
    person('medvedev', ['MEDVEDEV, Dmitri Anatolyevich']),
    person('lugo', ['LUGO ARMAS, Bladimir Humberto']),
    person('kim', ['KIM Jong Un']),
  ].map((party) => ({ party })),
  DEFAULT_NAME_REFERENCE,
);

/** Screening a transcribed name: the listed party it must find above the default threshold, or must not. */
const SCREENING: [query: string, sourceId: string, match: boolean][] = [
  ['블라디미르 블라디미로비치 푸틴', 'putin', true],
  ['블라디미르 푸틴', 'putin', true],
  ['ウラジーミル・プーチン', 'putin', true],
  ['弗拉基米尔·普京', 'putin', true],
  ['ဗလာဒီမီယာ ပူတင်', 'putin', true],
  ['Βλαντίμιρ Βλαντίμιροβιτς Πούτιν', 'putin', true],
  ['세르게이 이바노프', 'ivanov', true],
  ['セルゲイ・イワノフ', 'ivanov', true],
  ['谢尔盖·伊万诺夫', 'ivanov', true],
  ['ドミトリー・メドベージェフ', 'medvedev', true],
  ['블라디미르 루고', 'lugo', true],
  // A shared given name alone is not a match.
  ['ウラジーミル・プーチン', 'solodov', false],
  ['블라디미르 푸틴', 'solodov', false],
  ['세르게이 이바노프', 'putin', false],
  ['ドミトリー・メドベージェフ', 'putin', false],
  ['김정은', 'putin', false],
];

describe('screening transcribed foreign names', () => {
  it.each(SCREENING)('%s → %s: %s', (name, sourceId, match) => {
    const hits = screenParty(index, { name, schema: 'person' });
    expect(hits.some((h) => h.sourceId === sourceId)).toBe(match);
  });

  it('says how the name was read', () => {
    const [hit] = screenParty(index, { name: 'ウラジーミル・プーチン' });
    expect(hit?.sourceId).toBe('putin');
    expect(hit?.explanation[0]).toBe('transcribed foreign name read as "vladimir putin"');
  });

  it('reads each word as the spelling the lists hold: the most literal and the most listed', () => {
    expect(resolveTranscription(index, '블라디미르 푸틴')).toEqual(['bladimir putin', 'vladimir putin']);
    expect(resolveTranscription(index, 'Vladimir Putin')).toEqual([]);
    expect(resolveTranscription(index, '알수없음')).toEqual([]);
  });
});

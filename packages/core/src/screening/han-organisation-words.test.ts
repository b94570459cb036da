import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { HAN_ORGANISATION_WORDS, readHanOrganisationWords } from './han-organisation-words.ts';
import type { NameReference } from './name-reference.ts';
import { normalizeName } from './normalize-name.ts';

const forms = new Set(['株式会社', '有限公司']);
const words = (text: string): string[] => readHanOrganisationWords(text, forms).trim().split(/\s+/);

/** The default reference with the Chinese legal form 有限公司 (LLC), as the mirror's reference reads it. */
const withChineseForm: NameReference = {
  ...DEFAULT_NAME_REFERENCE,
  orgTypes: [...DEFAULT_NAME_REFERENCE.orgTypes, { display: 'LLC', generic: 'LLC', aliases: ['有限公司'] }],
};

describe('readHanOrganisationWords', () => {
  it('reads the generic words at the end of a Han run in English, longest first', () => {
    expect(words('明泽研究所')).toEqual(['明泽', 'research', 'institute']);
    expect(words('明泽集团有限公司')).toEqual(['明泽', 'group', '有限公司']);
    expect(words('株式会社ヴォルナ電子科学研究所')).toEqual([
      '株式会社ヴォルナ',
      'electronic',
      'scientific',
      'research',
      'institute',
    ]);
  });

  it('reads them at the start of a run and beside katakana, Latin letters and digits', () => {
    expect(words('中央ヴォルナ')).toEqual(['central', 'ヴォルナ']);
    expect(words('株式会社カレトヴァ工場')).toEqual(['株式会社カレトヴァ', 'plant']);
    expect(words('株式会社第140 修理工場')).toEqual(['株式会社第140', 'repair', 'plant']);
  });

  it('leaves a word inside a run, between characters that are no such word, as written', () => {
    expect(words('明工場泽')).toEqual(['明工場泽']);
  });

  it('leaves a name without such words, or with legal forms only, as given', () => {
    expect(readHanOrganisationWords('明泽有限公司', forms)).toBe('明泽有限公司');
    expect(readHanOrganisationWords('Volna Plant', forms)).toBe('Volna Plant');
    expect(readHanOrganisationWords('明泽', forms)).toBe('明泽');
  });

  it('leaves a name of generic words and legal forms only as given: it names no body', () => {
    expect(readHanOrganisationWords('研究所', forms)).toBe('研究所');
    expect(readHanOrganisationWords('株式会社中央設計局', forms)).toBe('株式会社中央設計局');
    expect(readHanOrganisationWords('株式会社電子科学研究所', forms)).toBe('株式会社電子科学研究所');
  });

  it('holds words of two Han characters or more, each read as English letters', () => {
    for (const [han, english] of Object.entries(HAN_ORGANISATION_WORDS)) {
      expect(Array.from(han).length).toBeGreaterThanOrEqual(2);
      expect(han).toMatch(/^\p{Script=Han}+$/u);
      expect(english).toMatch(/^[a-z]+( [a-z]+)?$/);
    }
  });
});

describe('normalizeName with Han organisation words', () => {
  it('reads an organisation name written in hanzi with its generic word in English', () => {
    expect(normalizeName('明泽集团有限公司', withChineseForm, 'organization')).toMatchObject({
      tokens: ['ming', 'ze', 'group'],
      legalForms: ['LLC'],
    });
  });

  it('reads no syllable of a Han character as a legal form of one word in another language', () => {
    // 玉 is read "yu", as the reference writes the Korean 유한회사 in Latin letters.
    const reference: NameReference = {
      ...withChineseForm,
      orgTypes: [...withChineseForm.orgTypes, { display: 'YH', generic: 'LLC', aliases: ['yu'] }],
    };
    expect(normalizeName('玉泽集团有限公司', reference, 'organization').tokens).toEqual([
      'yu',
      'ze',
      'group',
    ]);
    expect(normalizeName('Yu Trading', reference, 'organization').legalForms).toEqual(['LLC']);
  });

  it('reads no Han word of a person name', () => {
    expect(normalizeName('中央明', DEFAULT_NAME_REFERENCE, 'person').tokens).toEqual([
      'zhong',
      'yang',
      'ming',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { compareNames } from './compare-names.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { describeFeatures } from './feature-table.ts';
import { genderedForm, soundsAlike } from './name-form-conflicts.ts';
import { normalizeName } from './normalize-name.ts';

describe('genderedForm', () => {
  it.each([
    ['michel', 'michelle'],
    ['daniel', 'daniela'],
    ['karim', 'karima'],
    ['martin', 'martina'],
    ['jean', 'jeanne'],
    ['julien', 'julienne'],
  ])('reads %s / %s as one name in two genders', (short, long) => {
    expect(genderedForm(short, long)).toBe(true);
  });

  it.each([
    ['othman', 'othmane', 'a final e alone (French romanisation of Arabic)'],
    ['fatima', 'fatimah', 'a final h'],
    ['musa', 'musaa', 'after a vowel'],
    ['ali', 'alia', 'a word of three letters'],
    ['emanuel', 'emmanuel', 'a letter inside the word'],
    ['michel', 'michelin', 'another ending'],
    ['karim', 'karimaa', 'two letters'],
    ['baranov', 'baranova', "a Slavic surname's feminine a (lists write a woman's surname either way)"],
    ['ukhnalev', 'ukhnaleva', "a Slavic surname's feminine a"],
  ])('leaves %s / %s alone (%s)', (short, long) => {
    expect(genderedForm(short, long)).toBe(false);
  });
});

describe('soundsAlike (the sound test that spares a romanisation from looseWordOfTwo)', () => {
  it.each([
    ['dourkdal', 'droukdel', 'the same phonetic key'],
    ['galina', 'haylina', 'the Cyrillic g written h'],
    ['serhiy', 'sergii', 'the Cyrillic g written h'],
    ['mahamud', 'maxamed', 'the h written x (Somali)'],
    ['mazwati', 'mazuti', 'a w between vowels written or not'],
    ['mawlud', 'mavlut', 'w or v'],
    ['andrej', 'andriy', 'a final j written or not'],
    ['motono', 'mutondo', 'a consonant one convention leaves out'],
  ])('reads %s / %s as one word (%s)', (x, y) => {
    expect(soundsAlike(x, y)).toBe(true);
  });

  it.each([
    ['merkur', 'merkel', 'one consonant changed for another'],
    ['hartus', 'hartel', 'one consonant changed for another'],
    ['gorbach', 'gorban', 'one consonant changed for another'],
    ['frank', 'frederik', 'two consonants more'],
    ['ihab', 'rami', 'other consonants'],
  ])('keeps %s / %s apart (%s)', (x, y) => {
    expect(soundsAlike(x, y)).toBe(false);
  });
});

describe('the name-form terms in words (what the CLI, API and web page show)', () => {
  const compiled = compileNameReference(DEFAULT_NAME_REFERENCE);
  const compare = (query: string, listed: string) =>
    compareNames(
      normalizeName(query, DEFAULT_NAME_REFERENCE, 'person'),
      normalizeName(listed, DEFAULT_NAME_REFERENCE, 'person'),
      compiled,
    );

  it("explains a name in the other gender's form in plain words", () => {
    const c = compare('Tharwata Salah Shihata', 'THARWAT SALAH SHIHATA');
    const term = c.terms.find((t) => t.feature === 'genderedForm');
    expect(term?.explanation).toBe(
      "name in the other gender's form: tharwata / tharwat (another person's name, not a spelling of it)",
    );
    expect(describeFeatures({ nameSimilarity: 0.95, genderedForm: term!.value })).toBe(
      "Name similarity 0.95, Name in the other gender's form -0.10",
    );
  });

  it('explains one of two names differing by more than a letter and in sound in plain words', () => {
    const c = compare('Walburga Hartus', 'Walburga Hartel');
    const term = c.terms.find((t) => t.feature === 'looseWordOfTwo');
    expect(term?.explanation).toMatch(
      /^of two names, one the same and the other different by more than a letter and in sound: hartus \/ hartel \(0\.\d\d; a relative's or namesake's name, not a spelling of it\)$/,
    );
    expect(describeFeatures({ looseWordOfTwo: term!.value })).toBe(
      'Of two names, one differs by more than a letter and in sound -0.05',
    );
  });

  it('leaves a Ukrainian h for the Russian g unlowered (a romanisation, not another name)', () => {
    const c = compare('Serhiy Tkachuk', 'Sergii Tkachuk');
    expect(c.terms.map((t) => t.feature)).not.toContain('looseWordOfTwo');
    expect(c.score).toBeGreaterThanOrEqual(0.86);
  });

  it("leaves a woman's Slavic surname in the masculine form unlowered", () => {
    const c = compare('Tatiana Belokurov', 'TATIANA BELOKUROVA');
    expect(c.terms.map((t) => t.feature)).not.toContain('genderedForm');
  });
});

describe('initials that disagree (initialsDiffer, issue 14 class 3)', () => {
  const compiled = compileNameReference(DEFAULT_NAME_REFERENCE);
  const compare = (query: string, listed: string) =>
    compareNames(
      normalizeName(query, DEFAULT_NAME_REFERENCE, 'person'),
      normalizeName(listed, DEFAULT_NAME_REFERENCE, 'person'),
      compiled,
    );

  it('lowers a name whose middle initial disagrees, and says so in plain words', () => {
    const c = compare('Weberhof, Konrad L.', 'Konrad T Weberhof');
    const term = c.terms.find((t) => t.feature === 'initialsDiffer');
    expect(term?.explanation).toBe('initials differ: L. / T. (another given name, not a spelling of it)');
    expect(term?.value).toBe(-0.12);
    expect(c.score).toBeLessThan(0.84);
    expect(describeFeatures({ initialsDiffer: term!.value })).toBe('Initials differ -0.12');
  });

  it('leaves the same initial, and an initial on one side only, alone', () => {
    for (const [q, l] of [
      ['Weberhof, Konrad T.', 'Konrad T Weberhof'],
      ['Konrad L. Weberhof', 'Konrad Weberhof'],
      ['K. L. Weberhof', 'Konrad Weberhof'],
    ] as const)
      expect(compare(q, l).terms.map((t) => t.feature)).not.toContain('initialsDiffer');
  });

  it('is one term beside an initial that contradicts a full word, not two', () => {
    const c = compare('J. L. Weberhof', 'Konrad T Weberhof');
    expect(c.terms.map((t) => t.feature)).toContain('initialConflict');
    expect(c.terms.map((t) => t.feature)).not.toContain('initialsDiffer');
  });
});

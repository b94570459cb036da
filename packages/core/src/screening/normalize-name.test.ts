import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { normalizeName } from './normalize-name.ts';

const tokens = (name: string, schema: 'person' | 'organization' = 'person'): string[] =>
  normalizeName(name, DEFAULT_NAME_REFERENCE, schema).tokens;

describe('normalizeName: surname-first person names', () => {
  it('reads run-together dotted initials as initials, not as one word or an article', () => {
    expect(tokens('CHATAEV, A.R.')).toEqual(['chataev', 'a', 'r']);
    expect(tokens('J.R.R. Tolkienson')).toEqual(['j', 'r', 'r', 'tolkienson']);
  });

  it('keeps dotted letters as one word unless the name is a person name (an acronym: "C.I.C. Electronics")', () => {
    expect(tokens('A.B.C. Shipping', 'organization')).toEqual(['abc', 'shipping']);
    expect(normalizeName('A.B.C. Shipping', DEFAULT_NAME_REFERENCE).tokens).toEqual(['abc', 'shipping']);
  });

  it('drops a title that opens the given names after the comma', () => {
    const name = normalizeName('NADIRZAI, Haji Karimullah', DEFAULT_NAME_REFERENCE, 'person');
    expect(name.tokens).toEqual(['nadirzai', 'karimullah']);
    expect(name.titles).toEqual(['haji']);
    expect(tokens('MULLERBERG, Dr. Hans')).toEqual(['mullerberg', 'hans']);
  });

  it('keeps a title-like word that is all there is after the comma as the end title it is', () => {
    expect(tokens('MULLERBERG, Dr.')).toEqual(['mullerberg']);
  });

  it('leaves a title inside the given names of a name without a comma', () => {
    expect(tokens('Karimullah Haji Nadirzai')).toEqual(['karimullah', 'haji', 'nadirzai']);
  });
});

describe('normalizeName: legal forms', () => {
  const read = (name: string, schema: 'unknown' | 'organization'): string =>
    ((n) => `${n.tokens.join(' ')} | ${n.legalForms.join(',')}`)(
      normalizeName(name, DEFAULT_NAME_REFERENCE, schema),
    );

  it('reads a legal form followed only by a number as at the end of the name', () => {
    expect(read('Halvorsen Trading Corporation 3', 'organization')).toBe('halvorsen trading 3 | JSC');
    expect(read('Halvorsen Trading Corporation III', 'unknown')).toBe('halvorsen trading 3 | JSC');
    // Followed by a word, the form stays out of the name's attribution (it is not where forms stand).
    expect(read('Halvorsen Corporation Trading 3', 'organization')).toBe('halvorsen trading 3 | ');
  });

  it('does not read a two-letter word before a number as a legal form there ("Plant AO 9")', () => {
    // The full reference reads "no", "pe", "kb" as forms: before a number they number the body.
    expect(read('Tarnholm Plant AO 9', 'organization')).toBe('tarnholm plant 9 | ');
    expect(read('Tarnholm Plant AO', 'organization')).toBe('tarnholm plant | JSC');
  });

  it('reads a name of no given kind that carries a legal form as an organisation name is read', () => {
    for (const name of ['Brennmark General Corporation', 'Dr Brennmark Holding Ltd', 'Sher Build Pvt. Ltd.'])
      expect(read(name, 'unknown')).toBe(read(name, 'organization'));
    expect(read('Brennmark General Corporation', 'unknown')).toBe('brennmark general | JSC');
    // Without a legal form a title at either end is still taken out.
    expect(read('General Brennmark', 'unknown')).toBe('brennmark | ');
  });

  it('does not read a short word written unlike the form as the form of a name of no given kind', () => {
    // "Sa" is not "SA" (the reference writes it so): the surname of a person named as no kind.
    expect(read('Dorin Sa', 'unknown')).toBe('dorin sa | ');
    expect(read('Ao Mirel Tirellan', 'unknown')).toBe('ao mirel tirellan | ');
    // Beside a generic word of a body it is the body's form.
    expect(read('Velmora Trading Sa', 'unknown')).toBe('velmora trading | JSC');
    // Inside the name the word is dropped as before (where forms do not stand).
    expect(read('Dorin Sa Velt', 'unknown')).toBe('dorin velt | ');
    // An organisation's name reads it whatever its case.
    expect(read('Dorin Sa', 'organization')).toBe('dorin | JSC');
  });

  it('reads a short form written in capitals, with dots or as the reference writes it', () => {
    for (const name of ['Velmora SA', 'Velmora S.A.', 'VELMORA SA', 'velmora sa'])
      expect(read(name, 'unknown')).toBe('velmora | JSC');
    expect(read('OOO Velmora', 'unknown')).toBe('velmora | LLC');
    expect(read('Velmora Inc', 'unknown')).toBe('velmora | JSC');
    expect(read('Velmora Ltd', 'unknown')).toBe('velmora | LLC');
  });

  it("reads a short form through its organisation word only as the word's group writes it", () => {
    const reference = {
      ...DEFAULT_NAME_REFERENCE,
      orgTypes: [...DEFAULT_NAME_REFERENCE.orgTypes, { display: 'SAD', generic: 'JSC', aliases: ['SAD'] }],
      orgSymbols: { ...DEFAULT_NAME_REFERENCE.orgSymbols, ngo: ['ngo', 'ONG'] },
    };
    const readWith = (name: string): string =>
      ((n) => `${n.tokens.join(' ')} | ${n.legalForms.join(',')}`)(normalizeName(name, reference, 'unknown'));
    expect(readWith('Merrit Ong')).toBe('merrit ong | ');
    expect(readWith('Merrit Foundation ONG')).toBe('merrit foundation | NGO');
    // A word with an apostrophe inside is a name's elision, not an abbreviation, in any case.
    expect(readWith("SA'D HALVANI TIRELLAN")).toBe('sad halvani tirellan | ');
    expect(readWith('HALVANI SAD')).toBe('halvani | JSC');
  });

  it("reads a short form as a name word in a Chinese person's name written in pinyin", () => {
    const reference = {
      ...DEFAULT_NAME_REFERENCE,
      orgTypes: [...DEFAULT_NAME_REFERENCE.orgTypes, { display: 'yu', generic: 'LLC', aliases: ['(yu)'] }],
    };
    const readWith = (name: string): string =>
      ((n) => `${n.tokens.join(' ')} | ${n.legalForms.join(',')}`)(normalizeName(name, reference, 'unknown'));
    // The Korean form "yu" as the reference writes it (capitalised), in capitals, in small letters.
    expect(readWith('Geng Yu')).toBe('geng yu | ');
    expect(readWith('Yu Ruo Lan')).toBe('yu ruo lan | ');
    expect(readWith('QIU YU')).toBe('qiu yu | ');
    expect(readWith('qiu sa')).toBe('qiu sa | ');
    // A body's word, dots, capitals amid small letters, a word not in pinyin: the form.
    expect(readWith('Geng Trading Yu')).toBe('geng trading | LLC');
    expect(readWith('Qiu S.A.')).toBe('qiu | JSC');
    expect(readWith('Qiu SA')).toBe('qiu | JSC');
    expect(readWith('Velmora Yu')).toBe('velmora | LLC');
    // No word of one syllable (a Chinese family name) besides the form: a body named in pinyin.
    expect(readWith('HUAXIN SA')).toBe('huaxin | JSC');
    expect(readWith('OOO EFO')).toBe('efo | LLC');
  });

  it('reads "Pvt. Ltd." and "(Private) Limited" whole where the reference has only "Ltd"', () => {
    const reference = {
      ...DEFAULT_NAME_REFERENCE,
      orgTypes: [{ display: 'Ltd', generic: 'LLC', aliases: ['Ltd', 'Limited'] }],
    };
    for (const name of ['Sher Build Pvt. Ltd.', 'Sher Build (Private) Ltd', 'Sher Build Pvt Limited'])
      for (const schema of ['unknown', 'organization'] as const) {
        const n = normalizeName(name, reference, schema);
        expect([n.tokens, n.legalForms]).toEqual([['sher', 'build'], ['LLC']]);
      }
  });
});

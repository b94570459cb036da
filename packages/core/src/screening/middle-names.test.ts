import { describe, expect, it } from 'vitest';
import { buildParty } from '../model/party.ts';
import { compareNames } from './compare-names.ts';
import { compileNameReference } from './compile-name-reference.ts';
import { DEFAULT_NAME_REFERENCE } from './default-name-reference.ts';
import { normalizeName } from './normalize-name.ts';
import {
  capitalsNameOrder,
  commaNameOrder,
  givenFirstPositions,
  listedNameOrder,
  partsNameOrder,
  writtenNameOrder,
} from './name-order.ts';
import { buildScreeningIndex } from './screening-index.ts';
import { screenParty } from './screen-party.ts';
import { middleNamesMayLift } from './middle-names.ts';
import { BOUND_ALLOWANCES, nameScoreBound } from './name-score-bound.ts';
import { prepareQuery, scoreIndexedName } from './score-indexed-name.ts';
import { indexTokenWeight } from './token-weight.ts';

describe('name order (which words are the surname)', () => {
  it('reads the words before one comma as the surname', () => {
    expect(commaNameOrder('GOMEZ VELAZQUEZ, Daniela', ['gomez', 'velazquez', 'daniela'])).toEqual({
      surnameStart: 0,
      surnameEnd: 2,
    });
    expect(commaNameOrder('EL-MASRI, Omar', ['al', 'masri', 'omar'])).toEqual({
      surnameStart: 0,
      surnameEnd: 2,
    });
  });

  it("reads a listed name's published names only when it has no comma", () => {
    // A pool worker's party is parsed from JSON when read: a name written with its comma needs none of it.
    let reads = 0;
    const names = () => {
      reads++;
      return [
        {
          full: 'Akhmed Rajapovich Chataev',
          quality: 'primary' as const,
          parts: { given: 'Akhmed Rajapovich', family: 'Chataev' },
        },
      ];
    };
    expect(listedNameOrder('CHATAEV, Akhmed Rajapovich', ['chataev', 'akhmed', 'rajapovich'], names)).toEqual(
      {
        surnameStart: 0,
        surnameEnd: 1,
      },
    );
    expect(reads).toBe(0);
    expect(listedNameOrder('Akhmed Rajapovich Chataev', ['akhmed', 'rajapovich', 'chataev'], names)).toEqual({
      surnameStart: 2,
      surnameEnd: 3,
    });
    expect(reads).toBe(1);
  });

  it('knows no order without one comma, or with nothing after it', () => {
    expect(commaNameOrder('Daniela Gomez Velazquez', ['daniela', 'gomez', 'velazquez'])).toBeUndefined();
    expect(commaNameOrder('A, B, C', ['a', 'b', 'c'])).toBeUndefined();
    expect(commaNameOrder('GOMEZ,', ['gomez'])).toBeUndefined();
  });

  it('reads published parts given names first, the family name last', () => {
    const name = {
      full: 'AKHMAD RUSLANOVICH ORLOV',
      quality: 'primary' as const,
      parts: { given: 'AKHMAD', middle: 'RUSLANOVICH', family: 'ORLOV' },
    };
    expect(partsNameOrder(name, ['akhmad', 'ruslanovich', 'orlov'])).toEqual({
      surnameStart: 2,
      surnameEnd: 3,
    });
    // Parts that do not spell the name's words that way say nothing.
    expect(partsNameOrder(name, ['orlov', 'akhmad', 'ruslanovich'])).toBeUndefined();
  });

  it('reads a surname written alone in capitals, last or first, as the surname (issue 14, h199)', () => {
    const order = (text: string) =>
      capitalsNameOrder(text, normalizeName(text, DEFAULT_NAME_REFERENCE).tokens);
    expect(order('Pavel Viktorovich ZORIN')).toEqual({ surnameStart: 2, surnameEnd: 3 });
    expect(order('ZORIN Pavel Viktorovich')).toEqual({ surnameStart: 0, surnameEnd: 1 });
    expect(order('Wasim Badia AL-ZAHRANI')).toEqual({ surnameStart: 2, surnameEnd: 4 });
    expect(order('Lucia Fernanda BARRIENTOS OLMEDO')).toEqual({ surnameStart: 2, surnameEnd: 4 });
    expect(order('Pavel V. ZORIN')).toEqual({ surnameStart: 2, surnameEnd: 3 });
    // Its case says nothing: all in capitals, none, capitals first and last, or in the middle only.
    expect(order('PAVEL VIKTOROVICH ZORIN')).toBeUndefined();
    expect(order('Pavel Viktorovich Zorin')).toBeUndefined();
    expect(order('ABU Pavel ZORIN')).toBeUndefined();
    expect(order('Pavel ZORIN Viktorovich')).toBeUndefined();
    // A name in capitals beside a word that does not begin with a capital: a note, or a particle.
    expect(order('PAVEL VIKTOROVICH ZORIN na')).toBeUndefined();
    expect(order('Juan de la CRUZ')).toBeUndefined();
    // A list of spellings, or a comma (which says itself), is not read by its case.
    expect(order('Pavel (a.k.a. Paul) ZORIN')).toBeUndefined();
    expect(order('ZORIN, Pavel')).toBeUndefined();
    // Words the normaliser took out of the capitals: the case is not trusted.
    expect(capitalsNameOrder('Pavel DR ZORIN', ['pavel', 'zorin'])).toBeUndefined();
  });

  it('reads the comma before the capitals, and a listed name in capitals after its published parts', () => {
    expect(writtenNameOrder('ZORIN IVANOV, Pavel', ['zorin', 'ivanov', 'pavel'])).toEqual({
      surnameStart: 0,
      surnameEnd: 2,
    });
    expect(writtenNameOrder('Pavel ZORIN', ['pavel', 'zorin'])).toEqual({ surnameStart: 1, surnameEnd: 2 });
    const parts = [
      {
        full: 'Pavel Viktorovich ZORIN',
        quality: 'primary' as const,
        parts: { given: 'Pavel Viktorovich ZORIN', family: '' },
      },
    ];
    expect(listedNameOrder('Pavel Viktorovich ZORIN', ['pavel', 'viktorovich', 'zorin'], parts)).toEqual({
      surnameStart: 2,
      surnameEnd: 3,
    });
    expect(listedNameOrder('Pavel Viktorovich ZORIN', ['pavel', 'viktorovich', 'zorin'], undefined)).toEqual({
      surnameStart: 2,
      surnameEnd: 3,
    });
  });

  it('reads a surname-first name given names first', () => {
    expect([...givenFirstPositions(3, { surnameStart: 0, surnameEnd: 1 })]).toEqual([2, 0, 1]);
    expect([...givenFirstPositions(3, undefined)]).toEqual([0, 1, 2]);
  });
});

describe('middle names left out of the query, explained', () => {
  const screen = (query: string, listed: string): Record<string, number> => {
    const party = buildParty({
      source: 'test',
      sourceId: '1',
      schema: 'person',
      names: [{ full: listed, quality: 'primary' }],
    });
    const index = buildScreeningIndex([{ party }], DEFAULT_NAME_REFERENCE);
    return screenParty(index, { name: query, schema: 'person' }, { threshold: 0 })[0]?.features ?? {};
  };

  it('shows the lift and the middle names left out', () => {
    const features = screen('Samira Bakhtiyari', 'BAKHTIARI, Samira Nasrin Golnaz Abu Hamid');
    expect(features.middleNamesLeftOut).toBeGreaterThan(0);
    expect(features.omittedMiddleName).toBeCloseTo(-0.06, 6);
  });

  it('shows neither where the listed name does not say which words are its surname', () => {
    const features = screen('Samira Bakhtiyari', 'Samira Nasrin Golnaz Abu Hamid Bakhtiari');
    expect(features.middleNamesLeftOut).toBeUndefined();
  });

  it('reads the surname the listed name writes alone in capitals (issue 14, h199)', () => {
    expect(
      screen('Samira Bakhtiyari', 'Samira Nasrin Golnaz Abu Hamid BAKHTIARI').middleNamesLeftOut,
    ).toBeGreaterThan(0);
    expect(screen('BAKHTIYARI Samira', 'BAKHTIARI Samira Nasrin Golnaz').middleNamesLeftOut).toBeGreaterThan(
      0,
    );
    // The capitals say the surname: a middle name in the first given name's place is not let go.
    expect(screen('Nasrin Bakhtiyari', 'Samira Nasrin Golnaz BAKHTIARI').middleNamesLeftOut).toBeUndefined();
  });

  it('lets the middle names go beside one word spelt by ear, not beside one sharing letters only (h199)', () => {
    // The surname by its sound ("udwani" / "adwani": the same phonetic key).
    expect(screen('UDWANI, Atef', 'ADWANI, Atef Ibrahim').middleNamesLeftOut).toBeGreaterThan(0);
    // The first given name by its sound, ending in the same letter.
    expect(screen('KORMANI, Fouzi', 'KORMANI, Fawzi Reda').middleNamesLeftOut).toBeGreaterThan(0);
    // Letters in common, another sound: another surname.
    expect(screen('KHAMIS, Omar', 'KHAMER, Omar Reza').middleNamesLeftOut).toBeUndefined();
    // Another ending: another given name, or the other gender's.
    expect(screen('KANI, Fouzia', 'KANI, Fawzi Reda').middleNamesLeftOut).toBeUndefined();
    expect(screen('KANI, Samir', 'KANI, Samira Reda').middleNamesLeftOut).toBeUndefined();
  });

  it('leaves nothing out where the query holds every listed word as written', () => {
    // A query of no schema drops "AG" as a legal form; the listed person keeps it as a name word.
    const compiled = compileNameReference(DEFAULT_NAME_REFERENCE);
    for (const [query, listed] of [
      ['BAH AG MOUSSA', 'MOUSSA, Bah Ag'],
      ['Iyad ag Ghali', 'GHALI, Iyad ag'],
    ] as const) {
      const q = normalizeName(query, DEFAULT_NAME_REFERENCE);
      const c = normalizeName(listed, DEFAULT_NAME_REFERENCE, 'person');
      const features = compareNames(q, c, compiled).terms.map((t) => t.feature);
      expect(features, `${query} / ${listed}`).not.toContain('omittedMiddleName');
      expect(features, `${query} / ${listed}`).not.toContain('middleNamesLeftOut');
    }
    // The rule itself still holds where a listed word is left out.
    const q = normalizeName('Seka Baluku', DEFAULT_NAME_REFERENCE);
    const c = normalizeName('BALUKU, Seka Musa', DEFAULT_NAME_REFERENCE, 'person');
    expect(compareNames(q, c, compiled).terms.map((t) => t.feature)).toContain('omittedMiddleName');
  });
});

describe("the name-score bound's middle-names allowance (issue 14)", () => {
  const listed = [
    'BAKHTIARI, Samira Nasrin Golnaz Abu Hamid', // an order: the lift reaches it
    'Samira Nasrin Golnaz Abu Hamid Bakhtiari', // no order: it cannot
    'BAKHTIARI, Nasrin Samira Golnaz', // the first given name is not the query's
    'BAKHTIARI VELASCO, Samira Golnaz', // a second surname is never left out
  ];
  const parties = listed.map((full, i) =>
    buildParty({
      source: 'test',
      sourceId: String(i),
      schema: 'person',
      names: [{ full, quality: 'primary' }],
    }),
  );
  const index = buildScreeningIndex(
    parties.map((party) => ({ party })),
    DEFAULT_NAME_REFERENCE,
  );
  const query = prepareQuery(
    index,
    normalizeName('Samira Bakhtiyari', DEFAULT_NAME_REFERENCE, 'person'),
    indexTokenWeight(index),
  );
  const names = Array.from({ length: index.nameSlots }, (_, id) => index.name(id)!);
  const noMiddle = { ...BOUND_ALLOWANCES, middleNames: false };

  it('lets a name through on it only when the lift can reach the name', () => {
    const through = names.map((name) => {
      // The allowance's value: what the bound returns when the floor is out of reach.
      const allowed = nameScoreBound(index, query, name, 1);
      const plain = nameScoreBound(index, query, name, 1, noMiddle);
      expect(allowed, name.text).toBeGreaterThan(plain);
      // At that floor, the name passes only when the lift's tests that read no alignment hold.
      return nameScoreBound(index, query, name, allowed) >= allowed;
    });
    expect(through).toEqual([true, false, false, false]);
  });

  it('stays at least the score of every name', () => {
    for (const name of names) {
      const score = scoreIndexedName(index, query, name);
      expect(nameScoreBound(index, query, name, score), name.text).toBeGreaterThanOrEqual(score - 1e-9);
    }
    expect(scoreIndexedName(index, query, names[0]!)).toBeGreaterThan(
      nameScoreBound(index, query, names[0]!, 1, noMiddle),
    );
  });

  it('reads the listed order only when the query may leave enough listed words out', () => {
    const q = ['samira', 'bakhtiyari'];
    const orders = {
      query: undefined,
      listed: () => undefined,
      spellings: new Map(),
      queryWritten: new Set<string>(),
    };
    let reads = 0;
    const order = () => {
      reads++;
      return { surnameStart: 0, surnameEnd: 1 };
    };
    // "ag" is inside no word of the query, but the query holds it as written: nothing left out.
    const written = { ...orders, queryWritten: new Set(['bah', 'ag', 'moussa']) };
    expect(middleNamesMayLift(['bah', 'moussa'], ['moussa', 'bah', 'ag'], written, order)).toBe(false);
    expect(reads).toBe(1);
    // Every listed word is inside a word of the query: none may be left out, the order is not read.
    expect(middleNamesMayLift(q, ['bakhtiyari', 'samira', 'sami'], orders, order)).toBe(false);
    expect(reads).toBe(1);
    // "sami" is inside "samira": two given names to leave out, and only "nasrin" may be.
    expect(middleNamesMayLift(q, ['bakhtiari', 'samira', 'sami', 'nasrin'], orders, order)).toBe(false);
    expect(reads).toBe(2);
    expect(middleNamesMayLift(q, ['bakhtiari', 'samira', 'nasrin'], orders, order)).toBe(true);
    expect(reads).toBe(3);
    // An article and a particle name no one: a query of one name word.
    expect(middleNamesMayLift(['al', 'bakhtiari'], ['bakhtiari', 'al', 'nasrin'], orders, order)).toBe(false);
    expect(reads).toBe(3);
  });
});

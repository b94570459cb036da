import { describe, expect, it } from 'vitest';
import { parseEntityCell, splitNameFromRest } from './parse-entity-cell.ts';

describe('parseEntityCell', () => {
  it('reads the name, the dash-led aliases and the addresses after the blank line', () => {
    const text =
      'Emal Bilal Mangal, a.k.a., the following three aliases:\n—Imal Bilal; and\n—Aimal Balal; and\n—Bellal Mangal.\n\nKolola Pushta, Charahi Gul-e-Surkh, Kabul, Afghanistan; and Maidan Sahr, Hetefaq Market, Paktiya, Afghanistan.';
    expect(parseEntityCell(text)).toEqual([
      {
        name: 'Emal Bilal Mangal',
        aliases: ['Imal Bilal', 'Aimal Balal', 'Bellal Mangal'],
        formerNames: [],
        addresses: [
          'Kolola Pushta, Charahi Gul-e-Surkh, Kabul, Afghanistan',
          'Maidan Sahr, Hetefaq Market, Paktiya, Afghanistan',
        ],
      },
    ]);
  });

  it.each([
    [
      'Huawei Technologies Co., Ltd., Bantian, Longgang District, Shenzhen, China.',
      'Huawei Technologies Co., Ltd.',
    ],
    [
      'Academy of Military Medical Sciences, Institute of Basic Medicine, 27 Taiping Road, Beijing, China.',
      'Academy of Military Medical Sciences, Institute of Basic Medicine',
    ],
    [
      'Speed Business Trading (HK) Ltd., Workshop 60 3/F Block A East, Kowloon, Hong Kong.',
      'Speed Business Trading (HK) Ltd.',
    ],
    ['Huawei Cloud Switzerland, Zurich, Switzerland.', 'Huawei Cloud Switzerland'],
  ])('ends the name of "%s" at the first address comma', (text, name) => {
    expect(parseEntityCell(text)[0]!.name).toBe(name);
  });

  it('splits the last alias from the address when no blank line separates them', () => {
    const [entry] = parseEntityCell(
      'Huawei OpenLab Suzhou, a.k.a., the following one alias:\n—Huawei Suzhou OpenLab, Suzhou, China.',
    );
    expect(entry).toMatchObject({
      name: 'Huawei OpenLab Suzhou',
      aliases: ['Huawei Suzhou OpenLab'],
      addresses: ['Suzhou, China'],
    });
  });

  it('reads f.k.a. names as former names', () => {
    const [entry] = parseEntityCell(
      "AO 'Giprostroymost' (f.k.a., ZAO Giprostroimost), 7 Yablochkova Street, St. Petersburg, Russia.",
    );
    expect(entry).toMatchObject({ name: "AO 'Giprostroymost'", formerNames: ['ZAO Giprostroimost'] });
  });

  it('gives each subordinate institution its own entry and the shared addresses', () => {
    const text = [
      'Second Academy, a.k.a., the following one alias, and two subordinate institutions:',
      '—CASIC Second Academy.',
      'Subordinate institution',
      '201 Research Institute, a.k.a., the following one alias:',
      '—Defense Technology Center.',
      'Subordinate institution',
      '699 Factory',
      'The following addresses apply to the entity and to the two subordinate institutions:',
      '',
      '50 Yongding Road, Beijing, China; and 90 Dianzi Road, Xian, China.',
    ].join('\n');
    const entries = parseEntityCell(text);
    expect(entries.map((e) => [e.name, e.subordinateOf, e.aliases])).toEqual([
      ['Second Academy', undefined, ['CASIC Second Academy']],
      ['201 Research Institute', 'Second Academy', ['Defense Technology Center']],
      ['699 Factory', 'Second Academy', []],
    ]);
    expect(entries[2]!.addresses).toEqual([
      '50 Yongding Road, Beijing, China',
      '90 Dianzi Road, Xian, China',
    ]);
  });

  it('does not split inside brackets', () => {
    expect(splitNameFromRest('Name (A, B), Street 1')).toEqual(['Name (A, B)', 'Street 1']);
  });
});

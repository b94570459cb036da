import { describe, expect, it } from 'vitest';
import { parseOfacRemarks, splitOfacRemarks } from './parse-ofac-remarks.ts';
import { parseOfacPrograms } from './parse-ofac-programs.ts';

describe('parseOfacRemarks', () => {
  it('reads a person: DOB, POB country, passport with country, SSN, weak alias', () => {
    const facts = parseOfacRemarks(
      "DOB 28 Jul 1963; POB Toledo District, Belize; Passport P0017003 (Belize); SSN 561-77-9011 (United States); a.k.a. 'BURTON BURGESS'.",
    );
    expect(facts).toEqual({
      aliases: [{ full: 'BURTON BURGESS', quality: 'weak' }],
      birthDates: [{ value: '1963-07-28', precision: 'day' }],
      birthPlaces: ['Toledo District, Belize'],
      countries: [{ code: 'BZ', role: 'birth' }],
      identifiers: [
        { type: 'passport', value: 'P0017003', label: 'Passport', country: 'BZ' },
        { type: 'national-id', value: '561-77-9011', label: 'SSN', country: 'US' },
      ],
      problems: [],
    });
  });

  it.each([
    [
      'Digital Currency Address - XBT 12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz',
      {
        type: 'crypto-address',
        value: '12udabs2TkX7NXCSj6KpqXfakjE52ZPLhz',
        label: 'Digital Currency Address - XBT',
      },
    ],
    [
      'alt. Digital Currency Address - ETH 0x901bb9583b24d97e995513c6778dc6888ab6870e',
      {
        type: 'crypto-address',
        value: '0x901bb9583b24d97e995513c6778dc6888ab6870e',
        label: 'Digital Currency Address - ETH',
      },
    ],
    [
      'Vessel Registration Identification IMO 9486910',
      { type: 'imo', value: '9486910', label: 'Vessel Registration Identification' },
    ],
    ['MMSI 636013272', { type: 'mmsi', value: '636013272', label: 'MMSI' }],
    ['SWIFT/BIC VTBRRUMM', { type: 'swift-bic', value: 'VTBRRUMM', label: 'SWIFT/BIC' }],
    [
      'Legal Entity Number 5299007NTWCC3U23WM81 (Czech Republic)',
      { type: 'lei', value: '5299007NTWCC3U23WM81', label: 'Legal Entity Number', country: 'CZ' },
    ],
    [
      'Tax ID No. 52-2083095 (United States)',
      { type: 'tax-id', value: '52-2083095', label: 'Tax ID No.', country: 'US' },
    ],
    [
      'Business Registration Number 0582030 (Connecticut) (United States)',
      { type: 'registration', value: '0582030', label: 'Business Registration Number', country: 'US' },
    ],
    [
      'Passport RL2432659 (Lebanon) issued 22 Jan 2013 expires 22 Jan 2018',
      { type: 'passport', value: 'RL2432659', label: 'Passport', country: 'LB' },
    ],
    [
      'National ID No. 10100722073 (Iran)',
      { type: 'national-id', value: '10100722073', label: 'National ID No.', country: 'IR' },
    ],
    [
      'Aircraft Tail Number EP-PUS',
      { type: 'aircraft-tail', value: 'EP-PUS', label: 'Aircraft Tail Number' },
    ],
    [
      "Aircraft Manufacturer's Serial Number (MSN) 1023409321",
      { type: 'aircraft-serial', value: '1023409321', label: "Aircraft Manufacturer's Serial Number (MSN)" },
    ],
    ['Email Address info@gicdf.org', { type: 'email', value: 'info@gicdf.org', label: 'Email Address' }],
    ['Website www.gicdf.org', { type: 'website', value: 'www.gicdf.org', label: 'Website' }],
    [
      'Telephone No. (218) (0)214778301',
      { type: 'phone', value: '(218) (0)214778301', label: 'Telephone No.' },
    ],
  ])('reads the identifier in "%s"', (remark, identifier) => {
    expect(parseOfacRemarks(remark).identifiers).toEqual([identifier]);
  });

  it('reads nationality, citizenship, gender and a circa date; reports unknown countries and bad dates', () => {
    const facts = parseOfacRemarks(
      'DOB circa 1960; nationality Palestinian; citizen Atlantis; DOB 31 Foo 1960; Gender Female.',
    );
    expect(facts.birthDates).toEqual([{ value: '1960', precision: 'year', circa: true }]);
    expect(facts.countries).toEqual([{ code: 'PS', role: 'nationality' }]);
    expect(facts.gender).toBe('female');
    expect(facts.problems.map((p) => p.kind)).toEqual(['unknown-country', 'bad-date']);
  });

  it('leaves segments it does not know (Linked To, sanctions risk) to the remarks text', () => {
    const facts = parseOfacRemarks(
      'Secondary sanctions risk: See Section 11 of Executive Order 14024.; Linked To: MAHAN AIR.',
    );
    expect(facts.identifiers).toEqual([]);
    expect(facts.problems).toEqual([]);
  });

  it('does not take an issue place for a passport number', () => {
    expect(parseOfacRemarks('Passport issued 21 Jun 1992 in Amman, Jordan.').identifiers).toEqual([]);
  });

  it('splits on semicolons even without the space OFAC usually puts after them', () => {
    expect(splitOfacRemarks('nationality possibly Palestinian;arrested 23 Apr 2002.')).toEqual([
      'nationality possibly Palestinian',
      'arrested 23 Apr 2002.',
    ]);
  });
});

describe('parseOfacPrograms', () => {
  it.each([
    ['SDGT', ['SDGT']],
    ['SDGT] [IRGC', ['SDGT', 'IRGC']],
    ['[SDGT] [IRGC]', ['SDGT', 'IRGC']],
    ['', []],
  ])('reads "%s"', (text, programs) => {
    expect(parseOfacPrograms(text)).toEqual(programs);
  });
});

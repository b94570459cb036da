import { describe, expect, it } from 'vitest';
import { readOfacCountry } from './ofac-countries.ts';
import { publicationDateFromPath } from './publication-date.ts';

describe('readOfacCountry', () => {
  it.each([
    ['Russia', 'RU'],
    ['Korea, North', 'KP'],
    ['Palestinian', 'PS'],
    ['possibly Palestinian', 'PS'],
    ['Region: Gaza', 'PS'],
    ['Region: Crimea', 'UA'],
    ['Bosnia and Herzegovina', 'BA'],
    ['Trinidad and Tobago', 'TT'],
    ['Cote d Ivoire', 'CI'],
    ['Cabo Verde.  Previously Cape Verde', 'CV'],
    ['Eritrean', 'ER'],
  ])('reads "%s" as %s', (name, code) => {
    expect(readOfacCountry(name)).toEqual({ code, unknown: false });
  });

  it.each(['undetermined', 'None Identified', ''])('takes "%s" as no country, not an unknown one', (name) => {
    expect(readOfacCountry(name)).toEqual({ unknown: false });
  });

  it.each(['Atlantis', 'Region: Kafia Kingi'])('reports "%s" as unknown', (name) => {
    expect(readOfacCountry(name)).toEqual({ unknown: true });
  });
});

describe('publicationDateFromPath', () => {
  it.each([
    ['/m/lists/us/ofac-sdn-2024-05-03/sdn.csv', '2024-05-03'],
    ['/m/lists/us/ofac-sdn-2021-07/alt.csv', '2021-07-01'],
    ['/m/downloads/sdn_20240503.csv', '2024-05-03'],
    ['/m/2019-01-01/lists/ofac-sdn-fixture/sdn.csv', undefined],
  ])('reads %s as %s', (file, date) => {
    expect(publicationDateFromPath(file)).toBe(date);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCslIdsColumn } from './parse-csl-ids.ts';
import { parseCslBirthDate } from '../common/parse-us-date.ts';
import { subListCode } from './csl-sub-lists.ts';

describe('CSL column readers', () => {
  it.each([
    ['CA, BC166787, Passport', [{ label: 'Passport', value: 'BC166787', country: 'CA' }]],
    ['Passport, 836238033, KP', [{ label: 'Passport', value: '836238033', country: 'KP' }]],
    [
      'MM, 2017-01-16, 110364903, Registration Number',
      [{ label: 'Registration Number', value: '110364903', country: 'MM' }],
    ],
    [
      'IMO 8898831, Vessel Registration Identification',
      [{ label: 'Vessel Registration Identification', value: 'IMO 8898831' }],
    ],
    [
      'SWIFT/BIC, RUDVRUMM; Gender, Male',
      [
        { label: 'SWIFT/BIC', value: 'RUDVRUMM' },
        { label: 'Gender', value: 'Male' },
      ],
    ],
  ])('reads ids "%s" in either column order', (text, ids) => {
    expect(parseCslIdsColumn(text)).toEqual(ids);
  });

  it.each([
    ['1962-08-06', { value: '1962-08-06', precision: 'day' }],
    ['1955', { value: '1955', precision: 'year' }],
    ['circa 1970', { value: '1970', precision: 'year', circa: true }],
    ['1960 to 1962', { value: '1960', precision: 'year', to: '1962' }],
    ['Feb 1971', { value: '1971-02', precision: 'month' }],
    ['circa 01 Jul 1969', { value: '1969-07-01', precision: 'day', circa: true }],
    ['1962-02-30', undefined],
  ])('reads the birth date "%s"', (text, date) => {
    expect(parseCslBirthDate(text)).toEqual(date);
  });

  it.each([
    ['Specially Designated Nationals (SDN) - Treasury Department', 'SDN'],
    ['Military End User (MEU) List - Bureau of Industry and Security', 'MEU'],
    ['Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department', 'NS-MBS'],
    ['Some New List - Agency', 'SNL'],
  ])('codes the sub-list "%s" as %s', (subList, code) => {
    expect(subListCode(subList)).toBe(code);
  });
});

import { describe, expect, it } from 'vitest';
import { countryCodeFromName, isCountryCode, countryName } from './country-codes.ts';

describe('countryCodeFromName', () => {
  it.each([
    ['Russia', 'RU'],
    ['Russian Federation', 'RU'],
    ['Korea, North', 'KP'],
    ["Korea, Democratic People's Republic of", 'KP'],
    ['Iran (Islamic Republic of)', 'IR'],
    ['Iran', 'IR'],
    ['Burma', 'MM'],
    ["Côte d'Ivoire", 'CI'],
    ['United Kingdom', 'GB'],
    ['United States', 'US'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['Bahamas, The', 'BS'],
    ['de', 'DE'],
    ['Türkiye', 'TR'],
    ['Hong Kong', 'HK'],
    ['Syria', 'SY'],
    ['Kosovo', 'XK'],
    ['Bosnia and Herzegovina', 'BA'],
    ['Trinidad and Tobago', 'TT'],
    ['Myanmar', 'MM'],
    ['Slovak Republic', 'SK'],
    ['China, Hong Kong Special Administrative Region', 'HK'],
  ])('maps %s to %s', (name, code) => {
    expect(countryCodeFromName(name)).toBe(code);
  });

  it.each(['Atlantis', '', 'XX', 'European Union'])('does not map %j', (name) => {
    expect(countryCodeFromName(name)).toBeUndefined();
  });

  it('knows country codes and their names', () => {
    expect(isCountryCode('DE')).toBe(true);
    expect(isCountryCode('XX')).toBe(false);
    expect(isCountryCode('EU')).toBe(false);
    expect(countryName('jp')).toBe('Japan');
  });
});

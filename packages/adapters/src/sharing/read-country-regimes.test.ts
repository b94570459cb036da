import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '../test-support/shared-data.ts';
import { COUNTRY_REGIMES_PATH, parseCountryRegimes, readCountryRegimes } from './read-country-regimes.ts';

describe.runIf(hasSharedData())('readCountryRegimes on the real country_regimes.csv', () => {
  it('reads 249 countries and the member count of each regime', async () => {
    const m = await readCountryRegimes(sharedDataPath(COUNTRY_REGIMES_PATH));
    expect(m.size).toBe(249);
    const count = (r: string) => [...m.values()].filter((rs) => rs.includes(r as never)).length;
    expect(['EU', 'WA', 'MTCR', 'NSG', 'AG'].map(count)).toEqual([27, 42, 35, 48, 42]);
  });

  it.each([
    ['DE', ['EU', 'WA', 'MTCR', 'NSG', 'AG']],
    ['GB', ['WA', 'MTCR', 'NSG', 'AG']],
    ['RU', ['WA', 'MTCR', 'NSG']],
    ['CN', ['NSG']],
    ['AF', []],
  ])('gives %s the memberships %j', async (code, regimes) => {
    const m = await readCountryRegimes(sharedDataPath(COUNTRY_REGIMES_PATH));
    expect(m.get(code)).toEqual(regimes);
  });
});

describe('parseCountryRegimes', () => {
  it('rejects a file without the regime columns', () => {
    expect(() => parseCountryRegimes('iso2,name\nDE,Germany\n')).toThrow(/lacks the columns/);
  });
});

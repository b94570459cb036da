import { describe, expect, it } from 'vitest';
import { parseOfacDate } from './parse-ofac-date.ts';

describe('parseOfacDate', () => {
  it.each([
    ['28 Jul 1963', { value: '1963-07-28', precision: 'day' }],
    ['01 Jan 1960.', { value: '1960-01-01', precision: 'day' }],
    ['Jul 1963', { value: '1963-07', precision: 'month' }],
    ['1963', { value: '1963', precision: 'year' }],
    ['1963-07-28', { value: '1963-07-28', precision: 'day' }],
    ['circa 1960', { value: '1960', precision: 'year', circa: true }],
    ['circa 04 Feb 1959', { value: '1959-02-04', precision: 'day', circa: true }],
    ['1960 to 1962', { value: '1960', precision: 'year', to: '1962' }],
    ['01 Jan 1960 to 31 Dec 1962', { value: '1960-01-01', precision: 'day', to: '1962-12-31' }],
    ['Mar 1958 to Apr 1958', { value: '1958-03', precision: 'month', to: '1958-04' }],
    ['circa 1934-1940', { value: '1934', precision: 'year', to: '1940', circa: true }],
  ])('reads "%s"', (text, expected) => {
    expect(parseOfacDate(text)).toEqual(expected);
  });

  it.each(['31 Foo 1960', '45 Jan 1960', 'unknown', '', '1960 to later', '1963-13-01'])(
    'refuses "%s"',
    (text) => {
      expect(parseOfacDate(text)).toBeUndefined();
    },
  );
});

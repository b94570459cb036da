import { describe, expect, it } from 'vitest';
import { parseDateText } from './parse-date-text.ts';

describe('parseDateText', () => {
  it.each([
    ['27.3.1961', [{ value: '1961-03-27', precision: 'day' }]],
    ['4 Apr. 1944', [{ value: '1944-04-04', precision: 'day' }]],
    ['May 2022', [{ value: '2022-05', precision: 'month' }]],
    ['1956', [{ value: '1956', precision: 'year' }]],
    ['Approximately 1952', [{ value: '1952', precision: 'year', circa: true }]],
    ['ca. 1947', [{ value: '1947', precision: 'year', circa: true }]],
    ['Between 1959 and 1965', [{ value: '1959', precision: 'year', to: '1965' }]],
    ['1987-1988', [{ value: '1987', precision: 'year', to: '1988' }]],
    ['1960s', [{ value: '1960', precision: 'year', to: '1969' }]],
    [
      '1954 or 1955',
      [
        { value: '1954', precision: 'year' },
        { value: '1955', precision: 'year' },
      ],
    ],
    [
      '(a) 1.1.1964, (b) 1.2.1964',
      [
        { value: '1964-01-01', precision: 'day' },
        { value: '1964-02-01', precision: 'day' },
      ],
    ],
    [
      '1945, 1946',
      [
        { value: '1945', precision: 'year' },
        { value: '1946', precision: 'year' },
      ],
    ],
    ['February 26, 1969', [{ value: '1969-02-26', precision: 'day' }]],
    [
      '06/10/1956 20/06/1956',
      [
        { value: '1956-10-06', precision: 'day' },
        { value: '1956-06-20', precision: 'day' },
      ],
    ],
    ['5.9.1990 (Singapore)', [{ value: '1990-09-05', precision: 'day' }]],
  ])('reads %s', (text, dates) => {
    expect(parseDateText(text)).toEqual({ dates, unparsed: [] });
  });

  it.each(['24.6.1402 (Hijri Calendar)', '30-35 years old', '31.2.1970', 'year unknown'])(
    'leaves %s unparsed',
    (text) => {
      expect(parseDateText(text).dates).toEqual([]);
      expect(parseDateText(text).unparsed).toHaveLength(1);
    },
  );
});

import { describe, expect, it } from 'vitest';
import type { DomainError } from '@entente/core';
import { countOption, numericOption, rowsOption } from './numeric-option.ts';

/** The error a parser throws for `value`, or undefined when it accepts it. */
function refusal(parse: (value: string) => number, value: string): DomainError | undefined {
  try {
    parse(value);
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('numericOption', () => {
  it.each(['abc', '', ' ', 'NaN', 'Infinity', '1e999', '0', '101', '2.5', '-1'])(
    'refuses "%s" as a count 1-100, naming the option',
    (value) => {
      const error = refusal(countOption('limit', 100), value);
      expect(error?.code).toBe('invalid-input');
      expect(error?.message).toBe(`--limit must be a whole number 1-100, got "${value}"`);
      expect(error?.details).toEqual({ field: 'limit' });
    },
  );

  it('accepts whole numbers in range, and fractions where the option takes them', () => {
    expect(countOption('limit', 100)('100')).toBe(100);
    expect(rowsOption('limit')('0')).toBe(0);
    expect(numericOption('threshold', { min: 0, max: 1 })('0.75')).toBe(0.75);
    expect(refusal(numericOption('threshold', { min: 0, max: 1 }), '1.5')?.message).toBe(
      '--threshold must be a number 0 to 1, got "1.5"',
    );
  });

  it('says what an unbounded option accepts, in its own words when given', () => {
    const value = numericOption('value', { min: 0, accepted: 'a non-negative number (US dollars)' });
    expect(value('12.5')).toBe(12.5);
    expect(refusal(value, '-3')?.details).toEqual({
      field: 'value',
      accepted: 'a non-negative number (US dollars)',
    });
    expect(refusal(rowsOption('limit'), 'abc')?.message).toBe(
      '--limit must be a whole number 0 or more, got "abc"',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { monthDigits } from './month-names.ts';

describe('monthDigits', () => {
  it.each([
    ['Oct', '10'],
    ['october', '10'],
    ['SEPT', '09'],
    ['may', '05'],
    ['Jan', '01'],
  ])('reads %s as month %s', (name, digits) => {
    expect(monthDigits(name)).toBe(digits);
  });

  it('reads no month in other words', () => {
    expect(monthDigits('Okt')).toBeUndefined();
    expect(monthDigits('constructor')).toBeUndefined();
  });
});

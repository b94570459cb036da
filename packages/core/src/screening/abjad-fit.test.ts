import { describe, expect, it } from 'vitest';
import { abjadFit } from './abjad-fit.ts';

describe('abjadFit', () => {
  it.each([
    ['mstfa', 'mostafa'],
    ['tarq', 'tarek'],
    ['hdad', 'haddad'],
    ['msud', 'masood'],
    ['aisi', 'issa'],
    ['alwi', 'alvi'],
  ])('reads %s as a spelling of %s', (read, spelled) => {
    expect(abjadFit(read, spelled)).toBe(true);
  });

  it.each([
    ['kbisi', 'kurdi', 'another consonant'],
    ['ali', 'alia', 'a final vowel the script would write'],
    ['sam', 'samir', 'a consonant more'],
    ['hd', 'hadi', 'too short to say'],
  ])('does not read %s as %s (%s)', (read, spelled) => {
    expect(abjadFit(read, spelled)).toBe(false);
  });
});

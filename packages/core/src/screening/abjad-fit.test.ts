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
    ['jmal', 'djamel'],
    ['anur', 'anwar'],
    ['shrawi', 'sahraoui'],
    ['rdha', 'reza'],
    ['rdha', 'reda'],
    ['rmdhan', 'ramadan'],
    ['abdalrhmn', 'abderrahmane'],
    ['amin', 'amine'],
  ])('reads %s as a spelling of %s', (read, spelled) => {
    expect(abjadFit(read, spelled)).toBe(true);
  });

  it.each([
    ['kbisi', 'kurdi', 'another consonant'],
    ['ali', 'alia', 'a final vowel the script would write'],
    ['sam', 'samir', 'a consonant more'],
    ['hd', 'hadi', 'too short to say'],
    ['jmal', 'djamila', 'a final vowel the script would write, after dj'],
    ['hmdi', 'hamdani', 'a consonant more'],
    ['amin', 'aminee', 'more than one silent e'],
    ['sami', 'samie', 'a silent e only after a consonant the reading ends on'],
    ['rdha', 'rasha', 'dh read as d or z, not as s'],
  ])('does not read %s as %s (%s)', (read, spelled) => {
    expect(abjadFit(read, spelled)).toBe(false);
  });
});

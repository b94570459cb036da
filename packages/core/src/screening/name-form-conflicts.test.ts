import { describe, expect, it } from 'vitest';
import { genderedForm } from './name-form-conflicts.ts';

describe('genderedForm', () => {
  it.each([
    ['michel', 'michelle'],
    ['daniel', 'daniela'],
    ['karim', 'karima'],
    ['martin', 'martina'],
    ['jean', 'jeanne'],
    ['julien', 'julienne'],
  ])('reads %s / %s as one name in two genders', (short, long) => {
    expect(genderedForm(short, long)).toBe(true);
  });

  it.each([
    ['othman', 'othmane', 'a final e alone (French romanisation of Arabic)'],
    ['fatima', 'fatimah', 'a final h'],
    ['musa', 'musaa', 'after a vowel'],
    ['ali', 'alia', 'a word of three letters'],
    ['emanuel', 'emmanuel', 'a letter inside the word'],
    ['michel', 'michelin', 'another ending'],
    ['karim', 'karimaa', 'two letters'],
    ['baranov', 'baranova', "a Slavic surname's feminine a (lists write a woman's surname either way)"],
    ['ukhnalev', 'ukhnaleva', "a Slavic surname's feminine a"],
  ])('leaves %s / %s alone (%s)', (short, long) => {
    expect(genderedForm(short, long)).toBe(false);
  });
});

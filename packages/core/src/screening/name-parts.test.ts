import { describe, expect, it } from 'vitest';
import { isAcronymOf, namePartsOf } from './name-parts.ts';

describe('namePartsOf', () => {
  it('splits names packed in one cell by semicolons, enumerations and brackets', () => {
    expect(namePartsOf('Zamorin Foundation (the Orchid Front; Tarvand Relief Trust)')).toEqual([
      'Zamorin Foundation',
      'the Orchid Front',
      'Tarvand Relief Trust',
    ]);
    expect(namePartsOf('a) Karim Sabeti; Kareem Sabeti b) M. Javad Sabeti')).toEqual([
      'Karim Sabeti',
      'Kareem Sabeti',
      'M. Javad Sabeti',
    ]);
  });

  it('keeps a bracketed acronym of the name, not a bracketed word that is none', () => {
    expect(namePartsOf('Northern Valley Tool Works (NVTW)')).toEqual(['Northern Valley Tool Works', 'NVTW']);
    expect(namePartsOf('Harbin Relief Foundation (KENYA)')).toEqual(['Harbin Relief Foundation']);
  });

  it('drops a long bracketed remark and the original-script label', () => {
    expect(
      namePartsOf(
        'Farid Osmanov (false identity related to a forged passport issued in another country and since confiscated)',
      ),
    ).toEqual(['Farid Osmanov']);
    expect(namePartsOf('Abu Karim (original script: Абу Карим)')).toEqual(['Abu Karim', 'Абу Карим']);
  });

  it('reads the outermost brackets, dropping nested ones and the original-script label', () => {
    expect(
      namePartsOf('Tarvand Free Front (TFF) (تروند الحر (original script); Tarvand Relief Trust (TRT))'),
    ).toEqual(['Tarvand Free Front', 'TFF', 'تروند الحر', 'Tarvand Relief Trust']);
  });

  it('leaves a plain name alone', () => {
    expect(namePartsOf('Ivan Petrovich Sidorov')).toEqual([]);
  });
});

describe('isAcronymOf', () => {
  it('reads initials in order from the first word, skipping small words', () => {
    expect(isAcronymOf('ISGS', 'Islamic State in the Greater Sahara')).toBe(true);
    expect(isAcronymOf('SGIS', 'Islamic State in the Greater Sahara')).toBe(false);
    expect(isAcronymOf('IS', 'Islamic State')).toBe(false);
  });
});

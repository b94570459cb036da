import { describe, expect, it } from 'vitest';
import { commaSeparatedNames } from './comma-names.ts';

describe('commaSeparatedNames', () => {
  it('splits spellings of one name packed with commas', () => {
    expect(commaSeparatedNames('Pak Chol Su, Pak Chul Soo')).toEqual(['Pak Chol Su', 'Pak Chul Soo']);
    expect(commaSeparatedNames('Jemaah Tauhidiah, Jamaah Tauhidiyah')).toEqual([
      'Jemaah Tauhidiah',
      'Jamaah Tauhidiyah',
    ]);
  });

  it('leaves the surname-first form and unrelated pieces as one name', () => {
    expect(commaSeparatedNames('CHATAYEV, Akhmed')).toEqual([]);
    expect(commaSeparatedNames('AL-QAYYIM, Ibn Karim')).toEqual([]);
    expect(commaSeparatedNames('GARCIA LOPEZ, Juan Carlos')).toEqual([]);
    expect(commaSeparatedNames('Acme Holdings, Ltd.')).toEqual([]);
    expect(commaSeparatedNames('Karim Sabeti')).toEqual([]);
  });
});

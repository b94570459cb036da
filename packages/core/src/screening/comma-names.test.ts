import { describe, expect, it } from 'vitest';
import { commaSeparatedNames, slashSeparatedNames } from './comma-names.ts';

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

describe('slashSeparatedNames', () => {
  it('splits spellings of one name given in two languages with a slash', () => {
    expect(slashSeparatedNames('Павел Иванович ОРЛОВ / Павло Іванович ОРЛОВ')).toEqual([
      'Павел Иванович ОРЛОВ',
      'Павло Іванович ОРЛОВ',
    ]);
    expect(slashSeparatedNames('Ivan Petrovich KRAVETS/Ivan Petrovych KRAVETS')).toEqual([
      'Ivan Petrovich KRAVETS',
      'Ivan Petrovych KRAVETS',
    ]);
  });

  it('leaves a slash in a legal form, an address or between unrelated names as one name', () => {
    expect(slashSeparatedNames('Nordic Shipping A/S')).toEqual([]);
    expect(slashSeparatedNames('Ivan Orlov c/o Baltic Trading')).toEqual([]);
    expect(slashSeparatedNames('Orlovsky Trading / Baltic Logistics Group')).toEqual([]);
    expect(slashSeparatedNames('Ivan Orlov')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { arabicReading } from './arabic-reading.ts';

describe('arabicReading', () => {
  it('reads alif, waw and ya as the vowels they write and the article apart', () => {
    expect(arabicReading('كنان العطار')).toBe('knan al atar');
    expect(arabicReading('نزار الكبيسي')).toBe('nzar al kbisi');
  });

  it('reads the kinship particles whole and joins abd al-', () => {
    expect(arabicReading('عبد الرحمن بن عمر')).toBe('abdalrhmn bin amr');
    expect(arabicReading('عبدالسلام')).toBe('abdalslam');
  });

  it('is undefined for a name without Arabic-script letters', () => {
    expect(arabicReading('Kinan al-Attar')).toBeUndefined();
  });
});

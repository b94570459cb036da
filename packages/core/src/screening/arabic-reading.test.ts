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

  it('reads the presentation forms as their letters', () => {
    // كريم مرادى in isolated and final forms
    expect(arabicReading('\ufeda\ufeae\ufef2\ufee2 \ufee2\ufeae\ufe8e\ufeaa\ufef0')).toBe('krim mrada');
  });

  it('reads the Pashto letters and ض as dh', () => {
    expect(arabicReading('نسیم ځرغون')).toBe('nsim zrghun');
    expect(arabicReading('رضا')).toBe('rdha');
  });

  it('reads a word compounded with الله whole, not as the article', () => {
    expect(arabicReading('امین اللهی')).toBe('amin allahi');
    expect(arabicReading('الله')).toBe('allah');
  });

  it('is undefined for a name without Arabic-script letters', () => {
    expect(arabicReading('Kinan al-Attar')).toBeUndefined();
  });
});

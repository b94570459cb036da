import { describe, expect, it } from 'vitest';
import { detectScript, isNonLatin } from './detect-script.ts';

describe('detectScript', () => {
  it.each([
    ['Vladimir Putin', 'Latn'],
    ['Владимир Путин', 'Cyrl'],
    ['أسامة بن لادن', 'Arab'],
    ['习近平', 'Hani'],
    ['株式会社ロステック', 'Jpan'],
    ['김정은', 'Hang'],
    ['Αθήνα', 'Grek'],
    ['משה', 'Hebr'],
    ['Müller GmbH', 'Latn'],
  ])('detects the script of %s as %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('returns undefined for text without letters', () => {
    expect(detectScript('12-34 / ()')).toBeUndefined();
  });

  it('tells non-Latin text apart', () => {
    expect(isNonLatin('Путин')).toBe(true);
    expect(isNonLatin('Putin')).toBe(false);
  });
});

let patterns: RegExp[] | undefined;
/** The script with the most matches of its pattern, first on a tie (Jpan for kana with kanji). */
function byPatterns(text: string): string | undefined {
  const codes = [
    'Latn',
    'Cyrl',
    'Arab',
    'Hebr',
    'Grek',
    'Hang',
    'Hira',
    'Kana',
    'Hani',
    'Deva',
    'Thai',
    'Geor',
  ];
  const names = [
    'Latin',
    'Cyrillic',
    'Arabic',
    'Hebrew',
    'Greek',
    'Hangul',
    'Hiragana',
    'Katakana',
    'Han',
    'Devanagari',
    'Thai',
    'Georgian',
  ];
  const more = [
    'Armn',
    'Ethi',
    'Mymr',
    'Khmr',
    'Beng',
    'Taml',
    'Sinh',
    'Tibt',
    'Mong',
    'Syrc',
    'Thaa',
    'Laoo',
  ];
  const moreNames = [
    'Armenian',
    'Ethiopic',
    'Myanmar',
    'Khmer',
    'Bengali',
    'Tamil',
    'Sinhala',
    'Tibetan',
    'Mongolian',
    'Syriac',
    'Thaana',
    'Lao',
  ];
  patterns ??= [...names, ...moreNames].map((name) => new RegExp(`\\p{Script=${name}}`, 'gu'));
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  patterns.forEach((pattern, i) => {
    const code = [...codes, ...more][i]!;
    const n = text.match(pattern)?.length ?? 0;
    counts.set(code, n);
    if (n > bestCount) [best, bestCount] = [code, n];
  });
  if (counts.get('Hira')! + counts.get('Kana')! > 0 && ['Hani', 'Hira', 'Kana'].includes(best!))
    return 'Jpan';
  return best;
}

describe('detectScript in one pass', () => {
  it('gives what counting each script with its pattern gives, on mixed texts and ties', () => {
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const pieces = [
      'a',
      'É',
      'ж',
      'ب',
      'ש',
      'λ',
      '가',
      'か',
      'カ',
      '漢',
      'क',
      '',
      'ა',
      ' ',
      '1',
      '\u0301',
      '𠀋',
      '\ud800',
      'ー',
    ];
    const texts = ['', 'ab жж', 'жж ab', 'かな漢字漢', '漢漢か', 'カ漢', '𠀋𠀋a'];
    for (let i = 0; i < 2000; i++)
      texts.push(Array.from({ length: 1 + random(9) }, () => pieces[random(pieces.length)]).join(''));
    for (const text of texts) expect(detectScript(text), text).toBe(byPatterns(text));
  });

  it('reads every code point below U+10000 as its script pattern does', () => {
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      const ch = String.fromCharCode(cp);
      if (detectScript(ch) !== byPatterns(ch)) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
  });
});

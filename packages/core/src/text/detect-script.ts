/** Unicode script property escapes, tried in order; the first with most letters wins. */
const SCRIPT_PATTERNS: [code: string, pattern: RegExp][] = [
  ['Latn', /\p{Script=Latin}/gu],
  ['Cyrl', /\p{Script=Cyrillic}/gu],
  ['Arab', /\p{Script=Arabic}/gu],
  ['Hebr', /\p{Script=Hebrew}/gu],
  ['Grek', /\p{Script=Greek}/gu],
  ['Hang', /\p{Script=Hangul}/gu],
  ['Hira', /\p{Script=Hiragana}/gu],
  ['Kana', /\p{Script=Katakana}/gu],
  ['Hani', /\p{Script=Han}/gu],
  ['Deva', /\p{Script=Devanagari}/gu],
  ['Thai', /\p{Script=Thai}/gu],
  ['Geor', /\p{Script=Georgian}/gu],
  ['Armn', /\p{Script=Armenian}/gu],
  ['Ethi', /\p{Script=Ethiopic}/gu],
  ['Mymr', /\p{Script=Myanmar}/gu],
  ['Khmr', /\p{Script=Khmer}/gu],
  ['Beng', /\p{Script=Bengali}/gu],
  ['Taml', /\p{Script=Tamil}/gu],
  ['Sinh', /\p{Script=Sinhala}/gu],
  ['Tibt', /\p{Script=Tibetan}/gu],
  ['Mong', /\p{Script=Mongolian}/gu],
  ['Syrc', /\p{Script=Syriac}/gu],
  ['Thaa', /\p{Script=Thaana}/gu],
  ['Laoo', /\p{Script=Lao}/gu],
];
/** Each with the same pattern without the global flag, to test for any letter of it. */
const SCRIPTS: [code: string, pattern: RegExp, any: RegExp][] = SCRIPT_PATTERNS.map(([code, p]) => [
  code,
  p,
  new RegExp(p.source, 'u'),
]);

/**
 * The ISO 15924 code of the script most letters of `text` are written in
 * (`Latn`, `Cyrl`, `Arab`, `Hani`, …); Japanese kana with kanji is `Jpan`;
 * undefined when the text has no letters.
 *
 * @example
 * detectScript('Владимир Путин') // 'Cyrl'
 */
export function detectScript(text: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  const counts: Record<string, number> = {};
  for (const [code, pattern, any] of SCRIPTS) {
    // Most scripts are absent: a test makes no array of matches.
    const n = any.test(text) ? (text.match(pattern)?.length ?? 0) : 0;
    counts[code] = n;
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  if (
    (counts.Hira ?? 0) + (counts.Kana ?? 0) > 0 &&
    (best === 'Hani' || best === 'Hira' || best === 'Kana')
  ) {
    return 'Jpan';
  }
  return best;
}

/** True when the text has letters outside the Latin script. */
export function isNonLatin(text: string): boolean {
  const s = detectScript(text);
  return s !== undefined && s !== 'Latn';
}

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
/** Each with the same pattern without the global flag, to test one code point. */
const SCRIPTS: [code: string, any: RegExp][] = SCRIPT_PATTERNS.map(([code, p]) => [
  code,
  new RegExp(p.source, 'u'),
]);
const HIRA = SCRIPTS.findIndex(([code]) => code === 'Hira');
const KANA = SCRIPTS.findIndex(([code]) => code === 'Kana');
const HANI = SCRIPTS.findIndex(([code]) => code === 'Hani');

/**
 * Per code point below U+10000: 1 + the index in `SCRIPTS` of its script, 0 for none of them,
 * -1 not yet looked up (each is looked up once with the patterns, so that a text is read in one
 * pass instead of once per script). Code points above it are looked up each time.
 */
const SCRIPT_OF_UNIT = new Int8Array(0x10000).fill(-1);

function scriptSlotOf(ch: string): number {
  const cp = ch.codePointAt(0)!;
  let slot = cp < 0x10000 ? SCRIPT_OF_UNIT[cp]! : -1;
  if (slot < 0) {
    slot = SCRIPTS.findIndex(([, any]) => any.test(ch)) + 1;
    if (cp < 0x10000) SCRIPT_OF_UNIT[cp] = slot;
  }
  return slot;
}

/**
 * The ISO 15924 code of the script most letters of `text` are written in
 * (`Latn`, `Cyrl`, `Arab`, `Hani`, …); Japanese kana with kanji is `Jpan`;
 * undefined when the text has no letters. Counts each code point of one of the scripts, as
 * `text.match(/\p{Script=…}/gu)` would (the scripts are disjoint), in one pass; the first script
 * in `SCRIPT_PATTERNS` wins a tie.
 *
 * @example
 * detectScript('Владимир Путин') // 'Cyrl'
 */
export function detectScript(text: string): string | undefined {
  const counts = new Int32Array(SCRIPTS.length + 1);
  for (const ch of text) counts[scriptSlotOf(ch)]!++;
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < SCRIPTS.length; i++) {
    if (counts[i + 1]! > bestCount) {
      best = i;
      bestCount = counts[i + 1]!;
    }
  }
  if (counts[HIRA + 1]! + counts[KANA + 1]! > 0 && (best === HANI || best === HIRA || best === KANA)) {
    return 'Jpan';
  }
  return best < 0 ? undefined : SCRIPTS[best]![0];
}

/** True when the text has letters outside the Latin script. */
export function isNonLatin(text: string): boolean {
  const s = detectScript(text);
  return s !== undefined && s !== 'Latn';
}

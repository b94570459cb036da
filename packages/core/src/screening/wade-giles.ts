/**
 * Chinese names in Wade–Giles ("Mao Tse-tung", "Chiang Ching-kuo") read as
 * pinyin ("mao ze dong", "jiang jing guo"), the romanisation most lists
 * use. Apostrophes mark aspiration (t' is pinyin t, t is d); without them a
 * syllable is read unaspirated, the commoner reading in names.
 */

/** Wade–Giles initials, longest first: [unaspirated pinyin, aspirated pinyin]. */
const INITIALS: readonly (readonly [string, string, string])[] = [
  ['hs', 'x', 'x'],
  ['ch', 'zh', 'ch'],
  ['ts', 'z', 'c'],
  ['tz', 'z', 'c'],
  ['ss', 's', 's'],
  ['sz', 's', 's'],
  ['sh', 'sh', 'sh'],
  ['k', 'g', 'k'],
  ['p', 'b', 'p'],
  ['t', 'd', 't'],
  ['j', 'r', 'r'],
  ['b', 'b', 'b'],
  ['f', 'f', 'f'],
  ['h', 'h', 'h'],
  ['l', 'l', 'l'],
  ['m', 'm', 'm'],
  ['n', 'n', 'n'],
  ['s', 's', 's'],
  ['w', 'w', 'w'],
  ['y', 'y', 'y'],
  ['', '', ''],
];

/**
 * Wade–Giles finals and their pinyin, for the finals that are spelled differently (a map: a
 * look-up of an arbitrary word's tail in an object literal also found `Object.prototype`'s
 * names, "constructor" and the like, and was slow on strings made per call).
 */
const FINALS: ReadonlyMap<string, string> = new Map([
  ['ung', 'ong'],
  ['iung', 'iong'],
  ['ieh', 'ie'],
  ['ien', 'ian'],
  ['ih', 'i'],
  ['uei', 'ui'],
  ['erh', 'er'],
  ['ueh', 'ue'],
  ['o', 'o'],
]);

/** Finals of pinyin and Wade–Giles alike (the syllable is otherwise not a Chinese one). */
const SAME_FINALS = new Set(
  'a ai an ang ao e ei en eng i ia iao iang in ing iu o ou u ua uai uan uang un uo ui e'.split(' '),
);

/** Longest syllable: an initial of two letters and a final of four ("hsiung", "chuang"). */
const LONGEST_SYLLABLE = 6;
const LONGER_THAN_SYLLABLE = /[A-Za-z]{7}/;

/** The pinyin of one Wade–Giles syllable, or undefined when it is not one. */
function syllableToPinyin(syllable: string, aspirated: boolean): string | undefined {
  for (const [wg, plain, asp] of INITIALS) {
    if (!syllable.startsWith(wg)) continue;
    let final = syllable.slice(wg.length);
    let initial = aspirated ? asp : plain;
    // The apical vowel of tzu, ssu, szu is pinyin i.
    if ((wg === 'tz' || wg === 'ss' || wg === 'sz') && final === 'u') final = 'i';
    const mapped = FINALS.get(final) ?? (SAME_FINALS.has(final) ? final : undefined);
    if (mapped === undefined) continue;
    // ch before i or ü is pinyin j (q aspirated); hs is always x.
    if (wg === 'ch' && mapped.startsWith('i') && final !== 'ih') initial = aspirated ? 'q' : 'j';
    // k'o, ko, ho are pinyin ke, ge, he.
    const out = mapped === 'o' && (wg === 'k' || wg === 'h') ? 'e' : mapped;
    if (initial === '' && out === '') return undefined;
    return initial + out;
  }
  return undefined;
}

/**
 * The pinyin reading of a name written in Wade–Giles, or undefined when
 * some word is not a Wade–Giles syllable (or a hyphenated pair of them) or
 * the reading changes nothing.
 *
 * @example
 * wadeGilesToPinyin("Teng Hsiao-p'ing") // 'deng xiao ping'
 */
export function wadeGilesToPinyin(text: string): string | undefined {
  // Seven letters in a row are longer than any syllable: most names in other languages.
  if (LONGER_THAN_SYLLABLE.test(text) || !/^[A-Za-z'’ʼ\s,-]+$/.test(text)) return undefined;
  const words = text
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
  if (words.length < 2) return undefined;
  const out: string[] = [];
  for (const word of words) {
    for (const part of word.split('-').filter(Boolean)) {
      const aspirated = /['’ʼ]/.test(part);
      const bare = part.replace(/['’ʼ]/g, '');
      // Most words of names in other languages: too long to be one syllable.
      if (bare.length > LONGEST_SYLLABLE) return undefined;
      const pinyin = syllableToPinyin(bare, aspirated);
      if (!pinyin) return undefined;
      out.push(pinyin);
    }
  }
  const reading = out.join(' ');
  return reading === words.join(' ').replace(/-/g, ' ').replace(/['’ʼ]/g, '') ? undefined : reading;
}

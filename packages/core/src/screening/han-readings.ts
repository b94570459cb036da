import type { HanReadings } from './name-reference.ts';

const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;
/** A letter of any script but Han (kana, Hangul, Latin…). */
const OTHER_LETTER = /(?!\p{Script=Han})\p{L}/u;

/** Han characters a name needs for its readings: one character says too little. */
const MIN_CHARACTERS = 2;
/** Korean names are two to four syllables; longer Han runs are not Korean person names. */
const MAX_KOREAN = 4;
/** Japanese names longer than this are not person names (company names, addresses). */
const MAX_JAPANESE = 6;
/** Japanese readings kept per name (the commonest first). */
const JAPANESE_VARIANTS = 2;

/**
 * Which run holds the family name: the first, unless the name is written
 * given name first (a longer run followed by a one-character run: 金龍 陳).
 */
function familyRun(runs: string[]): number {
  const last = runs.length - 1;
  return last > 0 && Array.from(runs[0]!).length > 1 && Array.from(runs[last]!).length === 1 ? last : 0;
}

/** The Sino-Korean reading of the Han runs (the family name's first character as a family name), in Hangul. */
function koreanReading(runs: string[], readings: HanReadings): string | undefined {
  const family = familyRun(runs);
  const words: string[] = [];
  for (let r = 0; r < runs.length; r++) {
    let word = '';
    for (const ch of runs[r]!) {
      const syllable =
        (r === family && word === '' ? readings.koreanFamily.get(ch) : undefined) ?? readings.korean.get(ch);
      if (syllable === undefined) return undefined;
      word += syllable;
    }
    words.push(word);
  }
  return words.join(' ');
}

/**
 * Romanised Japanese readings of one Han run: a family name followed by a
 * given name (every split of the run that the name tables know), else a
 * family or given name alone; commonest readings first.
 */
function japaneseReadings(run: string, readings: HanReadings): string[] {
  const chars = Array.from(run);
  const found: { text: string; rank: number }[] = [];
  for (let k = 1; k < chars.length; k++) {
    const family = readings.japaneseFamily.get(chars.slice(0, k).join(''));
    if (!family) continue;
    const given = readings.japaneseGiven.get(chars.slice(k).join(''));
    if (!given) continue;
    family.forEach((f, i) => given.forEach((g, j) => found.push({ text: `${f} ${g}`, rank: i + j })));
  }
  if (found.length === 0) {
    const alone = readings.japaneseFamily.get(run) ?? readings.japaneseGiven.get(run) ?? [];
    alone.forEach((text, rank) => found.push({ text, rank }));
  }
  found.sort((a, b) => a.rank - b.rank);
  return [...new Set(found.map((f) => f.text))].slice(0, JAPANESE_VARIANTS);
}

/**
 * Other ways to read a person name written only in Han characters, as text
 * to tokenize beside the name itself (whose tokens are the pinyin): its
 * Sino-Korean reading in Hangul (金正恩 → 김정은, romanised "kim jong un") and
 * its Japanese readings when the Japanese name tables know it as a family
 * name followed by a given name (山田太郎 → "yamada taro"). Names with letters
 * of other scripts, a single character, or too many characters to be a
 * person name have none.
 *
 * @example
 * hanReadingVariants('山田太郎', readings) // ['산전태랑', 'yamada taro']
 */
export function hanReadingVariants(text: string, readings: HanReadings): string[] {
  const nfkc = text.normalize('NFKC');
  if (!HAN.test(nfkc) || OTHER_LETTER.test(nfkc)) return [];
  const runs = nfkc.match(HAN_RUN) ?? [];
  let length = 0;
  for (const run of runs) length += Array.from(run).length;
  if (length < MIN_CHARACTERS) return [];
  const out: string[] = [];
  if (length <= MAX_KOREAN) {
    const korean = koreanReading(runs, readings);
    if (korean) out.push(korean);
  }
  if (length <= MAX_JAPANESE) {
    const perRun = runs.map((run) => japaneseReadings(run, readings));
    if (perRun.some((r) => r.length > 0)) {
      for (let i = 0; i < JAPANESE_VARIANTS; i++) {
        if (i > 0 && perRun.every((r) => r.length <= i)) break;
        // A run the tables do not know keeps its characters (read as pinyin).
        out.push(perRun.map((r, k) => r[i] ?? r[0] ?? runs[k]!).join(' '));
      }
    }
  }
  return [...new Set(out)];
}

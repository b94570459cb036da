/**
 * Katakana morae in Hepburn and the Latin consonants each may stand for
 * in the katakana transcription of a foreign name (data of `transcriptionSpellings`).
 */
import type { Segment } from './segment.ts';

/** Katakana → [consonant, vowel] in Hepburn; `n` is ン, `-` the long mark, `q` the small tsu. */
export const KANA: Readonly<Record<string, readonly [string, string]>> = {};
function kanaRow(chars: string, consonant: string, vowels = 'aiueo'): void {
  [...chars].forEach((ch, k) => {
    if (ch !== '_') (KANA as Record<string, [string, string]>)[ch] = [consonant, vowels[k]!];
  });
}
kanaRow('アイウエオ', '');
kanaRow('カキクケコ', 'k');
kanaRow('ガギグゲゴ', 'g');
kanaRow('サ_スセソ', 's');
kanaRow('ザ_ズゼゾ', 'z');
kanaRow('タ__テト', 't');
kanaRow('ダ__デド', 'd');
kanaRow('ナニヌネノ', 'n');
kanaRow('ハヒ_ヘホ', 'h');
kanaRow('バビブベボ', 'b');
kanaRow('パピプペポ', 'p');
kanaRow('マミムメモ', 'm');
kanaRow('ヤ_ユ_ヨ', 'y');
kanaRow('ラリルレロ', 'r');
kanaRow('ワヰ_ヱヲ', 'w');
Object.assign(KANA, {
  シ: ['sh', 'i'],
  ジ: ['j', 'i'],
  チ: ['ch', 'i'],
  ヂ: ['j', 'i'],
  ツ: ['ts', 'u'],
  ヅ: ['z', 'u'],
  フ: ['f', 'u'],
  ヴ: ['v', 'u'],
});

/** Small kana that replace the vowel of the mora before them (ファ, ティ) or add a glide (キャ). */
export const SMALL_VOWEL: Readonly<Record<string, string>> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };
export const SMALL_GLIDE: Readonly<Record<string, string>> = { ャ: 'a', ュ: 'u', ョ: 'o' };

/** The Latin consonants a katakana consonant may stand for. */
export const KANA_CONSONANT: Readonly<Record<string, Segment>> = {
  r: ['r', 'l'],
  b: ['b', 'v'],
  v: ['v', 'b', 'w'],
  j: ['j', 'd', 'z', 'g', 'dj', 'zh'],
  ch: ['ch', 't', 'ts', 'c', 'tch'],
  ts: ['ts', 't', 'z', 'c', 'tz'],
  sh: ['sh', 's', 'sch', 'ch'],
  s: ['s', 'c', 'th', 'z'],
  z: ['z', 's', 'd'],
  f: ['f', 'h', 'ph', 'v'],
  h: ['h', 'kh', 'f'],
  k: ['k', 'c', 'kh', 'ch'],
  w: ['w', 'v'],
  t: ['t', 'th'],
  g: ['g', 'gh'],
};

/**
 * Hangul jamo and the Latin letters each may stand for in the Hangul
 * transcription of a foreign name (data of `transcriptionSpellings`).
 */
import type { Segment } from './segment.ts';

/** Initial consonants (choseong) in code order, with the Latin letters each may stand for. */
export const HANGUL_INITIAL: readonly Segment[] = [
  ['g', 'k'], // ㄱ
  ['kk', 'k', 'g'], // ㄲ
  ['n'], // ㄴ
  ['d', 't'], // ㄷ
  ['tt', 't', 'd'], // ㄸ
  ['r', 'l'], // ㄹ
  ['m'], // ㅁ
  ['b', 'v', 'w'], // ㅂ
  ['pp', 'p', 'b'], // ㅃ
  ['s', 'sh', 'z'], // ㅅ
  ['ss', 's'], // ㅆ
  [''], // ㅇ
  ['j', 'z', 'g'], // ㅈ
  ['jj', 'ts'], // ㅉ
  ['ch', 'ts', 'c'], // ㅊ
  ['k', 'c'], // ㅋ
  ['t', 'th'], // ㅌ
  ['p', 'f', 'v'], // ㅍ
  ['h', 'kh'], // ㅎ
];

/** Vowels (jungseong) in code order. */
export const HANGUL_MEDIAL: readonly Segment[] = [
  ['a'], // ㅏ
  ['ae', 'e', 'a'], // ㅐ
  ['ya', 'ia'], // ㅑ
  ['yae', 'ye'], // ㅒ
  ['eo', 'o', 'e', 'u'], // ㅓ
  ['e'], // ㅔ
  ['yeo', 'yo', 'ye'], // ㅕ
  ['ye', 'e'], // ㅖ
  ['o'], // ㅗ
  ['wa', 'oa'], // ㅘ
  ['wae', 'we'], // ㅙ
  ['oe', 'we'], // ㅚ
  ['yo', 'io'], // ㅛ
  ['u', 'ou', 'oo'], // ㅜ
  ['wo', 'uo'], // ㅝ
  ['we', 'ue'], // ㅞ
  ['wi', 'ui'], // ㅟ
  ['yu', 'iu'], // ㅠ
  ['eu', '', 'u'], // ㅡ: in loanwords the vowel that breaks a cluster
  ['ui', 'i'], // ㅢ
  ['i'], // ㅣ
];

/** Final consonants (jongseong) in code order; index 0 is none. */
export const HANGUL_FINAL: readonly Segment[] = [
  [''],
  ['k', 'g'], // ㄱ
  ['k'], // ㄲ
  ['k'], // ㄳ
  ['n'], // ㄴ
  ['n'], // ㄵ
  ['n'], // ㄶ
  ['t', 'd'], // ㄷ
  ['l', 'r'], // ㄹ
  ['k'], // ㄺ
  ['m'], // ㄻ
  ['l'], // ㄼ
  ['l'], // ㄽ
  ['l'], // ㄾ
  ['p'], // ㄿ
  ['l'], // ㅀ
  ['m'], // ㅁ
  ['p', 'b'], // ㅂ
  ['p'], // ㅄ
  ['t', 's'], // ㅅ
  ['t', 's'], // ㅆ
  ['ng'], // ㅇ
  ['t', 'j'], // ㅈ
  ['t', 'ch'], // ㅊ
  ['k'], // ㅋ
  ['t'], // ㅌ
  ['p'], // ㅍ
  ['h'], // ㅎ
];

import anyAscii from 'any-ascii';
import { BURMESE_LETTER, BURMESE_RHYME } from './transcription-tables/burmese.ts';
import { GREEK_DIGRAPH, GREEK_DIGRAPH_SOUNDS } from './transcription-tables/greek.ts';
import { HAN_SOUNDS } from './transcription-tables/han-sounds.ts';
import { HANGUL_FINAL, HANGUL_INITIAL, HANGUL_MEDIAL } from './transcription-tables/hangul.ts';
import { KANA, KANA_CONSONANT, SMALL_GLIDE, SMALL_VOWEL } from './transcription-tables/katakana.ts';
import type { Segment } from './transcription-tables/segment.ts';
import { MAX_NAME_LENGTH } from './tokenize-name.ts';

/**
 * Foreign names written in Korean Hangul, Japanese katakana, Chinese
 * characters, Burmese or Greek lose distinctions the Latin spelling keeps:
 * Korean writes b and v alike (ㅂ) and adds vowels to break consonant
 * clusters (블라디미르 "beul-la-di-mi-reu" for Vladimir), Japanese merges l
 * and r and ends every consonant with a vowel (ウラジーミル "u-ra-ji-mi-ru"),
 * Chinese spells each syllable with a character (弗拉基米尔 "fu-la-ji-mi-er"),
 * Greek writes d as ντ. A plain romanisation of such a word is far from the
 * name it stands for. This module lists, per word, the Latin spellings the
 * word may stand for, cheapest (most literal) first; the screening engine
 * picks the spelling that the lists it holds actually contain.
 */

/** Most spellings kept per word (a beam over the segments, cheapest first). */
const BEAM = 4096;

/**
 * Longest word read as a transcription, in characters (블라디미로비치 is 7,
 * Βλαντίμιροβιτς 14): a longer run is not a name part, and the beam's cost
 * grows with its length.
 */
export const MAX_TRANSCRIBED_WORD = 16;

/** Most words of one name read as transcriptions (the rest keep their plain reading). */
const MAX_TRANSCRIBED_WORDS = 6;

/** The spellings of a word made of `segments`, cheapest first (cost: sum of alternative ranks). */
export function spellSegments(segments: readonly Segment[], beam = BEAM): string[] {
  // Partial spellings by cost (costs are small integers: buckets, not a sort).
  let buckets: string[][] = [['']];
  for (const segment of segments) {
    if (segment.length === 0) continue;
    const next: string[][] = [];
    let kept = 0;
    // Fill cheapest first; a partial of cost c with alternative k costs c + k.
    for (let cost = 0; cost < buckets.length + segment.length - 1 && kept < beam; cost++) {
      const bucket: string[] = [];
      for (let k = 0; k < segment.length && kept < beam; k++) {
        const from = buckets[cost - k];
        if (!from) continue;
        for (let i = 0; i < from.length && kept < beam; i++) {
          bucket.push(from[i] + segment[k]!);
          kept++;
        }
      }
      next.push(bucket);
    }
    buckets = next;
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const bucket of buckets)
    for (const text of bucket) {
      if (text.length === 0 || seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  return out;
}

// ---------------------------------------------------------------- Hangul

const INITIAL_RIEUL = 5;
const INITIAL_SILENT = 11;
const MEDIAL_EU = 18;
const MEDIAL_I = 20;
const FINAL_RIEUL = 8;
/** ㅈ, ㅉ, ㅊ: a word-final 지/치 often writes a bare j/ch (-비치 for -vich). */
const AFFRICATES = new Set([12, 13, 14]);

function hangulSegments(word: string): Segment[] {
  const syllables = [...word].map((ch) => ch.codePointAt(0)! - 0xac00);
  const segments: Segment[] = [];
  for (let s = 0; s < syllables.length; s++) {
    const code = syllables[s]!;
    const initial = Math.floor(code / 588);
    const medial = Math.floor((code % 588) / 28);
    const final = code % 28;
    const last = s === syllables.length - 1;
    const prevFinal = s > 0 ? syllables[s - 1]! % 28 : 0;
    // ㄹ after a final ㄹ is one l written twice (블라 = "bla").
    if (initial === INITIAL_RIEUL && prevFinal === FINAL_RIEUL) segments.push(['', 'l']);
    else segments.push(HANGUL_INITIAL[initial]!);
    if (medial === MEDIAL_EU && initial !== INITIAL_SILENT) segments.push(['', 'eu', 'u']);
    else if (medial === MEDIAL_I && last && final === 0 && AFFRICATES.has(initial)) segments.push(['i', '']);
    else segments.push(HANGUL_MEDIAL[medial]!);
    segments.push(HANGUL_FINAL[final]!);
  }
  return segments;
}

// ---------------------------------------------------------------- katakana

interface Mora {
  consonant: string;
  vowel: string;
  glide: boolean;
  kind: 'mora' | 'n' | 'long' | 'q';
}

function parseKatakana(word: string): Mora[] {
  const morae: Mora[] = [];
  for (const ch of word) {
    const prev = morae[morae.length - 1];
    if (ch === 'ー') morae.push({ consonant: '', vowel: '', glide: false, kind: 'long' });
    else if (ch === 'ン') morae.push({ consonant: 'n', vowel: '', glide: false, kind: 'n' });
    else if (ch === 'ッ') morae.push({ consonant: '', vowel: '', glide: false, kind: 'q' });
    else if (SMALL_VOWEL[ch] && prev?.kind === 'mora') {
      // ウィ, ヴァ, ティ: the small vowel replaces the mora's own (ウ before it is a w).
      if (prev.consonant === '' && prev.vowel === 'u') prev.consonant = 'w';
      else if (
        prev.vowel === 'i' &&
        prev.consonant !== 'sh' &&
        prev.consonant !== 'j' &&
        prev.consonant !== 'ch'
      )
        prev.glide = true;
      prev.vowel = SMALL_VOWEL[ch]!;
    } else if (SMALL_GLIDE[ch] && prev?.kind === 'mora') {
      if (!['sh', 'j', 'ch'].includes(prev.consonant)) prev.glide = true;
      prev.vowel = SMALL_GLIDE[ch]!;
    } else {
      const base = KANA[ch];
      if (base) morae.push({ consonant: base[0], vowel: base[1], glide: false, kind: 'mora' });
    }
  }
  return morae;
}

function katakanaSegments(word: string): Segment[] {
  const morae = parseKatakana(word);
  const segments: Segment[] = [];
  for (let m = 0; m < morae.length; m++) {
    const mora = morae[m]!;
    const next = morae[m + 1];
    if (mora.kind === 'long' || mora.kind === 'q') continue;
    if (mora.kind === 'n') {
      segments.push(['n', 'm']);
      continue;
    }
    const beforeConsonant = next?.kind === 'mora' && next.consonant !== '';
    const wordEnd = !next || next.kind === 'q';
    const long = next?.kind === 'long';
    // A word-initial ウ before a consonant writes v (ウラジオストク, ウラジーミル).
    if (m === 0 && mora.consonant === '' && mora.vowel === 'u' && beforeConsonant) {
      segments.push(['u', 'v', 'w']);
      continue;
    }
    segments.push(KANA_CONSONANT[mora.consonant] ?? [mora.consonant]);
    if (mora.glide) segments.push(['y', 'i', '']);
    // Vowels Japanese adds after a bare consonant: u (ル, ス, ク), o after t and d (ト, ド),
    // i after ch and j at the end (-ビッチ for -vich).
    const epenthetic =
      !long &&
      mora.consonant !== '' &&
      !mora.glide &&
      (beforeConsonant || wordEnd) &&
      (mora.vowel === 'u' ||
        (mora.vowel === 'o' && (mora.consonant === 't' || mora.consonant === 'd')) ||
        (mora.vowel === 'i' && wordEnd && (mora.consonant === 'ch' || mora.consonant === 'j')));
    if (epenthetic) segments.push([mora.vowel, '']);
    else if (mora.vowel === 'i' && mora.consonant === '' && m > 0) segments.push(['i', 'y']);
    else segments.push([mora.vowel]);
  }
  return segments;
}

// ---------------------------------------------------------------- Chinese transcription characters

function hanSegments(word: string): Segment[] {
  return [...word].map((ch) => HAN_SOUNDS[ch] ?? [anyAscii(ch).toLowerCase()]);
}

// ---------------------------------------------------------------- Burmese

const ASAT = '\u103a';
const BURMESE_CONSONANT = /[\u1000-\u1021]/u;
const BURMESE_DEPENDENT = /[\u102b-\u103e]/u;

function burmeseSegments(word: string): Segment[] {
  const chars = [...word];
  const segments: Segment[] = [];
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    const next = chars[k + 1];
    if (ch === ASAT) continue;
    if (next === ASAT && BURMESE_RHYME[ch]) {
      // The consonant closes the syllable: the rhyme replaces the inherent vowel.
      segments.push(BURMESE_RHYME[ch]!);
      continue;
    }
    const letter = BURMESE_LETTER[ch] ?? [anyAscii(ch).toLowerCase()];
    segments.push(letter);
    // A word-final ယာ writes a foreign -r ("-mir").
    if (ch === 'ယ' && next === 'ာ' && k + 2 === chars.length) {
      segments.pop();
      segments.push(['ya', 'r', 'ar', 'er']);
      k++;
      continue;
    }
    // A consonant with no vowel sign keeps an inherent a, often silent in transcriptions.
    // (unless the next consonant closes the syllable: its rhyme carries the vowel).
    const closed = chars[k + 2] === ASAT;
    if (BURMESE_CONSONANT.test(ch) && !closed && (next === undefined || !BURMESE_DEPENDENT.test(next)))
      segments.push(['', 'a']);
  }
  return segments;
}

// ---------------------------------------------------------------- Greek

function greekSegments(word: string): Segment[] {
  const bare = word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  return bare
    .split(GREEK_DIGRAPH)
    .filter((part) => part.length > 0)
    .map((part) => GREEK_DIGRAPH_SOUNDS[part] ?? [asciiGreek(part)]);
}

/** ASCII of unaccented lower-case Greek, ου read as u ("ou"), as `transliterateName` does. */
function asciiGreek(text: string): string {
  return anyAscii(text.replace(/ου/g, 'ou')).toLowerCase();
}

// ---------------------------------------------------------------- words

const HANGUL_WORD = /^[\uac00-\ud7a3]+$/u;
const KATAKANA_WORD = /^[\u30a1-\u30fa\u30fc]+$/u;
const HAN_WORD = /^\p{Script=Han}+$/u;
const BURMESE_WORD = /^[\u1000-\u109f]+$/u;
const GREEK_WORD = /^[\p{Script=Greek}\p{M}]+$/u;
/** A word with katakana beside other letters: Japanese writes words without spaces. */
const KATAKANA_RUN =
  /[\u30a1-\u30fa\u30fc][^\u30a1-\u30fa\u30fc]|[^\u30a1-\u30fa\u30fc][\u30a1-\u30fa\u30fc]/u;
/**
 * Where a katakana run meets other letters inside a word: a Japanese name runs the kanji of its
 * legal form and generic words into the katakana of a foreign name ("株式会社ツポレフ", the
 * Tupolev company), which is read as a transcription only as a word of its own.
 */
const KATAKANA_EDGE =
  /(?<=[\u30a1-\u30fa\u30fc])(?=[^\u30a1-\u30fa\u30fc])|(?<=[^\u30a1-\u30fa\u30fc])(?=[\u30a1-\u30fa\u30fc])/u;
/** Separators of the parts of a transcribed foreign name (・ in Japanese, · in Chinese). */
const NAME_DOTS = /[·・‧•･]/u;
const WORD_SPLIT = /[\s,;:()[\]"/·・‧•･-]+/u;

/** One word of a name and, when its script's transcriptions are ambiguous, the Latin spellings it may stand for. */
export interface TranscribedWord {
  /** The word as written. */
  word: string;
  /** Lower-case ASCII spellings, the most literal first; empty for words with one reading. */
  spellings: string[];
}

/**
 * The words of `text`, each with the Latin spellings it may stand for (one
 * token each, lower-case ASCII, the most literal first) when it is written
 * in a script whose transcriptions of foreign names lose distinctions:
 * Hangul, katakana, Burmese, Greek with digraphs, and Chinese characters
 * when the name's parts are separated by a middle dot (the mark of a foreign
 * name in Chinese). Undefined when no word has more than one spelling.
 *
 * @example
 * transcriptionSpellings('ウラジーミル・プーチン')?.[0]?.spellings.includes('vladimir') // true
 */
export function transcriptionSpellings(text: string): TranscribedWord[] | undefined {
  const foreignHan = NAME_DOTS.test(text);
  const words = text
    .slice(0, MAX_NAME_LENGTH)
    .normalize('NFKC')
    .split(WORD_SPLIT)
    .flatMap((w) => (KATAKANA_RUN.test(w) ? w.split(KATAKANA_EDGE) : [w]))
    .filter(Boolean);
  let ambiguous = false;
  const out: TranscribedWord[] = [];
  let transcribed = 0;
  for (const word of words) {
    let segments: Segment[] | undefined;
    const length = [...word].length;
    if (length > MAX_TRANSCRIBED_WORD || transcribed >= MAX_TRANSCRIBED_WORDS) {
      out.push({ word, spellings: [] });
      continue;
    }
    if (HANGUL_WORD.test(word) && length >= 2) segments = hangulSegments(word);
    else if (KATAKANA_WORD.test(word)) segments = katakanaSegments(word);
    else if (foreignHan && HAN_WORD.test(word) && length >= 2) segments = hanSegments(word);
    else if (BURMESE_WORD.test(word)) segments = burmeseSegments(word);
    else if (GREEK_WORD.test(word) && GREEK_DIGRAPH.test(word.toLowerCase())) segments = greekSegments(word);
    if (segments) transcribed++;
    let spellings = segments ? spellSegments(segments) : [];
    // Chinese syllables ending and starting with the same letter write it once (万诺 "vano").
    if (segments && HAN_WORD.test(word))
      spellings = [...new Set(spellings.map((x) => x.replace(/([a-z])\1+/g, '$1')))];
    if (spellings.length > 1) ambiguous = true;
    out.push({ word, spellings: spellings.length > 1 ? spellings : [] });
  }
  return ambiguous ? out : undefined;
}

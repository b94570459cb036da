/**
 * Burmese letters and rhymes and the Latin letters each may stand for in
 * the Burmese transcription of a foreign name (data of `transcriptionSpellings`).
 */
import type { Segment } from './segment.ts';

/** Burmese letters that stand for several Latin ones in transcriptions. */
export const BURMESE_LETTER: Readonly<Record<string, Segment>> = {
  ဗ: ['b', 'v'],
  ဘ: ['b', 'bh', 'v'],
  ဖ: ['ph', 'p', 'f'],
  ယ: ['y', 'r'],
  ရ: ['y', 'r'],
  သ: ['th', 't', 's'],
  ဆ: ['s', 'hs'],
};

/** Rhymes of an inherent vowel closed by a killed consonant (C + ်). */
export const BURMESE_RHYME: Readonly<Record<string, Segment>> = {
  င: ['in', 'ng', 'an'],
  န: ['an', 'n', 'en'],
  မ: ['an', 'm', 'am'],
  တ: ['at', 't', 'et'],
  က: ['et', 'k', 'ak'],
  စ: ['it', 's'],
  ပ: ['at', 'p'],
  ည: ['i', 'e'],
  ယ: ['e', 'ai'],
};

import { transliterateName } from './transliterate-name.ts';

/** Longest input the matcher reads; longer names are cut (no real name is longer). */
export const MAX_NAME_LENGTH = 500;

const APOSTROPHES_AND_DOTS = /[.'`´’‘ʼʻʿʾ]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}+/gu;
const NON_LETTER = /[^\p{L}\p{N}]+/gu;

/**
 * Lower-case ASCII tokens of a name in any script: NFKC, transliteration,
 * dots and apostrophes removed inside words ("J.P." → "jp", "O'Brien" →
 * "obrien"), every other punctuation a separator.
 *
 * @example
 * tokenizeName('PUTIN, Vladimir V.') // ['putin', 'vladimir', 'v']
 */
export function tokenizeName(text: string): string[] {
  const cut = text.slice(0, MAX_NAME_LENGTH);
  // ASCII is its own NFKC (most names: the call costs about 1 µs each).
  const nfkc = NON_ASCII.test(cut) ? cut.normalize('NFKC') : cut;
  const ascii = transliterateName(nfkc).toLowerCase().replace(APOSTROPHES_AND_DOTS, '');
  return ascii.split(NON_ALNUM).filter((t) => t.length > 0);
}

/**
 * Tokens of a name in its own script (NFKC, lower case, combining marks
 * removed), used to match original-script aliases directly.
 */
export function tokenizeOriginalScript(text: string): string[] {
  const folded = text
    .slice(0, MAX_NAME_LENGTH)
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC');
  return folded.split(NON_LETTER).filter((t) => t.length > 0);
}

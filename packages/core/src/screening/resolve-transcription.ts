import type { ScreeningIndex } from './screening-index.ts';
import { foldSpelling } from './spelling-fold.ts';
import { transcriptionSpellings } from './transcription-spellings.ts';

/** The spellings of one word the index holds: the most literal, and the most listed. */
function heldSpellings(index: ScreeningIndex, spellings: string[]): [string, string] | undefined {
  let literal: string | undefined;
  let common: string | undefined;
  let commonPostings = 0;
  for (const s of spellings) {
    const id = index.vocabulary.get(s);
    if (id === undefined) continue;
    literal ??= s;
    const postings = index.postingCount(id);
    if (postings > commonPostings) {
      common = s;
      commonPostings = postings;
    }
  }
  if (literal !== undefined) return [literal, common ?? literal];
  // No spelling listed as such: one that folds to a listed token ("vladimirovits").
  const folded = spellings.find((s) => {
    const f = foldSpelling(s);
    return index.vocabulary.has(f) || index.foldIds(f) !== undefined;
  });
  return folded === undefined ? undefined : [folded, folded];
}

/**
 * Readings of a query name with each transcribed word (see
 * `transcriptionSpellings`) replaced by a Latin spelling that the index holds
 * as a name token, or that folds to one (`foldSpelling`: "vladimirovits" for
 * "vladimirovich"): one reading with the most literal such spelling of each
 * word, one with the most listed (블라디미르 is "bladimir" before "vladimir",
 * but Vladimir is the commoner name). Words without such a spelling stay as
 * written. Empty when no word was replaced.
 *
 * @example
 * resolveTranscription(index, 'ウラジーミル・プーチン') // ['vladimir putin'] when both are listed
 */
export function resolveTranscription(index: ScreeningIndex, name: string): string[] {
  if (!/[^\u0000-\u024f]/.test(name)) return [];
  const words = transcriptionSpellings(name);
  if (!words) return [];
  const literal: string[] = [];
  const common: string[] = [];
  let replaced = false;
  for (const { word, spellings } of words) {
    const held = spellings.length > 0 ? heldSpellings(index, spellings) : undefined;
    if (held) replaced = true;
    literal.push(held?.[0] ?? word);
    common.push(held?.[1] ?? word);
  }
  if (!replaced) return [];
  const a = literal.join(' ');
  const b = common.join(' ');
  return a === b ? [a] : [a, b];
}

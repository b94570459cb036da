import type { CompiledNameReference } from './compile-name-reference.ts';

/**
 * The article as it opens the surname of a surname-first form ("AL-WARD, Abu"). Only "al": the
 * reference's phrases are "Abu al", "Abd al", "Ibn al", so a name written given-first with "el"
 * ("Ibn El-Qaim") is read word by word, and its surname-first form is read the same way.
 */
const SURNAME_ARTICLE = 'al';

/**
 * A surname-first form that cuts a reference phrase ending in the article in two: "AL-WARD,
 * Abu" is "Abu al-Ward", whose "Abu al" the reference reads as one word ("abu"), as it reads
 * "Abd al" ("abdul"), "Ibn al" ("bin"), "Bint al", "Umm al". When the given names are that
 * phrase's first word alone, returns the raw tokens without the surname's article and the
 * phrase's value for the last token, so the form reads as the name written given-first does
 * ("ward abu" beside "abu ward"); undefined otherwise ("AL-ZARQAWI, Abu Musab": the article is
 * Zarqawi's).
 *
 * @example
 * articleAcrossComma(['al', 'ward', 'abu'], 2, ref) // { raw: ['ward', 'abu'], given: 1, last: 'abu' }
 */
export function articleAcrossComma(
  raw: readonly string[],
  given: number,
  ref: CompiledNameReference,
): { raw: string[]; given: number; last: string } | undefined {
  if (given < 2 || given !== raw.length - 1 || raw[0] !== SURNAME_ARTICLE) return undefined;
  const phrase = ref.phrases
    .get(raw[given]!)
    ?.find((p) => p.kind === 'symbol' && p.tokens.length === 2 && p.tokens[1] === SURNAME_ARTICLE);
  return phrase ? { raw: raw.slice(1), given: given - 1, last: phrase.value } : undefined;
}

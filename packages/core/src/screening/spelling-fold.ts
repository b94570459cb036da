/**
 * Spelling conventions of the same sounds across transliteration systems
 * and languages, folded to one form: German and Dutch "w" for "v", German
 * "tsch", Dutch "tsj" and Polish "cz" for "ch", Dutch "oe" and French "ou"
 * for "u", the Russian "ye" for "e" at the start of a word or after a vowel
 * ("chatayev", "chataev"; "yevgeniy", "evgeniy"), "y" for "i", "ph" for "f", and an initial "bh" before l or r
 * for "v" (Bengali and Hindi spell the foreign v with bh: "bhladimir" —
 * an aspirated b never begins such a cluster); and the variants of
 * romanised Arabic and Persian: kh for h, gh and q for k, ee for i, oo for
 * u, ei for ai, and e and o between consonants for a and u ("mohammed" and
 * "muhammad", "hossein" and "husain"). Applied in this order.
 */
export const SPELLING_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/^bh(?=[lr])/, 'v'],
  [/tsch/g, 'ch'],
  [/tsj/g, 'ch'],
  [/cz/g, 'ch'],
  [/w/g, 'v'],
  [/oe/g, 'u'],
  [/ou/g, 'u'],
  [/(?<=^|[aeiou])ye/g, 'e'],
  [/y/g, 'i'],
  [/ph/g, 'f'],
  [/kh/g, 'h'],
  [/gh/g, 'k'],
  [/q/g, 'k'],
  [/ck/g, 'k'],
  [/ee/g, 'i'],
  [/oo/g, 'u'],
  [/ei/g, 'ai'],
  [/(?<=[^aeiou])e(?=[^aeiou])/g, 'a'],
  [/(?<=[^aeiou])o(?=[^aeiou])/g, 'u'],
  [/(.)\1+/g, '$1'],
];

const ASCII_WORD = /^[a-z]+$/;

/**
 * A token with spelling conventions folded ("wladimirowitsch" →
 * "vladimirovich", "poetin" → "putin"), or the token itself when it is not
 * a plain ASCII word.
 *
 * @example
 * foldSpelling('wladimirowicz') // 'vladimirovich'
 */
export function foldSpelling(token: string): string {
  const cached = memo.get(token);
  if (cached !== undefined) return cached;
  let out = token;
  if (ASCII_WORD.test(token))
    for (const [pattern, replacement] of SPELLING_FOLDS) out = out.replace(pattern, replacement);
  // A bounded memo: folds are pure functions of the token.
  if (memo.size > 200_000) memo.clear();
  memo.set(token, out);
  return out;
}

const memo = new Map<string, string>();

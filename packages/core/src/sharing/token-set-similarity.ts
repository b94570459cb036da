/** Compares two names and returns a score in [0,1]; the screening engine plugs in here. */
export type NameMatches = (a: string, b: string) => number;

/** Words that say nothing about who a party is (articles and legal forms). */
const NOISE_TOKENS = new Set([
  'the',
  'of',
  'and',
  'ltd',
  'limited',
  'llc',
  'inc',
  'co',
  'corp',
  'corporation',
  'company',
  'gmbh',
  'sa',
  'ag',
  'plc',
  'llp',
  'ooo',
  'jsc',
  'bv',
  'srl',
  'spa',
  'kg',
  'oy',
  'ab',
]);

/** The distinct meaningful words of a name: diacritics stripped, lower-cased, split on anything not a letter or digit. */
export function nameTokens(name: string): Set<string> {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const meaningful = words.filter((w) => !NOISE_TOKENS.has(w));
  return new Set(meaningful.length ? meaningful : words);
}

/**
 * Default name comparison until the screening engine lands: Dice coefficient
 * of the two names' token sets (legal forms and articles ignored), so word
 * order and "Ltd" do not matter.
 */
export const tokenSetSimilarity: NameMatches = (a, b) => {
  const x = nameTokens(a);
  const y = nameTokens(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const t of x) if (y.has(t)) common += 1;
  return (2 * common) / (x.size + y.size);
};

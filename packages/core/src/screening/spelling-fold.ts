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
 * "muhammad", "hossein" and "husain"). French romanisations of Arabic: "ou"
 * before a or e for w ("abdelouadoud", "abdelwadoud"), "dj" for j ("senhadji",
 * "sanhaji"); and the dhal written "dh" or "d" ("qadhafi", "qaddafi").
 * Applied in this order.
 */
export const SPELLING_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/^bh(?=[lr])/, 'v'],
  [/tsch/g, 'ch'],
  [/tsj/g, 'ch'],
  [/cz/g, 'ch'],
  [/ou(?=[ae])/g, 'w'],
  [/dj/g, 'j'],
  [/dh/g, 'd'],
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

/** Where `SPELLING_FOLDS` reads an e between consonants as a. */
const E_AS_A = SPELLING_FOLDS.findIndex(([p]) => p.source === '(?<=[^aeiou])e(?=[^aeiou])');

/**
 * `SPELLING_FOLDS` with an e between consonants read as i: Persian-style
 * romanisations write the kasra e ("qassem", "hashem", "kazem") where
 * Arabic-style ones write i ("qasim", "hashim", "kazim"), as they write the
 * fatha e where others write a ("mohammed"), which `SPELLING_FOLDS` folds.
 */
const KASRA_FOLDS: readonly (readonly [RegExp, string])[] = SPELLING_FOLDS.map((f, i) =>
  i === E_AS_A ? ([f[0], 'i'] as const) : f,
);

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
  return foldWith(token, SPELLING_STEPS, memo);
}

const memo = new Map<string, string>();

/**
 * `foldSpelling` without its memo, for a caller that asks once per distinct token (the index
 * build's token facts: each of ~2,000,000 tokens at 1,000,000 parties asked once; the memo's
 * look-ups, insertions and clearings cost more than the folds, and what it held was garbage).
 */
export function foldSpellingOnce(token: string): string {
  return ASCII_WORD.test(token) ? applySteps(token, SPELLING_STEPS) : token;
}

/** Stands for "a letter written twice in a row" as a fold's needle (`(.)\1+`). */
const DOUBLED = '';

/**
 * A fold with what every match of its pattern contains (`needle`: a literal, or `DOUBLED`), or
 * undefined when not known: a word without it is left as it is by the fold, so the pattern is
 * not run on it (most folds find nothing in most words; running a regular expression to find
 * nothing cost most of a fold).
 */
interface FoldStep {
  pattern: RegExp;
  replacement: string;
  needle: string | undefined;
}

/** What every match of these patterns contains (the patterns that are not plain letters). */
const NEEDLES: ReadonlyMap<string, string> = new Map([
  ['^bh(?=[lr])', 'bh'],
  ['ou(?=[ae])', 'ou'],
  ['(?<=^|[aeiou])ye', 'ye'],
  ['(?<=[^aeiou])e(?=[^aeiou])', 'e'],
  ['(?<=[^aeiou])o(?=[^aeiou])', 'o'],
  ['(.)\\1+', DOUBLED],
]);

function stepsOf(folds: readonly (readonly [RegExp, string])[]): FoldStep[] {
  return folds.map(([pattern, replacement]) => ({
    pattern,
    replacement,
    needle: /^[a-z]+$/.test(pattern.source) ? pattern.source : NEEDLES.get(pattern.source),
  }));
}

const SPELLING_STEPS = stepsOf(SPELLING_FOLDS);
const KASRA_STEPS = stepsOf(KASRA_FOLDS);

/** Whether `word` writes a unit twice in a row. */
function hasDoubled(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/**
 * A patronymic (masculine "-vich", "-vych", "-vitch", "-wich", "-witsch", "-witsj", "-wicz"; feminine "-vna", and the
 * Belarusian "-auna", "-euna") cut into its stem and the vowels and suffix after it (`(stem)`:
 * three letters or more, lazily, so the vowels before the suffix go with the suffix: "ihor|ovych",
 * "oleks|iiovych", "yur|iyovych", "petr|ivna", "uladzimir|auna").
 */
const PATRONYMIC = /^([a-z]{3,}?)[aeiouyj]*(?:(vych|vich|vitch|wich|witsch|witsj|vitsj|wicz)|vna|[ae]una)$/;

/** `PATRONYMIC`'s endings alone. */
const PATRONYMIC_END = /(?:vych|vich|vitch|wich|witsch|witsj|vitsj|wicz|vna|[ae]una)$/;

/**
 * The Ukrainian and Belarusian romanisations of a patronymic's stem read as the Russian one
 * writes it, in this order: x as ks ("aleksandr"); the Belarusian ia / ya / ie / je for e
 * ("piatr", "aliaksandr" / "petr", "aleksandr"), dz for d ("dzmitr"), an initial u before a
 * consonant for v and u after a, e or o before a consonant for v (the short u, ў: "uladzimir",
 * "yauhen"; not after i: the i of "iurevich" writes ю with it); the Ukrainian h for g where it
 * is no digraph's second letter ("ihor", "serh", "hennad" / "igor", "serg", "gennad"); y and j
 * for i ("mykhail", "dmytr"), a run of i as one; and o for a (the Ukrainian initial o of
 * "oleksandr", the Belarusian akanye of "raman", "viktar").
 */
const PATRONYMIC_STEM_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/x/g, 'ks'],
  [/[iyj][ae]/g, 'e'],
  [/dz/g, 'd'],
  [/^u(?=[^aeiouy])/, 'v'],
  [/(?<=[aeo])u(?=[^aeiouy])/g, 'v'],
  [/(?<![kzscpgtd])h/g, 'g'],
  [/[yj]/g, 'i'],
  [/i+/g, 'i'],
  [/o/g, 'a'],
];

/**
 * An East Slavic patronymic read as one form whatever the romanisation (Russian, Ukrainian,
 * Belarusian, German or Polish): its stem through `PATRONYMIC_STEM_FOLDS`, its ending as
 * "ovich" (masculine) or "ovna" (feminine). "Ihorovych" and "Igorevich" both read "igarovich",
 * "Uladzimirauna" and "Vladimirovna" "vladimirovna", "Oleksiiovych" and "Alekseyevich"
 * "aleksovich". Any other word is returned as it is.
 *
 * @example
 * patronymicReading('serhiyovych') // 'sergovich'
 */
export function patronymicReading(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  // h (vich, vych), z (wicz), j (witsj), a (vna, auna): anything else is no patronymic.
  if (last !== 104 && last !== 122 && last !== 106 && last !== 97) return word;
  // The ending read on the last six letters first: most words ending so are no patronymic.
  if (word.length < 6 || !PATRONYMIC_END.test(word.slice(-6))) return word;
  const m = PATRONYMIC.exec(word);
  if (!m) return word;
  let stem = m[1]!;
  for (const [pattern, replacement] of PATRONYMIC_STEM_FOLDS) stem = stem.replace(pattern, replacement);
  return stem + (m[2] ? 'ovich' : 'ovna');
}

/** `word` through the folds in order (each pattern run only where its needle is), a patronymic read first. */
function applySteps(word: string, steps: readonly FoldStep[]): string {
  let out = patronymicReading(word);
  for (const { pattern, replacement, needle } of steps) {
    if (needle === undefined || (needle === DOUBLED ? hasDoubled(out) : out.includes(needle)))
      out = out.replace(pattern, replacement);
  }
  return out;
}

/** `token` through `steps` when it is a plain ASCII word, memoised in `cache` (bounded: folds are pure). */
function foldWith(token: string, steps: readonly FoldStep[], cache: Map<string, string>): string {
  const cached = cache.get(token);
  if (cached !== undefined) return cached;
  const out = ASCII_WORD.test(token) ? applySteps(token, steps) : token;
  if (cache.size > 200_000) cache.clear();
  cache.set(token, out);
  return out;
}

/**
 * `foldSpelling` with an e between consonants read as i, not a (`KASRA_FOLDS`):
 * "qassem" and "qasim" both fold to "kasim".
 *
 * @example
 * foldSpellingKasra('qassem') // 'kasim'
 */
export function foldSpellingKasra(token: string): string {
  return foldWith(token, KASRA_STEPS, kasraMemo);
}

const kasraMemo = new Map<string, string>();

/**
 * True when two tokens' folds (`foldSpelling`) differ only where one reads a and
 * the other i, and they fold alike with an e between consonants read as i
 * (`foldSpellingKasra`): the kasra romanised e on one side and i on the other
 * ("qassem" / "qasim", "hashem" / "hashim"). Folds of other lengths, or differing
 * in any other letter, are rejected before any fold is recomputed.
 */
export function kasraVariant(a: string, foldA: string, b: string, foldB: string): boolean {
  if (foldA.length !== foldB.length || foldA === foldB) return false;
  for (let i = 0; i < foldA.length; i++) {
    const x = foldA.charCodeAt(i);
    const y = foldB.charCodeAt(i);
    // a (97) against i (105), either way round
    if (x !== y && !((x === 97 && y === 105) || (x === 105 && y === 97))) return false;
  }
  return foldSpellingKasra(a) === foldSpellingKasra(b);
}

/**
 * Folds with more a and i than this are not varied (2^n folds): such a token's kasra variants are
 * left out of its expansion (the most a word of the CSL, SDN, UN and EU lists holds is 11).
 */
export const KASRA_FOLD_LETTERS = 12;

/**
 * The places of the a and i of `fold` that its kasra variants swap (`forEachKasraFold`), in
 * order; undefined when it has none, more than `KASRA_FOLD_LETTERS`, or is not a word of ASCII
 * letters (then it has no variants).
 */
export function kasraPlaces(fold: string): number[] | undefined {
  if (!ASCII_WORD.test(fold)) return undefined;
  const at: number[] = [];
  for (let k = 0; k < fold.length; k++) {
    const c = fold.charCodeAt(k);
    if (c === 97 || c === 105) at.push(k);
  }
  return at.length === 0 || at.length > KASRA_FOLD_LETTERS ? undefined : at;
}

/**
 * Calls `visit` with every spelling that `fold` becomes when some of its a and i are swapped
 * (a for i, i for a), `fold` itself excepted: the folds another token must have to be the kasra
 * variant of this one (`kasraVariant` requires folds of one length differing only there). Only
 * for folds of ASCII letters, and at most `KASRA_FOLD_LETTERS` a and i (`kasraPlaces`). The
 * variants come in the order of their masks (bit j swaps the j-th a or i).
 */
export function forEachKasraFold(fold: string, visit: (fold: string) => void): void {
  const at = kasraPlaces(fold);
  if (!at) return;
  const chars = fold.split('');
  for (let mask = 1; mask < 1 << at.length; mask++) {
    for (let j = 0; j < at.length; j++) {
      const k = at[j]!;
      const c = fold[k]!;
      chars[k] = mask & (1 << j) ? (c === 'a' ? 'i' : 'a') : c;
    }
    visit(chars.join(''));
  }
}

/**
 * True when `a` and `b` spell one Arabic name under two romanisations of its consonants that
 * `SPELLING_FOLDS` keeps apart: the qaf written g on one side and q on the other (Gulf, Libyan
 * and Sudanese speech say the qaf as g: "gaddafi" / "qadhafi", "gasim" / "qasim"), and the dhal
 * written th on one side and dh on the other (English-style romanisations: "ghathafi" /
 * "qadhafi"). A g is read as the qaf only against a word that writes q, and a th as the dhal
 * only against a word that writes dh, so "gerry" / "kerry" and "smith" / "smid" stay apart;
 * then the two must fold alike with their vowels as written (`CONSONANT_FOLDS`: "berg" is not
 * "barq"). `foldA` and `foldB` are their `foldSpelling`s (alike: nothing to read).
 *
 * @example
 * arabicConsonantVariant('gaddafi', 'gadafi', 'qadhafi', 'kadafi') // true
 */
export function arabicConsonantVariant(a: string, foldA: string, b: string, foldB: string): boolean {
  if (foldA === foldB) return false;
  return consonantsReadAs(a, b) || consonantsReadAs(b, a);
}

const G_NOT_GH = /g(?!h)/g;

/** Whether `x`, its g read as the qaf where `y` writes q and its th as the dhal where `y` writes dh, folds as `y` does. */
function consonantsReadAs(x: string, y: string): boolean {
  let read = x;
  if (y.includes('q') && x.includes('g')) read = read.replace(G_NOT_GH, 'q');
  if (y.includes('dh') && x.includes('th')) read = read.replace(/th/g, 'dh');
  return (
    read !== x &&
    foldWith(read, CONSONANT_STEPS, consonantMemo) === foldWith(y, CONSONANT_STEPS, consonantMemo)
  );
}

/**
 * `SPELLING_FOLDS` without the vowels between consonants (e read as a, o as u): a word read
 * with the qaf or the dhal must agree with the other in its vowels as written, so that a
 * Germanic "berg" is not the Arabic "barq".
 */
const CONSONANT_FOLDS: readonly (readonly [RegExp, string])[] = SPELLING_FOLDS.filter(
  ([p]) => p.source !== '(?<=[^aeiou])e(?=[^aeiou])' && p.source !== '(?<=[^aeiou])o(?=[^aeiou])',
);

const CONSONANT_STEPS = stepsOf(CONSONANT_FOLDS);

const consonantMemo = new Map<string, string>();

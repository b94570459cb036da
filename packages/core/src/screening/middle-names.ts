import { coverageScore, type LastAlignment } from './align-tokens.ts';
import { ARTICLES } from './article-lift.ts';
import { FEATURE_WEIGHTS, featureTerm, type ScoreTerm } from './feature-table.ts';
import { NAME_PARTICLES, unpairedParts } from './name-particles.ts';
import { phoneticKey } from './phonetic-key.ts';
import { foldSpelling } from './spelling-fold.ts';
import { givenFirstPositions, type NameOrder } from './name-order.ts';

/**
 * Weakest pair beside which a listed name's middle names are let go (the surname, and any
 * other pair than the first given name's): a spelling of the same word ("chatayev" /
 * "chataev", "zaben" / "zabin"), not a word agreeing by sound alone.
 */
export const MIDDLE_NAMES_MIN_PAIR = 0.85;

/**
 * Weakest pair beside which the listed middle names are still let go when it is the name's one
 * pair under `MIDDLE_NAMES_MIN_PAIR` and its two words sound alike (`soundsAlike`): a surname
 * spelt by ear ("tyurin" / "tiourine", "sweid" / "suwaid", 0.72–0.78), or a first given name
 * (`givenNameByEar`). The lift reaches only the query's own coverage, which the loose pair keeps
 * down (issue 14, h199: the wider own-name set's tune half, `bench/heldout/set-missing-word.ts`).
 */
export const MIDDLE_NAMES_LOOSE_PAIR = 0.7;

/**
 * Whether a pair under `MIDDLE_NAMES_MIN_PAIR` is a word spelt by ear: the same phonetic key
 * (`phoneticKey`) at `MIDDLE_NAMES_LOOSE_PAIR` or better ("tyurin" / "tiourine"), not two words
 * that share letters only ("basov" / "barsukov", "khamer" / "khamis").
 */
function soundsAlike(x: string, y: string, similarity: number): boolean {
  return similarity >= MIDDLE_NAMES_LOOSE_PAIR && phoneticKey(x) === phoneticKey(y);
}

/**
 * Whether two words may be one given name spelt by ear (`givenNameByEar`), before their
 * similarity is known: the same phonetic key and last letter (the name-score bound's test).
 */
function mayBeByEar(x: string, y: string): boolean {
  return x.at(-1) === y.at(-1) && phoneticKey(x) === phoneticKey(y);
}

/**
 * Whether the listed first given name and its query word are one name spelt by ear beyond the
 * transliteration folds (`soundsAlike`: "fawzi" / "fouzi", "youssef" / "yosef", "petr" /
 * "pyetr"), ending in the same letter: a name's ending tells another name or the other
 * gender's ("samir" / "samira", "daniel" / "daniela", "mario" / "maria").
 */
function givenNameByEar(x: string, y: string, similarity: number): boolean {
  return x.at(-1) === y.at(-1) && soundsAlike(x, y, similarity);
}

/** Most middle name parts counted against the name (a long nasab chain is still one person's name). */
export const MAX_MIDDLE_PARTS = 3;

/**
 * What the middle-names rule knows of the two names' order (`NameOrder`): the query's, when it
 * is written "SURNAME, Given"; the listed name's (read only when the rest of the rule holds);
 * and the name reference's spelling groups by token (`CompiledNameReference.tokenSpellingGroups`).
 */
export interface NameOrders {
  query: NameOrder | undefined;
  listed: () => NameOrder | undefined;
  spellings: ReadonlyMap<string, readonly number[]>;
  /** The words of the query as written (`writtenWords`), before legal forms and the like are dropped. */
  queryWritten: ReadonlySet<string>;
}

/**
 * The words of a text as written, lower case without accents: what a listed word is looked up
 * in before it is called left out ("AG" and "SE" are dropped from a query as legal forms, yet
 * "BAH AG MOUSSA" leaves nothing of "MOUSSA, Bah Ag" out).
 */
export function writtenWords(text: string): ReadonlySet<string> {
  const folded = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0));
}

/**
 * A folded word with a final d or b written as heard, t or p: Russian and Turkish spellings of
 * one given name devoice its last consonant ("akhmed" / "akhmet", "mahmud" / "mahmut", "yakub" /
 * "yakup").
 */
function devoicedEnd(folded: string): string {
  const last = folded.at(-1);
  return last === 'd' ? `${folded.slice(0, -1)}t` : last === 'b' ? `${folded.slice(0, -1)}p` : folded;
}

/** Whether two folded words are one, or one once a devoiced last consonant is read voiced. */
function sameFolded(fx: string, fy: string): boolean {
  return fx === fy || devoicedEnd(fx) === devoicedEnd(fy);
}

/**
 * A word with its x written ks: Russian and Belarusian given names romanise кс as x or ks
 * ("alexei" / "aleksei", "maxim" / "maksim", "xenia" / "ksenia").
 */
function xAsKs(word: string): string {
  return word.replaceAll('x', 'ks');
}

/**
 * Whether two words are one word, spellings of one name in the name reference, or one
 * spelling once the transliteration conventions, x as ks and a devoiced last consonant are folded
 * (`foldSpelling`, `devoicedEnd`: "akhmad" / "akhmed", "airat" / "ayrat", "akhmet" / "akhmed";
 * not "daniel" / "daniela", "maria" / "mario").
 */
function sameGivenName(x: string, y: string, spellings: ReadonlyMap<string, readonly number[]>): boolean {
  if (x === y) return true;
  if (sameFolded(foldSpelling(x), foldSpelling(y))) return true;
  if ((x.includes('x') || y.includes('x')) && sameFolded(foldSpelling(xAsKs(x)), foldSpelling(xAsKs(y))))
    return true;
  const gx = spellings.get(x);
  const gy = gx && spellings.get(y);
  return !!gy && gx.some((g) => gy.includes(g));
}

/**
 * Whether the listed positions (given names first, `at` per query word read given names first)
 * run in order from the listed first given name (0) to the listed last surname (`cn − 1`).
 */
function runsFirstToLast(at: ArrayLike<number>, cn: number): boolean {
  const qn = at.length;
  if (at[0] !== 0 || at[qn - 1] !== cn - 1) return false;
  for (let i = 1; i < qn; i++) if (at[i]! <= at[i - 1]!) return false;
  return true;
}

/**
 * Whether `middleNamesLift` can lift the person query `q` against the longer listed name `c`
 * under any alignment that pairs every query word, one to one (so that exactly `c.length −
 * q.length` listed words are left unpaired): its tests that read no alignment. The query has two
 * name words; the listed name has an order (`listed`, read last: it may parse the party); its
 * first given name is a spelling of some query word (`sameGivenName`), or may be one spelt by
 * ear (`mayBeByEar`: it must be paired with one); and enough of its other given names may be left out, that is, are neither a surname word,
 * nor a word the query holds as written or inside one of its words. For the name-score bound
 * (`nameScoreBound`'s `middleNames` allowance): a listed name failing these is not lifted.
 */
export function middleNamesMayLift(
  q: readonly string[],
  c: readonly string[],
  orders: NameOrders,
  listed: () => NameOrder | undefined,
): boolean {
  const qn = q.length;
  const cn = c.length;
  let named = 0;
  let articles = 0;
  for (const t of q)
    if (ARTICLES.has(t)) articles++;
    else if (!NAME_PARTICLES.has(t)) named++;
  // An article of the query may be left unpaired (`middleNamesLift`).
  if (qn < 2 || cn <= qn - articles || named < 2) return false;
  const unpaired = Math.max(1, cn - qn);
  // Listed words that may be left unpaired, counted before the order is read: none inside a query word.
  let free = 0;
  for (let j = 0; j < cn; j++) if (!insideAWord(c[j]!, q)) free++;
  if (free < unpaired) return false;
  const order = listed();
  if (!order) return false;
  const cPos = givenFirstPositions(cn, order);
  const surnameFrom = cn - (order.surnameEnd - order.surnameStart);
  let first = -1;
  free = 0;
  for (let j = 0; j < cn; j++) {
    if (cPos[j] === 0) first = j;
    else if (cPos[j]! < surnameFrom && mayBeLeftOut(c[j]!, q, orders)) free++;
  }
  if (first < 0 || free < unpaired) return false;
  for (const t of q)
    if (sameGivenName(t, c[first]!, orders.spellings) || mayBeByEar(t, c[first]!)) return true;
  return false;
}

/** Whether a listed word is inside one of the query's words (`middleNamesLift` never leaves it out). */
function insideAWord(word: string, q: readonly string[]): boolean {
  for (const t of q) if (t.includes(word)) return true;
  return false;
}

/** Whether `middleNamesLift` may call a listed word left out: the query holds it neither as written nor inside a word. */
function mayBeLeftOut(word: string, q: readonly string[], orders: NameOrders): boolean {
  return !insideAWord(word, q) && !orders.queryWritten.has(word);
}

/**
 * How much a person name score rises when the query gives a listed person's first given name
 * and last surname and the listed middle names (further given names, patronymic, nasab chain)
 * are all that is left over ("Akhmad Chatayev" against "AKHMED RAJAPOVICH CHATAEV"): they are
 * taken out of the listed-name coverage, and each costs a little instead (`omittedMiddleName`,
 * up to `MAX_MIDDLE_PARTS`), as an extra given name in the query does. The lift is scaled by
 * the rarity of the query's words (their weights over their lengths): a common "Muhammad Khan"
 * says less about a long listed name.
 *
 * Only where the listed name says which words are its surname (`orders.listed`: written
 * "SURNAME, Given", published in parts, or its surname alone in capitals), so that a second
 * surname ("GOMEZ VELAZQUEZ, Daniela") is never let go as a middle name; and only when every
 * query word (two name words or more) is paired, the listed first given name with the same word
 * or a spelling of it in the name reference or by the transliteration folds, or spelt by ear
 * with the same ending (`givenNameByEar`; "Daniel" does not anchor "Daniela"), every other pair
 * at `MIDDLE_NAMES_MIN_PAIR` or better but one that sounds alike (`soundsAlike`, at
 * `MIDDLE_NAMES_LOOSE_PAIR` or better), in order from the first given name to the last surname
 * (the query read given names first: by its comma when it has one, else either way round).
 * Pushes the explained terms when given.
 */
export function middleNamesLift(
  base: number,
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  orders: NameOrders,
  terms?: ScoreTerm[],
): number {
  const qn = q.length;
  const cn = c.length;
  if (qn < 2 || cn <= a.pairs) return 0;
  // An article the query writes and the listed name leaves out ("AL-QADHAFI, Aisha" against
  // "AISHA MUAMMAR … QADHAFI") is the only query word that may stay unpaired; it is taken out of
  // the query's coverage, as `articleLift` does between names of as many words.
  let articles = 0;
  let articleWeight = 0;
  if (a.pairs !== qn) {
    for (let i = 0; i < qn; i++) {
      if (a.usedQ[i]) continue;
      if (!ARTICLES.has(q[i]!)) return 0;
      articles++;
      articleWeight += a.weightQ[i]!;
    }
    if (a.pairs !== qn - articles || a.qTotal - articleWeight <= 0) return 0;
  }
  // Two name words at least: an article or particle ("al Khdir", read from "آل خضير") names no one.
  let named = 0;
  for (const t of q) if (!ARTICLES.has(t) && !NAME_PARTICLES.has(t)) named++;
  if (named < 2) return 0;
  // Only the first given name's pair may be looser (a spelling): cheap, before the order is read.
  let loose = 0;
  for (let p = 0; p < a.pairs; p++) if (a.pairS[p]! < MIDDLE_NAMES_MIN_PAIR) loose++;
  if (loose > 1) return 0;
  const order = orders.listed();
  if (!order) return 0;
  const cPos = givenFirstPositions(cn, order);
  const surnameFrom = cn - (order.surnameEnd - order.surnameStart);
  // Only given names are left out: every listed surname word is paired; and none the query
  // holds, as written or inside a joined word ("BAH AG MOUSSA", read "bah moussa", against
  // "MOUSSA, Bah Ag"): a word the query reads differently is not omitted.
  for (let j = 0; j < cn; j++) {
    if (a.usedC[j]) continue;
    if (cPos[j]! >= surnameFrom) return 0;
    if (orders.queryWritten.has(c[j]!)) return 0;
    for (const t of q) if (t.includes(c[j]!)) return 0;
  }
  const qPos = givenFirstPositions(qn, orders.query);
  const placed = new Int32Array(qn).fill(-1);
  for (let p = 0; p < a.pairs; p++) {
    const i = a.pairI[p]!;
    const j = a.pairJ[p]!;
    placed[qPos[i]!] = cPos[j]!;
    if (cPos[j] === 0) {
      if (!sameGivenName(q[i]!, c[j]!, orders.spellings) && !givenNameByEar(q[i]!, c[j]!, a.pairS[p]!))
        return 0;
    } else if (a.pairS[p]! < MIDDLE_NAMES_MIN_PAIR && !soundsAlike(q[i]!, c[j]!, a.pairS[p]!)) return 0;
  }
  // The paired query words' listed positions, in the query's order (an unpaired article has none).
  const at = articles === 0 ? placed : placed.filter((x) => x >= 0);
  const pn = at.length;
  if (!runsFirstToLast(at, cn)) {
    // A query without a comma may still give the surname first ("Chatayev Akhmad").
    if (orders.query) return 0;
    let r = 0;
    while (r < pn - 1 && at[r]! >= surnameFrom) r++;
    if (r === 0 || !runsFirstToLast([...at.subarray(r), ...at.subarray(0, r)], cn)) return 0;
  }
  let letters = 0;
  for (const t of q) letters += t.length;
  // The rarity of every query word, the article's too (what the name-score bound reads).
  const rarity = letters > 0 ? Math.min(1, a.qTotal / letters) : 0;
  const parts = unpairedParts(c, a.usedC);
  const n = Math.min(MAX_MIDDLE_PARTS, parts.length);
  const left = (coverageScore(a.queryCoverage, 1) - base) * rarity;
  // The article left out of the query's coverage: what it adds beside the middle names.
  const article =
    articles === 0
      ? 0
      : (coverageScore(a.qMatched / (a.qTotal - articleWeight), 1) - coverageScore(a.queryCoverage, 1)) *
        rarity;
  const lift = left + article + FEATURE_WEIGHTS.omittedMiddleName * n;
  if (lift <= 0) return 0;
  terms?.push(
    featureTerm(
      'middleNamesLeftOut',
      `listed middle names not in the query, not counted (query rarity ${rarity.toFixed(2)})`,
      left,
    ),
  );
  if (article !== 0)
    terms?.push(
      featureTerm(
        'articleOneSide',
        `article written on the query only, beside the listed middle names, not counted: ${q.filter((t, i) => !a.usedQ[i]).join(' ')}`,
        article,
      ),
    );
  terms?.push(
    featureTerm(
      'omittedMiddleName',
      `listed middle name${n > 1 ? 's' : ''} not in the query: ${parts.join(', ')}`,
      n,
    ),
  );
  return lift;
}

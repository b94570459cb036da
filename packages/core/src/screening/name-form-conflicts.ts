import type { LastAlignment } from './align-tokens.ts';
import { featureTerm, FEATURE_WEIGHTS, type ScoreTerm } from './feature-table.ts';
import { phoneticKey } from './phonetic-key.ts';
import { osaDistance } from './string-similarity-osa.ts';

/**
 * A pair the name reference knows as one name (a spelling group, a nickname: 0.95 or more) is
 * never read as another form of it.
 */
const KNOWN_SPELLING = 0.95;

/** Fewest letters of the shorter word of a gendered pair: "Paul" / "Paula", not "Ali" / "Alia". */
const GENDERED_MIN_LETTERS = 4;

const VOWELS = 'aeiouy';

/**
 * Masculine endings of Slavic surnames ("Peskov", "Ukhnalev"). A woman's surname ends in "-ova" /
 * "-eva", but lists and passports also write it in the masculine form: the lists themselves hold
 * "Svetlana Ukhnaleva" beside "Svetlana Ukhnalev", "Liza Peskova" beside "Liza Peskov", as
 * aliases of one woman (`docs/decisions/2026-12-06-gendered-form-surnames.md`). The gender of
 * such a surname says nothing of whose name it is; a given name's ("Daniel" / "Daniela") does.
 */
const SLAVIC_SURNAME_ENDINGS = ['ov', 'ev'] as const;

/**
 * Whether `long` is `short` in the other gender's form, by an ending added to it: a final "a"
 * after a consonant ("Daniel" / "Daniela", "Karim" / "Karima", "Martin" / "Martina"), or the
 * French feminine, the last consonant doubled and an "e" ("Michel" / "Michelle", "Jean" / "Jeanne",
 * "Julien" / "Julienne"). A single "e" is left alone: French romanisations of Arabic names write
 * it where others do not ("Othmane" / "Othman"), and so does "h" ("Fatima" / "Fatimah"); and so
 * is a Slavic surname's feminine "a" ("Peskov" / "Peskova", `SLAVIC_SURNAME_ENDINGS`).
 */
export function genderedForm(short: string, long: string): boolean {
  const n = short.length;
  if (n < GENDERED_MIN_LETTERS || !long.startsWith(short)) return false;
  const last = short[n - 1]!;
  if (VOWELS.includes(last)) return false;
  if (long.length === n + 1 && SLAVIC_SURNAME_ENDINGS.some((e) => short.endsWith(e))) return false;
  if (long.length === n + 1) return long[n] === 'a';
  return long.length === n + 2 && long[n] === last && long[n + 1] === 'e';
}

/** Weakest pair beside which a two-word person name's other word counts as the same ("olaf" / "olaf"). */
const SAME_WORD = 0.98;

/**
 * Similarity under which a word pair differs by more than one letter ("merkur" / "merkel" 0.76,
 * "frederick" / "friedrich" 0.79); one edit scores 0.83 or more, a known romanisation 0.88.
 */
const LOOSE_WORD = 0.8;

/** Two consonant skeletons, one the other with one consonant more ("MST" / "MSFT", "MTN" / "MTNT"). */
function oneConsonantMore(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  if (a.length !== b.length + 1 || b.length < 2) return false;
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i);
}

/** A phonetic key with h read as the velar it romanises elsewhere, runs collapsed. */
function velarKey(word: string): string {
  return phoneticKey(word)
    .replace(/H/g, 'K')
    .replace(/(.)\1+/g, '$1');
}

/**
 * Whether two words sound alike across romanisation conventions: the same phonetic key
 * ("dourkdal" / "droukdel", "vayts" / "weitz"); or the same once h and the velars are read as
 * one sound (the Cyrillic г written g or h, "Galina" / "Haylina", "Serhiy" / "Sergii"; х written
 * kh, h or x, "Mahamud" / "Maxamed") and one consonant is allowed that one convention writes and
 * the other leaves out (w or v between vowels, "Mazuti" / "Mazwati", "Mawlud" / "Mavlut"; a
 * final consonant, "Motono" / "Mutondo"; a y or j, "Andrej" / "Andriy"). One consonant changed
 * for another is still another name ("Merkur" / "Merkel"; "Frank" / "Frederik").
 * `docs/decisions/2026-12-06-loose-word-romanisations.md`.
 */
export function soundsAlike(x: string, y: string): boolean {
  if (phoneticKey(x) === phoneticKey(y)) return true;
  const a = velarKey(x);
  const b = velarKey(y);
  return a === b || oneConsonantMore(a, b);
}

/**
 * How much a person name's score falls, between two names of as many words all paired one to
 * one, for a word pair that is another name, not another spelling of one: a given name or surname in the other gender's form (`genderedForm`, per pair, up to
 * two), and, between two names of two words each, the one word that is not the same differing
 * by more than a letter and by its consonants' sound (`phoneticKey`; a relative or namesake sharing a surname or a given name: "Angela
 * Merkur" / "Angela Merkel"). Pushes the explained terms to `terms` when given; the fall is 0 or
 * negative, so every upper bound of the name score stays one.
 */
export function nameFormFall(
  a: LastAlignment,
  q: readonly string[],
  c: readonly string[],
  terms?: ScoreTerm[],
): number {
  // Only names whose words are all paired, one to one: a word left over may be the rest of a
  // word the other name writes whole ("Osam$1a" / "Osama"), which the comparison of the names
  // written without spaces must still be free to find.
  if (q.length !== c.length || a.pairs !== q.length) return 0;
  let fall = 0;
  let gendered = 0;
  for (let p = 0; p < a.pairs && gendered < 2; p++) {
    if (a.pairS[p]! >= KNOWN_SPELLING) continue;
    const x = q[a.pairI[p]!]!;
    const y = c[a.pairJ[p]!]!;
    const d = x.length - y.length;
    if (d === 0 || d > 2 || d < -2) continue;
    if (d > 0 ? genderedForm(y, x) : genderedForm(x, y)) {
      gendered++;
      fall += FEATURE_WEIGHTS.genderedForm;
      terms?.push(
        featureTerm(
          'genderedForm',
          `name in the other gender's form: ${x} / ${y} (another person's name, not a spelling of it)`,
        ),
      );
    }
  }
  if (gendered === 0 && q.length === 2) {
    const s0 = a.pairS[0]!;
    const s1 = a.pairS[1]!;
    const loose = s0 >= SAME_WORD ? s1 : s1 >= SAME_WORD ? s0 : 1;
    const p = s0 >= SAME_WORD ? 1 : 0;
    const x = q[a.pairI[p]!]!;
    const y = c[a.pairJ[p]!]!;
    // Words that sound alike ("dourkdal" / "droukdel", "vayts" / "weitz", "galina" / "haylina":
    // `soundsAlike`) are spellings of one word in two romanisations, not another name.
    // A letter changed at the start scores under 0.8 too ("baganda" / "taganda"): one edit is a
    // misspelling, whatever its place.
    if (loose < LOOSE_WORD && !soundsAlike(x, y) && osaDistance(x, y, 1) > 1) {
      fall += FEATURE_WEIGHTS.looseWordOfTwo;
      terms?.push(
        featureTerm(
          'looseWordOfTwo',
          `of two names, one the same and the other different by more than a letter and in sound: ${x} / ${y} (${loose.toFixed(2)}; a relative's or namesake's name, not a spelling of it)`,
        ),
      );
    }
  }
  return fall;
}

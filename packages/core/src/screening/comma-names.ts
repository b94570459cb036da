import { NAME_PARTICLES } from './name-particles.ts';
import { foldSpelling } from './spelling-fold.ts';
import { tokenizeName } from './tokenize-name.ts';

/** Fewest name words (particles aside) each comma-separated piece needs to be a name of its own. */
const MIN_WORDS = 2;

/** Shortest word two pieces must share to be spellings of one name. */
const MIN_SHARED = 3;

const nameWords = (piece: string): string[] =>
  tokenizeName(piece).filter((t) => !NAME_PARTICLES.has(t) && !/\d/.test(t));

/**
 * The names of a query that packs several spellings of one name separated by
 * commas ("Jang Pom Su, Jang Hyon U"; "Jemaah Islamiah, Jamaah Islamiyah"),
 * as lists publish aliases: every piece has at least two name words and the
 * pieces share a word of three letters or more after the spelling folds.
 * Empty otherwise — in particular for the surname-first form ("CHATAEV,
 * Akhmed"; "GARCIA LOPEZ, Juan Carlos" shares no word), which is one name.
 *
 * @example
 * commaSeparatedNames('Jang Pom Su, Jang Hyon U') // ['Jang Pom Su', 'Jang Hyon U']
 */
export function commaSeparatedNames(text: string): string[] {
  return text.includes(',') ? spellingsOfOneName(text.split(',')) : [];
}

/**
 * The names of a query that gives spellings of one name separated by slashes, as lists write a
 * name in two languages ("Павел Александрович ШЕПОТЬКО / Павло Олександрович ШЕПОТЬКО", Russian
 * and Ukrainian): under the same test as `commaSeparatedNames`, so that a slash inside a legal
 * form ("A/S", "S/A") or an address ("c/o") never splits a name.
 *
 * @example
 * slashSeparatedNames('Pavel Ivanovich Orlov / Pavlo Ivanovych Orlov') // ['Pavel Ivanovich Orlov', 'Pavlo Ivanovych Orlov']
 */
export function slashSeparatedNames(text: string): string[] {
  return text.includes('/') ? spellingsOfOneName(text.split('/')) : [];
}

/** The pieces, when each has two name words or more and two of them share a word after the spelling folds. */
function spellingsOfOneName(split: string[]): string[] {
  const pieces = split.map((p) => p.trim()).filter((p) => p.length > 0);
  if (pieces.length < 2) return [];
  const words = pieces.map(nameWords);
  if (words.some((w) => w.length < MIN_WORDS)) return [];
  const seen = new Map<string, number>();
  let shared = false;
  words.forEach((ws, piece) => {
    for (const w of ws) {
      if (w.length < MIN_SHARED) continue;
      const key = foldSpelling(w);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, piece);
      else if (first !== piece) shared = true;
    }
  });
  return shared ? pieces : [];
}

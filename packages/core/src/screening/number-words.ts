/**
 * Number words and Roman numerals of names, read as digits so that "Forty-Four
 * Trading" and "44 Trading", or "Nova Shipping II" and "Nova Shipping 2", have
 * the same tokens, and different numbers can be told apart (see
 * `nameFeatureScore`).
 */
/**
 * The tables are Maps, not object literals: a lookup of an arbitrary token in
 * an object made V8 internalise the token (about 1 µs each, most of
 * `normalizeName` when indexing a large list) and found inherited keys
 * ("constructor" read as a number word).
 */
function mapOf(entries: Record<string, number>): ReadonlyMap<string, number> {
  return new Map(Object.entries(entries));
}

const UNITS: ReadonlyMap<string, number> = mapOf({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});

const TENS: ReadonlyMap<string, number> = mapOf({
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});

/** Ordinal words of the units and teens ("seventh", "fifteenth"). */
const UNIT_ORDINALS: ReadonlyMap<string, number> = mapOf({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
});

/** Ordinal words of the tens ("twentieth"). */
const TENS_ORDINALS: ReadonlyMap<string, number> = mapOf({
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
});

/** An ordinal written in digits ("7th", "21st", "2nd", "3rd"). */
export const DIGIT_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;

/**
 * Roman numerals read as numbers after the first word of a name. Those that
 * are also names or words ("vi", "xi", "ix", and the single letters, which
 * are initials) are left as written.
 */
const ROMAN: ReadonlyMap<string, number> = mapOf({
  ii: 2,
  iii: 3,
  iv: 4,
  vii: 7,
  viii: 8,
  xii: 12,
  xiii: 13,
  xiv: 14,
  xv: 15,
  xvi: 16,
  xvii: 17,
  xviii: 18,
  xix: 19,
  xx: 20,
});

/**
 * Tokens with number words ("forty", "four" → "44"), ordinals in words or
 * digits ("seventh", "7th", "twenty first" → "7", "7", "21": an ordinal and
 * its number name the same thing in a name) and Roman numerals after the
 * first token ("ii" → "2") written as digits; other tokens unchanged.
 *
 * @example
 * readNumberWords(['forty', 'four', 'trading']) // ['44', 'trading']
 */
export function readNumberWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const tens = TENS.get(t);
    if (tens !== undefined) {
      const next = tokens[i + 1] ?? '';
      // The unit may be written in digits: "Forty 4" is 44, as "Forty-Four" is.
      const unit =
        UNITS.get(next) ?? UNIT_ORDINALS.get(next) ?? (/^[1-9]$/.test(next) ? Number(next) : undefined);
      if (unit !== undefined && unit < 10) {
        out.push(String(tens + unit));
        i++;
      } else out.push(String(tens));
      continue;
    }
    const digits = DIGIT_ORDINAL.exec(t)?.[1];
    const unit =
      UNITS.get(t) ??
      UNIT_ORDINALS.get(t) ??
      TENS_ORDINALS.get(t) ??
      (digits !== undefined ? Number(digits) : i > 0 ? ROMAN.get(t) : undefined);
    out.push(unit === undefined ? t : String(unit));
  }
  return out;
}

import { isNonLatin } from '../text/detect-script.ts';
import type { PartySchema } from '../model/party.ts';
import { compileNameReference, type CompiledNameReference } from './compile-name-reference.ts';
import { readHanOrganisationWords } from './han-organisation-words.ts';
import { hanReadingVariants } from './han-readings.ts';
import type { NameReference } from './name-reference.ts';
import { DIGIT_ORDINAL, readNumberWords } from './number-words.ts';
import { namesBody } from './name-features.ts';
import { isPinyinWord } from './pinyin-syllables.ts';
import { articleAcrossComma } from './surname-first-reading.ts';
import { tokenizeName, tokenizeOriginalScript } from './tokenize-name.ts';

/** A name reduced to comparable tokens, with what was taken out and why. */
export interface NormalizedName {
  /** The name as given. */
  text: string;
  /** Name tokens (ASCII, lower case), in order; legal forms, titles and prefixes removed. */
  tokens: string[];
  /** Legal form classes found (`LLC`, `JSC`), compared separately. */
  legalForms: string[];
  /** Titles removed (`president`, `dr`). */
  titles: string[];
  /** Tokens in the original script when the name is not Latin. */
  originalTokens?: string[];
  /**
   * Other readings of a person name written in Han characters, as token
   * lists beside `tokens` (the pinyin): Korean and Japanese (see
   * `hanReadingVariants`). Compared like `tokens`; the best reading counts.
   */
  readings?: string[][];
  /** For a reading screened beside the name as given: how it was read, for explanations. */
  via?: string;
  /** Read from a script that writes no short vowels (Arabic, Hebrew): its tokens may lack them. */
  vowelless?: boolean;
  /** The kind of party the name was normalised as, when known. */
  schema?: PartySchema;
}

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Spellings of the Arabic article in a name of two words or more ("el", "ul", and "ud", "ur",
 * "ad", "ar", "az", "ash" where it takes the sound of the next letter), read
 * as "al": "Ibn El Qaim" and "Ibn al-Qayyim", "Shams ur-Rahman" and "Shams
 * al-Rahman" name the same. "as", "at" and "an" are English words and stay.
 */
const ARTICLES: ReadonlySet<string> = new Set(['el', 'ul', 'ud', 'ur', 'ad', 'ar', 'az', 'ash']);

/** Single letters each followed by a dot, run together ("A.R.", "J.R.R."): a person's initials. */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu;

/**
 * A person name with its run-together dotted initials written apart ("CHATAEV, A.R." →
 * "CHATAEV, A R"): joined, "A.R." would read as one word "ar" (and then as the
 * article "al"), where it is two initials, each to be paired with a given name or to
 * contradict one.
 */
function splitDottedInitials(text: string): string {
  return text.includes('.') ? text.replace(DOTTED_INITIALS, (m) => m.replaceAll('.', ' ')) : text;
}

/**
 * In a surname-first form written with one comma ("NOORZAI, Hajji Faizullah Khan"), how
 * many raw tokens precede the comma: the given names start there, and so may a title.
 * −1 without exactly one comma or with nothing before it.
 */
function givenNamesStart(text: string, ref: CompiledNameReference): number {
  const at = text.indexOf(',');
  if (at <= 0 || text.indexOf(',', at + 1) >= 0) return -1;
  const before = readNumberWords(tokenizeName(text.slice(0, at)).map((t) => replaceDigits(t, ref)));
  return before.length > 0 ? before.length : -1;
}

/**
 * Drops from an organisation name's tokens a lone "i" or "e" between two words of two letters
 * or more: the Persian and Urdu ezafe ("Falah-i-Insaniat", "Lashkar-e-Tayyiba", "Tehreek e
 * Azadi"), which joins the words as "of" does and names nothing (elsewhere the letter is the
 * "and" of Italian, Portuguese or Polish, a connector too). Kept, it was paired as an initial
 * with the next word of a name that writes the words without it ("Falah Insania": "insania"
 * took "i" at 0.90 before "insaniat" at 0.88). An "i" only when the name writes it between
 * hyphens (`hyphenI`): written apart it may be the Roman numeral one ("Phase I Works"). Person
 * names keep their single letters: there they are initials.
 */
function dropEzafe(tokens: string[], hyphenI: boolean): void {
  for (let k = tokens.length - 2; k >= 1; k--) {
    const t = tokens[k]!;
    if ((t === 'e' || (t === 'i' && hyphenI)) && tokens[k - 1]!.length >= 2 && tokens[k + 1]!.length >= 2)
      tokens.splice(k, 1);
  }
}

/** An "i" written between hyphens inside a word ("Falah-i-Insaniat"): the ezafe. */
const HYPHEN_I = /\p{L}-[iI]-\p{L}/u;

const HAN_CHARACTER = /\p{Script=Han}/gu;

/**
 * The syllables the Han characters of a name are read as ("玉沙" → yu, sha), or undefined without
 * Han: such a syllable is one character of a Chinese or Japanese word, not a one-word legal form
 * of another language that is spelled alike (Korean "yu" 유한회사, Estonian "OÜ").
 */
function hanSyllables(text: string): Set<string> | undefined {
  const chars = NON_ASCII.test(text) ? text.match(HAN_CHARACTER) : null;
  return chars ? new Set(chars.flatMap((ch) => tokenizeName(ch))) : undefined;
}

/** Hebrew and Arabic letters: scripts that write no short vowels. */
const ABJAD = /[\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3]/;

/**
 * A word of letters and digits with its confusable digits read as letters ("0sama" → "osama"),
 * unless that makes it the Arabic article ("A1" → "al", "E1" → "el"): a word written with a
 * digit is a name's own word, and an article names nothing (a listed "OOO A1" read "al" named no
 * body, and "Al Trading" would be its name with a word of kind added).
 */
function replaceDigits(token: string, ref: CompiledNameReference): string {
  if (!/\d/.test(token) || !/[a-z]/.test(token) || DIGIT_ORDINAL.test(token)) return token;
  let out = '';
  for (const ch of token) out += ref.confusables.get(ch) ?? ch;
  return out === 'al' || ARTICLES.has(out) ? token : out;
}

/**
 * Whether a legal form read at `i` ends the name: written last, or followed only by numbers in
 * digits ("X Trading Corporation 2", one of a numbered series of bodies). An abbreviation of two
 * letters before a number is not taken for a form there: "No. 9", "PE-5", "YU 7876" number the
 * body (the word was dropped from the name's tokens as before).
 */
function atNameEnd(tokens: readonly string[], i: number, form: readonly string[]): boolean {
  const end = i + form.length;
  if (end === tokens.length) return true;
  if (form.length === 1 && form[0]!.length <= 2) return false;
  for (let k = end; k < tokens.length; k++) if (!DIGITS.test(tokens[k]!)) return false;
  return true;
}

const DIGITS = /^\d+$/;

/** A name written in both capitals and small letters: only there does a word's case say anything. */
const MIXED_CASE = /\p{Lu}[^]*\p{Ll}|\p{Ll}[^]*\p{Lu}/u;

/**
 * The word of `text` written for the short legal form `token` read at the start (`first`) or
 * elsewhere, with its dots and apostrophes ("S.A.", "SA'D", "Ong"); undefined when the letters are
 * not written so (another script, a folded letter).
 */
function writtenWord(text: string, token: string, first: boolean): string | undefined {
  const letters = [...token].join("[.'\u2019]?");
  const words = text.match(new RegExp(`(?<![\\p{L}\\p{N}'\u2019.])${letters}\\.?(?![\\p{L}\\p{N}])`, 'giu'));
  return words ? (first ? words[0] : words[words.length - 1]) : undefined;
}

/**
 * Whether the words of a name are a Chinese person's name written in pinyin: every word one to
 * three syllables, and a word besides the one at `i` a single syllable, as a Chinese family name
 * is ("Fang Yu", "YU YI"; "Huaxin SA" names a body).
 */
function isChinesePersonName(raw: readonly string[], i: number): boolean {
  return raw.every((t) => isPinyinWord(t)) && raw.some((t, k) => k !== i && isPinyinWord(t, 1));
}

/**
 * Whether a short legal form of one word (three letters at most) read at either end of a name of
 * no given kind is the body's legal form. Such words are also words of person names: "Ong", "Bo",
 * "Sau" are surnames and given names the reference reads as ONG, БО, SAU, and "SA'D" is the given
 * name Sa'd, not SAD. A word written with an apostrophe inside is not an abbreviation. In a name
 * that mixes capitals and small letters, a form written neither in capitals nor as the reference
 * writes it (or its small-letter spelling capitalised: "Oy", "Co") is one only beside a generic
 * word of a body ("Oao Korporatsiya X"); "X SA", "X Ltd", "X S.A.", "OOO X" stay forms, and a
 * name all in capitals or all in small letters keeps every form (its case says nothing) unless it
 * is a Chinese person's name in pinyin without a body's word ("YU YI", "Fang Yu": the reference
 * reads "yu" as the Korean 유한회사, written so in small letters as "oy" is).
 */
function readsAsForm(
  text: string,
  raw: readonly string[],
  i: number,
  form: readonly string[],
  ref: CompiledNameReference,
): boolean {
  // Inside the name the word is dropped, not read as the body's form (see the loop below).
  if (form.length > 1 || raw[i]!.length > 3 || (i > 0 && !atNameEnd(raw, i, form))) return true;
  // The word as read, not the form's: "ong" reads as the form "ngo" (one organisation word).
  const word = writtenWord(text, raw[i]!, i === 0);
  if (word === undefined) return true;
  if (/\p{L}['\u2019]\p{L}/u.test(word)) return false;
  const mixedCase = MIXED_CASE.test(text);
  if (word.includes('.') || (mixedCase && word === word.toUpperCase())) return true;
  const bodyWord = raw.some((t, k) => k !== i && (ref.genericOrgWords.has(t) || ref.orgWordGroups.has(t)));
  if (!bodyWord && isChinesePersonName(raw, i)) return false;
  if (!mixedCase || ref.legalSpellings.has(word) || ref.legalSpellings.has(word.toLowerCase())) return true;
  return bodyWord;
}

/**
 * Whether the one-word legal form read from a name's first word (`word`, as tokenised) is rather
 * the body's name, as "STG" in "STG Group" or "DP" in "DP Shipping Limited": the words left
 * (`rest`, legal forms taken out) name no body, being words of kind only (`namesBody`), and the
 * word is an abbreviation of three letters at most, written in capitals without dots, that the
 * reference never writes in Latin letters as it is written here, in capitals or in small letters
 * (it writes "StG", "şb", "дп"). A form the reference writes so ("LLC Center", "OOO Tsentr", and
 * "pt", "ik" in small letters) stays a form, as does one written with dots ("S.T.G."), a longer
 * one, or one before a word that names the body ("STG Stroytrans").
 */
function firstWordNamesBody(
  text: string,
  word: string,
  rest: readonly string[],
  ref: CompiledNameReference,
): boolean {
  if (word.length > 3 || !/^[a-z]+$/.test(word) || namesBody(rest, ref.genericOrgWords)) return false;
  const written = writtenWord(text, word, true);
  if (written === undefined || written !== written.toUpperCase() || written.includes('.')) return false;
  return !ref.legalSpellings.has(written) && !ref.legalSpellings.has(word);
}

/** Whether two tokens are one generic organisation word in two languages ("kompanija", "company"). */
function sameOrgWord(a: string, b: string, ref: CompiledNameReference): boolean {
  const x = ref.orgWordGroups.get(a);
  const y = x && ref.orgWordGroups.get(b);
  return !!y && x.some((id) => y.includes(id));
}

/**
 * Whether `tokens` continues with `phrase` at position `i`; with `generic`,
 * a word of the phrase may be written as an equivalent organisation word.
 */
function startsWith(tokens: string[], i: number, phrase: string[], generic?: CompiledNameReference): boolean {
  if (i + phrase.length > tokens.length) return false;
  for (let k = 0; k < phrase.length; k++) {
    const t = tokens[i + k]!;
    if (t !== phrase[k] && !(generic && sameOrgWord(t, phrase[k]!, generic))) return false;
  }
  return true;
}

/**
 * Normalises one name for matching: tokens in ASCII, confusable digits in
 * words mapped to letters, legal forms pulled out (organisations), titles at
 * either end and after the comma of a surname-first form dropped (persons and
 * unknown parties: "NOORZAI, Hajji Faizullah"), a person's run-together dotted
 * initials read apart ("A.R." → "a r"), multi-word symbols collapsed to one token, and
 * the original-script tokens kept for non-Latin names, and the Korean and
 * Japanese readings of person names written in Han characters when the
 * reference has reading tables.
 *
 * @example
 * normalizeName('OOO Romashka', ref, 'organization').legalForms // ['LLC']
 */
export function normalizeName(
  text: string,
  reference: NameReference,
  schema: PartySchema = 'unknown',
): NormalizedName {
  const ref = compileNameReference(reference);
  const isPerson = schema === 'person';
  const isOrg = schema === 'organization' || schema === 'vessel' || schema === 'aircraft';
  // A body's generic words written in kanji or hanzi are read in English ("工場" → "plant").
  const read = isPerson
    ? splitDottedInitials(text)
    : NON_ASCII.test(text)
      ? readHanOrganisationWords(text, ref.hanLegalForms)
      : text;
  let raw = readNumberWords(tokenizeName(read).map((t) => replaceDigits(t, ref)));
  // Titles are dropped at either end of the name, and after the comma of a surname-first form.
  let given = isOrg ? -1 : givenNamesStart(read, ref);
  const across = isOrg ? undefined : articleAcrossComma(raw, given, ref);
  if (across) ({ raw, given } = across);
  const tokens: string[] = [];
  const legalForms: string[] = [];
  const titles: string[] = [];
  const syllables = hanSyllables(read);
  let firstForm = -1;
  let i = 0;
  while (i < raw.length) {
    if (i === given) while (i + 1 < raw.length && ref.titles.has(raw[i]!)) titles.push(raw[i++]!);
    const candidates = ref.phrases.get(raw[i]!);
    const phrase = candidates?.find(
      (p) =>
        startsWith(raw, i, p.tokens, p.kind === 'legal' ? ref : undefined) &&
        (p.kind === 'symbol' ||
          (p.kind === 'legal' &&
            !isPerson &&
            !(p.tokens.length === 1 && syllables?.has(raw[i]!)) &&
            (p.tokens.length > 1 || raw.length > 1) &&
            (isOrg || readsAsForm(text, raw, i, p.tokens, ref))) ||
          (p.kind === 'orgPrefix' && isOrg && i === 0) ||
          (p.kind === 'title' && !isOrg)),
    );
    if (phrase) {
      // A legal form stands at the start or the end of a name; a short word the reference also
      // reads as one ("in" for Inc, "of" for ОФ) inside the name is not the body's legal form.
      if (phrase.kind === 'legal') {
        if (i === 0 && phrase.tokens.length === 1) firstForm = legalForms.length;
        if (i === 0 || atNameEnd(raw, i, phrase.tokens)) legalForms.push(phrase.value);
      } else if (phrase.kind === 'symbol') tokens.push(phrase.value);
      else if (phrase.kind === 'title') titles.push(phrase.value);
      i += phrase.tokens.length;
      continue;
    }
    tokens.push(raw[i]!);
    i++;
  }
  // A name of legal forms only keeps every word below ("OSK AO", "YK-AKB").
  if (firstForm >= 0 && tokens.length > 0 && firstWordNamesBody(text, raw[0]!, tokens, ref)) {
    legalForms.splice(firstForm, 1);
    tokens.unshift(raw[0]!);
  }
  if (across) tokens[tokens.length - 1] = across.last;
  // In any place but alone: the surname-first form puts it last ("MOCHOMITO, El").
  if (tokens.length > 1)
    for (let k = 0; k < tokens.length; k++) if (ARTICLES.has(tokens[k]!)) tokens[k] = 'al';
  if (isOrg) dropEzafe(tokens, text.includes('-') && HYPHEN_I.test(text));
  // A name of no given kind that carries a legal form is a body's: a title-like word before the
  // form is its name's ("Korea X General Corporation" keeps "general"), as it is read when the
  // body is listed as an organisation, so both listings of one name read alike.
  else if (isPerson || legalForms.length === 0) {
    while (tokens.length > 1 && ref.titles.has(tokens[0]!)) titles.push(tokens.shift()!);
    while (tokens.length > 1 && ref.titles.has(tokens[tokens.length - 1]!)) titles.push(tokens.pop()!);
  }
  // A name that is only a legal form ("Limited") keeps it as its name.
  if (tokens.length === 0 && legalForms.length > 0) tokens.push(...raw);
  const result: NormalizedName = { text, tokens, legalForms, titles };
  if (schema !== 'unknown') result.schema = schema;
  // ASCII is Latin or has no letters: skip the script census.
  if (NON_ASCII.test(text) && isNonLatin(text)) {
    result.originalTokens = tokenizeOriginalScript(text);
    if (ABJAD.test(text)) result.vowelless = true;
    if (reference.hanReadings && !isOrg) {
      const primary = tokens.join(' ');
      const readings: string[][] = [];
      for (const variant of hanReadingVariants(text, reference.hanReadings)) {
        // A reading is of a person name: no word of it is a legal form (가 "ga" is not GA).
        const read = normalizeName(variant, reference, 'person').tokens;
        const key = read.join(' ');
        if (read.length > 0 && key !== primary && !readings.some((r) => r.join(' ') === key))
          readings.push(read);
      }
      if (readings.length > 0) result.readings = readings;
    }
  }
  return result;
}

import type { PartyName } from '../model/party.ts';
import { tokenizeName } from './tokenize-name.ts';

/**
 * Where a person name's surname is among its normalised tokens, when the name says so: the
 * tokens `surnameStart` … `surnameEnd − 1`; the given names are the others, the first given name
 * the first of them. Known from a name written "SURNAME, Given" (`commaNameOrder`) or published
 * in parts (`partsNameOrder`: UN `FIRST_NAME` … `FOURTH_NAME`, EU and OFAC first and last names).
 */
export interface NameOrder {
  surnameStart: number;
  surnameEnd: number;
}

/** Spellings of the Arabic article the normaliser reads as "al" (`normalizeName`). */
const ARTICLE = /^(al|el|ul|ud|ur|ad|ar|az|ash)$/;

/** Whether a raw word and a normalised token are the same word (the article read as "al"). */
const sameWord = (raw: string, token: string): boolean =>
  raw === token || (token === 'al' && ARTICLE.test(raw));

/** Whether `tokens` holds the raw words `words` from position `at`. */
function holds(tokens: readonly string[], at: number, words: readonly string[]): boolean {
  if (at < 0 || at + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if (!sameWord(words[k]!, tokens[at + k]!)) return false;
  return true;
}

/**
 * The order of a name written with one comma after its surname ("CHATAEV, Akhmed Rajapovich";
 * "GOMEZ VELAZQUEZ, Daniela"): the words before the comma are the surname. Undefined without
 * exactly one comma, with nothing on either side, or when normalisation changed the words
 * before it (a title or phrase taken out): the mark is then not trusted.
 */
export function commaNameOrder(text: string, tokens: readonly string[]): NameOrder | undefined {
  const at = text.indexOf(',');
  if (at <= 0 || text.indexOf(',', at + 1) >= 0) return undefined;
  const before = tokenizeName(text.slice(0, at));
  if (before.length === 0 || before.length >= tokens.length || !holds(tokens, 0, before)) return undefined;
  return { surnameStart: 0, surnameEnd: before.length };
}

/**
 * The order of a name published in parts, given names first ("AKHMED" "RAJAPOVICH" "CHATAEV"):
 * the family name's words end the name, the given name's begin it. Undefined when the parts
 * do not spell the name's tokens that way.
 */
export function partsNameOrder(name: PartyName, tokens: readonly string[]): NameOrder | undefined {
  const given = name.parts?.given;
  const family = name.parts?.family;
  if (!given || !family) return undefined;
  const g = tokenizeName(given);
  const f = tokenizeName(family);
  const n = tokens.length;
  if (g.length === 0 || f.length === 0 || g.length + f.length > n) return undefined;
  if (!holds(tokens, 0, g) || !holds(tokens, n - f.length, f)) return undefined;
  return { surnameStart: n - f.length, surnameEnd: n };
}

/** A word written in capitals: two letters or more, none small ("LAVROV", "AL-ASSAD"; not "V."). */
function inCapitals(word: string): boolean {
  let letters = 0;
  for (const ch of word) {
    if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) letters++;
    else if (ch !== ch.toUpperCase()) return false;
  }
  return letters >= 2;
}

/**
 * The order of a name that writes its surname, and only its surname, in capitals, first or
 * last ("Sergey Viktorovich LAVROV", "LAVROV Sergey Viktorovich", "Wasim Badia AL-ASSAD"): the
 * words in capitals are the surname. Undefined when the name holds a comma or brackets (a list
 * of spellings, or the comma says), when it is all in capitals or has no word in capitals, when
 * it has capitals both first and last or in the middle only, when another word does not begin
 * with a capital ("FAIZULLAH KHAN na": a note beside a name in capitals; "Juan de la CRUZ"), or
 * when normalisation changed the words in capitals (a title or phrase taken out): the case is
 * then not trusted.
 */
export function capitalsNameOrder(text: string, tokens: readonly string[]): NameOrder | undefined {
  if (/[,()[\]/]/.test(text)) return undefined;
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const n = words.length;
  if (n < 2) return undefined;
  const caps = words.map(inCapitals);
  let lead = 0;
  while (lead < n && caps[lead]) lead++;
  let trail = 0;
  while (trail < n && caps[n - 1 - trail]) trail++;
  if (lead === n || lead > 0 === trail > 0) return undefined;
  // No other word in capitals, and every other word written with a capital first ("Sergey",
  // "V."): the surname is the one run of them, not a name in capitals beside a note ("na").
  for (let k = lead; k < n - trail; k++) {
    const first = words[k]![0]!;
    if (caps[k] || first === first.toLowerCase()) return undefined;
  }
  const surname = tokenizeName((lead > 0 ? words.slice(0, lead) : words.slice(n - trail)).join(' '));
  if (surname.length === 0 || surname.length >= tokens.length) return undefined;
  const at = lead > 0 ? 0 : tokens.length - surname.length;
  if (!holds(tokens, at, surname)) return undefined;
  return { surnameStart: at, surnameEnd: at + surname.length };
}

/**
 * The order a name says of itself: written "SURNAME, Given" (`commaNameOrder`), else with its
 * surname alone in capitals (`capitalsNameOrder`).
 */
export function writtenNameOrder(text: string, tokens: readonly string[]): NameOrder | undefined {
  return commaNameOrder(text, tokens) ?? capitalsNameOrder(text, tokens);
}

/**
 * The order of a listed name (`text`, normalised to `tokens`) of a party whose published names
 * are `names` (or what `names` returns, called only for a name without the comma): written
 * surname first with a comma, else from the parts of the published name it is, else from its
 * surname written alone in capitals.
 */
export function listedNameOrder(
  text: string,
  tokens: readonly string[],
  names: readonly PartyName[] | undefined | (() => readonly PartyName[] | undefined),
): NameOrder | undefined {
  const comma = commaNameOrder(text, tokens);
  if (comma) return comma;
  const published = typeof names === 'function' ? names() : names;
  if (published)
    for (const name of published)
      if (name.full === text && name.parts) {
        const parts = partsNameOrder(name, tokens);
        if (parts) return parts;
        break;
      }
  return capitalsNameOrder(text, tokens);
}

/**
 * The position of each of `n` tokens when the name is read given names first: the given names
 * in order, then the surname (`order`); as written without an order.
 */
export function givenFirstPositions(n: number, order: NameOrder | undefined): Int32Array {
  const pos = new Int32Array(n);
  const s = order?.surnameStart ?? n;
  const e = order?.surnameEnd ?? n;
  let k = 0;
  for (let j = 0; j < n; j++) if (j < s || j >= e) pos[j] = k++;
  for (let j = s; j < e; j++) pos[j] = k++;
  return pos;
}

/** Most words a bracketed or `;`-separated part may have to count as a name (longer ones are remarks). */
const MAX_PART_WORDS = 10;

/** Fewest letters an acronym in brackets must have to be a name of its own. */
const MIN_ACRONYM_LETTERS = 3;

const LABEL = /\(original script\)|\boriginal script\s*:/gi;
const ENUMERATION = /(?:^|\s)[a-h]\)\s+/g;
const WORD = /[\p{L}\p{N}]+/gu;

const words = (text: string): string[] => text.match(WORD) ?? [];

const tidy = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '')
    .trim();

/**
 * The text outside brackets and the contents of the outermost brackets
 * (brackets nested inside those are dropped with their contents; a
 * closing bracket without an opening one is ignored).
 */
function splitBrackets(text: string): { outside: string; groups: string[] } {
  let outside = '';
  let group = '';
  const groups: string[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[') {
      depth++;
      if (depth === 1) group = '';
    } else if (ch === ')' || ch === ']') {
      if (depth === 0) continue;
      depth--;
      if (depth === 0) {
        groups.push(group);
        outside += ' ';
      }
    } else if (depth === 0) outside += ch;
    else if (depth === 1) group += ch;
  }
  if (depth > 0) groups.push(group);
  return { outside, groups };
}

/**
 * Whether `word` is an acronym of `name`: its letters are, in order, the
 * initials of some of the name's words, beginning with the first word
 * ("ISGS" of "Islamic State in the Greater Sahara"; "TANZANIA" of
 * "Al-Haramayn Foundation" is not).
 */
export function isAcronymOf(word: string, name: string): boolean {
  const letters = word.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < MIN_ACRONYM_LETTERS || /\s/.test(word.trim())) return false;
  const initials = words(name.toLowerCase().replace(/['’`]/g, '')).map((w) => w[0]!);
  if (initials[0] !== letters[0]) return false;
  let at = 0;
  for (const ch of initials) if (at < letters.length && ch === letters[at]) at++;
  return at === letters.length;
}

/**
 * The names one listed (or queried) name cell holds besides itself, as
 * published lists pack them: `;`-separated names, names enumerated "a) … b) …",
 * the name without its bracketed parts, each `;`-separated name in brackets
 * of at most ten words, and an acronym in brackets when its letters are the
 * initials of the name ("Islamic State in the Greater Sahara (ISGS)"). A
 * bracketed single word that is no acronym (a country, a branch) is not a
 * name; a long bracketed text is a remark. Empty for a plain name. Without
 * `inBrackets` (for a query, whose bracketed words qualify the name rather
 * than name it alone) only the name outside brackets and its `;`-separated
 * names.
 *
 * @example
 * namePartsOf('Karim Sabeti (false identity related to a passport issued in another country, since confiscated)') // ['Karim Sabeti']
 */
export function namePartsOf(text: string, inBrackets = true): string[] {
  if (!/[;()[\]]|\b[a-h]\)/.test(text)) return [];
  const clean = text.replace(LABEL, ' ').replace(ENUMERATION, ' ; ');
  const { outside: rest, groups } = splitBrackets(clean);
  const outside = tidy(rest);
  const parts: string[] = [];
  const push = (part: string): void => {
    const t = tidy(part);
    const n = words(t).length;
    if (n === 0 || n > MAX_PART_WORDS || t === text || parts.includes(t)) return;
    parts.push(t);
  };
  for (const piece of outside.split(';')) push(piece);
  if (!inBrackets) return parts;
  const name = tidy(outside.split(';')[0] ?? '');
  for (const inner of groups) {
    for (const p of inner.split(';')) {
      const t = tidy(p);
      if (words(t).length === 1 && !(name && isAcronymOf(t, name))) continue;
      push(t);
    }
  }
  return parts;
}

/**
 * Class 5 transformations of organisation names: a generic word replaced by
 * another form of the same word from the reference table `org_symbols`
 * (including romanised Persian, Arabic and Russian forms such as sherkat or
 * zavod), a generic word dropped, and the acronym added in brackets.
 */
import { words } from './transform-names.ts';

/** Generic word → other single-word Latin forms of it, from `org_symbols` groups. */
export type GenericWords = Map<string, string[]>;

/** Builds the generic-word table from `org_symbols` groups (group key → forms). */
export function genericWords(groups: Record<string, string[]>): GenericWords {
  const table: GenericWords = new Map();
  for (const forms of Object.values(groups)) {
    const latin = [...new Set(forms.map((f) => f.toLowerCase()).filter((f) => /^[a-z]{4,}$/.test(f)))];
    if (latin.length < 2) continue;
    for (const f of latin)
      table.set(f, [...new Set([...(table.get(f) ?? []), ...latin.filter((x) => x !== f)])]);
  }
  return table;
}

/** Should match: the first generic word replaced by the `pick`-th other form of it. */
export function swapGenericWord(name: string, table: GenericWords, pick: number): string | undefined {
  const w = words(name);
  const i = w.findIndex((x) => table.has(x.toLowerCase()));
  if (i < 0) return undefined;
  const forms = table.get(w[i]!.toLowerCase())!;
  const form = forms[pick % forms.length]!;
  const cased = w[i] === w[i]!.toUpperCase() ? form.toUpperCase() : form[0]!.toUpperCase() + form.slice(1);
  return [...w.slice(0, i), cased, ...w.slice(i + 1)].join(' ');
}

/** Should match: the last generic word dropped when at least two other words stay. */
export function dropGenericWord(name: string, table: GenericWords): string | undefined {
  const w = words(name);
  let i = w.length - 1;
  while (i >= 0 && !table.has(w[i]!.toLowerCase())) i--;
  if (i < 0 || w.length < 3) return undefined;
  return [...w.slice(0, i), ...w.slice(i + 1)].join(' ');
}

const SMALL = new Set(['of', 'the', 'and', 'for', 'de', 'la', 'du', 'des', 'in', 'on', '&']);

/** Should match: the name followed by its acronym in brackets ("Army of the Pure" → "Army of the Pure (AP)"). */
export function withAcronym(name: string): string | undefined {
  if (/[()]/.test(name)) return undefined;
  const w = words(name).filter((x) => !SMALL.has(x.toLowerCase()));
  if (w.length < 3 || w.some((x) => !/^\p{Script=Latin}/u.test(x))) return undefined;
  return `${name.trim()} (${w.map((x) => x[0]!.toUpperCase()).join('')})`;
}

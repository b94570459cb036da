/**
 * The words the class transformations insert or swap, read from the mirror's
 * name reference tables (`reference/names`, MIT): given names from
 * `person_nick` (the full forms of nicknames), titles from
 * `PERSON_NAME_PREFIXES`, and generic organisation words from `org_symbols`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { genericWords, type GenericWords } from './transform-orgs.ts';

/** Tables the builders draw from. */
export interface NameTables {
  givenNames: string[];
  titles: string[];
  generic: GenericWords;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Reads the tables from `<mirror>/reference/names`. */
export function loadNameTables(mirror: string): NameTables {
  const dir = path.join(mirror, 'reference', 'names');
  const symbols = parse(readFileSync(path.join(dir, 'symbols.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  const stop = parse(readFileSync(path.join(dir, 'stopwords.yml'), 'utf8')) as Record<string, unknown>;
  const givenNames = [
    ...new Set(
      Object.values(symbols.person_nick ?? {})
        .flatMap(strings)
        .filter((n) => /^[A-Z][a-z]{3,}$/.test(n)),
    ),
  ].sort();
  const titles = strings(stop.PERSON_NAME_PREFIXES).filter((t) => /^[A-Z][a-z]+$/.test(t) && t.length >= 3);
  const groups: Record<string, string[]> = {};
  for (const [key, forms] of Object.entries(symbols.org_symbols ?? {})) groups[key] = strings(forms);
  return { givenNames, titles, generic: genericWords(groups) };
}

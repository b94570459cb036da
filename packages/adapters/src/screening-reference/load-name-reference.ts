import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DEFAULT_NAME_REFERENCE,
  DomainError,
  type NameReference,
  type OrgTypeReference,
} from '@entente/core';
import { loadHanReadings } from './load-han-readings.ts';

type Yaml = Record<string, unknown>;

async function readYaml(file: string): Promise<Yaml> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new DomainError('file-unreadable', `Cannot read ${file}: ${(cause as Error).message}`, { file });
  }
  // Loaded here: the reference is read from its snapshot on most starts (name-reference-cache.ts).
  const { parse } = await import('yaml');
  let data: unknown;
  try {
    data = parse(text);
  } catch (cause) {
    throw new DomainError('file-rejected', `Invalid YAML in ${file}: ${(cause as Error).message}`, { file });
  }
  if (!data || typeof data !== 'object')
    throw new DomainError('file-rejected', `${file} is not a YAML mapping`, { file });
  return data as Yaml;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

function groups(value: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!value || typeof value !== 'object') return out;
  for (const [key, words] of Object.entries(value as Yaml)) out[key] = strings(words);
  return out;
}

function orgTypes(value: unknown): OrgTypeReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): OrgTypeReference[] => {
    if (!item || typeof item !== 'object') return [];
    const t = item as Yaml;
    const type: OrgTypeReference = { aliases: strings(t.aliases) };
    if (typeof t.display === 'string') type.display = t.display;
    if (typeof t.compare === 'string') type.compare = t.compare;
    if (typeof t.generic === 'string') type.generic = t.generic;
    return [type];
  });
}

/**
 * Reads the name reference data (`org_types.yml`, `symbols.yml`,
 * `stopwords.yml`, `compare.yml`) from a `reference/names/` directory — or
 * from a mirror root holding one — into core's `NameReference`, with the
 * Korean and Japanese readings of Han-character names (`loadHanReadings`,
 * from the `hanja` and `kuromoji` packages). Returns the
 * built-in `DEFAULT_NAME_REFERENCE` when the directory does not exist.
 *
 * @example
 * const reference = await loadNameReference('../shared/data');
 */
export async function loadNameReference(dir: string): Promise<NameReference> {
  const nested = path.join(dir, 'reference', 'names');
  const base = existsSync(path.join(nested, 'org_types.yml')) ? nested : dir;
  if (!existsSync(path.join(base, 'org_types.yml'))) return DEFAULT_NAME_REFERENCE;
  const [[types, symbols, stopwords, compare], hanReadings] = await Promise.all([
    Promise.all(
      ['org_types.yml', 'symbols.yml', 'stopwords.yml', 'compare.yml'].map((f) =>
        existsSync(path.join(base, f)) ? readYaml(path.join(base, f)) : Promise.resolve({} as Yaml),
      ),
    ),
    loadHanReadings(),
  ]);
  const pairs = Array.isArray(compare!.similar_pairs) ? compare!.similar_pairs : [];
  const reference: NameReference = {
    orgTypes: orgTypes(types!.types),
    orgSymbols: groups(symbols!.org_symbols),
    personSymbols: groups(symbols!.person_symbols),
    nameSpellings: groups(symbols!.person_name_parts),
    nicknames: groups(symbols!.person_nick),
    titles: strings(stopwords!.PERSON_NAME_PREFIXES),
    orgPrefixes: strings(stopwords!.ORG_NAME_PREFIXES),
    genericPersonNames: strings(stopwords!.GENERIC_PERSON_NAMES),
    confusables: pairs.filter(
      (p): p is [string, string] =>
        Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'),
    ),
    hanReadings,
  };
  if (reference.orgTypes.length === 0)
    throw new DomainError('file-rejected', 'org_types.yml has no types', {
      file: path.join(base, 'org_types.yml'),
      field: 'types',
    });
  return Object.freeze(reference);
}

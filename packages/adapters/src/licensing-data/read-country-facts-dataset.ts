import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, type FactSource } from '@entente/core';
import { checkFactSource } from './check-licensing-facts.ts';

/** The project's country-facts dataset (packages/adapters/datasets/countries/country-facts.json). */
export const COUNTRY_FACTS_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../datasets/countries/country-facts.json',
);

/** One set of countries sharing a fact (EU membership, EU001, Japan Group A), with its citation. */
export interface CountrySet {
  countries: ReadonlySet<string>;
  source: FactSource;
}

/** The country facts Entente ships for a start without a mirror. */
export interface CountryFactsDataset {
  euMembers: CountrySet;
  eu001Destinations: CountrySet;
  japanGroupA: CountrySet;
}

function readSet(doc: Record<string, unknown>, key: keyof CountryFactsDataset, file: string): CountrySet {
  const set = doc[key] as { countries?: unknown; source?: unknown } | undefined;
  const codes = set?.countries;
  const bad = Array.isArray(codes)
    ? codes.findIndex((c) => typeof c !== 'string' || !/^[A-Z]{2}$/.test(c))
    : 0;
  if (!Array.isArray(codes) || bad >= 0) {
    throw new DomainError('file-rejected', `Invalid country set ${key} in ${file}`, {
      file,
      field: `${key}.countries${Array.isArray(codes) ? `.${bad}` : ''}`,
      accepted: 'a list of ISO 3166-1 alpha-2 codes',
    });
  }
  const source = checkFactSource(set?.source, { file, row: 0, id: key }, `${key}.source`);
  return { countries: new Set(codes as string[]), source };
}

/**
 * Reads and checks the country-facts dataset: every set a list of ISO-2 codes
 * with a sound citation, else `file-rejected` naming the field.
 */
export async function readCountryFactsDataset(file = COUNTRY_FACTS_FILE): Promise<CountryFactsDataset> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  const name = path.basename(file);
  return {
    euMembers: readSet(doc, 'euMembers', name),
    eu001Destinations: readSet(doc, 'eu001Destinations', name),
    japanGroupA: readSet(doc, 'japanGroupA', name),
  };
}

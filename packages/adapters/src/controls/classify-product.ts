import type { Kysely } from 'kysely';
import type { ControlJurisdiction } from '@entente/core';
import { classifyEntries, type ClassifyHit } from './classify-entries.ts';
import type { Database } from '../store/database.ts';

/**
 * Everyday product words and the regulators' words the lists use for them:
 * a description is searched with both (the CCL says "cryptography", exporters
 * say "encryption").
 */
export const PRODUCT_SYNONYMS: readonly { words: RegExp; listTerms: string }[] = [
  { words: /\b(encrypt\w*|cipher\w*|crypto)\b/i, listTerms: 'cryptography' },
  { words: /\bchips?\b|\bmicrochips?\b/i, listTerms: 'integrated circuit' },
  { words: /\brad[- ]?hard(ened)?\b/i, listTerms: 'radiation hardened' },
  { words: /\b(drones?|uavs?|uas)\b/i, listTerms: 'unmanned aerial vehicle' },
  { words: /\bnight[- ]vision\b/i, listTerms: 'image intensifier tube' },
  { words: /\bthermal (camera|imager)s?\b/i, listTerms: 'infrared focal plane array camera' },
  { words: /\b3d[- ]print\w*/i, listTerms: 'additive manufacturing' },
  { words: /\bgps\b|\bgnss\b/i, listTerms: 'satellite navigation receiving' },
];

/** The description with the list terms of its everyday words appended. */
export function expandDescription(text: string): string {
  const extra = PRODUCT_SYNONYMS.filter(
    (s) => s.words.test(text) && !text.toLowerCase().includes(s.listTerms),
  ).map((s) => s.listTerms);
  return extra.length ? `${text} ${extra.join(' ')}` : text;
}

/**
 * Candidate control entries for a product description: `classifyEntries`
 * over the description expanded with the lists' own terms.
 *
 * @example
 * (await classifyProduct(db, 'encryption module'))[0]?.id; // 'WA:5.A.2' or a 5A002 entry
 */
export async function classifyProduct(
  db: Kysely<Database>,
  text: string,
  options: { jurisdiction?: ControlJurisdiction; limit?: number } = {},
): Promise<{ searchedFor: string; hits: ClassifyHit[] }> {
  const searchedFor = expandDescription(text);
  return { searchedFor, hits: await classifyEntries(db, searchedFor, options) };
}

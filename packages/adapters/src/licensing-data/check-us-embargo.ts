import { DomainError, type UsEmbargoRule } from '@entente/core';
import { checkFactSource } from './check-licensing-facts.ts';

/** The dataset file of the Part 746 rules, in the licensing datasets folder. */
export const US_EMBARGOES_FILE = 'us-embargoes.json';

const REACHES = ['all-items', 'ccl-items'];
const EFFECTS = ['licence-required', 'prohibited'];

function reject(row: number, id: string, field: string, accepted: unknown): never {
  throw new DomainError('file-rejected', `Invalid US embargo rule ${id} in ${US_EMBARGOES_FILE}`, {
    file: US_EMBARGOES_FILE,
    row,
    field,
    accepted,
  });
}

const isTextList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x !== '');

/**
 * Checks one Part 746 rule of the dataset: the destinations it reaches, what
 * it reaches and does, its citations, and where its text was read.
 */
export function checkUsEmbargoRule(value: unknown, row: number): UsEmbargoRule {
  const r = value as Partial<UsEmbargoRule> | undefined;
  const id = typeof r?.name === 'string' && r.name ? r.name : `#${row}`;
  if (!r || typeof r !== 'object') reject(row, id, 'rule', 'an object');
  if (!isTextList(r.destinations)) reject(row, id, 'destinations', 'ISO-2 codes or regions such as UA-43');
  if (typeof r.name !== 'string' || !r.name) reject(row, id, 'name', 'a non-empty string');
  if (!REACHES.includes(r.reach as string)) reject(row, id, 'reach', REACHES);
  if (!EFFECTS.includes(r.effect as string)) reject(row, id, 'effect', EFFECTS);
  if (!isTextList(r.citations)) reject(row, id, 'citations', 'provisions such as "15 CFR 746.2"');
  if (typeof r.policy !== 'string' || !r.policy) reject(row, id, 'policy', 'a non-empty string');
  if (!Array.isArray(r.toCheck)) reject(row, id, 'toCheck', 'a list of {id, citation, conditions}');
  checkFactSource(r.source, { file: US_EMBARGOES_FILE, row, id }, 'source');
  return r as UsEmbargoRule;
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, type UsExceptionRestriction, type UsItemSeries } from '@entente/core';
import { checkFactSource } from './check-licensing-facts.ts';

/** The dataset file of the §740.2(a) restrictions, in the licensing datasets folder. */
export const US_EXCEPTION_RESTRICTIONS_FILE = 'us-exception-restrictions.json';

const ID_RE = /^15 CFR 740\.2\(a\)\(\d+\)$/;
const CODE_RE = /^\d[A-E]\d{3}(\.[a-z0-9]+)*$/;
const SERIES: UsItemSeries[] = ['600-series', '9x515', '0Y521'];
const SYMBOL_RE = /^[A-Z]{3}$/;

function reject(row: number, id: string, field: string, accepted: unknown): never {
  throw new DomainError(
    'file-rejected',
    `Invalid exception restriction ${id} in ${US_EXCEPTION_RESTRICTIONS_FILE}`,
    { file: US_EXCEPTION_RESTRICTIONS_FILE, row, field, accepted },
  );
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isList = (v: unknown, re: RegExp): boolean =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && re.test(x));

/**
 * Checks one restriction: its paragraph, the items it names, the exceptions it
 * leaves or withdraws, and where its text was read. A restriction that
 * withdraws exceptions (no condition to ask) must rest on a verified reading.
 */
export function checkUsExceptionRestriction(value: unknown, row: number): UsExceptionRestriction {
  const r = value as Partial<UsExceptionRestriction> | undefined;
  const id = isText(r?.id) ? r.id : `#${row}`;
  if (!r || typeof r !== 'object') reject(row, id, 'restriction', 'an object');
  if (!isText(r.id) || !ID_RE.test(r.id)) reject(row, id, 'id', 'a paragraph such as 15 CFR 740.2(a)(12)');
  if (r.codes !== undefined && !isList(r.codes, CODE_RE)) reject(row, id, 'codes', 'ECCNs or paragraphs');
  if (r.series !== undefined && !(Array.isArray(r.series) && r.series.every((s) => SERIES.includes(s))))
    reject(row, id, 'series', SERIES);
  if (!r.codes?.length && !r.series?.length) reject(row, id, 'codes', 'at least one code or series');
  if ((r.allowed === undefined) === (r.forbidden === undefined))
    reject(row, id, 'allowed', 'either allowed or forbidden exception symbols');
  for (const f of ['allowed', 'forbidden', 'whenGroups', 'unlessGroups', 'whenReasons'] as const)
    if (r[f] !== undefined && !isList(r[f], f.endsWith('Groups') ? /^[A-E]:?\d?$/ : /^[A-Z]+$/))
      reject(row, id, f, 'a list of symbols');
  for (const a of r.alsoAllowed ?? [])
    if (!isList(a.codes, CODE_RE) || !isList(a.exceptions, SYMBOL_RE))
      reject(row, id, 'alsoAllowed', '{codes, exceptions}');
  if (r.condition !== undefined && !isText(r.condition)) reject(row, id, 'condition', 'a question');
  if (!isText(r.detail)) reject(row, id, 'detail', 'what the paragraph says');
  const source = checkFactSource(r.source, { file: US_EXCEPTION_RESTRICTIONS_FILE, row, id }, 'source');
  if (r.condition === undefined && source.status !== 'verified')
    reject(row, id, 'source.status', 'verified (withdrawing exceptions must rest on a text read)');
  return r as UsExceptionRestriction;
}

/** Reads and checks the §740.2(a) restrictions dataset (all rows or an error naming the row and field). */
export async function loadUsExceptionRestrictions(datasetsDir: string): Promise<UsExceptionRestriction[]> {
  const raw = JSON.parse(await readFile(path.join(datasetsDir, US_EXCEPTION_RESTRICTIONS_FILE), 'utf8')) as {
    restrictions?: unknown;
  };
  if (!Array.isArray(raw.restrictions))
    reject(0, US_EXCEPTION_RESTRICTIONS_FILE, 'restrictions', 'a list of restrictions');
  return raw.restrictions.map((r, i) => checkUsExceptionRestriction(r, i));
}

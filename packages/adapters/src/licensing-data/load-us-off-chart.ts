import {
  DomainError,
  isSubjectToItarHeading,
  type UsEccn,
  type UsOffChartKind,
  type UsOffChartRule,
} from '@entente/core';
import type { CclSource } from '../controls/ccl/ccl-source.ts';
import { checkFactSource } from './check-licensing-facts.ts';

/** The dataset file of the off-chart requirements, in the licensing datasets folder. */
export const US_OFF_CHART_FILE = 'us-off-chart-entries.json';

const KINDS: UsOffChartKind[] = [
  'all-destinations',
  'governed-elsewhere',
  'short-supply',
  'entry-destinations',
  'other-provision',
  'no-items',
];
const CODE_RE = /^\d[A-E]\d{3}(\.[a-z0-9]+)*$/;
const ITAR = '22 CFR parts 120–130 (ITAR)';

function reject(row: number, id: string, field: string, accepted: unknown): never {
  throw new DomainError('file-rejected', `Invalid off-chart rule ${id} in ${US_OFF_CHART_FILE}`, {
    file: US_OFF_CHART_FILE,
    row,
    field,
    accepted,
  });
}

const isText = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Checks one rule of the dataset: its code, kind, what it requires and where
 * its text was read. A rule that requires a licence must rest on a verified reading.
 */
export function checkUsOffChartRule(value: unknown, row: number): UsOffChartRule {
  const r = value as Partial<UsOffChartRule> | undefined;
  const id = isText(r?.code) ? r.code : `#${row}`;
  if (!r || typeof r !== 'object') reject(row, id, 'rule', 'an object');
  if (!isText(r.code) || !CODE_RE.test(r.code))
    reject(row, id, 'code', 'an ECCN or paragraph such as 5A001.f.1');
  if (!KINDS.includes(r.kind as UsOffChartKind)) reject(row, id, 'kind', KINDS);
  if (!isText(r.reason)) reject(row, id, 'reason', 'a reason for control or authority');
  if (r.licence !== 'required' && r.licence !== 'review') reject(row, id, 'licence', ['required', 'review']);
  if (!Array.isArray(r.exceptions) || !r.exceptions.every(isText))
    reject(row, id, 'exceptions', 'licence exception symbols, [] for none');
  if (!isText(r.read)) reject(row, id, 'read', 'what to read to settle the requirement');
  if (!isText(r.detail)) reject(row, id, 'detail', 'what the provision says');
  const source = checkFactSource(r.source, { file: US_OFF_CHART_FILE, row, id }, 'source');
  if (r.licence === 'required' && source.status !== 'verified')
    reject(row, id, 'source.status', 'verified (a licence requirement must rest on a text read)');
  return r as UsOffChartRule;
}

/** Rules the CCL text itself states: "subject to the ITAR" headings and "No items currently are in this ECCN". */
function rulesFromCclText(ccl: CclSource, eccn: UsEccn, items: string[]): UsOffChartRule | undefined {
  const source = {
    citation: `15 CFR 774 Supp. 1, ECCN ${eccn.eccn}, heading`,
    status: 'verified' as const,
    readIn: `${ccl.readFrom} (text of ${ccl.issueDate})`,
    readOn: ccl.issueDate,
  };
  if (isSubjectToItarHeading(eccn.heading))
    return {
      code: eccn.eccn,
      kind: 'governed-elsewhere',
      reason: 'ITAR',
      licence: 'review',
      exceptions: [],
      authority: ITAR,
      read: ITAR,
      detail: `${eccn.eccn}'s heading says its items are "subject to the ITAR" (22 CFR parts 120 through 130): the EAR imposes no licence requirement; the State Department's regulations govern them`,
      source,
    };
  const none = items.find((t) => /^No items currently are in this ECCN/i.test(t));
  if (none)
    return {
      code: eccn.eccn,
      kind: 'no-items',
      reason: 'pointer',
      licence: 'review',
      exceptions: [],
      read: 'the ECCNs the entry points to',
      detail: `${eccn.eccn} holds no items: ${none.replace(/^No items currently are in this ECCN\.\s*/i, '')}`,
      source: { ...source, citation: `15 CFR 774 Supp. 1, ECCN ${eccn.eccn}, List of Items Controlled` },
    };
  return undefined;
}

/**
 * The off-chart requirements by code: the dataset's rules (checked), then for
 * every ECCN without chart rows that the dataset does not name, what its own
 * text says ("subject to the ITAR", "no items"). ECCNs left without a rule are
 * answered "review needed" by the engine.
 */
export function loadUsOffChartRules(
  dataset: { rules: unknown[] },
  ccl: CclSource,
  eccns: ReadonlyMap<string, UsEccn>,
): Map<string, UsOffChartRule> {
  const rules = new Map<string, UsOffChartRule>();
  dataset.rules.forEach((r, i) => {
    const rule = checkUsOffChartRule(r, i);
    if (rules.has(rule.code)) reject(i, rule.code, 'code', 'one rule per code');
    rules.set(rule.code, rule);
  });
  for (const e of ccl.entries) {
    const eccn = eccns.get(e.eccn);
    if (!eccn || rules.has(e.eccn) || eccn.rows.length > 0) continue;
    const derived = rulesFromCclText(
      ccl,
      eccn,
      e.items.map((i) => i.text),
    );
    if (derived) rules.set(e.eccn, derived);
  }
  return rules;
}

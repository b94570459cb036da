import { parse as parseCsv } from 'csv-parse/sync';
import { DomainError } from '@entente/core';
import {
  parentCode,
  regimeOfCode,
  type ControlEntry,
  type ControlList,
  type ReasonScope,
  type Regime,
} from '@entente/core';
import { reasonsForParagraph, scopeReason } from './ccl-reason-scope.ts';

interface CclItem {
  paragraph: string | null;
  kind: string;
  text: string;
}

interface CclJsonEntry {
  eccn: string;
  heading: string;
  reasonForControl: string | null;
  items?: CclItem[];
}

interface CclJson {
  citation: string;
  ecfrIssueDate: string;
  entryCount: number;
  entries: CclJsonEntry[];
}

/** The three files of the US Commerce Control List mirror (`controls/us/`). */
export interface CclFiles {
  json: string;
  requirementRowsCsv: string;
  exceptionFlagsCsv: string;
}

const SOURCE_ACT = '15 CFR Part 774, Supplement No. 1 (Commerce Control List)';
/** Where the CCL text is read: the shared mirror's eCFR-derived file. */
const READ_FROM = 'shared data mirror controls/us/ccl.json (eCFR versioner, title 15 part 774)';
/** Longest heading kept for a paragraph; the full text stays in `text`. */
const HEADING_MAX = 240;

function splitReasons(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

function rowsByEccn(csv: string): Map<string, Record<string, string>[]> {
  const out = new Map<string, Record<string, string>[]>();
  for (const row of parseCsv(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[]) {
    const eccn = row.eccn ?? '';
    out.set(eccn, [...(out.get(eccn) ?? []), row]);
  }
  return out;
}

function truncate(text: string): string {
  return text.length <= HEADING_MAX ? text : `${text.slice(0, HEADING_MAX - 1)}…`;
}

/**
 * Reads the US Commerce Control List: every ECCN with its reasons, its
 * licence-requirement rows and exception flags (from the flattened CSVs), and
 * its paragraph tree where the text is given, each paragraph carrying the
 * reasons the requirement rows scope to it.
 */
export function parseCcl(files: CclFiles): ControlList {
  let data: CclJson;
  try {
    data = JSON.parse(files.json) as CclJson;
  } catch (error) {
    throw new DomainError('file-unreadable', `ccl.json is not JSON: ${(error as Error).message}`, {
      file: 'ccl.json',
    });
  }
  if (!Array.isArray(data.entries) || data.entries.length !== data.entryCount) {
    throw new DomainError('file-rejected', 'ccl.json entry count does not match its header', {
      file: 'ccl.json',
    });
  }
  const requirementRows = rowsByEccn(files.requirementRowsCsv);
  const flagRows = rowsByEccn(files.exceptionFlagsCsv);
  const validFrom = data.ecfrIssueDate;
  const source = { act: SOURCE_ACT, version: validFrom };
  const citation = (provision: string): ControlEntry['citation'] => ({
    act: SOURCE_ACT,
    provision,
    readFrom: READ_FROM,
    readOn: validFrom,
    status: 'verified',
  });
  const entries: ControlEntry[] = [];
  for (const e of data.entries) {
    const reasonScopes: ReasonScope[] = (requirementRows.get(e.eccn) ?? []).map((r) => ({
      reason: (r.control ?? '').trim().split(/\s+/)[0] ?? '',
      control: r.control ?? '',
      ...(r.chart_column ? { chartColumn: r.chart_column } : {}),
      ...(r.destination_scope_if_not_column ? { destination: r.destination_scope_if_not_column } : {}),
    }));
    const scoped = reasonScopes.map((r) => scopeReason(e.eccn, r));
    const exceptions = Object.fromEntries(
      (flagRows.get(e.eccn) ?? []).map((r) => [r.exception ?? '', r.text ?? '']),
    );
    const regime = regimeOfEccn(e.eccn, splitReasons(e.reasonForControl));
    entries.push({
      list: 'US',
      code: e.eccn,
      heading: e.heading,
      reasons: splitReasons(e.reasonForControl),
      regimeRefs: regime ? [regime] : [],
      validFrom,
      source,
      confidence: 'high',
      reasonScopes,
      exceptions,
      citation: citation(`ECCN ${e.eccn}`),
    });
    const codes = new Set<string>([e.eccn]);
    for (const item of e.items ?? []) {
      if (item.kind !== 'item' || !item.paragraph) continue;
      const code = `${e.eccn}.${item.paragraph}`;
      // A paragraph letter repeated inside a note is not a new paragraph: the first one wins.
      if (codes.has(code)) continue;
      let parent = parentCode(code);
      while (parent && !codes.has(parent)) parent = parentCode(parent);
      codes.add(code);
      const usOnly = /^[yz]$/.test(item.paragraph.split('.')[0] ?? '');
      entries.push({
        list: 'US',
        code,
        parent: parent ?? e.eccn,
        heading: truncate(item.text),
        text: item.text,
        reasons: reasonsForParagraph(code, scoped),
        regimeRefs: regime && !usOnly ? [regime] : [],
        validFrom,
        source,
        confidence: 'high',
        citation: citation(`ECCN ${e.eccn}, paragraph .${item.paragraph}`),
      });
    }
  }
  return {
    id: 'US',
    jurisdiction: 'US',
    name: 'US Commerce Control List',
    version: validFrom,
    validFrom,
    source,
    header: {
      sourceActs: [data.citation],
      builtHow:
        'Read from the eCFR-derived ccl.json and its flattened requirement-row and exception-flag tables.',
      leftOut: [
        'Paragraph text for categories other than those the source captured in full (0, 2, 6, 7, 8, 9 carry headings only).',
      ],
    },
    entries,
  };
}

/**
 * The regime of an ECCN: from its code (`regimeOfCode`), except an x3xx entry
 * whose Reason for Control is CW without CB (1C355, 1E355: CWC schedules,
 * §742.18) implements the Chemical Weapons Convention, not the Australia Group (§742.2).
 */
function regimeOfEccn(eccn: string, reasons: string[]): Regime | undefined {
  const regime = regimeOfCode(eccn);
  if (regime === 'AG' && reasons.includes('CW') && !reasons.includes('CB')) return 'CWC';
  return regime;
}

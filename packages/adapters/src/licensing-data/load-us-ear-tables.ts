import {
  extractParagraphRefs,
  extractReasonCodes,
  interpretDestinationRule,
  parseParagraphScope,
  type ParagraphScope,
  type UsEarTables,
  type UsEccn,
  type UsLvsRule,
  type UsRequirementRow,
} from '@entente/core';
import { readCclSource } from '../controls/ccl/read-ccl-source.ts';
import type { CclRequirementRow } from '../controls/ccl/ccl-source.ts';
import type { LicenceExceptionsSource } from '../controls/ear/ear-tables-source.ts';
import { readUsCountryTables } from '../controls/ear/read-us-country-tables.ts';
import { loadUsOffChartRules } from './load-us-off-chart.ts';

// Ranges such as "a.2 to a.14" or "b.4 to b.7" are expanded so each paragraph matches.
function expandRanges(text: string): string {
  return text.replace(
    /\b([a-z](?:\.\d+)*\.)(\d+) to (?:[a-z](?:\.\d+)*\.)?(\d+)\b/g,
    (_m, stem: string, from: string, to: string) => {
      const out: string[] = [];
      for (let i = Number(from); i <= Number(to) && out.length < 40; i++) out.push(`${stem}${i}`);
      return out.join(', ');
    },
  );
}

function stripParentheses(text: string): string {
  return text.replace(/\([^)]*\)/g, '');
}

function scopeOf(text: string, eccn: string): ParagraphScope {
  const refs = extractParagraphRefs(expandRanges(stripParentheses(text)), eccn);
  return refs.length > 0
    ? { entire: false, include: refs, exclude: [] }
    : { entire: true, include: [], exclude: [] };
}

/** Parses the LVS flag text and the "$1500: 3A001.c." lines of an ECCN into value limits. */
export function parseLvsRule(text: string, extraLines: string[], eccn: string): UsLvsRule | undefined {
  if (/^\s*N\/A\.?\s*$/i.test(text) && extraLines.length === 0) return undefined;
  const rule: UsLvsRule = { limits: [], naReasons: [], text: [text, ...extraLines].join(' ') };
  const naRefs: string[] = [];
  for (const clause of [...text.split(';'), ...extraLines]) {
    const [main = '', exceptPart = ''] = clause.split(/\bexcept\b/i);
    const naText = /N\/A/i.test(main) && !/\$/.test(main) ? main : /N\/A/i.test(exceptPart) ? exceptPart : '';
    if (naText) {
      rule.naReasons.push(...extractReasonCodes(naText));
      naRefs.push(...extractParagraphRefs(expandRanges(stripParentheses(naText)), eccn));
    } else if (exceptPart)
      naRefs.push(...extractParagraphRefs(expandRanges(stripParentheses(exceptPart)), eccn));
    const value = main.match(/\$\s*([\d,]+)/);
    if (value)
      rule.limits.push({
        value: Number((value[1] as string).replace(/,/g, '')),
        scope: scopeOf(main.slice(value.index! + value[0].length), eccn),
      });
  }
  if (naRefs.length > 0) rule.naScope = { entire: false, include: [...new Set(naRefs)], exclude: [] };
  return rule.limits.length > 0 ? rule : undefined;
}

function parseGbs(text: string | undefined, eccn: string): UsEccn['gbs'] {
  if (!text || !/^\s*yes/i.test(text)) return undefined;
  const [main = '', exceptPart = ''] = text.split(/\bexcept\b/i);
  return { scope: scopeOf(main, eccn), naReasons: extractReasonCodes(exceptPart) };
}

function parseStaExclusions(text: string | undefined, eccn: string): UsEccn['staExclusions'] {
  if (!text || !/may not be used/i.test(text)) return [];
  const groups = [...text.matchAll(/\bA:([56])\b/g)].map((m) => `A:${m[1]}`);
  const onlyC2 = /\(c\)\(2\)/.test(text);
  const scoped = /this (ECCN|entry)/i.test(text)
    ? { entire: true, include: [], exclude: [] }
    : scopeOf(text.split(/\bto any of\b/i)[0] ?? text, eccn);
  return [
    {
      scope: scoped,
      groups: onlyC2 ? ['A:6'] : groups.length > 0 ? [...new Set(groups)] : ['A:5', 'A:6'],
      text,
    },
  ];
}

function rowOf(eccn: string, r: CclRequirementRow): UsRequirementRow {
  const reason =
    r.control.match(/^\W*([A-Z]{2,3})\b/)?.[1] ?? (/Russian industry/i.test(r.control) ? 'RIS' : 'OTHER');
  const column = r.chartColumn.trim();
  const destText = r.destination.trim();
  const row: UsRequirementRow = { reason, control: r.control, scope: parseParagraphScope(r.control, eccn) };
  if (column) row.column = column;
  else
    row.destinationRule =
      reason === 'RIS'
        ? interpretDestinationRule('See § 746.5 and § 746.8 (Russia)')
        : interpretDestinationRule(destText || r.control);
  return row;
}

/**
 * Reads the CCL (the eCFR XML of part 774 from the first of `controlsUsDirs` holding it, else
 * ccl.json with its flattened requirement rows and exception flags) and the
 * licence exceptions of part 740 (given, else read from the same folders: the
 * eCFR XML of part 740, else the mirror's catalogue) into EAR tables whose
 * scopes are parsed once, here, so each determination only matches; with the
 * off-chart requirements (§738.3(a)) of `offChartDataset` and the CCL's own text.
 */
export async function loadUsEarTables(
  controlsUsDirs: string | string[],
  chartFootnotes: Record<string, string>,
  licenceExceptions?: LicenceExceptionsSource,
  offChartDataset: { rules: unknown[] } = { rules: [] },
): Promise<Omit<UsEarTables, 'embargoes'>> {
  const dirs = Array.isArray(controlsUsDirs) ? controlsUsDirs : [controlsUsDirs];
  const [ccl, catalogue] = await Promise.all([
    readCclSource(dirs),
    licenceExceptions ?? readUsCountryTables(dirs).then((t) => t.exceptions),
  ]);
  const eccns = new Map<string, UsEccn>();
  for (const e of ccl.entries) {
    const flagRecord: Record<string, string> = { ...e.exceptionFlags };
    const lvsLines = e.items
      .filter((i) => i.paragraph === null && /^\$[\d,]+\s*:/.test(i.text))
      .map((i) => i.text.replace(':', ' for'));
    const lvs = parseLvsRule(flagRecord['LVS'] ?? 'N/A', lvsLines, e.eccn);
    const gbs = parseGbs(flagRecord['GBS'], e.eccn);
    eccns.set(e.eccn, {
      eccn: e.eccn,
      heading: e.heading,
      reasons: (e.reasonForControl ?? '').split(/,\s*/).filter(Boolean),
      rows: e.requirementRows.map((r) => rowOf(e.eccn, r)),
      flags: flagRecord,
      ...(lvs ? { lvs } : {}),
      ...(gbs ? { gbs } : {}),
      staExclusions: parseStaExclusions(flagRecord['STA'], e.eccn),
    });
  }
  const exceptionSections: Record<string, { section: string; title: string }> = {};
  for (const x of catalogue.exceptions)
    for (const s of x.symbols) exceptionSections[s] = { section: x.section, title: x.title };
  const offChart = loadUsOffChartRules(offChartDataset, ccl, eccns);
  return { eccns, exceptionSections, chartFootnotes, asOf: ccl.issueDate, offChart };
}

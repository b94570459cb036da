import {
  parentCode,
  regimeOfCode,
  type ControlEntry,
  type ControlList,
  type ReasonScope,
  type Regime,
} from '@entente/core';
import { reasonsForParagraph, scopeReason } from './ccl-reason-scope.ts';
import { controlledParagraphs } from './ccl/ccl-paragraphs.ts';
import type { CclSource } from './ccl/ccl-source.ts';

/** Longest heading kept for a paragraph; the full text stays in `text`. */
const HEADING_MAX = 240;
const ALL_CATEGORIES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function splitReasons(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

function truncate(text: string): string {
  return text.length <= HEADING_MAX ? text : `${text.slice(0, HEADING_MAX - 1)}…`;
}

/**
 * Builds the US Commerce Control List from a read `CclSource` (eCFR XML or the
 * mirror's derived files): every ECCN with its reasons, licence-requirement
 * rows and exception flags, and its controlled paragraphs where the text is
 * given (notes' lettered lists left out), each carrying the reasons the
 * requirement rows scope to it and a citation to its paragraph.
 */
export function parseCcl(ccl: CclSource): ControlList {
  const validFrom = ccl.issueDate;
  const source = { act: ccl.act, version: validFrom };
  const citation = (provision: string): ControlEntry['citation'] => ({
    act: ccl.act,
    provision,
    readFrom: ccl.readFrom,
    readOn: validFrom,
    status: 'verified',
  });
  const entries: ControlEntry[] = [];
  for (const e of ccl.entries) {
    const reasonScopes: ReasonScope[] = e.requirementRows.map((r) => ({
      reason: r.control.trim().split(/\s+/)[0] ?? '',
      control: r.control,
      ...(r.chartColumn ? { chartColumn: r.chartColumn } : {}),
      ...(r.destination ? { destination: r.destination } : {}),
    }));
    const scoped = reasonScopes.map((r) => scopeReason(e.eccn, r));
    const exceptions = { ...e.exceptionFlags };
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
    for (const item of controlledParagraphs(e.items)) {
      const code = `${e.eccn}.${item.paragraph}`;
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
      sourceActs: [ccl.act],
      builtHow: `Read from ${ccl.readFrom}: headings, reasons, licence requirement rows, list-based licence exceptions and the paragraphs of each List of Items Controlled (the lettered lists of notes left out).`,
      leftOut: leftOut(ccl),
    },
    entries,
  };
}

function leftOut(ccl: CclSource): string[] {
  const headingOnly = ALL_CATEGORIES.filter((c) => !ccl.fullTextCategories.includes(c));
  return headingOnly.length === 0
    ? []
    : [`Paragraph text for categories ${headingOnly.join(', ')}: the source carries their headings only.`];
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

import { codeLineage, type ReasonScope } from '@entente/core';

/** A licence-requirement row read into the paragraphs it covers. */
export interface ScopedReason extends ReasonScope {
  /** True when the row covers the entire entry (minus `excepts`). */
  entireEntry: boolean;
  /** Paragraph codes the row names (full codes, `3A001.a.1.a`). */
  paragraphs: string[];
  excepts: string[];
}

/** Paragraph references: full codes (`3A001.z.1.a`), or short forms after a code (`z.2.a`, `.x`). */
const REFERENCE = /\b(\d[A-E]\d{3})((?:\.[a-z0-9]+)+)|(?<![\w.])(\.?[a-z](?:\.[a-z0-9]+)+|\.[a-z])(?![\w])/g;

function referencesIn(text: string, eccn: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    if (m[1]) {
      if (m[1] === eccn) out.push(`${eccn}${m[2]}`.replace(/\.$/, ''));
    } else if (m[3]) {
      out.push(`${eccn}.${m[3].replace(/^\./, '')}`.replace(/\.$/, ''));
    }
  }
  return [...new Set(out)];
}

/** Reads one requirement row ("MT applies to 3A001.a.1.a when …") into its scope. */
export function scopeReason(eccn: string, row: ReasonScope): ScopedReason {
  const lower = row.control.toLowerCase();
  const entireEntry = /entire entry/.test(lower);
  const exceptIndex = lower.indexOf('except');
  const scopeText = entireEntry && exceptIndex >= 0 ? row.control.slice(0, exceptIndex) : row.control;
  const excepts = entireEntry && exceptIndex >= 0 ? referencesIn(row.control.slice(exceptIndex), eccn) : [];
  return { ...row, entireEntry, paragraphs: entireEntry ? [] : referencesIn(scopeText, eccn), excepts };
}

function related(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * The reasons for control that reach a paragraph: rows for the entire entry
 * (unless the paragraph is excepted) and rows naming the paragraph, one of its
 * ancestors or one of its sub-paragraphs.
 */
export function reasonsForParagraph(code: string, scopes: ScopedReason[]): string[] {
  const lineage = codeLineage(code);
  const out = new Set<string>();
  for (const s of scopes) {
    if (s.entireEntry) {
      if (!s.excepts.some((x) => lineage.includes(x))) out.add(s.reason);
    } else if (s.paragraphs.some((p) => related(p, code))) {
      out.add(s.reason);
    }
  }
  return [...out];
}

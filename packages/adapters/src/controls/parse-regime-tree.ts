import { parse as parseCsv } from 'csv-parse/sync';
import type { ControlEntry, ControlList } from '@entente/core';
import type { RegimeHeading } from './regime-headings.ts';

/** One regime code-tree file and how to label it. */
export interface RegimeTreeFile {
  name: string;
  csv: string;
}

const REGIMES = {
  MTCR: { act: 'MTCR Equipment, Software and Technology Annex', root: 'M', rootHeading: 'MTCR Annex' },
  NSG: {
    act: 'NSG Guidelines Part 1 (Trigger List) and Part 2 (Dual-Use List)',
    root: 'N',
    rootHeading: 'NSG dual-use list',
  },
} as const;

/** Readable label of a regime code (`M1A1` → `1.A.1`, `N1A1` → `1.A.1`, `T1.10` → `1.10`). */
function dottedCode(code: string): string {
  const m = /^[MNT](\d+)([A-E])?(\d+)?(.*)$/.exec(code);
  if (!m) return code;
  return [m[1], m[2], m[3]].filter(Boolean).join('.') + (m[4] ?? '');
}

/**
 * Reads the MTCR or NSG entry-code tree (UK LITE transcription): code, status,
 * level; parents are the longest listed prefix. The files carry no headings,
 * so headings name the regime item only, unless `headings` gives one read in
 * the regime's own text (`regime-headings.ts`), which also brings its citation.
 */
export function parseRegimeTree(
  regime: 'MTCR' | 'NSG',
  files: RegimeTreeFile[],
  validFrom: string,
  headings: Readonly<Record<string, RegimeHeading>> = {},
): ControlList {
  const meta = REGIMES[regime];
  const heading = (code: string) => (code === 'T' ? 'NSG trigger list' : meta.rootHeading);
  const source = { act: meta.act, version: 'LITE code tree' };
  const rows = files.flatMap((f) =>
    (parseCsv(f.csv, { skip_empty_lines: true }) as string[][]).map((r) => ({
      code: (r[0] ?? '').trim(),
      file: f.name,
    })),
  );
  const codes = new Set(rows.map((r) => r.code).filter(Boolean));
  codes.add(meta.root);
  const entries: ControlEntry[] = [];
  for (const code of [...codes].sort()) {
    let parent: string | undefined;
    for (let n = code.length - 1; n > 0 && !parent; n--) {
      const prefix = code.slice(0, n).replace(/\.$/, '');
      if (codes.has(prefix) && prefix !== code) parent = prefix;
    }
    const isTrigger = code.startsWith('T');
    const label =
      code === meta.root || code === 'T'
        ? heading(code)
        : `${regime}${isTrigger ? ' trigger list' : ''} item ${dottedCode(code)}`;
    const file = rows.find((r) => r.code === code)?.file;
    const read = headings[code];
    entries.push({
      list: regime,
      code,
      ...(parent ? { parent } : {}),
      heading: read ? `${label}: ${read.heading}` : label,
      reasons: [],
      regimeRefs: [regime],
      validFrom,
      source,
      confidence: 'high',
      citation: {
        act: meta.act,
        provision: code === meta.root || code === 'T' ? heading(code) : `item ${dottedCode(code)}`,
        ...(read
          ? read.citation
          : {
              ...(file
                ? { readFrom: `shared data mirror controls/regimes/${file} (UK LITE code tree, MIT)` }
                : {}),
              status: 'unverified' as const,
              note: file
                ? "The code is read from the LITE code tree; the regime's own text was not read, so the entry has no heading of its own."
                : 'Root of the code tree, added by the reader.',
            }),
      },
    });
  }
  return {
    id: regime,
    name: regime === 'MTCR' ? 'MTCR Annex' : 'NSG control lists',
    version: 'lite-code-tree',
    validFrom,
    source,
    header: {
      sourceActs: [meta.act],
      builtHow:
        'Entry-code tree from the UK LITE system (controls/regimes/*.csv, MIT); valid-from is a placeholder, the files carry no date.',
      leftOut: [
        'Headings and item text: the code tree has none; headings name the item number, and the item heading where the regime text was read (regime-headings.ts).',
      ],
    },
    entries,
  };
}

import { parse as parseCsv } from 'csv-parse/sync';
import { DomainError } from '@entente/core';
import { CCL_ACT, type CclItem, type CclRequirementRow, type CclSource } from './ccl-source.ts';
import { controlsInWords, REASON_APPLIES } from './controls-in-words.ts';

/** The three files of the US Commerce Control List mirror (`controls/us/`). */
export interface CclFiles {
  json: string;
  requirementRowsCsv: string;
  exceptionFlagsCsv: string;
}

interface CclJson {
  ecfrIssueDate: string;
  entryCount: number;
  deepCategories?: string[];
  entries: { eccn: string; heading: string; reasonForControl: string | null; items?: CclItem[] }[];
}

/** Where the derived CCL is read: the shared mirror's eCFR-derived file. */
export const CCL_JSON_READ_FROM =
  'shared data mirror controls/us/ccl.json (eCFR versioner, title 15 part 774)';

function rowsByEccn(csv: string): Map<string, Record<string, string>[]> {
  const out = new Map<string, Record<string, string>[]>();
  for (const row of parseCsv(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[]) {
    const eccn = row.eccn ?? '';
    out.set(eccn, [...(out.get(eccn) ?? []), row]);
  }
  return out;
}

/**
 * The requirement rows an entry without flattened rows keeps in words among its
 * unlettered texts ("CW applies to entire entry. …"), read as the eCFR reader reads them.
 */
function rowsInWords(items: CclItem[]): CclRequirementRow[] {
  return items
    .filter((i) => i.paragraph === null && REASON_APPLIES.test(i.text))
    .flatMap((i) => controlsInWords(i.text));
}

/**
 * Reads the mirror's derived CCL (`ccl.json` with its flattened requirement-row
 * and exception-flag CSVs) into a `CclSource`; throws `file-unreadable` when
 * the JSON does not parse and `file-rejected` when its entry count is wrong.
 */
export function readCclJson(files: CclFiles): CclSource {
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
  return {
    act: CCL_ACT,
    issueDate: data.ecfrIssueDate,
    readFrom: CCL_JSON_READ_FROM,
    fullTextCategories: data.deepCategories ?? [],
    entries: data.entries.map((e) => ({
      eccn: e.eccn,
      heading: e.heading,
      reasonForControl: e.reasonForControl,
      requirementRows: requirementRows.has(e.eccn)
        ? (requirementRows.get(e.eccn) ?? []).map((r) => ({
            control: r.control ?? '',
            chartColumn: r.chart_column ?? '',
            destination: r.destination_scope_if_not_column ?? '',
          }))
        : rowsInWords(e.items ?? []),
      exceptionFlags: Object.fromEntries(
        (flagRows.get(e.eccn) ?? []).map((r) => [r.exception ?? '', r.text ?? '']),
      ),
      items: e.items ?? [],
    })),
  };
}

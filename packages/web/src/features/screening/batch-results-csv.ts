import { encodeCsv, type CsvValue } from '@entente/core';
import type { ScreeningMatch } from '../../api/types.ts';
import type { BatchSubject } from './parse-csv.ts';

/** One screened subject of a batch: its matches, or the error that stopped it. */
export interface BatchResultRow {
  subject: BatchSubject;
  matches: ScreeningMatch[];
  error?: string;
}

const COLUMNS = [
  'id',
  'name',
  'match_rank',
  'score',
  'source',
  'source_id',
  'entity_id',
  'listed_name',
  'matched_name',
  'cleared',
  'error',
];

/**
 * The batch results as the CSV the officer downloads: one line per match (or
 * one per subject without any). Listed names come from publishers and from
 * other agencies' denials, so every cell goes through core's encoder, which
 * writes a name such as `=HYPERLINK(…)` as text rather than a formula.
 */
export function batchResultsCsv(rows: readonly BatchResultRow[]): string {
  const lines: CsvValue[][] = [];
  for (const r of rows) {
    if (r.matches.length === 0)
      lines.push([r.subject.id, r.subject.name, '', '', '', '', '', '', '', '', r.error ?? '']);
    r.matches.forEach((m, k) =>
      lines.push([
        r.subject.id,
        r.subject.name,
        k + 1,
        m.score.toFixed(3),
        m.source,
        m.sourceId,
        m.entityId,
        m.name,
        m.matchedName,
        m.cleared ? 'yes' : '',
        '',
      ]),
    );
  }
  return encodeCsv(COLUMNS, lines);
}

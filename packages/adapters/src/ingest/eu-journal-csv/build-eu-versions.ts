import { partyEntityId } from '@entente/core';
import type { Party } from '@entente/core';
import type { ParsedList } from '../list-format.ts';
import { mergeParty } from '../common/merge-party.ts';
import { createWarningSink } from '../common/warning-sink.ts';
import type { WarningSink } from '../common/warning-sink.ts';
import { parseSingleDate } from '../common/parse-date-text.ts';
import { partyFromEuRow } from './party-from-eu-row.ts';
import type { EuJournalFile } from './read-eu-journal-csv.ts';

/** Reads the rows of one file into parties keyed by source id, merging rows of one designation. */
function partiesOfFile(file: EuJournalFile, sink: WarningSink): Map<string, Party> {
  const out = new Map<string, Party>();
  const contexts = new Map<string, string>();
  for (const row of file.rows) {
    const frameworkCelex = file.kind === 'consolidated' ? file.celex : (row.cells.amendedCelex ?? file.celex);
    const amendingCelex = file.kind === 'amendment' ? file.celex : undefined;
    const party = partyFromEuRow(row, { frameworkCelex, ...(amendingCelex ? { amendingCelex } : {}), sink });
    if (!party) continue;
    const existing = out.get(party.sourceId);
    const context = `${row.cells.programKey}|${row.cells.measure}|${row.cells.schema}`;
    if (existing) {
      // The same record under another measure or programme is a normal repeat; the same context twice is not.
      if (contexts.get(party.sourceId)?.split('\n').includes(context)) {
        sink.add(
          'duplicate-id',
          row.row,
          'recordId',
          `${party.sourceId} appears twice in the same legal context; merged`,
        );
      }
      out.set(party.sourceId, mergeParty(existing, party));
    } else out.set(party.sourceId, party);
    contexts.set(party.sourceId, [contexts.get(party.sourceId), context].filter(Boolean).join('\n'));
  }
  return out;
}

/**
 * The date of an amending act: the listing date most of its rows print (the latest on a tie),
 * never earlier than the act before it (CELEX numbers follow publication order).
 */
export function amendingActDate(file: EuJournalFile, previous: string): string {
  const counts = new Map<string, number>();
  for (const { cells } of file.rows) {
    const d = parseSingleDate(cells.startDate ?? '');
    if (d?.precision === 'day') counts.set(d.value, (counts.get(d.value) ?? 0) + 1);
  }
  const [mode] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0] ?? [];
  return mode && mode > previous ? mode : previous;
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function sorted(parties: Iterable<Party>): Party[] {
  return [...parties].sort((a, b) => partyEntityId(a).localeCompare(partyEntityId(b)));
}

/**
 * Turns the consolidated snapshot and the amending acts into dated versions:
 * the consolidated files are the baseline; each amending act, in CELEX order,
 * replaces or adds the designations it prints on top of the previous state.
 * The baseline is dated the day before the first amending act (or
 * `baselineDate` when given; with no amending act, `fallbackDate`).
 */
export function buildEuVersions(
  consolidated: EuJournalFile[],
  amendments: EuJournalFile[],
  dates: { baselineDate?: string; fallbackDate: string },
): ParsedList[] {
  const warnings = [];
  const state = new Map<string, Party>();
  for (const file of consolidated) {
    const sink = createWarningSink(file.file);
    for (const [id, party] of partiesOfFile(file, sink)) {
      const existing = state.get(id);
      state.set(id, existing ? mergeParty(existing, party) : party);
    }
    warnings.push(...sink.warnings);
  }
  const acts = [...amendments].sort((a, b) => a.celex.localeCompare(b.celex));
  let date =
    dates.baselineDate ?? (acts[0] ? dayBefore(amendingActDate(acts[0], '0000')) : dates.fallbackDate);
  const files = consolidated.map((f) => f.file);
  const versions: ParsedList[] = [
    {
      source: 'eu-sanctions',
      publishedAt: date,
      parties: sorted(state.values()),
      warnings: [...warnings],
      files: [...files],
    },
  ];
  for (const act of acts) {
    const sink = createWarningSink(act.file);
    for (const [id, party] of partiesOfFile(act, sink)) state.set(id, party);
    warnings.push(...sink.warnings);
    files.push(act.file);
    date = amendingActDate(act, date);
    versions.push({
      source: 'eu-sanctions',
      publishedAt: date,
      parties: sorted(state.values()),
      warnings: [...warnings],
      files: [...files],
    });
  }
  return versions;
}

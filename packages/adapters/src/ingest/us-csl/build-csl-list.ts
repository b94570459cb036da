import type { ImportWarning, Party } from '@entente/core';
import type { ParsedList } from '../list-format.ts';
import type { CslRecord } from './csl-record.ts';
import { CSL_SOURCE, partyFromCslRecord } from './party-from-csl-record.ts';

function addUnique<T>(target: T[], extra: T[], key: (t: T) => string): void {
  const seen = new Set(target.map(key));
  for (const e of extra) {
    const k = key(e);
    if (!seen.has(k)) {
      seen.add(k);
      target.push(e);
    }
  }
}

/** Folds a second listing of the same party (another address or FR notice of a DPL order) into the first. */
function mergeParty(target: Party, extra: Party): void {
  addUnique(
    target.names,
    extra.names.map((n) => ({ ...n, quality: n.quality === 'primary' ? ('strong' as const) : n.quality })),
    (n) => n.full,
  );
  addUnique(target.addresses, extra.addresses, (a) => a.full);
  addUnique(target.countries, extra.countries, (c) => `${c.role}:${c.code}`);
  addUnique(target.identifiers, extra.identifiers, (i) => `${i.type}:${i.value}`);
  addUnique(target.birthDates, extra.birthDates, (d) => `${d.value}/${d.to ?? ''}`);
  addUnique(target.birthPlaces, extra.birthPlaces, (p) => p);
  addUnique(target.programs, extra.programs, (p) => p);
  if (extra.citation && extra.citation !== target.citation) {
    target.citation = target.citation ? `${target.citation}; ${extra.citation}` : extra.citation;
  }
  if (extra.listedOn && (!target.listedOn || extra.listedOn < target.listedOn))
    target.listedOn = extra.listedOn;
}

/**
 * Turns CSL records into the `us-csl` list. Records that share a source id
 * (the DPL repeats an order once per address; BIS and State entries are keyed
 * by name) are merged into one party with a `duplicate-id` warning.
 */
export function buildCslList(
  records: CslRecord[],
  file: string,
  publishedAt: string,
  warnings: ImportWarning[],
): ParsedList {
  const byId = new Map<string, Party>();
  for (const record of records) {
    const party = partyFromCslRecord(record, { file, warnings });
    const existing = byId.get(party.sourceId);
    if (existing) {
      warnings.push({
        kind: 'duplicate-id',
        file,
        row: record.row,
        field: 'name',
        message: `"${record.name}" (${party.sourceId}) repeats an earlier record; merged`,
      });
      mergeParty(existing, party);
    } else byId.set(party.sourceId, party);
  }
  // Reading and mapping warn in two passes; report them in file order.
  warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return { source: CSL_SOURCE, publishedAt, parties: [...byId.values()], warnings, files: [file] };
}

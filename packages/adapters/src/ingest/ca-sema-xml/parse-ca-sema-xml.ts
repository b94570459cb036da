import { stat } from 'node:fs/promises';
import { DomainError, partyEntityId } from '@entente/core';
import type { Party } from '@entente/core';
import type { ParsedList, ParseOptions } from '../list-format.ts';
import { mergeParty } from '../common/merge-party.ts';
import { dateFromPath } from '../common/list-mirror-files.ts';
import { readXmlFile, xmlChildren } from '../common/read-xml-file.ts';
import { createWarningSink } from '../common/warning-sink.ts';
import { partyFromSemaRecord } from './party-from-sema-record.ts';

/**
 * Parses Canada's SEMA consolidated autonomous sanctions XML (`data-set` of
 * `record`s). The file states no date: the publication date comes from the
 * file or folder name (`sema-2020-04` → 2020-04-01), else the file's
 * modification date.
 */
export async function parseCaSemaXml(file: string, options: ParseOptions = {}): Promise<ParsedList> {
  const doc = await readXmlFile(file);
  const root = xmlChildren(doc, 'data-set')[0];
  const records = xmlChildren(root, 'record');
  if (!root || records.length === 0) {
    throw new DomainError('file-rejected', `${file} is not a SEMA consolidated list (no data-set/record)`, {
      file,
    });
  }
  const sink = createWarningSink(file);
  const byId = new Map<string, Party>();
  records.forEach((node, i) => {
    const party = partyFromSemaRecord(node, i + 1, sink);
    if (!party) return;
    const existing = byId.get(party.sourceId);
    if (existing) {
      sink.add('duplicate-id', i + 1, 'Item', `${party.sourceId} appears twice; merged`);
      byId.set(party.sourceId, mergeParty(existing, party));
    } else byId.set(party.sourceId, party);
  });
  const publishedAt =
    options.publishedAt ?? dateFromPath(file) ?? (await stat(file)).mtime.toISOString().slice(0, 10);
  const parties = [...byId.values()].sort((a, b) =>
    partyEntityId(a).localeCompare(partyEntityId(b), 'en', { numeric: true }),
  );
  return { source: 'ca-sema', publishedAt, parties, warnings: sink.warnings, files: [file] };
}

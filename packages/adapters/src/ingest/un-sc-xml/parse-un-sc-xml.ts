import { DomainError, partyEntityId } from '@entente/core';
import type { Party } from '@entente/core';
import type { ParsedList, ParseOptions } from '../list-format.ts';
import { mergeParty } from '../common/merge-party.ts';
import { partyFromUnRecord } from './party-from-un-record.ts';
import type { UnRecordKind } from './party-from-un-record.ts';
import { readXmlFile, xmlChildren } from '../common/read-xml-file.ts';
import { dateFromPath } from '../common/list-mirror-files.ts';
import { createWarningSink } from '../common/warning-sink.ts';

/**
 * Parses a UN Security Council consolidated list XML file. Record numbers in
 * warnings count individuals first, then entities (1-based), in file order.
 */
export async function parseUnScXml(file: string, options: ParseOptions = {}): Promise<ParsedList> {
  const doc = await readXmlFile(file);
  const root = xmlChildren(doc, 'CONSOLIDATED_LIST')[0];
  if (!root)
    throw new DomainError('file-rejected', `${file} is not a UN consolidated list (no CONSOLIDATED_LIST)`, {
      file,
    });
  const sink = createWarningSink(file);
  const byId = new Map<string, Party>();
  let row = 0;
  const read = (container: string, kind: UnRecordKind) => {
    for (const group of xmlChildren(root, container)) {
      for (const node of xmlChildren(group, kind)) {
        row += 1;
        const party = partyFromUnRecord(node, kind, row, sink);
        if (!party) continue;
        const existing = byId.get(party.sourceId);
        if (existing) {
          sink.add('duplicate-id', row, 'REFERENCE_NUMBER', `${party.sourceId} appears twice; merged`);
          byId.set(party.sourceId, mergeParty(existing, party));
        } else byId.set(party.sourceId, party);
      }
    }
  };
  read('INDIVIDUALS', 'INDIVIDUAL');
  read('ENTITIES', 'ENTITY');
  if (row === 0)
    throw new DomainError('file-rejected', `${file} holds no INDIVIDUAL or ENTITY records`, { file });
  const generated =
    typeof root['@dateGenerated'] === 'string' ? root['@dateGenerated'].slice(0, 10) : undefined;
  const publishedAt = options.publishedAt ?? generated ?? dateFromPath(file);
  if (!publishedAt)
    throw new DomainError('file-rejected', `${file} has no dateGenerated and no date in its name`, { file });
  const parties = [...byId.values()].sort((a, b) => partyEntityId(a).localeCompare(partyEntityId(b)));
  return { source: 'un-sc', publishedAt, parties, warnings: sink.warnings, files: [file] };
}

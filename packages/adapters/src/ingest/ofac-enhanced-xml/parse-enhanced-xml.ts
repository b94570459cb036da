import path from 'node:path';
import type { ImportWarning, Party } from '@entente/core';
import type { ParsedList, ParseOptions } from '../list-format.ts';
import { mergeParty } from '../ofac-common/merge-party.ts';
import { newestModificationDate, publicationDateFromPath } from '../ofac-common/publication-date.ts';
import { CONSOLIDATED_LIST_NAME, SDN_LIST_NAME } from './enhanced-xml-rules.ts';
import { partyFromEntity } from './party-from-entity.ts';
import { readDataAsOf, readPublicationLists, readReferenceValues } from './reference-values.ts';
import { attrOf, listOf, readEnhancedXml, textOf, type XmlNode } from './read-enhanced-xml.ts';

/** The source of OFAC's SDN list. */
export const OFAC_SDN_SOURCE = 'us-ofac-sdn';
/** The source of OFAC's consolidated non-SDN lists. */
export const OFAC_CONS_SOURCE = 'us-ofac-cons';

/**
 * The source an entity goes to. A publication filtered to the SDN list is
 * `us-ofac-sdn`; one filtered to the Consolidated List is `us-ofac-cons`, even
 * for its entities that are also on the SDN list (they are on both lists, and
 * splitting them off would make a tiny, wrong SDN version). An unfiltered
 * publication is split by each entity's own lists.
 */
function sourceOf(entity: XmlNode, publicationLists: string[]): string {
  if (publicationLists.length > 0 && publicationLists.every((l) => l === SDN_LIST_NAME))
    return OFAC_SDN_SOURCE;
  if (publicationLists.includes(CONSOLIDATED_LIST_NAME) && !publicationLists.includes(SDN_LIST_NAME))
    return OFAC_CONS_SOURCE;
  const lists = listOf(entity, 'sanctionsLists', 'sanctionsList').map(textOf);
  return lists.includes(SDN_LIST_NAME) ? OFAC_SDN_SOURCE : OFAC_CONS_SOURCE;
}

/**
 * Parses one OFAC Enhanced XML file (`SDN_ENHANCED.XML`, `CONS_ENHANCED.ZIP`, …,
 * plain or zipped): one list per source its entities belong to.
 *
 * @example
 * const lists = await parseEnhancedXml('CONS_ENHANCED.ZIP');
 */
export async function parseEnhancedXml(file: string, options: ParseOptions = {}): Promise<ParsedList[]> {
  const root = await readEnhancedXml(file);
  const refs = readReferenceValues(root);
  const publicationLists = readPublicationLists(root);
  const warnings = new Map<string, ImportWarning[]>();
  const bySource = new Map<string, Map<string, Party>>();
  listOf(root, 'entities', 'entity').forEach((entity, i) => {
    const row = i + 1;
    const source = sourceOf(entity, publicationLists);
    const warn = (kind: string, field: string, message: string): void => {
      warnings.set(source, [...(warnings.get(source) ?? []), { kind, file, row, field, message }]);
    };
    const party = partyFromEntity(entity, source, refs, warn);
    if (!party) {
      warn('missing-name', 'names', `Entity ${attrOf(entity, 'id') || '?'} has no name; dropped`);
      return;
    }
    const parties = bySource.get(source) ?? new Map<string, Party>();
    bySource.set(source, parties);
    const existing = parties.get(party.sourceId);
    if (existing) warn('duplicate-id', 'id', `Entity ${party.sourceId} appears again; merged`);
    parties.set(party.sourceId, existing ? mergeParty(existing, party) : party);
  });
  const fileWarnings: ImportWarning[] = [];
  let publishedAt = options.publishedAt ?? readDataAsOf(root) ?? publicationDateFromPath(file);
  if (!publishedAt) {
    publishedAt = await newestModificationDate([file]);
    fileWarnings.push({
      kind: 'no-publication-date',
      file,
      message: `No dataAsOf and no date in the file name; used the file date ${publishedAt}`,
    });
  }
  const sources = [...new Set([...bySource.keys(), ...warnings.keys()])].sort();
  if (sources.length === 0)
    sources.push(publicationLists.includes(SDN_LIST_NAME) ? OFAC_SDN_SOURCE : OFAC_CONS_SOURCE);
  return sources.map((source) => ({
    source,
    publishedAt,
    parties: [...(bySource.get(source)?.values() ?? [])],
    warnings: [...fileWarnings, ...(warnings.get(source) ?? [])],
    files: [path.resolve(file)],
  }));
}

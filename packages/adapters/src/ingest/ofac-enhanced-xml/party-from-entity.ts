import { buildParty } from '@entente/core';
import type { Party, PartyAddress } from '@entente/core';
import { identifierFromLabel } from '../ofac-common/identifier-labels.ts';
import { ofacRecordUrl } from '../ofac-common/ofac-csv-layout.ts';
import { readOfacCountry } from '../ofac-common/ofac-countries.ts';
import { ADDRESS_PARTS, CONSOLIDATED_LIST_NAME, ENTITY_TYPES } from './enhanced-xml-rules.ts';
import { applyFeatures, type Warn } from './entity-features.ts';
import { namesOfEntity } from './entity-names.ts';
import type { ReferenceValues } from './reference-values.ts';
import { attrOf, childOf, listOf, textOf, type XmlNode } from './read-enhanced-xml.ts';

/** A country element: its ISO code through the reference values, else through its name. */
function countryOf(
  node: XmlNode | undefined,
  refs: ReferenceValues,
  warn: Warn,
  field: string,
): string | undefined {
  if (!node) return undefined;
  const name = textOf(node);
  const code = refs.countries.get(attrOf(node, 'refId')) ?? readOfacCountry(name).code;
  if (!code && readOfacCountry(name).unknown) warn('unknown-country', field, `Unknown country "${name}"`);
  return code;
}

/** The addresses of an entity, one per translation that says something. */
function addressesOf(entity: XmlNode, refs: ReferenceValues, warn: Warn): PartyAddress[] {
  const out: PartyAddress[] = [];
  for (const node of listOf(entity, 'addresses', 'address')) {
    const countryNode = childOf(node, 'country');
    const country = countryOf(countryNode, refs, warn, 'address/country');
    for (const translation of listOf(node, 'translations', 'translation')) {
      const fields: Partial<Record<'street' | 'city' | 'region' | 'postalCode', string>> = {};
      for (const part of listOf(translation, 'addressParts', 'addressPart')) {
        const slot = ADDRESS_PARTS[textOf(part.type).toLowerCase()];
        const value = textOf(part.value);
        if (slot && value) fields[slot] = fields[slot] ? `${fields[slot]}, ${value}` : value;
      }
      const full = [fields.street, fields.city, fields.region, fields.postalCode, textOf(countryNode)]
        .filter((p) => p)
        .join(', ');
      if (!full) continue;
      out.push({ full, ...fields, ...(country ? { country } : {}) });
    }
  }
  return out;
}

/**
 * The party one `<entity>` describes, for `source`. Undefined when it has no name
 * (the caller warns). Relationships, sanctions types and features without a
 * field of their own are kept in the remarks.
 */
export function partyFromEntity(
  entity: XmlNode,
  source: string,
  refs: ReferenceValues,
  warn: Warn,
): Party | undefined {
  const sourceId = attrOf(entity, 'id');
  const names = namesOfEntity(entity, refs);
  if (names.length === 0) return undefined;
  const typeText = textOf(childOf(entity, 'generalInfo')?.entityType);
  const schema = ENTITY_TYPES[typeText.toLowerCase()];
  if (!schema) warn('unknown-type', 'entityType', `Unknown entity type "${typeText}"`);
  const party = buildParty({
    source,
    sourceId,
    schema: schema ?? 'unknown',
    names,
    sourceUrl: ofacRecordUrl(sourceId),
  });
  party.programs = [
    ...new Set(
      listOf(entity, 'sanctionsPrograms', 'sanctionsProgram')
        .map(textOf)
        .filter((p) => p),
    ),
  ];
  party.legalBasis = [
    ...new Set(
      listOf(entity, 'legalAuthorities', 'legalAuthority')
        .map(textOf)
        .filter((p) => p),
    ),
  ];
  const lists = listOf(entity, 'sanctionsLists', 'sanctionsList').filter(
    (l) => textOf(l) !== CONSOLIDATED_LIST_NAME,
  );
  if (lists.length > 0) party.subList = lists.map(textOf).join('; ');
  const listed = lists
    .map((l) => attrOf(l, 'datePublished'))
    .filter((d) => d)
    .sort()[0];
  if (listed) party.listedOn = listed;
  for (const doc of listOf(entity, 'identityDocuments', 'identityDocument')) {
    const type = textOf(doc.type);
    const number = textOf(doc.documentNumber);
    if (!number) continue;
    const identifier = identifierFromLabel(type, number) ?? {
      type: 'other' as const,
      value: number,
      label: type,
    };
    const country = countryOf(childOf(doc, 'issuingCountry'), refs, warn, 'identityDocument/issuingCountry');
    if (country) identifier.country = country;
    party.identifiers.push(identifier);
  }
  party.addresses = addressesOf(entity, refs, warn);
  for (const address of party.addresses) {
    if (address.country && !party.countries.some((c) => c.code === address.country && c.role === 'address')) {
      party.countries.push({ code: address.country, role: 'address' });
    }
  }
  const remarks = [textOf(childOf(entity, 'generalInfo')?.remarks)];
  remarks.push(...applyFeatures(party, entity, refs, warn));
  for (const type of listOf(entity, 'sanctionsTypes', 'sanctionsType'))
    remarks.push(`Sanctions type: ${textOf(type)}`);
  for (const rel of listOf(entity, 'relationships', 'relationship')) {
    remarks.push(`${textOf(rel.type)}: ${textOf(rel.relatedEntity)}`);
  }
  const text = remarks.filter((r) => r).join('; ');
  if (text) party.remarks = text;
  return party;
}

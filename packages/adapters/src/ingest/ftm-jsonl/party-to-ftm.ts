import type { Party } from '@entente/core';
import {
  COUNTRY_ROLE_PROP,
  DATE_PROP_BY_SCHEMA,
  IDENTIFIER_PROPS,
  SCHEMA_TO_FTM,
  type FtmEntenteExtension,
  type FtmEntity,
} from './ftm-entity.ts';
import { partyFromProperties } from './party-from-ftm.ts';

/**
 * A party as a FollowTheMoney entity: every field FtM can express goes into
 * `properties` (so other FtM tools can read it), and the `entente` extension
 * carries the source, the source id and, field by field, whatever the
 * properties cannot give back exactly (name parts of aliases, date precision
 * ranges, country roles, identifier labels…). `partyFromFtm` of the result
 * equals the party.
 *
 * @example
 * const entity = partyToFtm(party); // { id: 'uk-ofsi-13349', schema: 'Person', properties: {…}, entente: {…} }
 */
export function partyToFtm(party: Party): FtmEntity {
  const properties: Record<string, string[]> = {};
  const put = (prop: string, value: string | undefined) => {
    if (value === undefined || value === '') return;
    const list = (properties[prop] ??= []);
    if (!list.includes(value)) list.push(value);
  };
  const nameProp = { primary: 'name', strong: 'alias', weak: 'weakAlias' } as const;
  for (const n of party.names) put(nameProp[n.quality], n.full);
  const parts = party.names[0]?.parts;
  if (party.schema === 'person' && parts) {
    put('firstName', parts.given);
    put('middleName', parts.middle);
    put('lastName', parts.family);
    put('fatherName', parts.patronymic);
    put('title', parts.title);
  }
  for (const d of party.birthDates) put(DATE_PROP_BY_SCHEMA[party.schema], d.value);
  for (const p of party.birthPlaces) put('birthPlace', p);
  for (const c of party.countries) put(COUNTRY_ROLE_PROP[c.role] ?? 'country', c.code.toLowerCase());
  for (const id of party.identifiers) {
    const prop =
      IDENTIFIER_PROPS.find(
        ([, type, label]) => type === id.type && label !== undefined && label === id.label,
      ) ?? IDENTIFIER_PROPS.find(([, type, label]) => type === id.type && label === undefined);
    if (prop) put(prop[0], id.value);
  }
  for (const a of party.addresses) put('address', a.full);
  for (const p of party.programs) put('program', p);
  put('notes', party.remarks);
  for (const p of party.positions ?? []) put('position', p);
  put('gender', party.gender);
  put('sourceUrl', party.sourceUrl);
  put('unscId', party.unReference);
  const entity: FtmEntity = {
    id: `${party.source}-${party.sourceId}`.replace(/[^A-Za-z0-9._-]+/g, '-'),
    schema: SCHEMA_TO_FTM[party.schema],
    properties,
    datasets: [party.source],
  };
  entity.entente = extensionFor(party, partyFromProperties(entity, party.source, party.sourceId));
  return entity;
}

/** The party fields that the FtM properties do not give back exactly. */
function extensionFor(party: Party, derived: Party): FtmEntenteExtension {
  const ext: FtmEntenteExtension = { source: party.source, sourceId: party.sourceId };
  const original = party as unknown as Record<string, unknown>;
  const fromProps = derived as unknown as Record<string, unknown>;
  for (const field of new Set([...Object.keys(original), ...Object.keys(fromProps)])) {
    if (field === 'source' || field === 'sourceId') continue;
    if (canonical(original[field]) !== canonical(fromProps[field])) ext[field] = original[field] ?? null;
  }
  return ext;
}

/** JSON with object keys sorted and undefined members dropped, for comparing values. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
          )
        : v,
    ) ?? 'undefined'
  );
}

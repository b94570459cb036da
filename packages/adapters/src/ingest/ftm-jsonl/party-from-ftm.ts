import { buildParty, detectScript, type Party, type PartyName } from '@entente/core';
import { parseIsoPartialDate } from '../common/parse-iso-partial-date.ts';
import {
  COUNTRY_PROPS,
  DATE_PROPS,
  IDENTIFIER_PROPS,
  SCHEMA_FROM_FTM,
  type FtmEntity,
} from './ftm-entity.ts';

/**
 * A party from a FollowTheMoney entity, or undefined when the schema is not a
 * party (Sanction, Address, …) or the entity has no name. The source is the
 * Entente source the entity carries, else `ftm:<first dataset>`.
 *
 * @example
 * partyFromFtm({ id: 'x1', schema: 'Person', properties: { name: ['Ivan Petrov'] }, datasets: ['demo'] })
 */
export function partyFromFtm(entity: FtmEntity): Party | undefined {
  if (!(entity.schema in SCHEMA_FROM_FTM)) return undefined;
  const ext = entity.entente;
  const source = typeof ext?.source === 'string' ? ext.source : `ftm:${entity.datasets?.[0] ?? 'unknown'}`;
  const sourceId = typeof ext?.sourceId === 'string' ? ext.sourceId : entity.id;
  const party = partyFromProperties(entity, source, sourceId);
  if (ext) {
    const target = party as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(ext)) {
      if (field === 'source' || field === 'sourceId') continue;
      if (value === null) delete target[field];
      else target[field] = value;
    }
  }
  return party.names.length > 0 ? party : undefined;
}

/** The party that an entity's FtM properties alone describe (no Entente extension applied). */
export function partyFromProperties(entity: FtmEntity, source: string, sourceId: string): Party {
  const props = entity.properties ?? {};
  const values = (prop: string) => (props[prop] ?? []).filter((v) => typeof v === 'string' && v !== '');
  const party = buildParty({ source, sourceId, schema: SCHEMA_FROM_FTM[entity.schema] ?? 'unknown' });
  const qualities: [string, PartyName['quality']][] = [
    ['name', 'primary'],
    ['alias', 'strong'],
    ['previousName', 'strong'],
    ['weakAlias', 'weak'],
  ];
  for (const [prop, quality] of qualities) {
    for (const full of values(prop)) {
      const name: PartyName = { full, quality };
      const script = detectScript(full);
      if (script) name.script = script;
      party.names.push(name);
    }
  }
  const parts: NonNullable<PartyName['parts']> = {};
  for (const [prop, part] of [
    ['firstName', 'given'],
    ['middleName', 'middle'],
    ['lastName', 'family'],
    ['fatherName', 'patronymic'],
    ['title', 'title'],
  ] as const) {
    const v = values(prop)[0];
    if (v) parts[part] = v;
  }
  if (Object.keys(parts).length > 0 && party.names[0]) party.names[0] = { ...party.names[0], parts };
  for (const prop of DATE_PROPS) {
    for (const v of values(prop)) {
      const date = parseIsoPartialDate(v.slice(0, 10));
      if (date) party.birthDates.push(date);
    }
  }
  party.birthPlaces.push(...values('birthPlace'));
  for (const [prop, role] of COUNTRY_PROPS) {
    for (const v of values(prop))
      if (/^[a-z]{2}$/i.test(v)) party.countries.push({ code: v.toUpperCase(), role });
  }
  for (const [prop, type, label] of IDENTIFIER_PROPS) {
    for (const value of values(prop))
      party.identifiers.push(label ? { type, value, label } : { type, value });
  }
  party.addresses.push(...values('address').map((full) => ({ full })));
  party.programs.push(...values('program'));
  const notes = values('notes');
  if (notes.length > 0) party.remarks = notes.join('\n');
  const positions = values('position');
  if (positions.length > 0) party.positions = positions;
  for (const [prop, field] of [
    ['gender', 'gender'],
    ['sourceUrl', 'sourceUrl'],
    ['unscId', 'unReference'],
  ] as const) {
    const v = values(prop)[0];
    if (v) party[field] = v;
  }
  return party;
}

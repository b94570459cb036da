import { buildParty } from '@entente/core';
import type { IdentifierType, NameQuality, Party, PartyAddress, PartyName } from '@entente/core';
import { unBirthDates } from './un-birth-dates.ts';
import { UN_LIST_LEGAL_BASIS, UN_SC_LIST_URL } from './un-list-types.ts';
import { addCountry, addName, addUnique, buildName, cleanText } from '../common/party-fields.ts';
import { xmlChildren, xmlText, xmlTexts } from '../common/read-xml-file.ts';
import type { XmlNode } from '../common/read-xml-file.ts';
import type { WarningSink } from '../common/warning-sink.ts';

/** Whether a record sits under `INDIVIDUALS` or `ENTITIES`. */
export type UnRecordKind = 'INDIVIDUAL' | 'ENTITY';

const ALIAS_QUALITY: Record<string, NameQuality> = {
  good: 'strong',
  low: 'weak',
  'a.k.a.': 'strong',
  'f.k.a.': 'strong',
};

const DOCUMENT_TYPES: [RegExp, IdentifierType][] = [
  [/pas(s|a)(e)?port/i, 'passport'],
  [/national identification|identity card|national id/i, 'national-id'],
  [/tax/i, 'tax-id'],
];

function primaryName(node: XmlNode, kind: UnRecordKind): PartyName | undefined {
  const given = xmlText(node, 'FIRST_NAME');
  const rest = ['SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((t) => xmlText(node, t))
    .filter((s): s is string => !!s);
  const full = [given, ...rest].filter(Boolean).join(' ');
  if (kind === 'ENTITY' || rest.length === 0) return buildName(full, 'primary');
  const parts: NonNullable<PartyName['parts']> = { family: rest[rest.length - 1] };
  if (given) parts.given = given;
  if (rest.length > 1) parts.middle = rest.slice(0, -1).join(' ');
  const titles = xmlTexts(node, 'TITLE').filter((t) => t.split(' ').length <= 3);
  if (titles.length > 0) parts.title = titles.join(', ');
  return buildName(full, 'primary', parts);
}

function joinPlace(node: XmlNode, tags: string[]): string | undefined {
  return cleanText(
    tags
      .map((t) => xmlText(node, t))
      .filter(Boolean)
      .join(', '),
  );
}

function addAddresses(party: Party, node: XmlNode, tag: string, row: number, sink: WarningSink): void {
  for (const a of xmlChildren(node, tag)) {
    const full = joinPlace(a, ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY']);
    if (!full) continue;
    const note = xmlText(a, 'NOTE');
    const country = xmlText(a, 'COUNTRY');
    const address: PartyAddress = { full: note ? `${full} (${note})` : full };
    const street = xmlText(a, 'STREET');
    const city = xmlText(a, 'CITY');
    const region = xmlText(a, 'STATE_PROVINCE');
    const postalCode = xmlText(a, 'ZIP_CODE');
    if (street) address.street = street;
    if (city) address.city = city;
    if (region) address.region = region;
    if (postalCode) address.postalCode = postalCode;
    if (country) {
      const code = addCountry(party.countries, country, 'address');
      if (code) address.country = code;
      else sink.add('unknown-country', row, `${tag}/COUNTRY`, `Unknown country "${country}"`);
    }
    party.addresses.push(address);
  }
}

function addBirthPlace(
  party: Party,
  place: string | undefined,
  country: string | undefined,
  row: number,
  sink: WarningSink,
): void {
  addUnique(party.birthPlaces, place);
  if (country && !addCountry(party.countries, country, 'birth')) {
    sink.add('unknown-country', row, 'PLACE_OF_BIRTH/COUNTRY', `Unknown country "${country}"`);
  }
}

function addDocuments(party: Party, node: XmlNode, row: number, sink: WarningSink): void {
  for (const doc of xmlChildren(node, 'INDIVIDUAL_DOCUMENT')) {
    const value = xmlText(doc, 'NUMBER');
    if (!value) continue;
    const label = xmlText(doc, 'TYPE_OF_DOCUMENT') ?? '';
    const type = DOCUMENT_TYPES.find(([re]) => re.test(label))?.[1] ?? 'other';
    const issuer = xmlText(doc, 'ISSUING_COUNTRY') ?? xmlText(doc, 'COUNTRY_OF_ISSUE');
    const country = issuer ? addCountry([], issuer, 'other') : undefined;
    if (issuer && !country)
      sink.add('unknown-country', row, 'INDIVIDUAL_DOCUMENT/ISSUING_COUNTRY', `Unknown country "${issuer}"`);
    const fullLabel = [label, xmlText(doc, 'TYPE_OF_DOCUMENT2')].filter(Boolean).join(': ');
    party.identifiers.push({
      type,
      value,
      ...(country ? { country } : {}),
      ...(fullLabel ? { label: fullLabel } : {}),
    });
  }
}

/**
 * Maps one `INDIVIDUAL` or `ENTITY` element to a party (sourceId and
 * unReference: the UN reference number); undefined, with a `missing-name`
 * warning, when it has no name.
 */
export function partyFromUnRecord(
  node: XmlNode,
  kind: UnRecordKind,
  row: number,
  sink: WarningSink,
): Party | undefined {
  const reference = xmlText(node, 'REFERENCE_NUMBER');
  const primary = primaryName(node, kind);
  if (!primary) {
    sink.add('missing-name', row, 'FIRST_NAME', `Record ${reference ?? row} has no name; dropped`);
    return undefined;
  }
  const sourceId = reference ?? `DATAID-${xmlText(node, 'DATAID') ?? row}`;
  if (!reference) sink.add('missing-id', row, 'REFERENCE_NUMBER', `No reference number; using ${sourceId}`);
  const listType = xmlText(node, 'UN_LIST_TYPE');
  const party = buildParty({
    source: 'un-sc',
    sourceId,
    schema: kind === 'INDIVIDUAL' ? 'person' : 'organization',
    sourceUrl: UN_SC_LIST_URL,
  });
  if (reference) party.unReference = reference;
  party.names.push(primary);
  for (const original of xmlTexts(node, 'NAME_ORIGINAL_SCRIPT'))
    addName(party.names, buildName(original, 'strong'));
  for (const alias of xmlChildren(node, `${kind}_ALIAS`)) {
    const quality = ALIAS_QUALITY[(xmlText(alias, 'QUALITY') ?? '').toLowerCase()] ?? 'strong';
    addName(party.names, buildName(xmlText(alias, 'ALIAS_NAME'), quality));
    const dob = xmlText(alias, 'DATE_OF_BIRTH');
    if (dob)
      party.birthDates.push(
        ...unBirthDates({ DATE: [dob] }, row, sink).filter(
          (d) => !party.birthDates.some((b) => b.value === d.value),
        ),
      );
    const city = xmlText(alias, 'CITY_OF_BIRTH');
    const country = xmlText(alias, 'COUNTRY_OF_BIRTH');
    if (city || country) addBirthPlace(party, [city, country].filter(Boolean).join(', '), country, row, sink);
  }
  for (const dob of xmlChildren(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    for (const d of unBirthDates(dob, row, sink)) {
      if (!party.birthDates.some((b) => b.value === d.value && b.to === d.to)) party.birthDates.push(d);
    }
  }
  for (const pob of xmlChildren(node, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
    addBirthPlace(
      party,
      joinPlace(pob, ['CITY', 'STATE_PROVINCE', 'COUNTRY']),
      xmlText(pob, 'COUNTRY'),
      row,
      sink,
    );
  }
  for (const nationality of xmlTexts(node, 'NATIONALITY')) {
    if (!addCountry(party.countries, nationality, 'nationality')) {
      sink.add('unknown-country', row, 'NATIONALITY', `Unknown country "${nationality}"`);
    }
  }
  addAddresses(party, node, `${kind}_ADDRESS`, row, sink);
  addDocuments(party, node, row, sink);
  if (listType) {
    party.programs.push(listType);
    addUnique(party.legalBasis, UN_LIST_LEGAL_BASIS[listType]);
  }
  const listedOn = xmlText(node, 'LISTED_ON');
  if (listedOn) party.listedOn = listedOn;
  const gender = xmlText(node, 'GENDER');
  if (gender) party.gender = gender.toLowerCase();
  const positions = [
    ...xmlTexts(node, 'DESIGNATION'),
    ...xmlTexts(node, 'TITLE').filter((t) => t.split(' ').length > 3),
  ];
  if (positions.length > 0) party.positions = positions;
  const remarks = cleanText(xmlTexts(node, 'COMMENTS1').join('\n'));
  if (remarks) party.remarks = remarks;
  return party;
}

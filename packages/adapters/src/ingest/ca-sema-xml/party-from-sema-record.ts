import { buildParty } from '@entente/core';
import type { Party } from '@entente/core';
import { parseDateText } from '../common/parse-date-text.ts';
import { addCountry, addName, buildName, cleanText } from '../common/party-fields.ts';
import { xmlText } from '../common/read-xml-file.ts';
import type { XmlNode } from '../common/read-xml-file.ts';
import type { WarningSink } from '../common/warning-sink.ts';
import { SEMA_LIST_URL, SEMA_REGIMES } from './sema-regimes.ts';

/** The English part of a bilingual SEMA value ("Burma / Birmanie" → "Burma"). */
export function englishPart(value: string): string {
  return (value.split(/\s+\/\s+/)[0] ?? value).trim();
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The stable id of a SEMA record, which the publisher does not number
 * globally: regime, schedule and item (`burma/1/17`, `russia/1-part-2/5`, `ukraine/na/3`).
 */
export function semaSourceId(regime: string, schedule: string | undefined, item: string | undefined): string {
  const program = SEMA_REGIMES[regime]?.program ?? regime;
  const part = !schedule || /^n\/?a$/i.test(schedule) ? 'na' : slug(schedule);
  return [slug(program), part, item ?? 'na'].join('/');
}

/**
 * Aliases of a person that are a single word are variants of one name part
 * ("PASHENKO" for the family name, "Andrei" for the given name): they are
 * completed with the other part so they can be matched as whole names.
 */
function completeAlias(alias: string, given: string | undefined, family: string | undefined): string {
  if (alias.includes(' ') || !given || !family) return alias;
  return alias === alias.toUpperCase() ? `${given} ${alias}` : `${alias} ${family}`;
}

/** Maps one SEMA `record` to a party; undefined, with a `missing-name` warning, when it has no name. */
export function partyFromSemaRecord(node: XmlNode, row: number, sink: WarningSink): Party | undefined {
  const regime = englishPart(xmlText(node, 'Country') ?? '');
  const info = SEMA_REGIMES[regime];
  if (!info) sink.add('unknown-program', row, 'Country', `Unknown SEMA regime "${regime}"`);
  const entity = xmlText(node, 'Entity');
  const given = xmlText(node, 'GivenName');
  const family = xmlText(node, 'LastName');
  const schedule = xmlText(node, 'Schedule');
  const item = xmlText(node, 'Item');
  const person = !entity && !!(given || family);
  const title = xmlText(node, 'Title');
  const primary = entity
    ? buildName(entity, 'primary')
    : buildName([given, family].filter(Boolean).join(' '), 'primary', {
        ...(given ? { given } : {}),
        ...(family ? { family } : {}),
        ...(title ? { title: englishPart(title) } : {}),
      });
  if (!primary) {
    sink.add('missing-name', row, 'Entity', `Record ${row} has no name; dropped`);
    return undefined;
  }
  const party = buildParty({
    source: 'ca-sema',
    sourceId: semaSourceId(regime, schedule, item),
    schema: person ? 'person' : 'organization',
    sourceUrl: SEMA_LIST_URL,
  });
  party.names.push(primary);
  for (const alias of (xmlText(node, 'Aliases') ?? '').split(/,\s*/)) {
    const text = cleanText(alias.replace(/^\((.*)\)$/, '$1'));
    if (text) addName(party.names, buildName(person ? completeAlias(text, given, family) : text, 'strong'));
  }
  const dob = xmlText(node, 'DateOfBirth');
  if (dob) {
    const { dates, unparsed } = parseDateText(dob);
    party.birthDates.push(...dates);
    for (const piece of unparsed) sink.add('bad-date', row, 'DateOfBirth', `Unreadable date "${piece}"`);
  }
  if (info?.country) addCountry(party.countries, info.country, 'other');
  party.programs.push(info?.program ?? regime);
  if (info) party.legalBasis.push(info.legalBasis);
  const place = [
    schedule && schedule !== 'N/A' ? `Schedule ${schedule}` : undefined,
    item ? `item ${item}` : undefined,
  ];
  if (place.some(Boolean)) party.citation = place.filter(Boolean).join(', ');
  if (schedule && schedule !== 'N/A') party.subList = `Schedule ${schedule}`;
  if (title) party.positions = [title];
  return party;
}

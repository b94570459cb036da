import type { PartialDate, Party } from '@entente/core';
import { identifierFromLabel } from '../ofac-common/identifier-labels.ts';
import { readOfacCountry } from '../ofac-common/ofac-countries.ts';
import { parseOfacDate } from '../ofac-common/parse-ofac-date.ts';
import { GENDERS } from '../ofac-common/remark-rules.ts';
import { FEATURE_RULES } from './enhanced-xml-rules.ts';
import type { ReferenceValues } from './reference-values.ts';
import { childOf, listOf, textOf, type XmlNode } from './read-enhanced-xml.ts';

/** Reports a problem with a field of the current entity. */
export type Warn = (kind: string, field: string, message: string) => void;

/** A date from a `valueDate` element when its text is not one OFAC's usual forms. */
function dateFromValueDate(valueDate: XmlNode | undefined): PartialDate | undefined {
  const from = textOf(valueDate?.fromDateBegin);
  const to = textOf(valueDate?.toDateEnd);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return undefined;
  let date: PartialDate;
  if (!to || to === from) date = { value: from, precision: 'day' };
  else if (from.endsWith('-01-01') && to === `${from.slice(0, 4)}-12-31`)
    date = { value: from.slice(0, 4), precision: 'year' };
  else if (from.endsWith('-01') && to.slice(0, 7) === from.slice(0, 7))
    date = { value: from.slice(0, 7), precision: 'month' };
  else date = { value: from, precision: 'day', to };
  return date;
}

/** A date feature: its text in OFAC's usual forms, else its structured `valueDate`. */
function readFeatureDate(feature: XmlNode): PartialDate | undefined {
  const valueDate = childOf(feature, 'valueDate');
  const date = parseOfacDate(textOf(feature.value)) ?? dateFromValueDate(valueDate);
  if (date && textOf(valueDate?.isApproximate) === 'true') date.circa = true;
  return date;
}

/**
 * Copies the features of an entity onto the party: dates, places, countries,
 * gender and identifiers; the returned lines (other features) go to the remarks.
 */
export function applyFeatures(party: Party, entity: XmlNode, refs: ReferenceValues, warn: Warn): string[] {
  const remarks: string[] = [];
  for (const feature of listOf(entity, 'features', 'feature')) {
    const type = textOf(feature.type).replace(/:$/, '');
    const value = textOf(feature.value);
    const rule = FEATURE_RULES[type.toLowerCase()];
    if (rule?.kind === 'birth-date') {
      const date = readFeatureDate(feature);
      if (date) party.birthDates.push(date);
      else warn('bad-date', type, `Unreadable ${type} "${value}"`);
    } else if (rule?.kind === 'birth-place') {
      if (value) party.birthPlaces.push(value);
      const code = readOfacCountry(value.split(',').at(-1) ?? '').code;
      if (code) party.countries.push({ code, role: 'birth' });
    } else if (rule?.kind === 'country') {
      const code = refs.countries.get(textOf(feature.valueRefId)) ?? readOfacCountry(value).code;
      if (code) party.countries.push({ code, role: rule.role });
      else if (value) warn('unknown-country', type, `Unknown country "${value}"`);
    } else if (rule?.kind === 'gender') {
      party.gender = GENDERS[value.toLowerCase()] ?? value;
    } else {
      const identifier = identifierFromLabel(type, value);
      if (identifier) party.identifiers.push(identifier);
      else if (value) remarks.push(`${type}: ${value}`);
    }
  }
  return remarks;
}

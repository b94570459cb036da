import { DomainError } from '../errors.ts';
import {
  JURISDICTIONS,
  type CountryFact,
  type DeterminationData,
  type Jurisdiction,
} from './determination-data.ts';
import type { Determination, DeterminationRequest } from './determination.ts';
import { determineEu } from './determine-eu.ts';
import { determineJp } from './determine-jp.ts';
import { determineUk } from './determine-uk.ts';
import { determineUs } from './determine-us.ts';

const ECCN_RE = /^(\d[A-E]\d{3})((?:\.[a-z0-9]+)*)$/i;
// Codes that mean "on no list" in each jurisdiction.
const UNLISTED = new Set(['EAR99', 'NONE', 'NOT-LISTED', 'NLR']);

/** Normalises a control code: category/group upper case, paragraphs lower case ("3a001.A.1" → "3A001.a.1"). */
export function normaliseControlCode(code: string): string {
  const trimmed = code.trim().replace(/\s+/g, '');
  const m = ECCN_RE.exec(trimmed);
  if (!m) return trimmed.toUpperCase().startsWith('PL') ? trimmed.toUpperCase() : trimmed;
  return `${(m[1] as string).toUpperCase()}${(m[2] ?? '').toLowerCase()}`;
}

/** Parses a jurisdiction code or throws 'unknown-jurisdiction'. */
export function parseJurisdiction(value: unknown, field = 'jurisdiction'): Jurisdiction {
  const j = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if ((JURISDICTIONS as readonly string[]).includes(j)) return j as Jurisdiction;
  throw new DomainError('unknown-jurisdiction', `Unknown jurisdiction "${String(value)}"`, {
    field,
    accepted: [...JURISDICTIONS],
  });
}

/** Finds a country (or region such as UA-43) or throws 'unknown-country'. */
export function findCountry(data: DeterminationData, value: unknown, field: string): CountryFact {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const fact = data.countries.get(code);
  if (fact) return fact;
  throw new DomainError('unknown-country', `Unknown country code "${String(value)}" in ${field}`, {
    field,
    accepted: [...data.countries.keys()].sort(),
  });
}

/** Codes equal to `code` in the other jurisdictions' lists, as "US:3A001" suggestions. */
export function suggestCrosswalk(
  data: DeterminationData,
  jurisdiction: Jurisdiction,
  code: string,
): string[] {
  if (data.suggest) return data.suggest(jurisdiction, code);
  const out: string[] = [];
  for (const j of JURISDICTIONS) {
    if (j === jurisdiction) continue;
    if (j === 'US' ? data.us.eccns.has(code.slice(0, 5)) : data.lookup(j, code)) out.push(`${j}:${code}`);
  }
  return out;
}

function unknownEntry(data: DeterminationData, jurisdiction: Jurisdiction, code: string): DomainError {
  const suggestions = suggestCrosswalk(data, jurisdiction, code);
  const accepted =
    jurisdiction === 'US'
      ? 'an ECCN of the Commerce Control List (e.g. 3A001.a.1.b) or EAR99'
      : `an entry code of the ${jurisdiction} control list, or "none" for an unlisted item`;
  const hint = suggestions.length > 0 ? ` (listed as ${suggestions.join(', ')}; use the crosswalk)` : '';
  return new DomainError('unknown-control-entry', `Unknown ${jurisdiction} control entry "${code}"${hint}`, {
    field: 'item',
    accepted,
    suggestions,
  });
}

/**
 * Determines whether one item needs an authorisation to one destination
 * under one jurisdiction's rules, with reasons, exceptions or general
 * authorisations, citations and the trace of every rule evaluated.
 *
 * @example
 * determine(data, { jurisdiction: 'US', item: '3A001.a.1.b', to: 'CN' }).outcome; // 'licence-required'
 */
export function determine(data: DeterminationData, request: DeterminationRequest): Determination {
  const jurisdiction = parseJurisdiction(request.jurisdiction);
  if (typeof request.item !== 'string' || !request.item.trim()) {
    throw new DomainError('invalid-input', 'The item code is missing', {
      field: 'item',
      accepted: 'a control entry code or EAR99/none',
    });
  }
  const destination = findCountry(data, request.to, 'to');
  const origin =
    request.from !== undefined && request.from !== '' ? findCountry(data, request.from, 'from') : undefined;
  if (
    request.value !== undefined &&
    (typeof request.value !== 'number' || !Number.isFinite(request.value) || request.value < 0)
  ) {
    throw new DomainError('invalid-input', `Invalid value "${String(request.value)}"`, {
      field: 'value',
      accepted: 'a non-negative number (US dollars for LVS)',
    });
  }
  const item = normaliseControlCode(request.item);
  const unlisted = UNLISTED.has(item.toUpperCase());
  const common = {
    item: unlisted ? item.toUpperCase() : item,
    destination,
    ...(request.endUse !== undefined ? { endUse: request.endUse } : {}),
  };
  if (jurisdiction === 'US') {
    if (destination.iso2 === 'US')
      throw new DomainError('invalid-input', 'The destination of a US export cannot be the United States', {
        field: 'to',
        accepted: 'a country other than US',
      });
    const eccn = unlisted ? undefined : data.us.eccns.get(item.slice(0, 5));
    if (!unlisted && (!eccn || !ECCN_RE.test(item))) throw unknownEntry(data, jurisdiction, item);
    return determineUs(data, {
      ...common,
      ...(eccn ? { eccn } : {}),
      ...(origin ? { origin: origin.iso2 } : {}),
      ...(request.value !== undefined ? { value: request.value } : {}),
      ...(request.hsCode ? { hsCode: request.hsCode } : {}),
    });
  }
  const entry = unlisted ? undefined : data.lookup(jurisdiction, item);
  if (!unlisted && !entry) throw unknownEntry(data, jurisdiction, item);
  const listRequest = { ...common, ...(entry ? { entry } : {}), ...(origin ? { origin } : {}) };
  if (jurisdiction === 'EU') return determineEu(data, listRequest);
  if (jurisdiction === 'UK') return determineUk(data, listRequest);
  return determineJp(data, listRequest);
}

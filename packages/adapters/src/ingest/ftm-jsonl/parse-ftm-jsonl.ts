import { DomainError, type ImportWarning, type Party, type PartyAddress } from '@entente/core';
import { SCHEMA_FROM_FTM, type FtmEntity } from './ftm-entity.ts';
import { partyFromFtm } from './party-from-ftm.ts';

/** What one FtM file yields: parties (grouped by source later), warnings, and the newest change date. */
export interface FtmParseResult {
  parties: Party[];
  warnings: ImportWarning[];
  newest?: string;
}

/**
 * Reads FollowTheMoney entities (JSON lines, or one JSON array) into parties:
 * party schemata become parties; `Address` entities referenced by
 * `addressEntity` become addresses; `Sanction` entities add their programme,
 * listing date and UN reference to the entity they name.
 */
export function parseFtmJsonl(text: string, file: string): FtmParseResult {
  const warnings: ImportWarning[] = [];
  const entities: { entity: FtmEntity; row: number }[] = [];
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const rows: [string | unknown, number][] = trimmed.startsWith('[')
    ? arrayItems(trimmed, file)
    : trimmed.split(/\r?\n/).map((line, i) => [line, i + 1]);
  let seen = 0;
  for (const [raw, row] of rows) {
    if (typeof raw === 'string' && raw.trim() === '') continue;
    seen++;
    let value: unknown = raw;
    if (typeof raw === 'string') {
      try {
        value = JSON.parse(raw);
      } catch {
        warnings.push({ kind: 'bad-json', file, row, message: 'line is not JSON; skipped' });
        continue;
      }
    }
    if (!isEntity(value)) {
      warnings.push({
        kind: 'bad-entity',
        file,
        row,
        message: 'not an FtM entity (needs id, schema, properties)',
      });
      continue;
    }
    entities.push({ entity: value, row });
  }
  if (entities.length === 0) {
    throw new DomainError('file-rejected', `${file} holds no FollowTheMoney entities (${seen} lines read)`, {
      file,
    });
  }
  const byId = new Map(entities.map(({ entity }) => [entity.id, entity]));
  const sanctions = new Map<string, FtmEntity[]>();
  let newest = '';
  for (const { entity } of entities) {
    const changed = String(entity.last_change ?? entity.last_seen ?? '').slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(changed) && changed > newest) newest = changed;
    if (entity.schema !== 'Sanction') continue;
    for (const target of entity.properties.entity ?? []) {
      const list = sanctions.get(target);
      if (list) list.push(entity);
      else sanctions.set(target, [entity]);
    }
  }
  const parties: Party[] = [];
  for (const { entity, row } of entities) {
    const party = partyFromFtm(entity);
    if (!party) {
      if (entity.schema in SCHEMA_FROM_FTM) {
        warnings.push({
          kind: 'missing-name',
          file,
          row,
          field: 'name',
          message: `entity ${entity.id} has no name; dropped`,
        });
      }
      continue;
    }
    if (!entity.entente) addLinked(party, entity, byId, sanctions.get(entity.id) ?? []);
    parties.push(party);
  }
  return newest ? { parties, warnings, newest } : { parties, warnings };
}

function addLinked(
  party: Party,
  entity: FtmEntity,
  byId: Map<string, FtmEntity>,
  sanctions: FtmEntity[],
): void {
  for (const ref of entity.properties.addressEntity ?? []) {
    const address = byId.get(ref);
    if (address?.schema === 'Address') party.addresses.push(addressOf(address));
  }
  for (const s of sanctions) {
    const p = s.properties;
    for (const program of [...(p.program ?? []), ...(p.programId ?? [])]) {
      if (!party.programs.includes(program)) party.programs.push(program);
    }
    const listed = [...(p.listingDate ?? []), ...(p.startDate ?? [])].map((d) => d.slice(0, 10)).sort()[0];
    if (listed && (!party.listedOn || listed < party.listedOn)) party.listedOn = listed;
    const unsc = p.unscId?.[0];
    if (unsc && !party.unReference) party.unReference = unsc;
  }
}

function addressOf(entity: FtmEntity): PartyAddress {
  const p = entity.properties;
  const first = (k: string) => p[k]?.[0];
  const full =
    first('full') ??
    [first('street'), first('city'), first('postalCode'), first('country')].filter(Boolean).join(', ');
  const address: PartyAddress = { full };
  for (const [prop, field] of [
    ['street', 'street'],
    ['city', 'city'],
    ['region', 'region'],
    ['postalCode', 'postalCode'],
  ] as const) {
    const v = first(prop);
    if (v) address[field] = v;
  }
  const country = first('country');
  if (country && /^[a-z]{2}$/i.test(country)) address.country = country.toUpperCase();
  return address;
}

function isEntity(value: unknown): value is FtmEntity {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.schema === 'string' &&
    !!v.properties &&
    typeof v.properties === 'object'
  );
}

function arrayItems(text: string, file: string): [unknown, number][] {
  try {
    const items = JSON.parse(text) as unknown;
    if (Array.isArray(items)) return items.map((item, i) => [item, i + 1]);
  } catch {
    // Fall through: a file that opens with "[" but is not a JSON array is not FtM.
  }
  throw new DomainError('file-rejected', `${file} is neither FtM JSON lines nor a JSON array of entities`, {
    file,
  });
}

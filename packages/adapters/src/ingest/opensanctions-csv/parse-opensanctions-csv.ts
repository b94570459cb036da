import path from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  buildParty,
  countryCodeFromName,
  DomainError,
  type ImportWarning,
  type Party,
  type PartyName,
  type PartySchema,
} from '@entente/core';
import type { ParsedList } from '../list-format.ts';
import { readTextFile } from '../common/read-text-file.ts';
import { parseIsoPartialDate } from '../common/parse-iso-partial-date.ts';
import { TRANSCRIPTIONS, type Transcription } from './transcriptions.ts';

const SCHEMAS: Record<string, PartySchema> = {
  organization: 'organization',
  company: 'organization',
  person: 'person',
  vessel: 'vessel',
};

/** The transcription whose header signature this header carries, if any. */
export function transcriptionFor(header: string[]): Transcription | undefined {
  const cols = new Set(header.map((h) => h.trim().toLowerCase()));
  return TRANSCRIPTIONS.find((t) => t.signature.every((c) => cols.has(c)));
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

/**
 * Parses one OpenSanctions CSV transcription into parties. Delisted rows
 * (a past end/delisted date) are left out with a `delisted` warning; names
 * give stable ids (`slug`, suffixed on collision).
 */
export async function parseOpenSanctionsCsv(file: string, today: string): Promise<ParsedList> {
  const text = await readTextFile(file);
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new DomainError('file-rejected', `${file}: not CSV (${(e as Error).message})`, { file });
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const t = transcriptionFor(header);
  if (!t)
    throw new DomainError('file-rejected', `${file}: not a known OpenSanctions CSV transcription`, {
      file,
      row: 1,
    });
  const col = (row: string[], name: string | undefined) =>
    name === undefined ? '' : (row[header.indexOf(name)] ?? '').trim();
  const warnings: ImportWarning[] = [];
  const parties: Party[] = [];
  const ids = new Set<string>();
  let latest = '';
  rows.slice(1).forEach((row, i) => {
    const rowNo = i + 2;
    const name = col(row, t.columns.name) || col(row, 'name');
    if (!name) {
      warnings.push({
        kind: 'missing-name',
        file,
        row: rowNo,
        field: t.columns.name,
        message: 'row has no name; dropped',
      });
      return;
    }
    const listed = col(row, t.columns.listed);
    const delisted = col(row, t.columns.delisted);
    if (listed > latest) latest = listed;
    if (delisted && delisted <= today) {
      warnings.push({
        kind: 'delisted',
        file,
        row: rowNo,
        field: t.columns.delisted,
        message: `${name} delisted on ${delisted}; left out`,
      });
      return;
    }
    let id = slug(name) || `row-${rowNo}`;
    for (let n = 2; ids.has(id); n++) id = `${slug(name)}-${n}`;
    ids.add(id);
    const seen = new Set([name.toLowerCase()]);
    const names: PartyName[] = [{ full: name, quality: 'primary' }];
    for (const c of t.columns.aliases) {
      for (const alias of col(row, c)
        .split(';')
        .map((a) => a.trim())) {
        if (alias && !seen.has(alias.toLowerCase())) {
          seen.add(alias.toLowerCase());
          names.push({ full: alias, quality: 'strong' });
        }
      }
    }
    const party = buildParty({
      source: t.source,
      sourceId: id,
      schema: SCHEMAS[col(row, t.columns.type).toLowerCase()] ?? t.schema,
      names,
      programs: [col(row, t.columns.program) || t.program],
      ...(listed ? { listedOn: listed } : {}),
      ...(col(row, t.columns.url) ? { sourceUrl: col(row, t.columns.url) } : {}),
      ...(col(row, t.columns.notes) ? { remarks: col(row, t.columns.notes) } : {}),
    });
    const birth = col(row, t.columns.birthDate);
    for (const b of birth ? birth.split(';') : []) {
      const d = parseIsoPartialDate(b.trim());
      if (d) party.birthDates.push(d);
      else
        warnings.push({
          kind: 'bad-date',
          file,
          row: rowNo,
          field: t.columns.birthDate,
          message: `Unreadable date "${b}"`,
        });
    }
    const place = col(row, t.columns.birthPlace);
    if (place) party.birthPlaces.push(place);
    for (const [field, role] of [
      [t.columns.nationality, 'nationality'],
      [t.columns.country, party.schema === 'person' ? 'residence' : 'jurisdiction'],
    ] as const) {
      for (const v of col(row, field)
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean)) {
        const code = countryCodeFromName(v);
        if (code) party.countries.push({ code, role });
        else
          warnings.push({
            kind: 'unknown-country',
            file,
            row: rowNo,
            field,
            message: `Unknown country "${v}"`,
          });
      }
    }
    for (const p of col(row, t.columns.passports)
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean)) {
      party.identifiers.push({ type: 'passport', value: p });
    }
    parties.push(party);
  });
  return { source: t.source, publishedAt: latest || today, parties, warnings, files: [path.resolve(file)] };
}

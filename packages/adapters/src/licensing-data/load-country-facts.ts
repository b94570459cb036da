import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { countryName, type CountryFact } from '@entente/core';
import { earCountryCode } from '../controls/ear/ear-country-codes.ts';
import type { UsCountryTables } from '../controls/ear/ear-tables-source.ts';
import { readUsCountryTables } from '../controls/ear/read-us-country-tables.ts';
import { readCountryFactsDataset } from './read-country-facts-dataset.ts';

interface RegimeCsvRow {
  iso2: string;
  name: string;
  eu_member: string;
  wassenaar: string;
  mtcr: string;
  nsg: string;
  australia_group: string;
  eu001_destination: string;
  japan_group_a: string;
}

// Destinations the EAR governs through another row (§738.3(b), 85 FR 83788), by ISO-2.
const US_ROW_INHERITANCE: Record<string, string> = { HK: 'CN', LI: 'CH', KY: 'GB' };
// Sub-national regions that Part 746 names (ISO 3166-2), inheriting Ukraine's facts.
const REGIONS: Record<string, string> = {
  'UA-43': 'Crimea (Autonomous Republic), Ukraine',
  'UA-40': 'Sevastopol, Ukraine',
  'UA-14': 'Donetsk region (so-called DNR), Ukraine',
  'UA-09': 'Luhansk region (so-called LNR), Ukraine',
};
const NO_REGIMES = { wassenaar: false, mtcr: false, nsg: false, australiaGroup: false };

/** The country facts and the Country Chart footnotes read from the EAR tables (and a mirror's regimes). */
export interface LoadedCountryFacts {
  countries: Map<string, CountryFact>;
  chartFootnotes: Record<string, string>;
  /** Chart rows and group members whose names read as no country (none expected). */
  unresolved: string[];
}

async function readIfPresent(file: string): Promise<string | undefined> {
  return existsSync(file) ? readFile(file, 'utf8') : undefined;
}

/**
 * Joins the Commerce Country Chart and the Country Groups (read by their EAR
 * names from the eCFR text of parts 738 and 740, or the mirror's derived
 * files) with the mirror's country_regimes.csv (EU, regimes, EU001, Japan Group
 * A) when `controlsDir` has it. Without it every chart destination is still a
 * country, its regime memberships read from Country Groups A:1–A:4 and its EU
 * and Japan facts from the project's country-facts dataset (`countryFactsFile`).
 */
export async function loadCountryFacts(
  controlsDir: string | undefined,
  tables?: Pick<UsCountryTables, 'chart' | 'groups'>,
  countryFactsFile?: string,
): Promise<LoadedCountryFacts> {
  const { chart, groups } =
    tables ?? (await readUsCountryTables(controlsDir ? [path.join(controlsDir, 'us')] : []));
  const [regimesText, namesText] = controlsDir
    ? await Promise.all([
        readIfPresent(path.join(controlsDir, 'countries/country_regimes.csv')),
        readIfPresent(path.join(controlsDir, 'countries/ear_country_name_to_iso2.json')),
      ])
    : [undefined, undefined];
  const known = namesText ? (JSON.parse(namesText) as Record<string, string>) : undefined;
  const unresolved: string[] = [];
  const isoOf = (name: string): string | undefined => {
    const code = earCountryCode(name, known);
    if (!code) unresolved.push(name);
    return code;
  };
  const rows = new Map<string, (typeof chart.rows)[number]>();
  for (const row of chart.rows) {
    const code = isoOf(row.name);
    if (code) rows.set(code, { ...row, marks: row.marks.map((m) => m.replace(/\s+/g, '')) });
  }
  const groupsOf = new Map<string, string[]>();
  for (const [group, names] of Object.entries(groups.groups)) {
    for (const name of names) {
      const code = isoOf(name);
      if (code) groupsOf.set(code, [...(groupsOf.get(code) ?? []), group]);
    }
  }
  const usFacts = (
    code: string,
    usRow = code,
  ): Pick<CountryFact, 'usGroups' | 'usChartFootnotes' | 'usChartMarks' | 'usEmbargoPointer'> => {
    const row = rows.get(code) ?? rows.get(usRow);
    return {
      usGroups: groupsOf.get(code) ?? groupsOf.get(usRow) ?? [],
      usChartFootnotes: row?.footnotes ?? [],
      ...(row?.pointer !== undefined
        ? { usChartMarks: [], usEmbargoPointer: row.pointer }
        : row
          ? { usChartMarks: row.marks }
          : {}),
    };
  };
  // Without country_regimes.csv: Country Groups A:1–A:4 are the Wassenaar, MTCR, AG and NSG members.
  const regimesFromGroups = (code: string): CountryFact['regimes'] => {
    const inGroup = (g: string) => (groupsOf.get(code) ?? []).includes(g);
    return {
      wassenaar: inGroup('A:1'),
      mtcr: inGroup('A:2'),
      australiaGroup: inGroup('A:3'),
      nsg: inGroup('A:4'),
    };
  };
  const countries = new Map<string, CountryFact>();
  const regimes = regimesText
    ? (parse(regimesText, { columns: true, skip_empty_lines: true }) as RegimeCsvRow[])
    : [];
  for (const r of regimes) {
    countries.set(r.iso2, {
      iso2: r.iso2,
      name: r.name,
      euMember: r.eu_member === '1',
      eu001: r.eu001_destination === '1',
      japanGroupA: r.japan_group_a === '1',
      regimes: {
        wassenaar: r.wassenaar === '1',
        mtcr: r.mtcr === '1',
        nsg: r.nsg === '1',
        australiaGroup: r.australia_group === '1',
      },
      ...usFacts(r.iso2, US_ROW_INHERITANCE[r.iso2] ?? r.iso2),
    });
  }
  // Every Country Chart destination is a destination the EAR licenses to, even when
  // country_regimes.csv has no row for it (Kosovo, XK) or there is no mirror at all.
  const bundled = regimesText ? undefined : await readCountryFactsDataset(countryFactsFile);
  const inSet = (set: 'euMembers' | 'eu001Destinations' | 'japanGroupA', code: string) =>
    bundled?.[set].countries.has(code) ?? false;
  for (const [code, row] of rows) {
    if (countries.has(code)) continue;
    countries.set(code, {
      iso2: code,
      name: row.name,
      euMember: inSet('euMembers', code),
      eu001: inSet('eu001Destinations', code),
      japanGroupA: inSet('japanGroupA', code),
      regimes: regimesText ? NO_REGIMES : regimesFromGroups(code),
      ...usFacts(code),
    });
  }
  // A member state or Group A country is a destination even where the chart read has no row for it.
  for (const set of bundled ? [bundled.euMembers, bundled.eu001Destinations, bundled.japanGroupA] : [])
    for (const code of set.countries) {
      if (countries.has(code)) continue;
      countries.set(code, {
        iso2: code,
        name: countryName(code) ?? code,
        euMember: inSet('euMembers', code),
        eu001: inSet('eu001Destinations', code),
        japanGroupA: inSet('japanGroupA', code),
        regimes: regimesFromGroups(code),
        ...usFacts(code),
      });
    }
  const ukraine = countries.get('UA');
  if (ukraine)
    for (const [code, name] of Object.entries(REGIONS)) countries.set(code, { ...ukraine, iso2: code, name });
  return { countries, chartFootnotes: chart.footnotes, unresolved: [...new Set(unresolved)] };
}

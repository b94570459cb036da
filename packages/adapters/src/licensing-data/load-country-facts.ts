import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CountryFact } from '@entente/core';

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
interface CountryChartJson {
  countries: Record<string, { marks: string[]; footnotes: number[] }>;
  embargoed: Record<string, { pointer: string; footnotes: number[] }>;
  footnotes: Record<string, string>;
  territoryInheritance: Record<string, { row: string }>;
}
interface CountryGroupsJson {
  groups: Record<string, string[]>;
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

/** The country facts and the Country Chart footnotes read from a mirror's controls/ directory. */
export interface LoadedCountryFacts {
  countries: Map<string, CountryFact>;
  chartFootnotes: Record<string, string>;
}

/**
 * Joins country_regimes.csv (ISO-2, EU, regimes, EU001, Japan Group A) with the
 * Commerce Country Chart and Country Groups read by their EAR names, so every
 * US fact comes from the official tables rather than the derived columns.
 */
export async function loadCountryFacts(controlsDir: string): Promise<LoadedCountryFacts> {
  const read = (p: string) => readFile(path.join(controlsDir, p), 'utf8');
  const [regimesText, chartText, groupsText, namesText] = await Promise.all([
    read('countries/country_regimes.csv'),
    read('us/country-chart.json'),
    read('us/country-groups.json'),
    read('countries/ear_country_name_to_iso2.json'),
  ]);
  const regimes = parse(regimesText, { columns: true, skip_empty_lines: true }) as RegimeCsvRow[];
  const chart = JSON.parse(chartText) as CountryChartJson;
  const groups = JSON.parse(groupsText) as CountryGroupsJson;
  const iso = JSON.parse(namesText) as Record<string, string>;
  const marks = new Map<string, { marks: string[]; footnotes: number[] }>();
  for (const [name, row] of Object.entries(chart.countries))
    if (iso[name])
      marks.set(iso[name], { marks: row.marks.map((m) => m.replace(/\s+/g, '')), footnotes: row.footnotes });
  const embargo = new Map<string, { pointer: string; footnotes: number[] }>();
  for (const [name, row] of Object.entries(chart.embargoed)) if (iso[name]) embargo.set(iso[name], row);
  const groupsOf = new Map<string, string[]>();
  for (const [group, names] of Object.entries(groups.groups)) {
    for (const name of names) {
      const code = iso[name];
      if (code) groupsOf.set(code, [...(groupsOf.get(code) ?? []), group]);
    }
  }
  const countries = new Map<string, CountryFact>();
  for (const r of regimes) {
    const usRow = US_ROW_INHERITANCE[r.iso2] ?? r.iso2;
    const chartRow = marks.get(r.iso2) ?? marks.get(usRow);
    const embargoRow = embargo.get(r.iso2);
    const fact: CountryFact = {
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
      usGroups: groupsOf.get(r.iso2) ?? groupsOf.get(usRow) ?? [],
      usChartFootnotes: chartRow?.footnotes ?? embargoRow?.footnotes ?? [],
      ...(chartRow ? { usChartMarks: chartRow.marks } : {}),
      ...(embargoRow ? { usChartMarks: [], usEmbargoPointer: embargoRow.pointer } : {}),
    };
    countries.set(r.iso2, fact);
  }
  // Every Country Chart destination is a destination the EAR licenses to, even when
  // country_regimes.csv has no row for it (Kosovo, XK): it then joins no regime and no EU list.
  const chartName = new Map(Object.entries(iso).map(([name, code]) => [code, name]));
  for (const [code, row] of [...marks, ...embargo]) {
    if (countries.has(code)) continue;
    countries.set(code, {
      iso2: code,
      name: chartName.get(code) ?? code,
      euMember: false,
      eu001: false,
      japanGroupA: false,
      regimes: { wassenaar: false, mtcr: false, nsg: false, australiaGroup: false },
      usGroups: groupsOf.get(code) ?? [],
      usChartFootnotes: row.footnotes,
      ...('marks' in row ? { usChartMarks: row.marks } : { usChartMarks: [], usEmbargoPointer: row.pointer }),
    });
  }
  const ukraine = countries.get('UA');
  if (ukraine)
    for (const [code, name] of Object.entries(REGIONS)) countries.set(code, { ...ukraine, iso2: code, name });
  return { countries, chartFootnotes: chart.footnotes };
}

import type { CountryFact, DeterminationData, ListedEntry } from '../licensing/determination-data.ts';

function fact(iso2: string, usGroups: string[], euMember = false): CountryFact {
  return {
    iso2,
    name: iso2,
    euMember,
    eu001: false,
    japanGroupA: false,
    regimes: { wassenaar: false, mtcr: false, nsg: false, australiaGroup: false },
    usGroups,
    usChartFootnotes: [],
  };
}

/**
 * A small hand-made DeterminationData for unit tests of the supply model:
 * a few countries with their US groups, and a look-up knowing a few codes.
 * It runs no licence rules; tests that need them use the real tables.
 */
export function supplyTestData(entries: Record<string, ListedEntry> = {}): DeterminationData {
  const countries = new Map(
    [
      fact('US', ['A:1']),
      fact('DE', ['A:1', 'B'], true),
      fact('FI', ['A:1', 'B'], true),
      fact('CN', ['D:1', 'D:3', 'D:4', 'D:5']),
      fact('IR', ['D:2', 'D:3', 'D:4', 'D:5', 'E:1']),
      fact('JP', ['A:1', 'B']),
      fact('GB', ['A:1', 'B']),
    ].map((f) => [f.iso2, f]),
  );
  return {
    us: { eccns: new Map(), embargoes: [], exceptionSections: {}, chartFootnotes: {}, asOf: 'test' },
    eu: {
      generalAuthorisations: [],
      annexIv: [],
      annexIvSource: { citation: 'test', status: 'unverified' },
      source: 'test',
    },
    uk: { openGeneralLicences: [], source: 'test' },
    jp: { bulkLicences: [], source: 'test' },
    countries,
    lookup: (j, code) => entries[`${j}:${code}`],
    chpl: new Map([['854231', '1']]),
  };
}

import {
  isUnverified,
  JAPAN_ROWS,
  normaliseControlCode,
  regimeOfCode,
  type ControlEntry,
  type CrosswalkSuggest,
  type EntryLookup,
  type Jurisdiction,
  type ListedEntry,
} from '@entente/core';
import { CONTROL_LIST_IDS, type ControlCatalogue } from './control-catalogue.ts';

/** The catalogue lists each jurisdiction's determination reads. */
const LISTS_OF: Readonly<Record<Jurisdiction, string[]>> = {
  US: ['US', 'USML'],
  EU: ['EU'],
  UK: ['UK'],
  JP: ['JP'],
};

function listed(entry: ControlEntry, heading = entry.heading): ListedEntry {
  return {
    code: entry.code,
    heading,
    reasons: entry.reasons,
    regimeRefs: entry.regimeRefs,
    ...(entry.destinations ? { destinations: entry.destinations } : {}),
    ...(entry.citation ? { citation: `${entry.citation.act}, ${entry.citation.provision}` } : {}),
    ...(isUnverified(entry) ? { unverified: true } : {}),
  };
}

/** The Japanese row a regime-numbered code falls in (Japan's list is held at row level only). */
function japaneseRow(catalogue: ControlCatalogue, code: string): string | undefined {
  const regimeKey = (): string[] => {
    if (/^ML\d+/i.test(code)) return ['WA:ML'];
    const regime = regimeOfCode(code);
    if (regime === 'WA') return [`WA:${code[0]}`];
    if (regime === 'MTCR') return ['MTCR:M'];
    if (regime === 'NSG') return ['NSG:N', 'NSG:T'];
    // Australia Group: the EU entry's AG list tells chemical from biological.
    if (regime === 'AG')
      return catalogue
        .directLinks(`EU:${code.split('.')[0]}`)
        .map((c) => c.id)
        .filter((id) => id.startsWith('AG:'));
    if (regime === 'CWC') return ['AG:CHEM-PRECURSORS'];
    return [];
  };
  const keys = regimeKey();
  return Object.entries(JAPAN_ROWS).find(([, targets]) => targets.some((t) => keys.includes(t)))?.[0];
}

/**
 * The determination engine's entry look-up over the catalogue: the nearest
 * enclosing entry of the jurisdiction's list (core `findEntry`); for Japan, a
 * row number, or a regime-numbered code placed in its Appended Table 1 row.
 * Results are memoised: the catalogue is immutable.
 */
export function catalogueLookup(catalogue: ControlCatalogue): EntryLookup {
  const memo = new Map<string, ListedEntry | undefined>();
  return (jurisdiction, rawCode) => {
    const code = normaliseControlCode(rawCode);
    const key = `${jurisdiction}:${code}`;
    if (memo.has(key)) return memo.get(key);
    let result: ListedEntry | undefined;
    for (const list of LISTS_OF[jurisdiction] ?? []) {
      const found = catalogue.find(`${list}:${code}`);
      if (found && (jurisdiction !== 'JP' || found.exact)) {
        result = listed(found.entry);
        break;
      }
    }
    if (!result && jurisdiction === 'JP') {
      const row = japaneseRow(catalogue, code);
      const entry = row ? catalogue.findExact(`JP:${row}`)?.entry : undefined;
      if (entry)
        result = listed(
          entry,
          `${entry.heading} (row ${entry.code}, where ${code} falls by its regime numbering)`,
        );
    }
    memo.set(key, result);
    return result;
  };
}

/**
 * Suggestions for a code unknown in one jurisdiction: the entries with that
 * exact code in other lists, preceded by their cross-walked counterparts in
 * the asked jurisdiction's lists (`EU:3A504` for EU "3A904").
 */
export function catalogueSuggest(catalogue: ControlCatalogue): CrosswalkSuggest {
  return (jurisdiction, rawCode) => {
    const code = normaliseControlCode(rawCode);
    const own = new Set(LISTS_OF[jurisdiction] ?? []);
    const counterparts: string[] = [];
    const elsewhere: string[] = [];
    for (const list of CONTROL_LIST_IDS) {
      if (own.has(list)) continue;
      const found = catalogue.findExact(`${list}:${code}`);
      if (!found) continue;
      elsewhere.push(`${list}:${found.entry.code}`);
      for (const c of catalogue.counterparts(`${list}:${found.entry.code}`)) {
        if (own.has(c.id.slice(0, c.id.indexOf(':')))) counterparts.push(c.id);
      }
    }
    return [...new Set([...counterparts, ...elsewhere])];
  };
}

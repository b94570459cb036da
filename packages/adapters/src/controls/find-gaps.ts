import {
  traceGaps,
  DomainError,
  parseJurisdiction,
  rootCode,
  summarizeGaps,
  type ControlJurisdiction,
  type GapReport,
} from '@entente/core';
import type { ControlCatalogue } from './control-catalogue.ts';

/** Parses a comma-separated jurisdiction list (`US,EU,UK,JP`), naming the field and accepted values. */
export function parseJurisdictions(value: string | string[], field = 'jurisdictions'): ControlJurisdiction[] {
  const parts = (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean);
  return [...new Set(parts.map((p) => parseJurisdiction(p, field)))];
}

/**
 * The entries one ally controls and another does not, among `jurisdictions`,
 * optionally limited to one list category (0–9). Japan's list is held at row
 * level, so entry-level gaps with Japan are not computed: it is left out with a note.
 * The pairs that are not gaps are counted; they are listed only with `includeCleared`.
 */
export function findGaps(
  catalogue: ControlCatalogue,
  options: { jurisdictions: ControlJurisdiction[]; category?: number; includeCleared?: boolean },
): GapReport {
  const notes: string[] = [];
  const jurisdictions = options.jurisdictions.filter((j) => j !== 'JP');
  if (jurisdictions.length < options.jurisdictions.length) {
    notes.push(
      "JP left out: Japan's list is held at row level (Appended Table 1 rows), so entry-level gaps with Japan are not computed.",
    );
  }
  if (jurisdictions.length < 2) {
    throw new DomainError('invalid-input', 'Gaps need two or more of US, EU, UK', {
      field: 'jurisdictions',
      accepted: ['US', 'EU', 'UK', 'JP'],
    });
  }
  if (
    options.category !== undefined &&
    !(Number.isInteger(options.category) && options.category >= 0 && options.category <= 9)
  ) {
    throw new DomainError('invalid-input', `Unknown category "${options.category}"`, {
      field: 'category',
      accepted: '0-9 (the first digit of a dual-use code)',
    });
  }
  const traced = traceGaps(catalogue.lists, catalogue.correspondences, jurisdictions);
  let { gaps, cleared } = traced;
  if (options.category !== undefined) {
    const prefix = String(options.category);
    const inCategory = (entry: string) => rootCode(entry.slice(entry.indexOf(':') + 1)).startsWith(prefix);
    gaps = gaps.filter((g) => inCategory(g.entry));
    cleared = cleared.filter((c) => inCategory(c.entry));
  }
  const notCompared = cleared.filter((c) => c.status === 'not-compared').length;
  if (notCompared > 0)
    notes.push(
      `${notCompared} munitions pair(s) not compared: the EU Common Military List is not in the catalogue (see cleared[].evidence).`,
    );
  return {
    jurisdictions,
    ...(options.category !== undefined ? { category: options.category } : {}),
    gaps,
    clearedCount: cleared.length,
    ...(options.includeCleared ? { cleared } : {}),
    summary: summarizeGaps(gaps),
    notes,
  };
}

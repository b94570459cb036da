import {
  LIST_JURISDICTION,
  entryId,
  type ControlJurisdiction,
  type ControlList,
  type Correspondence,
} from './control-entry.ts';
import { isDualUseCode } from './control-code.ts';
import { linkedJurisdictions } from './derive-crosswalk.ts';

/** Why one ally controls an item that another does not. */
export type GapCategory = 'unilateral' | 'regime-not-implemented' | 'plurilateral' | 'scope-differs';

/** One entry controlled by `controlledBy` and absent (or narrower) in `lackingIn`. */
export interface ControlGap {
  entry: string;
  heading: string;
  category: GapCategory;
  controlledBy: ControlJurisdiction;
  lackingIn: ControlJurisdiction;
  note: string;
}

/** Paragraph letters the US adds to Wassenaar-based entries for its own controls. */
const US_ONLY_PARAGRAPHS = /^[^.]+\.(y|z)$/;

/**
 * Classifies every top-level dual-use entry that one ally controls and another
 * does not: no regime origin and no counterpart (unilateral), no regime origin
 * but a counterpart in some ally (plurilateral), a regime entry the other ally
 * lacks (regime-not-implemented), or a shared entry the US widens with its own
 * `.y`/`.z` paragraphs (scope-differs).
 */
export function classifyGaps(
  lists: ControlList[],
  correspondences: Correspondence[],
  jurisdictions: ControlJurisdiction[] = ['US', 'EU', 'UK'],
): ControlGap[] {
  const gaps: ControlGap[] = [];
  for (const list of lists) {
    const own = LIST_JURISDICTION[list.id];
    if (!own || !jurisdictions.includes(own) || list.id === 'USML') continue;
    const extraParagraphs = new Map<string, string[]>();
    for (const e of list.entries) {
      if (e.parent && US_ONLY_PARAGRAPHS.test(e.code))
        extraParagraphs.set(e.parent, [...(extraParagraphs.get(e.parent) ?? []), e.code]);
    }
    for (const e of list.entries) {
      if (e.parent || !isDualUseCode(e.code)) continue;
      const id = entryId(e);
      const linked = linkedJurisdictions(id, correspondences);
      for (const other of jurisdictions) {
        if (other === own) continue;
        if (linked.has(other)) {
          const extra = list.id === 'US' ? extraParagraphs.get(e.code) : undefined;
          if (extra && e.regimeRefs.length > 0) {
            gaps.push({
              entry: id,
              heading: e.heading,
              category: 'scope-differs',
              controlledBy: own,
              lackingIn: other,
              note: `US-only paragraphs ${extra.join(', ')}`,
            });
          }
          continue;
        }
        const category: GapCategory =
          e.regimeRefs.length > 0
            ? 'regime-not-implemented'
            : linked.size > 0
              ? 'plurilateral'
              : 'unilateral';
        const note =
          category === 'regime-not-implemented'
            ? `${e.regimeRefs.join('/')} entry with no ${other} counterpart in the catalogue`
            : category === 'plurilateral'
              ? `no regime origin; also controlled by ${[...linked].join(', ')}`
              : `no regime origin and no counterpart in ${jurisdictions.filter((j) => j !== own).join(', ')}`;
        gaps.push({ entry: id, heading: e.heading, category, controlledBy: own, lackingIn: other, note });
      }
    }
  }
  return gaps;
}

/** Gap counts per category and `controlledBy→lackingIn` pair, for a heat map. */
export function summarizeGaps(gaps: ControlGap[]): Record<GapCategory, Record<string, number>> {
  const out: Record<GapCategory, Record<string, number>> = {
    unilateral: {},
    'regime-not-implemented': {},
    plurilateral: {},
    'scope-differs': {},
  };
  for (const g of gaps) {
    const key = `${g.controlledBy}→${g.lackingIn}`;
    out[g.category][key] = (out[g.category][key] ?? 0) + 1;
  }
  return out;
}

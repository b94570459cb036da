import {
  LIST_JURISDICTION,
  entryId,
  type ControlJurisdiction,
  type ControlList,
  type Correspondence,
} from './control-entry.ts';
import { isDualUseCode } from './control-code.ts';
import { linkIndex, traceCounterpart } from './trace-counterpart.ts';

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
  /** The evidence path that makes it a gap: links followed and what was missing. */
  evidence: string[];
}

/** An entry/jurisdiction pair that is not a gap, and why. */
export interface GapCleared {
  entry: string;
  other: ControlJurisdiction;
  status: 'counterpart' | 'implemented' | 'not-compared';
  evidence: string[];
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
  return traceGaps(lists, correspondences, jurisdictions).gaps;
}

/**
 * The gaps, and the pairs cleared with the path that clears them (a direct or
 * two-hop link, another act such as 10 CFR 110, or a list not loaded).
 */
export function traceGaps(
  lists: ControlList[],
  correspondences: Correspondence[],
  jurisdictions: ControlJurisdiction[] = ['US', 'EU', 'UK'],
): { gaps: ControlGap[]; cleared: GapCleared[] } {
  const gaps: ControlGap[] = [];
  const cleared: GapCleared[] = [];
  const links = linkIndex(correspondences);
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
      const others = jurisdictions.filter((j) => j !== own);
      const traces = new Map(others.map((o) => [o, traceCounterpart(e, o, links)]));
      const linked = new Set([...traces.values()].flatMap((t) => [...t.reached]));
      for (const other of others) {
        const trace = traces.get(other)!;
        if (trace.status !== 'none') {
          cleared.push({ entry: id, other, status: trace.status, evidence: trace.evidence });
          const extra = list.id === 'US' ? extraParagraphs.get(e.code) : undefined;
          if (trace.status === 'counterpart' && extra && e.regimeRefs.length > 0) {
            gaps.push({
              entry: id,
              heading: e.heading,
              category: 'scope-differs',
              controlledBy: own,
              lackingIn: other,
              note: `US-only paragraphs ${extra.join(', ')}`,
              evidence: [...trace.evidence, `${id}: US-only paragraphs ${extra.join(', ')}`],
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
              : `no regime origin and no counterpart in ${others.join(', ')}`;
        const origin =
          e.regimeRefs.length > 0
            ? `${id}: ${e.regimeRefs.join('/')} origin (${e.citation.provision})`
            : `${id}: no regime origin (national entry; reasons ${e.reasons.join(', ') || 'none'})`;
        gaps.push({
          entry: id,
          heading: e.heading,
          category,
          controlledBy: own,
          lackingIn: other,
          note,
          evidence: [origin, ...trace.evidence],
        });
      }
    }
  }
  return { gaps, cleared };
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

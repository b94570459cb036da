import type { ControlGap } from '../controls/classify-gaps.ts';
import { rootCode } from '../controls/control-code.ts';
import type { DeterminationData } from '../licensing/determination-data.ts';
import type { BomComponent } from './bom.ts';
import type { ComponentControl } from './component-controls.ts';
import { jurisdictionOfCountry } from './destination-scope.ts';
import type { ComponentDependencies, ComponentDivergence } from './supply-analysis.ts';

/** Gaps keyed by entry id (`US:3A090`), for one look-up per component. */
export type GapIndex = ReadonlyMap<string, ControlGap[]>;

/** Indexes the gaps between allies' lists by the entry that one ally controls. */
export function indexGaps(gaps: ControlGap[]): GapIndex {
  const out = new Map<string, ControlGap[]>();
  for (const g of gaps) out.set(g.entry, [...(out.get(g.entry) ?? []), g]);
  return out;
}

/** A scope-differs gap concerns the component only when its code lies in one of the US-only paragraphs the note names. */
function gapConcerns(gap: ControlGap, code: string): boolean {
  if (gap.category !== 'scope-differs') return true;
  const paragraphs = gap.note.replace(/^[^0-9]*/, '').split(/,\s*/);
  return paragraphs.some((p) => code === p || code.startsWith(`${p}.`));
}

function divergences(controls: ComponentControl[], gaps: GapIndex): ComponentDivergence[] {
  const out: ComponentDivergence[] = [];
  const seen = new Set<string>();
  for (const c of controls) {
    if (!c.code || c.jurisdiction === 'JP' || (c.status !== 'controlled' && c.status !== 'at-only')) continue;
    const list = c.jurisdiction === 'US' && !/^\d[A-E]\d{3}/.test(c.code) ? 'USML' : c.jurisdiction;
    for (const g of gaps.get(`${list}:${rootCode(c.code)}`) ?? []) {
      if (!gapConcerns(g, c.code) || seen.has(`${g.controlledBy}>${g.lackingIn}`)) continue;
      seen.add(`${g.controlledBy}>${g.lackingIn}`);
      out.push({
        source: 'gap',
        entry: g.entry,
        category: g.category,
        controlledBy: g.controlledBy,
        lackingIn: g.lackingIn,
        note: g.note,
      });
    }
  }
  const explicit = controls.filter((c) => !c.inferred);
  for (const a of explicit.filter((c) => c.status === 'controlled')) {
    for (const b of explicit.filter((c) => c.status === 'not-listed' || c.status === 'at-only')) {
      if (seen.has(`${a.jurisdiction}>${b.jurisdiction}`)) continue;
      seen.add(`${a.jurisdiction}>${b.jurisdiction}`);
      out.push({
        source: 'classification',
        controlledBy: a.jurisdiction,
        lackingIn: b.jurisdiction,
        note: `classified ${a.jurisdiction}:${a.code} but ${b.jurisdiction}:${b.code}`,
      });
    }
  }
  return out;
}

/**
 * The dependencies of one component: how many sources it has and from how
 * many jurisdictions, whether its HS code is on the Common High Priority
 * List, and where allies control it differently.
 */
export function findDependencies(
  data: DeterminationData,
  component: BomComponent,
  controls: ComponentControl[],
  gaps: GapIndex,
): ComponentDependencies {
  const sourceKeys = new Set([`${component.supplier.toLowerCase()}|${component.supplierCountry}`]);
  component.alternates.forEach((a, i) =>
    sourceKeys.add(a.supplier ? `${a.supplier.toLowerCase()}|${a.country}` : `#${i}|${a.country}`),
  );
  const sourceJurisdictions = [
    ...new Set(
      [component.supplierCountry, ...component.alternates.map((a) => a.country)].map((c) =>
        jurisdictionOfCountry(data, c),
      ),
    ),
  ];
  const chplTier = component.hsCode ? data.chpl.get(component.hsCode.slice(0, 6)) : undefined;
  const divs = divergences(controls, gaps);
  const singleSource = sourceKeys.size === 1;
  const singleJurisdiction = sourceJurisdictions.length === 1;
  const reasons = [
    ...(singleSource
      ? [`single source: ${component.supplier} (${component.supplierCountry}), no alternate`]
      : []),
    ...(singleJurisdiction && !singleSource
      ? [`single jurisdiction: every source ships from ${sourceJurisdictions[0]}`]
      : []),
    ...(chplTier !== undefined
      ? [`HS ${component.hsCode} is on the Common High Priority List (tier ${chplTier})`]
      : []),
    ...divs.map((d) => `controlled by ${d.controlledBy}, not by ${d.lackingIn}: ${d.note}`),
  ];
  return {
    sources: sourceKeys.size,
    singleSource,
    sourceJurisdictions,
    singleJurisdiction,
    ...(chplTier !== undefined ? { chplTier } : {}),
    divergences: divs,
    reasons,
  };
}

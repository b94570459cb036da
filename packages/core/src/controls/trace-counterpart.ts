import { LIST_JURISDICTION, type ControlEntry, type Correspondence } from './control-entry.ts';
import { rootCode } from './control-code.ts';
import { nrcProvision } from './nrc-part-110.ts';

/** Lists that bind nobody: their entries are the regime items national entries implement. */
const REGIME_LISTS = new Set(['WA', 'MTCR', 'NSG', 'AG']);

/** How an entry reaches (or fails to reach) another jurisdiction's list. */
export interface CounterpartTrace {
  /** `counterpart`: linked directly or through a regime item; `implemented`: by another act
   * (10 CFR 110); `not-compared`: the other side's list is not loaded; `none`: a gap. */
  status: 'counterpart' | 'implemented' | 'not-compared' | 'none';
  /** The evidence path, one step a line: `US:0A501 → WA:ML1 (narrower, curated-munitions)`. */
  evidence: string[];
  /** The jurisdictions reached through any link, for the plurilateral/unilateral split. */
  reached: Set<string>;
}

/** An index from entry id to the correspondences touching it (either end). */
export function linkIndex(correspondences: Correspondence[]): Map<string, Correspondence[]> {
  const out = new Map<string, Correspondence[]>();
  for (const c of correspondences) {
    for (const id of [c.from, c.to]) out.set(id, [...(out.get(id) ?? []), c]);
  }
  return out;
}

function step(c: Correspondence, from: string): string {
  const to = c.from === from ? c.to : c.from;
  const arrow = c.from === from ? '→' : '←';
  const warn = c.warning ? `; ignored: ${c.warning}` : '';
  const unverified = c.source?.status === 'unverified' ? ', unverified link' : '';
  return `${from} ${arrow} ${to} (${c.type}, ${c.basis}${unverified}${warn})`;
}

const jurisdictionOf = (id: string) => LIST_JURISDICTION[id.split(':')[0] as keyof typeof LIST_JURISDICTION];

/**
 * Follows the crosswalk from `entry` to `other`: a direct link, or two hops
 * through a regime item (US → WA:ML1 ← UK), so entries that implement the same
 * regime item count as counterparts. Links carrying a heading `warning` are
 * shown but not followed. Then the acts outside the catalogue: 10 CFR Part 110
 * for Category 0 nuclear items in the US, and the EU Common Military List, which
 * the catalogue does not hold, for munitions entries.
 */
export function traceCounterpart(
  entry: ControlEntry,
  other: string,
  links: Map<string, Correspondence[]>,
): CounterpartTrace {
  const id = `${entry.list}:${entry.code}`;
  const reached = new Set<string>();
  const own = links.get(id) ?? [];
  const evidence: string[] = [];
  let found: string[] | undefined;
  for (const c of own) {
    const to = c.from === id ? c.to : c.from;
    const j = jurisdictionOf(to);
    if (c.warning) {
      evidence.push(step(c, id));
      continue;
    }
    if (j) {
      reached.add(j);
      if (j === other && !found) found = [step(c, id)];
      continue;
    }
    if (!REGIME_LISTS.has(to.split(':')[0] ?? '')) continue;
    for (const d of links.get(to) ?? []) {
      const far = d.from === to ? d.to : d.from;
      const fj = jurisdictionOf(far);
      if (far === id || !fj || fj === jurisdictionOf(id) || d.warning) continue;
      reached.add(fj);
      if (fj === other && !found) found = [step(c, id), step(d, to)];
    }
  }
  if (found) return { status: 'counterpart', evidence: found, reached };
  const nrc =
    other === 'US' && entry.regimeRefs.includes('NSG') ? nrcProvision(rootCode(entry.code)) : undefined;
  if (nrc) return { status: 'implemented', evidence: [`${id} → US ${nrc}`], reached };
  const munitions = own.some((c) => c.basis === 'curated-munitions') || /^ML\d+$/.test(entry.code);
  if (munitions && other === 'EU')
    return {
      status: 'not-compared',
      evidence: [
        ...own.filter((c) => c.basis === 'curated-munitions').map((c) => step(c, id)),
        'EU: the Common Military List is not in the catalogue, so munitions are not compared with the EU',
      ],
      reached,
    };
  const regimeItems = own.filter((c) =>
    REGIME_LISTS.has((c.from === id ? c.to : c.from).split(':')[0] ?? ''),
  );
  return {
    status: 'none',
    evidence: [
      ...evidence,
      ...regimeItems.map((c) => step(c, id)),
      own.length === 0
        ? `${id}: no crosswalk link`
        : `no ${other} entry linked to ${id}${regimeItems.length ? ' directly or through its regime item' : ''}`,
    ],
    reached,
  };
}

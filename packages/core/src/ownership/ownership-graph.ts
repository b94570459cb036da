/**
 * An ownership graph: who owns how much of whom, or controls it. Entities are
 * numbered once so that the aggregation and the rules walk flat arrays (a
 * register of 100,000 links is aggregated in well under a second this way).
 */

/** One ownership link: `owner` holds `share` per cent of `owned`, or controls it. */
export interface OwnershipGraphLink {
  owner: string;
  owned: string;
  /** Per cent of the shares (0–100); absent when the link is control only. */
  share?: number;
  /** True when the owner controls the owned entity (board majority, agreement…). */
  controls?: boolean;
}

/** A link the graph could not take as given, with the reason (input rows are never dropped silently). */
export interface OwnershipProblem {
  kind: 'share-out-of-range' | 'self-link' | 'shares-over-100' | 'empty-link';
  owner?: string;
  owned: string;
  message: string;
}

/** The indexed graph: for each entity, its owners (incoming links) in flat arrays. */
export interface OwnershipGraph {
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** Owners of entity v are ownerOf[inStart[v] .. inStart[v+1]). */
  inStart: Int32Array;
  ownerOf: Int32Array;
  /** Share of each incoming link as a fraction (0–1); 0 for control-only links. */
  shareOf: Float64Array;
  controlsOf: Uint8Array;
  problems: readonly OwnershipProblem[];
}

const EPSILON = 1e-9;

/**
 * Build the indexed graph from links. Shares outside 0–100 and self-links are
 * reported and left out; an entity whose owners' shares add up to more than 100 %
 * is reported and its shares scaled down to 100 %, so that no aggregate exceeds it.
 *
 * @example
 * const graph = buildOwnershipGraph([{ owner: 'A', owned: 'B', share: 30 }]);
 */
export function buildOwnershipGraph(links: readonly OwnershipGraphLink[]): OwnershipGraph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const idOf = (id: string): number => {
    let n = index.get(id);
    if (n === undefined) {
      n = ids.length;
      index.set(id, n);
      ids.push(id);
    }
    return n;
  };
  const problems: OwnershipProblem[] = [];
  const kept: { owner: number; owned: number; share: number; controls: boolean }[] = [];
  for (const link of links) {
    const owned = idOf(link.owned);
    const owner = idOf(link.owner);
    const share = link.share ?? 0;
    if (!Number.isFinite(share) || share < 0 || share > 100) {
      problems.push({
        kind: 'share-out-of-range',
        owner: link.owner,
        owned: link.owned,
        message: `share ${String(link.share)} is not between 0 and 100`,
      });
      continue;
    }
    if (owner === owned) {
      problems.push({
        kind: 'self-link',
        owner: link.owner,
        owned: link.owned,
        message: `${link.owner} is linked to itself`,
      });
      continue;
    }
    if (share === 0 && link.controls !== true) {
      problems.push({
        kind: 'empty-link',
        owner: link.owner,
        owned: link.owned,
        message: 'a link needs a share above 0 or "controls"',
      });
      continue;
    }
    kept.push({ owner, owned, share: share / 100, controls: link.controls === true });
  }
  const n = ids.length;
  const inStart = new Int32Array(n + 1);
  for (const l of kept) inStart[l.owned + 1]! += 1;
  for (let v = 0; v < n; v++) inStart[v + 1]! += inStart[v]!;
  const fill = inStart.slice(0, n);
  const ownerOf = new Int32Array(kept.length);
  const shareOf = new Float64Array(kept.length);
  const controlsOf = new Uint8Array(kept.length);
  for (const l of kept) {
    const at = fill[l.owned]!++;
    ownerOf[at] = l.owner;
    shareOf[at] = l.share;
    controlsOf[at] = l.controls ? 1 : 0;
  }
  for (let v = 0; v < n; v++) {
    let total = 0;
    for (let e = inStart[v]!; e < inStart[v + 1]!; e++) total += shareOf[e]!;
    if (total > 1 + EPSILON) {
      problems.push({
        kind: 'shares-over-100',
        owned: ids[v]!,
        message: `the owners of ${ids[v]!} hold ${(total * 100).toFixed(2)} % together; scaled to 100 %`,
      });
      for (let e = inStart[v]!; e < inStart[v + 1]!; e++) shareOf[e] = shareOf[e]! / total;
    }
  }
  return { ids, index, inStart, ownerOf, shareOf, controlsOf, problems };
}

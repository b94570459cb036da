/**
 * The chains behind an aggregate, for a person to read: each path from a
 * listed party down to the entity, with the share at each step and the
 * product ("L owns 30 % of A, A owns 60 % of B: 18 %").
 */
import type { OwnershipGraph } from './ownership-graph.ts';

/** One step of a path: `owner` holds `share` per cent of `owned`, or controls it. */
export interface OwnershipStep {
  owner: string;
  owned: string;
  /** Per cent (0–100); absent for a control-only link. */
  share?: number;
  controls?: boolean;
}

/** One path from a listed party to the entity. */
export interface OwnershipPath {
  listed: string;
  /** Steps from the listed party down to the entity. */
  steps: readonly OwnershipStep[];
  /** Per cent of the entity held along this path (product of the shares). */
  share: number;
}

/** The paths found, largest first, and whether the walk met a cycle or its limits. */
export interface OwnershipPaths {
  paths: readonly OwnershipPath[];
  /** True when some path came back to an entity already on it (cut there). */
  cycleCut: boolean;
  /** True when there were more paths than `maxPaths` or the walk ran out of budget. */
  incomplete: boolean;
}

/** Format a share in per cent as people write it: "30 %", "33.33 %". */
export function formatShare(share: number): string {
  return `${Number(share.toFixed(2))} %`;
}

/** Render a path as "L owns 30 % of A, A owns 60 % of B (18 %)". */
export function describeOwnershipPath(
  path: OwnershipPath,
  name: (id: string) => string = (id) => id,
): string {
  const steps = path.steps.map((s) =>
    s.share !== undefined && s.share > 0
      ? `${name(s.owner)} owns ${formatShare(s.share)} of ${name(s.owned)}${s.controls === true ? ' and controls it' : ''}`
      : `${name(s.owner)} controls ${name(s.owned)}`,
  );
  return `${steps.join(', ')} (${formatShare(path.share)})`;
}

/**
 * Walk back from `target` through its owners to every listed party, stopping
 * at the first listed party on each chain and never visiting an entity twice
 * on one chain.
 *
 * @example
 * findOwnershipPaths(graph, new Set(['L']), 'B').paths[0]?.share; // 18
 */
export function findOwnershipPaths(
  graph: OwnershipGraph,
  listed: ReadonlySet<string>,
  target: string,
  { maxPaths = 20, budget = 100_000, includeControl = false } = {},
): OwnershipPaths {
  const start = graph.index.get(target);
  const found: OwnershipPath[] = [];
  let cycleCut = false;
  let incomplete = false;
  if (start === undefined) return { paths: found, cycleCut, incomplete };
  const { inStart, ownerOf, shareOf, controlsOf, ids } = graph;
  const onPath = new Set<number>([start]);
  const trail: { node: number; edge: number; product: number; link: number }[] = [
    { node: start, edge: inStart[start]!, product: 1, link: -1 },
  ];
  while (trail.length > 0) {
    const frame = trail[trail.length - 1]!;
    if (frame.edge >= inStart[frame.node + 1]! || budget <= 0) {
      if (budget <= 0) incomplete = true;
      onPath.delete(frame.node);
      trail.pop();
      continue;
    }
    const e = frame.edge++;
    budget -= 1;
    const owner = ownerOf[e]!;
    const counts = shareOf[e]! > 0 || (includeControl && controlsOf[e] === 1);
    if (!counts) continue;
    const product = frame.product * shareOf[e]!;
    if (onPath.has(owner)) {
      cycleCut = true;
      continue;
    }
    if (listed.has(ids[owner]!)) {
      const steps: OwnershipStep[] = [stepOf(e, frame.node)];
      for (let i = trail.length - 1; i > 0; i--) steps.push(stepOf(trail[i]!.link, trail[i - 1]!.node));
      found.push({ listed: ids[owner]!, steps, share: product * 100 });
      continue;
    }
    onPath.add(owner);
    trail.push({ node: owner, edge: inStart[owner]!, product, link: e });
  }
  found.sort((a, b) => b.share - a.share);
  if (found.length > maxPaths) incomplete = true;
  return { paths: found.slice(0, maxPaths), cycleCut, incomplete };

  function stepOf(edge: number, owned: number): OwnershipStep {
    const step: OwnershipStep = { owner: ids[ownerOf[edge]!]!, owned: ids[owned]! };
    if (shareOf[edge]! > 0) step.share = shareOf[edge]! * 100;
    if (controlsOf[edge] === 1) step.controls = true;
    return step;
  }
}

/**
 * Look-through ownership by listed parties: the share of each entity held by
 * listed parties directly or through others — shares multiplied along each
 * chain and added across owners and paths. A chain stops at the first listed
 * party met (its own owners' stake is already inside its holding, so counting
 * it again would double count), and never passes an entity twice (a path
 * around a cycle is cut there and the cycle is reported).
 */
import { findOwnershipCycles } from './find-ownership-cycles.ts';
import type { OwnershipGraph } from './ownership-graph.ts';

/** The aggregate for every entity of the graph. */
export interface ListedOwnershipAggregate {
  /** Fraction (0–1) of each entity held by listed parties, by entity number. */
  shares: Float64Array;
  /** Members of each ownership cycle. */
  cycles: readonly (readonly string[])[];
  /** Entities inside a cycle too large to walk within the budget: their share is a lower bound. */
  truncated: readonly string[];
}

/** How many link visits one cycle may cost before its walk stops (and is reported truncated). */
export const DEFAULT_CYCLE_BUDGET = 200_000;

/**
 * Aggregate the ownership of every entity by the `listed` parties.
 *
 * Outside cycles each entity costs one visit per owner (owners first, in the
 * order the cycle search emits them); inside a cycle, the simple paths through
 * it are walked, within `cycleBudget` link visits per cycle.
 *
 * @example
 * const graph = buildOwnershipGraph([{ owner: 'L', owned: 'A', share: 30 }, { owner: 'A', owned: 'B', share: 60 }]);
 * aggregateListedOwnership(graph, new Set(['L'])).shares[graph.index.get('B')!]; // 0.18
 */
export function aggregateListedOwnership(
  graph: OwnershipGraph,
  listed: ReadonlySet<string>,
  cycleBudget = DEFAULT_CYCLE_BUDGET,
): ListedOwnershipAggregate {
  const n = graph.ids.length;
  const { inStart, ownerOf, shareOf } = graph;
  const isListed = new Uint8Array(n);
  for (const id of listed) {
    const v = graph.index.get(id);
    if (v !== undefined) isListed[v] = 1;
  }
  const { componentOf, members, cycles } = findOwnershipCycles(graph);
  const shares = new Float64Array(n);
  const truncated: string[] = [];
  const onPath = new Uint8Array(n);
  for (const component of members) {
    if (component.length === 1) {
      const v = component[0]!;
      let total = 0;
      for (let e = inStart[v]!; e < inStart[v + 1]!; e++) {
        const u = ownerOf[e]!;
        total += shareOf[e]! * (isListed[u] === 1 ? 1 : shares[u]!);
      }
      shares[v] = Math.min(1, total);
      continue;
    }
    let budget = cycleBudget;
    for (const v of component) {
      if (budget <= 0) {
        truncated.push(graph.ids[v]!);
        shares[v] = Math.min(1, enteringShare(v));
        continue;
      }
      const walked = walkCycle(v);
      if (walked.exhausted) truncated.push(graph.ids[v]!);
      shares[v] = Math.min(1, walked.total);
    }

    function enteringShare(v: number): number {
      let total = 0;
      for (let e = inStart[v]!; e < inStart[v + 1]!; e++) {
        const u = ownerOf[e]!;
        if (isListed[u] === 1) total += shareOf[e]!;
        else if (componentOf[u] !== componentOf[v]) total += shareOf[e]! * shares[u]!;
      }
      return total;
    }

    function walkCycle(target: number): { total: number; exhausted: boolean } {
      const nodes: number[] = [target];
      const products: number[] = [1];
      const edges: number[] = [inStart[target]!];
      onPath[target] = 1;
      let total = 0;
      while (nodes.length > 0) {
        const top = nodes.length - 1;
        const u = nodes[top]!;
        const e = edges[top]!;
        if (e >= inStart[u + 1]! || budget <= 0) {
          onPath[u] = 0;
          nodes.pop();
          products.pop();
          edges.pop();
          continue;
        }
        edges[top] = e + 1;
        budget -= 1;
        const x = ownerOf[e]!;
        const product = products[top]! * shareOf[e]!;
        // A path back to an entity already on it is a cycle: cut, even at a listed party.
        if (product === 0 || onPath[x] === 1) continue;
        if (isListed[x] === 1) total += product;
        else if (componentOf[x] !== componentOf[target]) total += product * shares[x]!;
        else {
          onPath[x] = 1;
          nodes.push(x);
          products.push(product);
          edges.push(inStart[x]!);
        }
      }
      return { total, exhausted: budget <= 0 };
    }
  }
  return { shares, cycles, truncated };
}

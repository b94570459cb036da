/**
 * Cycles in an ownership graph (cross-holdings: A owns part of B, B owns part
 * of A, possibly through others), found as strongly connected components with
 * an iterative Tarjan walk, so that deep chains do not overflow the stack.
 */
import type { OwnershipGraph } from './ownership-graph.ts';

/** The components of the graph, owners' components before the components they own. */
export interface OwnershipComponents {
  /** Component number of each entity. */
  componentOf: Int32Array;
  /** Members of each component, in emission order (owners first). */
  members: readonly (readonly number[])[];
  /** The entities of every component with more than one member: the cycles, reported by id. */
  cycles: readonly (readonly string[])[];
}

/** Find the strongly connected components; each cycle is reported once with its members. */
export function findOwnershipCycles(graph: OwnershipGraph): OwnershipComponents {
  const n = graph.ids.length;
  const { inStart, ownerOf } = graph;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const members: number[][] = [];
  const callVertex = new Int32Array(n);
  const callEdge = new Int32Array(n);
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let depth = 0;
    callVertex[0] = root;
    callEdge[0] = inStart[root]!;
    order[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callVertex[depth]!;
      const e = callEdge[depth]!;
      if (e < inStart[v + 1]!) {
        callEdge[depth] = e + 1;
        const w = ownerOf[e]!;
        if (order[w] === -1) {
          order[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth += 1;
          callVertex[depth] = w;
          callEdge[depth] = inStart[w]!;
        } else if (onStack[w] === 1 && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      if (low[v] === order[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = members.length;
          component.push(w);
        } while (w !== v);
        members.push(component);
      }
      depth -= 1;
      if (depth >= 0) {
        const parent = callVertex[depth]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
    }
  }
  const cycles = members.filter((m) => m.length > 1).map((m) => m.map((v) => graph.ids[v]!).sort());
  return { componentOf, members, cycles };
}

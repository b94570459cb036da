/**
 * Ownership aggregation benchmark. Run: `npx tsx bench/ownership-aggregate.ts`.
 * Generates (seeded) 100,000 ownership links in corporate groups: 10,000 groups
 * of 4-12 entities, each entity below the group's head held by 1-3 owners of
 * its group (earlier entities) and now and then a minority stake from another
 * group; 600 cross-holdings close cycles (2-4 entities). 2 % of the entities are
 * listed. Times building the graph and `aggregateListedOwnership` for every
 * entity (median of 5), then the naive baseline in the same process
 * (`aggregateListedOwnershipNaive`: every simple path of every entity,
 * recursively over string-keyed maps), and checks that both agree.
 */
import {
  aggregateListedOwnership,
  buildOwnershipGraph,
  findOwnershipPaths,
  type OwnershipGraphLink,
} from '@entente/core';
import { aggregateListedOwnershipNaive } from '../packages/core/src/ownership/aggregate-naive.test-support.ts';

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(targetLinks: number): {
  links: OwnershipGraphLink[];
  listed: Set<string>;
  entities: string[];
} {
  const rnd = random(17);
  const links: OwnershipGraphLink[] = [];
  const entities: string[] = [];
  const groups: string[][] = [];
  const room = new Map<string, number>();
  while (links.length < targetLinks - 600) {
    const g = groups.length;
    const size = 4 + Math.floor(rnd() * 9);
    const members = Array.from({ length: size }, (_, i) => `G${g}-${i}`);
    groups.push(members);
    entities.push(...members);
    for (let i = 1; i < size; i++) {
      const owners = 1 + Math.floor(rnd() * 3);
      let left = 100;
      const chosen = new Set<number>();
      for (let k = 0; k < owners; k++) chosen.add(Math.floor(rnd() * i));
      for (const o of chosen) {
        const share = Math.round(rnd() * left * 0.9 * 100) / 100;
        if (share <= 0) continue;
        left -= share;
        links.push({ owner: members[o]!, owned: members[i]!, share });
      }
      if (g > 0 && rnd() < 0.15 && left > 5) {
        const other = groups[Math.floor(rnd() * g)]!;
        const share = Math.round(rnd() * left * 50) / 100;
        links.push({ owner: other[Math.floor(rnd() * other.length)]!, owned: members[i]!, share });
        left -= share;
      }
      room.set(members[i]!, left);
    }
  }
  // Cross-holdings: an entity takes a small stake in one of its owners (a cycle of 2-4).
  for (let c = 0; c < 600 || links.length < targetLinks; c++) {
    const members = groups[Math.floor(rnd() * groups.length)]!;
    const low = members.length - 1 - Math.floor(rnd() * 2);
    const high = Math.max(0, low - 1 - Math.floor(rnd() * 3));
    const free = room.get(members[high]!) ?? 100;
    const share = Math.min(free, 1 + Math.round(rnd() * 400) / 100);
    if (share <= 0 || low === high) continue;
    room.set(members[high]!, free - share);
    links.push({
      owner: members[low]!,
      owned: members[high]!,
      share,
      ...(rnd() < 0.1 ? { controls: true } : {}),
    });
  }
  const listed = new Set(entities.filter(() => rnd() < 0.02));
  return { links, listed, entities };
}

const { links, listed, entities } = generate(100_000);
console.log(`links ${links.length}, entities ${entities.length}, listed ${listed.size}`);

const build: number[] = [];
const aggregate: number[] = [];
let result!: ReturnType<typeof aggregateListedOwnership>;
let graph!: ReturnType<typeof buildOwnershipGraph>;
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  graph = buildOwnershipGraph(links);
  const t1 = performance.now();
  result = aggregateListedOwnership(graph, listed);
  const t2 = performance.now();
  build.push(t1 - t0);
  aggregate.push(t2 - t1);
}
const caught = [...result.shares].filter((s) => s >= 0.5).length;
console.log(
  `cycles ${result.cycles.length} (largest ${Math.max(...result.cycles.map((c) => c.length))}), truncated ${result.truncated.length}, graph problems ${graph.problems.length}, entities ≥ 50 % look-through ${caught}`,
);
console.log(
  `build graph: median ${median(build).toFixed(0)} ms (${build.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(
  `aggregate:   median ${median(aggregate).toFixed(0)} ms (${aggregate.map((x) => x.toFixed(0)).join(', ')})`,
);
console.log(`build + aggregate: median ${median(build.map((b, i) => b + aggregate[i]!)).toFixed(0)} ms`);

const p0 = performance.now();
let pathCount = 0;
for (const id of entities.slice(0, 10_000)) pathCount += findOwnershipPaths(graph, listed, id).paths.length;
console.log(`paths for 10,000 entities: ${(performance.now() - p0).toFixed(0)} ms (${pathCount} paths)`);

const n0 = performance.now();
const naive = aggregateListedOwnershipNaive(links, listed);
const naiveMs = performance.now() - n0;
let worst = 0;
for (const [id, share] of naive)
  worst = Math.max(worst, Math.abs(share - result.shares[graph.index.get(id)!]! * 100));
console.log(
  `naive baseline: ${naiveMs.toFixed(0)} ms; largest difference ${worst.toExponential(2)} percentage points`,
);
console.log(
  `speed-up (naive / build + aggregate): ${(naiveMs / median(build.map((b, i) => b + aggregate[i]!))).toFixed(1)}x`,
);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateListedOwnership } from './aggregate-listed-ownership.ts';
import { aggregateListedOwnershipNaive } from './aggregate-naive.test-support.ts';
import { describeOwnershipPath, findOwnershipPaths } from './find-ownership-paths.ts';
import { buildOwnershipGraph, type OwnershipGraphLink } from './ownership-graph.ts';

const link = (owner: string, owned: string, share?: number, controls?: boolean): OwnershipGraphLink => ({
  owner,
  owned,
  ...(share === undefined ? {} : { share }),
  ...(controls === undefined ? {} : { controls }),
});

function aggregate(links: OwnershipGraphLink[], listed: string[]): Map<string, number> {
  const graph = buildOwnershipGraph(links);
  const result = aggregateListedOwnership(graph, new Set(listed));
  return new Map(graph.ids.map((id, v) => [id, result.shares[v]! * 100]));
}

describe('aggregateListedOwnership', () => {
  it.each([
    {
      name: 'multiplies along an indirect chain',
      links: [link('L', 'A', 30), link('A', 'B', 60)],
      listed: ['L'],
      entity: 'B',
      share: 18,
    },
    {
      name: 'adds several listed owners',
      links: [link('L1', 'T', 25), link('L2', 'T', 25)],
      listed: ['L1', 'L2'],
      entity: 'T',
      share: 50,
    },
    {
      name: 'adds a direct and an indirect path of one owner',
      links: [link('L', 'A', 100), link('A', 'T', 30), link('L', 'T', 20)],
      listed: ['L'],
      entity: 'T',
      share: 50,
    },
    {
      name: 'stops at the first listed owner on a chain (no double counting)',
      links: [link('L1', 'L2', 60), link('L2', 'T', 50)],
      listed: ['L1', 'L2'],
      entity: 'T',
      share: 50,
    },
    {
      name: 'counts OFAC FAQ 401 example 2 as 25 % look-through',
      links: [link('X', 'A', 50), link('X', 'B', 50), link('A', 'C', 25), link('B', 'C', 25)],
      listed: ['X'],
      entity: 'C',
      share: 25,
    },
    {
      name: 'ignores control-only links in the share',
      links: [link('L', 'T', undefined, true)],
      listed: ['L'],
      entity: 'T',
      share: 0,
    },
    {
      name: 'cuts a path that comes back round a cycle',
      links: [link('A', 'B', 50), link('B', 'A', 50), link('L', 'A', 40)],
      listed: ['L'],
      entity: 'B',
      share: 20,
    },
    {
      name: 'gives an entity on a cycle its own entering share only',
      links: [link('A', 'B', 50), link('B', 'A', 50), link('L', 'A', 40)],
      listed: ['L'],
      entity: 'A',
      share: 40,
    },
    {
      name: 'follows a cycle to an owner outside it',
      links: [
        link('A', 'B', 50),
        link('B', 'C', 50),
        link('C', 'A', 50),
        link('L', 'C', 40),
        link('B', 'T', 100),
      ],
      listed: ['L'],
      entity: 'T',
      share: 10,
    },
  ])('$name', ({ links, listed, entity, share }) => {
    expect(aggregate(links, listed).get(entity)).toBeCloseTo(share, 9);
  });

  it('reports each cycle once with its members', () => {
    const graph = buildOwnershipGraph([
      link('A', 'B', 50),
      link('B', 'C', 50),
      link('C', 'A', 50),
      link('D', 'E', 10),
      link('E', 'D', 10),
      link('L', 'A', 10),
    ]);
    const result = aggregateListedOwnership(graph, new Set(['L']));
    expect(result.cycles.map((c) => c.join(',')).sort()).toEqual(['A,B,C', 'D,E']);
    expect(result.truncated).toEqual([]);
  });

  it('stops walking a cycle past its budget and says the share is a lower bound', () => {
    const ring = Array.from({ length: 12 }, (_, i) => [
      link(`N${i}`, `N${(i + 1) % 12}`, 40),
      link(`N${i}`, `N${(i + 5) % 12}`, 40),
    ]).flat();
    const graph = buildOwnershipGraph([...ring, link('L', 'N0', 20)]);
    const result = aggregateListedOwnership(graph, new Set(['L']), 50);
    expect(result.truncated.length).toBeGreaterThan(0);
    for (const share of result.shares) expect(share).toBeLessThanOrEqual(1);
  });

  it('reports shares over 100 % and scales them down', () => {
    const graph = buildOwnershipGraph([
      link('L', 'T', 80),
      link('M', 'T', 40),
      link('X', 'X', 10),
      link('Y', 'T', 120),
    ]);
    expect(graph.problems.map((p) => p.kind).sort()).toEqual([
      'self-link',
      'share-out-of-range',
      'shares-over-100',
    ]);
    expect(aggregate([link('L', 'T', 80), link('M', 'T', 40)], ['L', 'M']).get('T')).toBeCloseTo(100, 9);
  });
});

describe('findOwnershipPaths', () => {
  it('shows each path from the listed party down, largest first', () => {
    const graph = buildOwnershipGraph([link('L', 'A', 30), link('A', 'C', 60), link('M', 'C', 25)]);
    const { paths } = findOwnershipPaths(graph, new Set(['L', 'M']), 'C');
    expect(paths.map((p) => describeOwnershipPath(p))).toEqual([
      'M owns 25 % of C (25 %)',
      'L owns 30 % of A, A owns 60 % of C (18 %)',
    ]);
  });

  it('says when a path was cut at a cycle', () => {
    const graph = buildOwnershipGraph([link('A', 'B', 50), link('B', 'A', 50), link('L', 'A', 40)]);
    const found = findOwnershipPaths(graph, new Set(['L']), 'B');
    expect(found.cycleCut).toBe(true);
    expect(found.paths.map((p) => p.share)).toEqual([20]);
  });
});

/** Random graphs over 7 entities whose owners hold at most 100 % of each entity; cycles allowed. */
const graphs = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 1, max: 100 }),
    ),
    { maxLength: 18 },
  )
  .map((raw) => {
    const links = raw.filter(([a, b]) => a !== b).map(([a, b, s]) => link(`E${a}`, `E${b}`, s));
    const totals = new Map<string, number>();
    for (const l of links) totals.set(l.owned, (totals.get(l.owned) ?? 0) + l.share!);
    return links.map((l) => ({ ...l, share: (l.share! * 100) / Math.max(100, totals.get(l.owned)!) }));
  });
const listedSets = fc.subarray(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6'], { maxLength: 3 });

describe('aggregate properties', () => {
  it('never exceeds 100 % and agrees with enumerating every simple path', () => {
    fc.assert(
      fc.property(graphs, listedSets, (links, listed) => {
        const fast = aggregate(links, listed);
        const naive = aggregateListedOwnershipNaive(links, new Set(listed));
        for (const [entity, share] of fast) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(100 + 1e-9);
          expect(share).toBeCloseTo(naive.get(entity)!, 6);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone: raising one share never lowers any aggregate', () => {
    fc.assert(
      fc.property(graphs, listedSets, fc.nat(), (links, listed, pick) => {
        if (links.length === 0) return;
        const i = pick % links.length;
        const room = 100 - links.filter((l) => l.owned === links[i]!.owned).reduce((t, l) => t + l.share!, 0);
        const raised = links.map((l, j) => (j === i ? { ...l, share: l.share! + Math.max(0, room) } : l));
        const before = aggregate(links, listed);
        const after = aggregate(raised, listed);
        for (const [entity, share] of before) expect(after.get(entity)!).toBeGreaterThanOrEqual(share - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('terminates on graphs closed into cycles and reports them', () => {
    fc.assert(
      fc.property(graphs, listedSets, (links, listed) => {
        const closed = [...links, ...links.map((l) => link(l.owned, l.owner, 1))];
        const graph = buildOwnershipGraph(closed);
        const result = aggregateListedOwnership(graph, new Set(listed));
        if (links.length > 0) expect(result.cycles.length).toBeGreaterThan(0);
        for (const share of result.shares) expect(share).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

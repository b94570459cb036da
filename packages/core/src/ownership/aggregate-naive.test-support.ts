/**
 * The obvious implementation of the look-through aggregate, kept as the
 * reference for the property tests and the baseline of
 * bench/ownership-aggregate.ts: for every entity, enumerate every simple path
 * up to a listed party, recursively, over string-keyed maps. Not exported from
 * core's index.
 */
import type { OwnershipGraphLink } from './ownership-graph.ts';

/** Per cent held by listed parties, per entity, by enumerating every simple path. */
export function aggregateListedOwnershipNaive(
  links: readonly OwnershipGraphLink[],
  listed: ReadonlySet<string>,
): Map<string, number> {
  const owners = new Map<string, OwnershipGraphLink[]>();
  const entities = new Set<string>();
  for (const link of links) {
    entities.add(link.owner);
    entities.add(link.owned);
    if (link.owner === link.owned || (link.share ?? 0) <= 0) continue;
    const list = owners.get(link.owned) ?? [];
    list.push(link);
    owners.set(link.owned, list);
  }
  const held = (entity: string, onPath: Set<string>): number => {
    let total = 0;
    for (const link of owners.get(entity) ?? []) {
      if (onPath.has(link.owner)) continue;
      const share = (link.share ?? 0) / 100;
      if (listed.has(link.owner)) total += share;
      else {
        onPath.add(link.owner);
        total += share * held(link.owner, onPath);
        onPath.delete(link.owner);
      }
    }
    return total;
  };
  const result = new Map<string, number>();
  for (const entity of entities) result.set(entity, Math.min(1, held(entity, new Set([entity]))) * 100);
  return result;
}

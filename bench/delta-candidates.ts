/**
 * The monitoring delta's candidate search (issue 17): which counterparties a weekly update's
 * added and changed listed parties (200 added, 50 changed by an alias "… Trading", as in
 * bench/monitor-rescreen.ts) are screened against, on a synthetic register of N counterparties
 * against the whole mirror. Each candidate set is then screened forwards against the changed
 * parties (what the delta does with it), and the hits each set finds are counted.
 *
 * Compared in the same process, alternating (`--baseline reverse|forward`, default forward):
 * - `reverse`: the reverse search the delta used before 2026-12-04 (each changed party's names
 *   screened against the register index at 0.30, 50 kept per name), against the forward search;
 *   the forward search must find every hit the reverse one finds, and those it missed;
 * - `forward`: the forward search keeping every counterparty its shared words can lift to the
 *   engine's candidate bound (before 2026-12-05), against the same search with each counterparty
 *   bounded against the changed names that reached it (`mayMatchNames`, now): the same hits.
 * Process CPU seconds (one thread).
 *
 *   npx tsx bench/delta-candidates.ts [--counterparties 100000] [--baseline reverse|forward]
 */
import { counterpartyQueries, partyQueries, screenParty } from '@entente/core';
import {
  forwardCandidates,
  irregularCounterparties,
} from '../packages/adapters/src/monitoring/forward-candidates.ts';
import { cpu, load, weeklyDeltaWorld } from './delta-world.ts';
import { numberArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);

async function main(): Promise<void> {
  const { index, register, registerIndex, ids } = await weeklyDeltaWorld(N);
  console.log(
    `register: ${register.length} counterparties (${irregularCounterparties(registerIndex).size} screened by every delta: names screened under other words too); ${ids.size} added or changed parties; load ${load()}`,
  );

  const byId = new Map(register.map((c) => [c.id, c]));
  const screen = (set: Set<string>) => {
    const c0 = process.cpuUsage();
    const hits = new Set<string>();
    for (const id of set)
      for (const q of counterpartyQueries(byId.get(id)!))
        for (const m of screenParty(index, q, { entities: ids, limit: Number.POSITIVE_INFINITY }))
          hits.add(`${id}×${m.entityId}`);
    return { hits, s: cpu(c0) };
  };
  const rows: { path: string; search: number; size: number; screen: number; hits: Set<string> }[] = [];
  const reverseBaseline = process.argv.includes('reverse');
  const queriesOf = (id: string) => {
    const c = byId.get(id);
    return c && counterpartyQueries(c);
  };
  const paths = reverseBaseline
    ? ['reverse at 0.30 (before)', 'forward (now)']
    : ['forward, by the shared words (before)', 'forward, bounded pair by pair (now)'];
  for (const path of [...paths, ...paths]) {
    const c0 = process.cpuUsage();
    let set: Set<string>;
    if (path.includes('pair by pair'))
      set = forwardCandidates(index, registerIndex, ids, undefined, queriesOf);
    else if (path.startsWith('reverse')) {
      set = new Set<string>();
      for (const entityId of ids)
        for (const q of partyQueries(index.get(entityId)!.party))
          for (const m of screenParty(registerIndex, q, { threshold: 0.3, limit: 50 })) set.add(m.sourceId);
    } else set = forwardCandidates(index, registerIndex, ids);
    const search = cpu(c0);
    const { hits, s } = screen(set);
    rows.push({ path, search, size: set.size, screen: s, hits });
    console.log(
      `${path}: candidate search ${search.toFixed(2)} s CPU, ${set.size} counterparties; screened forwards in ${s.toFixed(2)} s CPU: ${hits.size} hits; load ${load()}`,
    );
  }
  const before = rows[0]!.hits;
  const now = rows[1]!.hits;
  console.log(
    `hits "${paths[1]}" finds and "${paths[0]}" missed: ${[...now].filter((h) => !before.has(h)).length}; the other way round: ${[...before].filter((h) => !now.has(h)).length}`,
  );
}

await main();

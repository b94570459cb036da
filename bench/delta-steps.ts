/**
 * The monitoring delta's two screening steps alone (issue 17), in one process, on a weekly
 * update (200 added, 50 changed listed parties; bench/delta-world.ts) and a synthetic register:
 * the scoped step (`candidateCounterparties`: the forward search with the pairwise bound, as
 * `MonitorService` calls it with the register's entries) and the scored step (each candidate's
 * names screened against the changed parties only, as `runMonitoring` does in process). Counts
 * the work (counterparties reached and kept, queries, distinct queries, matches) and the process
 * CPU of each step per round; with `--profile prefix`, a CPU profile of each step of the last
 * round (`prefix-scoped.cpuprofile`, `prefix-scored.cpuprofile`). `--dump file`: the matches of the
 * last round (counterparty, entity, score), to compare two checkouts.
 *
 *   npx tsx bench/delta-steps.ts [--counterparties 100000] [--register adversarial|realistic]
 *     [--rounds 3] [--profile prefix] [--dump file]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as core from '@entente/core';
import { counterpartyQueries, mergeCounterpartyMatches, screenParty } from '@entente/core';
import * as monitoring from '../packages/adapters/src/monitoring/run-monitoring.ts';

const { candidateCounterparties, MONITOR_MATCH_LIMIT } = monitoring;
/**
 * The query objects the scored step screens: those the scoped step bounded where the checkout keeps
 * them per register entry (`queriesOfEntry`, as `runMonitoring` uses them in a delta), else made anew.
 */
const queriesOf =
  (monitoring as unknown as { queriesOfEntry?: typeof counterpartyQueries }).queriesOfEntry ??
  counterpartyQueries;
import { cpu, load, weeklyDeltaWorld } from './delta-world.ts';
import { registerKindArg } from './synthetic-register.ts';
import { numberArg, stringArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);
const ROUNDS = numberArg('rounds', 3);
const PROFILE = stringArg('profile', '');
const DUMP = stringArg('dump', '');
const FRESH = process.argv.includes('--fresh-too');
/** Query preparations made and re-weighted after an index change, where the checkout counts them. */
const prepCounts = (core as { preparedQueryCounts?: { fresh: number; reweighted: number } })
  .preparedQueryCounts;

async function profiled<T>(name: string, on: boolean, f: () => T): Promise<T> {
  if (!on) return f();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const out = f();
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`${PROFILE}-${name}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
  return out;
}

async function main(): Promise<void> {
  const { index, register, registerIndex, ids } = await weeklyDeltaWorld(N, registerKindArg());
  const byId = new Map(register.map((c) => [c.id, c]));
  console.log(
    `register: ${register.length} counterparties; ${ids.size} added or changed parties; load ${load()}`,
  );
  let lines: string[] = [];
  // Each round after the first follows a change of the index, as each delta follows a refresh:
  // one changed party indexed again (what the index works out from its state is worked out anew).
  const again = index.get([...ids][0]!)!;
  for (let round = 0; round < ROUNDS; round++) {
    if (round > 0) index.add(again.party, again.versionId);
    const last = round === ROUNDS - 1 && PROFILE !== '';
    const p0 = prepCounts && { ...prepCounts };
    let c0 = process.cpuUsage();
    const candidates = await profiled('scoped', last, () =>
      candidateCounterparties(index, registerIndex, ids, [], byId),
    );
    const scoped = cpu(c0);
    const options = { limit: MONITOR_MATCH_LIMIT, entities: ids };
    const scoreWith = (make: (c: (typeof register)[number]) => ReturnType<typeof counterpartyQueries>) => {
      let queries = 0;
      let matches = 0;
      const seen = new Map<string, ReturnType<typeof screenParty>>();
      const out: string[] = [];
      for (const id of candidates) {
        const c = byId.get(id);
        if (!c) continue;
        const perName = make(c).map((q) => {
          queries++;
          const key = JSON.stringify(q);
          let m = seen.get(key);
          if (!m) seen.set(key, (m = screenParty(index, q, options)));
          return m;
        });
        for (const m of mergeCounterpartyMatches(perName)) {
          matches++;
          out.push(`${id} ${m.entityId} ${m.score}`);
        }
      }
      return { queries, distinct: seen.size, matches, out };
    };
    // `--fresh-too`: the scored step also on query objects made anew (none of them bounded by the
    // scoped step), before or after the kept ones by turns, after the same scoped step.
    let freshS: number | undefined;
    let freshOut: string[] | undefined;
    const fresh = () => {
      const f0 = process.cpuUsage();
      freshOut = scoreWith(counterpartyQueries).out;
      freshS = cpu(f0);
    };
    if (FRESH && round % 2 === 1) fresh();
    c0 = process.cpuUsage();
    const { queries, distinct, matches, out } = await profiled('scored', last, () => scoreWith(queriesOf));
    const scored = cpu(c0);
    if (FRESH && round % 2 === 0) fresh();
    if (freshOut && freshOut.join('\n') !== out.join('\n'))
      throw new Error('fresh query objects scored otherwise');
    lines = out;
    console.log(
      `round ${round + 1}: scoped ${scoped.toFixed(2)} s CPU (${candidates.size} candidates); scored ${scored.toFixed(2)} s CPU${freshS === undefined ? '' : ` (on fresh query objects ${freshS.toFixed(2)} s)`} (${queries} queries, ${distinct} distinct, ${matches} matches); expansion memo ${index.expansions.size}${prepCounts && p0 ? `; queries prepared ${prepCounts.fresh - p0.fresh}, re-weighted ${prepCounts.reweighted - p0.reweighted}` : ''}; load ${load()}`,
    );
  }
  if (DUMP) writeFileSync(DUMP, lines.sort().join('\n') + '\n');
}

await main();

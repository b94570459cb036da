/**
 * Whether the monitoring delta's forward search can be split by changed listed party (issue 17,
 * option (a) of docs/decisions/2026-12-07-delta-forward-halves.md): on a weekly update (200 added,
 * 50 changed listed parties; bench/delta-world.ts) and a synthetic register, `forwardCandidates`
 * with the pairwise bound over all the changed parties, and over each half of them (the first
 * and the second half in the set's order, as two threads would take them), in process CPU
 * seconds, alternated; whether the two halves' candidates, merged in order, are the whole's (the
 * same set, and the same order); and the same search over a register index restored over its
 * snapshot's columns in shared memory (`shareSnapshot` + `indexOverSnapshot`, how a worker would
 * read it without building it), with that snapshot's size and the time to make it, and what the
 * search over it misses.
 *
 *   npx tsx bench/delta-forward-halves.ts [--counterparties 100000] [--register adversarial|realistic] [--rounds 3]
 */
import { counterpartyQueries, shareSnapshot, snapshotOfIndex, type ScreeningIndex } from '@entente/core';
import { indexOverSnapshot } from '@entente/core/screening-worker';
import {
  forwardCandidates,
  irregularCounterparties,
} from '../packages/adapters/src/monitoring/forward-candidates.ts';
import { cpu, load, weeklyDeltaWorld } from './delta-world.ts';
import { registerKindArg } from './synthetic-register.ts';
import { numberArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);
const ROUNDS = numberArg('rounds', 3);

async function main(): Promise<void> {
  const { index, register, registerIndex, ids } = await weeklyDeltaWorld(N, registerKindArg());
  const byId = new Map(register.map((c) => [c.id, c]));
  const queriesOf = (id: string) => {
    const c = byId.get(id);
    return c && counterpartyQueries(c);
  };
  const all = [...ids];
  const first = new Set(all.slice(0, Math.ceil(all.length / 2)));
  const second = new Set(all.slice(Math.ceil(all.length / 2)));

  let c0 = process.cpuUsage();
  const snapshot = snapshotOfIndex(registerIndex);
  const shared = shareSnapshot(snapshot);
  const snapS = cpu(c0);
  let bytes = 0;
  const count = (v: unknown, seen = new Set<unknown>()): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      bytes += v.byteLength;
      return;
    }
    for (const x of Object.values(v as object)) count(x, seen);
  };
  count(shared);
  c0 = process.cpuUsage();
  const overColumns = indexOverSnapshot(shared, registerIndex.reference);
  overColumns.prepare();
  const restoreS = cpu(c0);
  console.log(
    `register index snapshot made and shared in ${snapS.toFixed(2)} s CPU (${(bytes / 2 ** 20).toFixed(0)} MiB of typed arrays), restored over it in ${restoreS.toFixed(2)} s CPU; ${ids.size} changed parties, halves ${first.size} / ${second.size}; load ${load()}`,
  );

  const runs: [string, () => string[]][] = [
    ['whole', () => [...forwardCandidates(index, registerIndex, ids, undefined, queriesOf)]],
    [
      'halves',
      () => {
        const a = forwardCandidates(index, registerIndex, first, undefined, queriesOf);
        const b = forwardCandidates(index, registerIndex, second, undefined, queriesOf);
        const out = new Set(a);
        for (const id of b) out.add(id);
        return [...out];
      },
    ],
    ['first half', () => [...forwardCandidates(index, registerIndex, first, undefined, queriesOf)]],
    ['second half', () => [...forwardCandidates(index, registerIndex, second, undefined, queriesOf)]],
    [
      'whole over columns',
      () => [...forwardCandidates(index, overColumns as ScreeningIndex, ids, undefined, queriesOf)],
    ],
  ];
  const results = new Map<string, string[]>();
  const times = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, run] of round % 2 === 0 ? runs : [...runs].reverse()) {
      const t0 = process.cpuUsage();
      const out = run();
      const s = cpu(t0);
      results.set(name, out);
      times.set(name, [...(times.get(name) ?? []), s]);
      console.log(
        `round ${round + 1} ${name}: ${s.toFixed(2)} s CPU, ${out.length} candidates; load ${load()}`,
      );
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const [name, xs] of times)
    console.log(`${name}: median ${median(xs).toFixed(2)} s CPU (${xs.map((x) => x.toFixed(2)).join(', ')})`);
  const whole = results.get('whole')!;
  for (const name of ['halves', 'whole over columns']) {
    const other = results.get(name)!;
    const set = new Set(other);
    const sameSet = other.length === whole.length && whole.every((id) => set.has(id));
    const sameOrder = sameSet && whole.every((id, i) => other[i] === id);
    console.log(
      `${name}: same candidates as the whole ${sameSet ? 'yes' : 'NO'}, same order ${sameOrder ? 'yes' : 'no'}`,
    );
  }
  // Over columns `irregularCounterparties` walks `registerIndex.entries`, which such an index
  // leaves empty: the rest of the search compared on its own.
  const irregular = irregularCounterparties(registerIndex);
  const columns = new Set(results.get('whole over columns')!);
  const wholeSet = new Set(whole);
  const missing = whole.filter((id) => !columns.has(id));
  console.log(
    `over columns: ${irregularCounterparties(overColumns as ScreeningIndex).size} irregular counterparties found (built index: ${irregular.size}); of the whole's candidates ${missing.length} missing, ${missing.filter((id) => !irregular.has(id)).length} of them not irregular; ${[...columns].filter((id) => !wholeSet.has(id)).length} extra`,
  );
}

await main();

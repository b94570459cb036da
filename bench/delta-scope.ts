/**
 * The monitoring delta's scope search alone (issue 17): `forwardCandidates` with the pairwise
 * bound, as `MonitorService` calls it, for a weekly update (200 added, 50 changed listed parties,
 * as bench/delta-candidates.ts) on a synthetic register of N counterparties against the whole
 * mirror. Compared in the same process, alternating, with the same function of another checkout
 * (`--baseline-module`, e.g. main's `packages/adapters/src/monitoring/forward-candidates.ts` in a
 * `git archive` copy with its own `node_modules` links): both run on the same indexes, and must
 * return the same counterparties. Also says why the counterparties every delta screens
 * (`irregularCounterparties`) are there. Process CPU seconds (one thread).
 *
 *   npx tsx bench/delta-scope.ts [--counterparties 100000] [--register adversarial|realistic]
 *     [--baseline-module path] [--rounds 3]
 */
import {
  commaSeparatedNames,
  counterpartyQueries,
  namePartsOf,
  transcriptionSpellings,
  wadeGilesToPinyin,
} from '@entente/core';
import {
  forwardCandidates,
  irregularCounterparties,
} from '../packages/adapters/src/monitoring/forward-candidates.ts';
import { cpu, load, weeklyDeltaWorld } from './delta-world.ts';
import { registerKindArg } from './synthetic-register.ts';
import { numberArg, stringArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);
const ROUNDS = numberArg('rounds', 3);
const BASELINE = stringArg('baseline-module', '');

async function main(): Promise<void> {
  const { index, register, registerIndex, ids } = await weeklyDeltaWorld(N, registerKindArg());
  const byId = new Map(register.map((c) => [c.id, c]));
  const queriesOf = (id: string) => {
    const c = byId.get(id);
    return c && counterpartyQueries(c);
  };

  // Why each counterparty every delta screens is there (the first reason that holds).
  const irregular = irregularCounterparties(registerIndex);
  const reasons = new Map<string, number>();
  for (const id of irregular) {
    const names = byId.get(id)?.names ?? [];
    const reason = names.some((n) => namePartsOf(n, false).length > 0)
      ? 'a part outside brackets or a packed name'
      : names.some((n) => commaSeparatedNames(n).length > 0)
        ? 'comma-separated names'
        : names.some((n) => wadeGilesToPinyin(n) !== undefined)
          ? 'Wade–Giles'
          : names.some((n) => (transcriptionSpellings(n) ?? []).some((w) => w.spellings.length > 0))
            ? 'a transcription the lists spell in Latin'
            : 'an indexed name that is none of its names (a reading)';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  console.log(
    `register: ${register.length} counterparties, ${irregular.size} screened by every delta (${[...reasons]
      .map(([r, n]) => `${n} ${r}`)
      .join('; ')}); ${ids.size} added or changed parties; load ${load()}`,
  );

  const baseline = BASELINE
    ? ((await import(BASELINE)) as { forwardCandidates: typeof forwardCandidates }).forwardCandidates
    : undefined;
  const runs: [string, typeof forwardCandidates][] = [
    ...(baseline ? [['baseline', baseline] as [string, typeof forwardCandidates]] : []),
    ['this checkout', forwardCandidates],
  ];
  const sets = new Map<string, Set<string>>();
  const times = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, search] of round % 2 === 0 ? runs : [...runs].reverse()) {
      const c0 = process.cpuUsage();
      const set = search(index, registerIndex, ids, undefined, queriesOf);
      const s = cpu(c0);
      sets.set(name, set);
      times.set(name, [...(times.get(name) ?? []), s]);
      console.log(`${name}: ${s.toFixed(2)} s CPU, ${set.size} counterparties; load ${load()}`);
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // Each module's first call also finds the register's irregular counterparties (kept per index).
  for (const [name, xs] of times)
    console.log(`${name}: median after the first call ${median(xs.slice(1)).toFixed(2)} s CPU`);
  if (baseline) {
    const a = sets.get('baseline')!;
    const b = sets.get('this checkout')!;
    const same = a.size === b.size && [...a].every((id) => b.has(id));
    console.log(`same counterparties as the baseline: ${same ? 'yes' : 'NO'}`);
  }
}

await main();

/**
 * The delta forward search's scan of list words added since the list index's fuzzy look-up was
 * built (issue 17; `registerTokensNear` with `pending`): each such word of a changed listed name
 * was compared (`compareTokenFacts`) with every register word of a close length; now only with
 * those that start with its letter or lack no more of its letters (and have no more letters it
 * lacks) than the edit budget allows (`letterMask`). Baseline in the same process, alternating:
 * the look-up routes plus the whole scan, as before. The two visit the same register words (checked
 * on every word). Process CPU seconds (one thread), and the register words compared.
 *
 *   npx tsx bench/delta-pending-scan.ts [--counterparties 100000] [--register adversarial|realistic] [--rounds 3]
 */
import { allowedEdits, compareTokenFacts } from '@entente/core';
import { registerTokensNear } from '../packages/adapters/src/monitoring/forward-candidates.ts';
import { cpu, load, weeklyDeltaWorld } from './delta-world.ts';
import { registerKindArg } from './synthetic-register.ts';
import { numberArg } from './support/args.ts';

const N = numberArg('counterparties', 100_000);
const ROUNDS = numberArg('rounds', 3);

async function main(): Promise<void> {
  const { index, registerIndex, ids } = await weeklyDeltaWorld(N, registerKindArg());
  // The world's update was applied with its fuzzy look-up rebuilt after it (more than 256 new
  // words): the scan is timed on the changed names' 256 newest words as if they were pending, as
  // the product path's refresh leaves up to 256 (50 per weekly delta at 100,000, adversarial).
  const keys = new Set<number>();
  for (const id of ids)
    for (const nameId of index.get(id)?.names ?? [])
      for (const k of index.name(nameId)?.keyIds ?? []) keys.add(k);
  const pending = new Set([...keys].sort((x, y) => y - x).slice(0, 256));
  const byLength = new Map<number, number[]>();
  for (let id = 0; id < registerIndex.tokenCount; id++) {
    const n = registerIndex.tokenLength(id);
    const list = byLength.get(n);
    if (list) list.push(id);
    else byLength.set(n, [id]);
  }
  // Built before the timing (a register index gets them once, in the background).
  registerTokensNear(index, registerIndex, index.tokenAt([...pending][0] ?? 0), false, () => {});
  console.log(
    `${ids.size} added or changed listed parties; ${pending.size} of their names' ${keys.size} words scanned; ${registerIndex.tokenCount} register words; load ${load()}`,
  );

  let compared = 0;
  const before = (): Set<number>[] =>
    [...pending].map((k) => {
      const s = index.tokenAt(k);
      const seen = new Set<number>();
      registerTokensNear(index, registerIndex, s, false, (t) => seen.add(t));
      const sf = index.factsAt(k);
      for (let n = s.length - 4; n <= s.length + 4; n++) {
        if (Math.abs(n - s.length) > allowedEdits(n)) continue;
        for (const id of byLength.get(n) ?? []) {
          compared++;
          if (compareTokenFacts(registerIndex.factsAt(id), sf).similarity > 0) seen.add(id);
        }
      }
      return seen;
    });
  const after = (): Set<number>[] =>
    [...pending].map((k) => {
      const seen = new Set<number>();
      registerTokensNear(index, registerIndex, index.tokenAt(k), true, (t) => seen.add(t));
      return seen;
    });
  const times = { before: [] as number[], after: [] as number[] };
  let a: Set<number>[] = [];
  let b: Set<number>[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let c0 = process.cpuUsage();
    compared = 0;
    a = before();
    times.before.push(cpu(c0));
    c0 = process.cpuUsage();
    b = after();
    times.after.push(cpu(c0));
  }
  const same = a.every((set, i) => set.size === b[i]!.size && [...set].every((t) => b[i]!.has(t)));
  const visited = a.reduce((n, set) => n + set.size, 0);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(
    `before (routes + whole scan): ${times.before.map((t) => t.toFixed(3)).join(', ')} s CPU, ${compared} register words compared`,
  );
  console.log(`after (routes + letter test): ${times.after.map((t) => t.toFixed(3)).join(', ')} s CPU`);
  console.log(
    `median ×${(median(times.after) / median(times.before)).toFixed(2)}; the same ${visited} register words visited: ${same}; load ${load()}`,
  );
  if (!same) process.exitCode = 1;
}

void main();

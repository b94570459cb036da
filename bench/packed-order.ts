/**
 * The look-ups' sorts (`packedOrder`: the phonetic and the fold order of the tokens) of a column
 * snapshot of SIZE synthetic parties (default 200,000, seed 18), old and new in one process,
 * alternating ROUNDS times (default 3): OLD_CORE names the baseline's `packed-strings.ts`. Prints
 * each sort's time and whether the orders are identical. Run:
 * `OLD_CORE=/work/old-e01/packages/core/src/screening/packed-strings.ts ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/packed-order.ts`.
 */
import {
  packedEqual,
  packedOrder,
  type PackedStrings,
} from '../packages/core/src/screening/packed-strings.ts';
import { snapshotOfPartiesInWorkers } from '../packages/adapters/src/screening/column-build.ts';
import { syntheticGenerator } from './support/scale-index.ts';

const SIZE = Number(process.env.SIZE ?? 200_000);
const SEED = Number(process.env.SEED ?? 18);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
type Order = (packed: PackedStrings, keep: (id: number) => boolean) => Int32Array;
const old = process.env.OLD_CORE
  ? ((await import(process.env.OLD_CORE)) as { packedOrder: Order }).packedOrder
  : undefined;

const { reference, generator } = await syntheticGenerator();
const inputs = (function* () {
  for (const party of generator.stream(SIZE, SEED)) yield { party };
})();
const s = await snapshotOfPartiesInWorkers(inputs, reference, { workers: 2, deletionWorkers: 2 });
const { tokens, tokenKeys, tokenFolds } = s;
const sorts: [string, PackedStrings, (i: number) => boolean][] = [
  ['phonetic order', tokenKeys, (i) => tokenKeys.ends[i]! > (i ? tokenKeys.ends[i - 1]! : 0)],
  ['fold order', tokenFolds, (i) => !packedEqual(tokenFolds, i, tokens, i)],
];
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
console.log(
  `${SIZE} parties, ${tokens.ends.length} tokens; load ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (let round = 0; round < ROUNDS; round++)
  for (const [label, packed, keep] of sorts) {
    const timed = (f: Order): [Int32Array, number] => {
      const at = cpuMs();
      const order = f(packed, keep);
      return [order, cpuMs() - at];
    };
    const [a, newMs] = timed(packedOrder);
    let line = `round ${round + 1} ${label} (${a.length} ids): new ${newMs.toFixed(0)} ms CPU`;
    if (old) {
      const [b, oldMs] = timed(old);
      const same = a.length === b.length && a.every((x, i) => x === b[i]);
      line += `, old ${oldMs.toFixed(0)} ms CPU, new/old ×${(newMs / oldMs).toFixed(2)}, identical ${same}`;
    }
    console.log(line);
  }
process.exit(0);

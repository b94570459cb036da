/**
 * CPU of the spelling folds over the distinct keys of N synthetic parties (default 200,000,
 * seeded as bench/scale-1m.ts): what the column build's token facts fold, each key once
 * (`foldSpellingOnce`). With OLD_CORE=<checkout>/packages/core/src/index.ts the old core's fold
 * runs in the same process, alternating, PASSES times each (default 4), and the outputs are
 * compared (sha256 of all folds, and the count that differ; also `foldSpellingKasra`). Run:
 * `OLD_CORE=/work/old-33c/packages/core/src/index.ts ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/fold-once-cpu.ts`.
 */
import { createHash } from 'node:crypto';
import * as core from '@entente/core';
import { syntheticGenerator } from './support/scale-index.ts';

const N = Number(process.env.N ?? 200_000);
const PASSES = Number(process.env.PASSES ?? 4);
const old = process.env.OLD_CORE ? ((await import(process.env.OLD_CORE)) as typeof core) : undefined;
const { reference, generator } = await syntheticGenerator();
const distinct = new Set<string>();
for (const party of generator.stream(N, 18))
  for (const n of core.columnPartyOf(party, reference).names) for (const k of n.keys) distinct.add(k);
const keys = [...distinct];
console.log(
  `${N} parties: ${keys.length} distinct keys; load ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const run = (label: string, fold: (t: string) => string): string[] => {
  const c0 = process.cpuUsage();
  const out = keys.map(fold);
  const c = process.cpuUsage(c0);
  console.log(`  ${label}: ${((c.user + c.system) / 1000).toFixed(0)} ms CPU`);
  return out;
};
const digest = (xs: string[]): string =>
  createHash('sha256').update(xs.join('\n')).digest('hex').slice(0, 16);
let newOut: string[] = [];
let oldOut: string[] | undefined;
for (let p = 0; p < PASSES; p++) {
  if (old) oldOut = run(`old pass ${p + 1}`, old.foldSpellingOnce);
  newOut = run(`new pass ${p + 1}`, core.foldSpellingOnce);
}
console.log(`new folds sha256 ${digest(newOut)}`);
if (oldOut) {
  const differ = keys.filter((_, i) => oldOut![i] !== newOut[i]).length;
  const kasraDiffer = keys.filter((k) => old!.foldSpellingKasra(k) !== core.foldSpellingKasra(k)).length;
  console.log(`old folds sha256 ${digest(oldOut)}; ${differ} differ; kasra folds ${kasraDiffer} differ`);
}

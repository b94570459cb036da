/**
 * The deletion index of the real mirror's distinct tokens built on one thread (`deletionArraysOf`,
 * what the service's object index and `snapshotOfParties` run) by this checkout and by another
 * (OLD: its root, e.g. a `git archive` of main), alternating which goes first, RUNS times (default 6): CPU
 * medians, and whether the arrays are the same. Run:
 * `OLD=/tmp/old ENTENTE_SHARED_DATA=/work/shared/data node --import tsx bench/deletion-build.ts`.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deletionArraysOf, snapshotOfParties, type DeletionArrays } from '@entente/core';
import { unpack } from '../packages/core/src/screening/packed-strings.ts';
import { loadNameReference } from '../packages/adapters/src/screening-reference/load-name-reference.ts';
import { loadMirrorLists, MIRROR } from './eval-screening-lists.ts';

const RUNS = Number(process.env.RUNS ?? 6);
const OLD = process.env.OLD;
if (!OLD) throw new Error('OLD: the root of the checkout to compare with');
const old = (await import(
  pathToFileURL(path.join(OLD, 'packages/core/src/screening/build-snapshot.ts')).href
)) as {
  deletionArraysOf: (tokens: readonly string[]) => DeletionArrays;
};
const reference = await loadNameReference(MIRROR);
const parties = (await loadMirrorLists(MIRROR, () => {})).flatMap((l) => l.parties);
const tokens = unpack(
  snapshotOfParties(
    parties.map((party) => ({ party })),
    reference,
  ).tokens,
);
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times = { old: [] as number[], new: [] as number[] };
let same = true;
// Alternating which goes first (the second pays for the first's garbage).
for (let run = 0; run < RUNS; run++) {
  const built: Record<'old' | 'new', DeletionArrays | undefined> = { old: undefined, new: undefined };
  for (const which of run % 2 ? (['new', 'old'] as const) : (['old', 'new'] as const)) {
    const c = cpu();
    built[which] = (which === 'old' ? old.deletionArraysOf : deletionArraysOf)(tokens);
    times[which].push(cpu() - c);
  }
  const [a, b] = [built.old!, built.new!];
  same &&= Buffer.from(a.offsets.buffer).equals(Buffer.from(b.offsets.buffer));
  same &&= Buffer.from(a.entries.buffer).equals(Buffer.from(b.entries.buffer));
}
console.log(
  `${tokens.length} tokens of the mirror (${parties.length} parties): deletion index CPU median of ${RUNS}, old ${median(times.old).toFixed(0)} ms, new ${median(times.new).toFixed(0)} ms (×${(median(times.new) / median(times.old)).toFixed(2)}); arrays the same: ${same}; load ${loadavg()[0]!.toFixed(1)}`,
);

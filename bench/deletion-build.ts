/**
 * The deletion index of the real mirror's distinct tokens built on one thread (`deletionArraysOf`,
 * what the service's object index and `snapshotOfParties` run) by this checkout and by another
 * (OLD: its root, e.g. a `git archive` of main), alternating, RUNS times (default 5): CPU
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

const RUNS = Number(process.env.RUNS ?? 5);
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
for (let run = 0; run < RUNS; run++) {
  let c = cpu();
  const a = old.deletionArraysOf(tokens);
  times.old.push(cpu() - c);
  c = cpu();
  const b = deletionArraysOf(tokens);
  times.new.push(cpu() - c);
  same &&= Buffer.from(a.offsets.buffer).equals(Buffer.from(b.offsets.buffer));
  same &&= Buffer.from(a.entries.buffer).equals(Buffer.from(b.entries.buffer));
}
console.log(
  `${tokens.length} tokens of the mirror (${parties.length} parties): deletion index CPU median of ${RUNS}, old ${median(times.old).toFixed(0)} ms, new ${median(times.new).toFixed(0)} ms (×${(median(times.new) / median(times.old)).toFixed(2)}); arrays the same: ${same}; load ${loadavg()[0]!.toFixed(1)}`,
);
